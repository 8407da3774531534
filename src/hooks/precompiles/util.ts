// Small helpers shared by the precompiles (not part of the public API).
import type { PrecompileResult } from './types.js';

export const OUT_OF_GAS: PrecompileResult = Object.freeze({ ok: false, reason: 'OutOfGas' }) as PrecompileResult;

/** Failure result with `reason`. */
export function fail(reason: string): PrecompileResult {
  return { ok: false, reason };
}

/** Number of 32-byte words needed to hold `len` bytes: ceil(len / 32). */
export function wordCount(len: number): number {
  return Math.ceil(len / 32);
}

/**
 * `len` bytes of `input` starting at `offset`, zero-padded on the right where the input runs out
 * (the EVM's calldata semantics). Returns a subarray (no copy) when the input covers the range.
 */
export function readPadded(input: Uint8Array, offset: number, len: number): Uint8Array {
  if (offset + len <= input.length) return input.subarray(offset, offset + len);
  const out = new Uint8Array(len);
  if (offset < input.length) out.set(input.subarray(offset), 0);
  return out;
}

/** Big-endian unsigned integer of `bytes[offset .. offset+32)`, zero-padded past the end. */
export function readWord(input: Uint8Array, offset: number): bigint {
  let v = 0n;
  const end = offset + 32;
  // Build from 8-byte limbs: far fewer bigint ops than per-byte shifting.
  for (let i = offset; i < end; i += 8) {
    let hi = 0;
    let lo = 0;
    for (let j = 0; j < 4; j++) hi = hi * 256 + (i + j < input.length ? input[i + j]! : 0);
    for (let j = 4; j < 8; j++) lo = lo * 256 + (i + j < input.length ? input[i + j]! : 0);
    v = (v << 64n) | (BigInt(hi) << 32n) | BigInt(lo);
  }
  return v;
}

/** True when every byte of `bytes[from .. to)` is zero. */
export function isZeroRange(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (bytes[i] !== 0) return false;
  return true;
}
