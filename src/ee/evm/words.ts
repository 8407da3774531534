// 256-bit word helpers on bigint: masks, signed views and small-constant caches.

/** 2^256 - 1. */
export const MAX_U256 = (1n << 256n) - 1n;
/** 2^160 - 1: the mask that turns a stack word into an address. */
export const ADDRESS_MASK = (1n << 160n) - 1n;
/** 2^255: the sign bit. */
export const SIGN_BIT = 1n << 255n;

/** Precomputed bigints 0..255 so PUSH1 and friends allocate nothing. */
export const SMALL: readonly bigint[] = Object.freeze(Array.from({ length: 256 }, (_, i) => BigInt(i)));

/** The word as a signed 256-bit value. */
export function toSigned(x: bigint): bigint {
  return x >= SIGN_BIT ? x - (1n << 256n) : x;
}

/** A signed value back to its 256-bit two's-complement word. */
export function fromSigned(x: bigint): bigint {
  return x & MAX_U256;
}

/** Saturates a word to a JS safe integer (gas arguments). */
export function toSafeNumber(x: bigint): number {
  return x > 9007199254740991n ? Number.MAX_SAFE_INTEGER : Number(x);
}
