// Widths of the integers the EVM and its transactions encode: the one place for 2^64, 2^160, 2^256 and friends.

/** 2^64: one past the largest nonce, gas limit or u64 field. */
export const TWO_64 = 1n << 64n;
/** 2^64 - 1. */
export const U64_MAX = TWO_64 - 1n;
/** 2^160 - 1: the mask that turns a stack word into an address. */
export const ADDRESS_MASK = (1n << 160n) - 1n;
/** 2^192: words below it have a zero top 64-bit limb (memory converts them in three limbs). */
export const TWO_192 = 1n << 192n;
/** 2^255: the sign bit of a 256-bit word. */
export const SIGN_BIT = 1n << 255n;
/** 2^256: one past the largest word. */
export const TWO_256 = 1n << 256n;
/** 2^256 - 1: the largest word, and the all-ones mask. */
export const U256_MAX = TWO_256 - 1n;
