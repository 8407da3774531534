// The Cancun precompile set (addresses 0x01-0x0a), each a pure function of input and gas.
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

export type { Precompile, PrecompileResult } from './types.js';

/** Every Cancun precompile, ordered by address (0x01 .. 0x0a). */
export const cancunPrecompiles: readonly Precompile[] = Object.freeze([
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

const byAddress = new Map<bigint, Precompile>(cancunPrecompiles.map((p) => [p.address, p]));

/** The Cancun precompile at `address`, or undefined when `address` is not one. */
export function getCancunPrecompile(address: bigint): Precompile | undefined {
  return byAddress.get(address);
}

/** True when `address` is a Cancun precompile (0x01 .. 0x0a). */
export function isCancunPrecompile(address: bigint): boolean {
  return address >= 1n && address <= 0x0an;
}
