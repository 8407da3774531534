// The precompiles, each a pure function of input and gas; the per-fork sets live in sets.ts.
import type { Precompile } from './types.js';
import { CANCUN_PRECOMPILES } from './sets.js';

export type { Precompile, PrecompileResult } from './types.js';
export { rip7212P256VerifyPrecompile } from './100-p256Verify.js';
export {
  CANCUN_PRECOMPILES,
  OSAKA_PRECOMPILES,
  PRAGUE_PRECOMPILES,
  precompileAddresses,
  type PrecompileSet,
} from './sets.js';

/** Every Cancun precompile, ordered by address (0x01 .. 0x0a); the same list as `CANCUN_PRECOMPILES`. */
export const cancunPrecompiles: readonly Precompile[] = CANCUN_PRECOMPILES;

const byAddress = new Map<bigint, Precompile>(cancunPrecompiles.map((p) => [p.address, p]));

/** The Cancun precompile at `address`, or undefined when `address` is not one. */
export function getCancunPrecompile(address: bigint): Precompile | undefined {
  return byAddress.get(address);
}

/** True when `address` is a Cancun precompile (0x01 .. 0x0a). */
export function isCancunPrecompile(address: bigint): boolean {
  return address >= 1n && address <= 0x0an;
}
