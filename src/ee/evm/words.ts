// Small-constant cache for 256-bit words (the widths and masks are in src/encoding/limits.ts).

/** Precomputed bigints 0..255 so PUSH1 and friends allocate nothing. */
export const SMALL: readonly bigint[] = Object.freeze(Array.from({ length: 256 }, (_, i) => BigInt(i)));
