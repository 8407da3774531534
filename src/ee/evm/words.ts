// 256-bit word helpers on bigint: masks, signed views and small-constant caches.

import { SIGN_BIT, TWO_256, U256_MAX } from '../../encoding/limits.js';

/** Precomputed bigints 0..255 so PUSH1 and friends allocate nothing. */
export const SMALL: readonly bigint[] = Object.freeze(Array.from({ length: 256 }, (_, i) => BigInt(i)));

/** The word as a signed 256-bit value. */
export function toSigned(x: bigint): bigint {
  return x >= SIGN_BIT ? x - TWO_256 : x;
}

/** A signed value back to its 256-bit two's-complement word. */
export function fromSigned(x: bigint): bigint {
  return x & U256_MAX;
}

/** Saturates a word to a JS safe integer (gas arguments). */
export function toSafeNumber(x: bigint): number {
  return x > 9007199254740991n ? Number.MAX_SAFE_INTEGER : Number(x);
}
