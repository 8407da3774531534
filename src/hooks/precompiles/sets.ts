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
import { blsG1AddPrecompile } from './0b-blsG1Add.js';
import { blsG1MsmPrecompile } from './0c-blsG1Msm.js';
import { blsG2AddPrecompile } from './0d-blsG2Add.js';
import { blsG2MsmPrecompile } from './0e-blsG2Msm.js';
import { blsPairingPrecompile } from './0f-blsPairing.js';
import { blsMapFpToG1Precompile } from './10-blsMapFpToG1.js';
import { blsMapFp2ToG2Precompile } from './11-blsMapFp2ToG2.js';
import { modexpOsakaPrecompile } from './05-modexpOsaka.js';
import { p256VerifyPrecompile } from './100-p256Verify.js';

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

/** Prague (EIP-2537): Cancun + BLS12-381 at 0x0b .. 0x11. */
export const PRAGUE_PRECOMPILES: PrecompileSet = Object.freeze([
  ...CANCUN_PRECOMPILES,
  blsG1AddPrecompile,
  blsG1MsmPrecompile,
  blsG2AddPrecompile,
  blsG2MsmPrecompile,
  blsPairingPrecompile,
  blsMapFpToG1Precompile,
  blsMapFp2ToG2Precompile,
]);

/** Osaka: Prague with MODEXP under EIP-7823/EIP-7883, + EIP-7951 P256VERIFY at 0x100. */
export const OSAKA_PRECOMPILES: PrecompileSet = Object.freeze([
  ...PRAGUE_PRECOMPILES.map((p) => (p.address === modexpOsakaPrecompile.address ? modexpOsakaPrecompile : p)),
  p256VerifyPrecompile,
]);

/** The addresses of a set, for warm-access lists (EIP-2929 warms every precompile of the fork). */
export function precompileAddresses(set: PrecompileSet): bigint[] {
  return set.map((p) => p.address);
}
