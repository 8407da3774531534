// Per-fork precompile sets as data (issue #11): each fork's set is the previous fork's plus what it adds.
// The registry (`addPrecompiles`) takes one of these lists; forks reference them by name.
import type { Precompile } from './types.js';
import { ecrecoverPrecompile } from './01-ecrecover.js';
import { sha256Precompile } from './02-sha256.js';
import { ripemd160Precompile } from './03-ripemd160.js';
import { identityPrecompile } from './04-identity.js';
import { modexpPrecompile } from './05-modexp.js';
import { bn254AddPrecompile } from './06-bn254Add.js';
import { bn254MulPrecompile } from './07-bn254Mul.js';
import { bn254PairingPrecompile } from './08-bn254Pairing.js';
import { blake2fPrecompile } from './09-blake2f.js';
import { pointEvaluationPrecompile } from './0a-pointEvaluation.js';

/** A fork's precompiles, ordered by address, frozen. */
export type PrecompileSet = readonly Precompile[];

/** Cancun (EIP-4844 adds 0x0a): 0x01 .. 0x0a. */
export const CANCUN_PRECOMPILES: PrecompileSet = Object.freeze([
  ecrecoverPrecompile,
  sha256Precompile,
  ripemd160Precompile,
  identityPrecompile,
  modexpPrecompile,
  bn254AddPrecompile,
  bn254MulPrecompile,
  bn254PairingPrecompile,
  blake2fPrecompile,
  pointEvaluationPrecompile,
]);

// Work in progress on branch `precompiles`: Prague adds the EIP-2537 BLS12-381 set (0x0b .. 0x11),
// Osaka adds P256VERIFY (0x100) and reprices MODEXP. Until those land both equal Cancun's list.
/** Prague: Cancun + EIP-2537 BLS12-381 (0x0b .. 0x11). */
export const PRAGUE_PRECOMPILES: PrecompileSet = CANCUN_PRECOMPILES;
/** Osaka: Prague + EIP-7951 P256VERIFY (0x100), MODEXP under EIP-7823/EIP-7883. */
export const OSAKA_PRECOMPILES: PrecompileSet = PRAGUE_PRECOMPILES;

/** The addresses of a set, for warm-access lists (EIP-2929 warms every precompile of the fork). */
export function precompileAddresses(set: PrecompileSet): bigint[] {
  return set.map((p) => p.address);
}
