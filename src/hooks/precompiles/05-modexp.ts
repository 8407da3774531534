// 0x05 MODEXP: arbitrary-precision modular exponentiation (EIP-198), priced by EIP-2565.
import type { Precompile, PrecompileResult } from './types.js';
import { OUT_OF_GAS, fail, readPadded, readWord } from './util.js';

/** EIP-2565: minimum price of a MODEXP call. */
export const MODEXP_MIN_GAS = 200n;
/** EIP-2565: the complexity × iterations product is divided by 3 (was GQUADDIVISOR = 20 in EIP-198). */
export const MODEXP_GAS_DIVISOR = 3n;
/** EIP-2565: the multiplication complexity works on 8-byte limbs: ceil(max(Blen, Mlen) / 8)^2. */
const LIMB_BYTES = 8n;
/** EIP-198: bytes of the exponent past the first 32 count 8 iterations each. */
const EXP_BYTE_ITERATIONS = 8n;

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function bitLength(v: bigint): bigint {
  return v === 0n ? 0n : BigInt(v.toString(2).length);
}

/** Big-endian bigint of `bytes` (empty → 0). */
function toBigInt(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  let hex = '0x';
  for (let i = 0; i < bytes.length; i++) hex += HEX[bytes[i]!];
  return BigInt(hex);
}

/** `value` (< 256^len) as exactly `len` big-endian bytes. */
function toBytes(value: bigint, len: number): Uint8Array {
  const out = new Uint8Array(len);
  if (value === 0n) return out;
  const hex = value.toString(16);
  const digits = hex.length;
  let o = len - 1;
  let i = digits;
  for (; i >= 2; i -= 2) out[o--] = parseInt(hex.substring(i - 2, i), 16);
  if (i === 1) out[o] = parseInt(hex[0]!, 16);
  return out;
}

/**
 * The EIP-2565 price for the given lengths and exponent head (the exponent's first min(Elen, 32)
 * bytes as an integer). Exported for tests.
 */
export function modexpGas(baseLen: bigint, expLen: bigint, modLen: bigint, expHead: bigint): bigint {
  const maxLen = baseLen > modLen ? baseLen : modLen;
  const words = (maxLen + LIMB_BYTES - 1n) / LIMB_BYTES;
  const multComplexity = words * words;
  let adjustedExpLen: bigint;
  const headBits = bitLength(expHead);
  if (expLen <= 32n) {
    adjustedExpLen = headBits === 0n ? 0n : headBits - 1n;
  } else {
    adjustedExpLen = EXP_BYTE_ITERATIONS * (expLen - 32n) + (headBits === 0n ? 0n : headBits - 1n);
  }
  const iterations = adjustedExpLen > 1n ? adjustedExpLen : 1n;
  const gas = (multComplexity * iterations) / MODEXP_GAS_DIVISOR;
  return gas > MODEXP_MIN_GAS ? gas : MODEXP_MIN_GAS;
}

/** base^exp mod m by left-to-right square-and-multiply over the exponent's bytes (m > 0). */
export function modPow(base: bigint, exp: Uint8Array, m: bigint): bigint {
  if (m === 1n) return 0n;
  const b = base % m;
  let r = 1n;
  let i = 0;
  while (i < exp.length && exp[i] === 0) i++;
  if (i === exp.length) return r; // x^0 = 1 (also 0^0)
  if (b === 0n) return 0n;
  let started = false;
  for (; i < exp.length; i++) {
    const byte = exp[i]!;
    for (let bit = 7; bit >= 0; bit--) {
      if (started) r = (r * r) % m;
      if ((byte >> bit) & 1) {
        r = started ? (r * b) % m : b;
        started = true;
      }
    }
  }
  return r;
}

/** A MODEXP price: lengths and the exponent head (first min(Elen, 32) bytes of E) to gas. */
export type ModexpPricing = (baseLen: bigint, expLen: bigint, modLen: bigint, expHead: bigint) => bigint;

/**
 * Input: Blen ‖ Elen ‖ Mlen (32-byte words) ‖ B ‖ E ‖ M, zero-padded on the right. With `maxLen`
 * (EIP-7823), any length above it fails and burns all gas. The price is computed from the lengths and
 * the exponent head alone, so absurd lengths fail with OutOfGas before anything is read or allocated.
 * Output: B^E mod M as exactly Mlen bytes (zeros when M is 0).
 */
export function runModexp(
  input: Uint8Array,
  gasLimit: number,
  price: ModexpPricing,
  maxLen: bigint | null,
): PrecompileResult {
  const baseLen = readWord(input, 0);
  const expLen = readWord(input, 32);
  const modLen = readWord(input, 64);
  if (maxLen !== null && (baseLen > maxLen || expLen > maxLen || modLen > maxLen)) return fail('InputTooLong');

  // Exponent head: first min(Elen, 32) bytes of E, which starts at 96 + Blen.
  let expHead = 0n;
  const expStart = 96n + baseLen;
  if (expLen > 0n && expStart < BigInt(input.length)) {
    const headLen = expLen > 32n ? 32 : Number(expLen);
    expHead = toBigInt(readPadded(input, Number(expStart), headLen));
  }
  const gas = price(baseLen, expLen, modLen, expHead);
  if (gas > BigInt(gasLimit)) return OUT_OF_GAS;
  const gasUsed = Number(gas);

  // Mlen = 0: empty output, nothing to compute (this covers Blen = Mlen = 0 with a huge Elen,
  // which costs only the minimum). With Mlen > 0 the price bounds Blen and Elen, so the Number
  // conversions below are exact and the reads are affordable.
  if (modLen === 0n) return { ok: true, gasUsed, output: new Uint8Array(0) };
  const bLen = Number(baseLen);
  const eLen = Number(expLen);
  const mLen = Number(modLen);
  const mod = toBigInt(readPadded(input, 96 + bLen + eLen, mLen));
  if (mod === 0n) return { ok: true, gasUsed, output: new Uint8Array(mLen) };
  const base = toBigInt(readPadded(input, 96, bLen));
  const exp = readPadded(input, 96 + bLen, eLen);
  return { ok: true, gasUsed, output: toBytes(modPow(base, exp, mod), mLen) };
}

/** MODEXP from Berlin through Prague: EIP-198 semantics, EIP-2565 price, no length bound. */
export function modexp(input: Uint8Array, gasLimit: number): PrecompileResult {
  return runModexp(input, gasLimit, modexpGas, null);
}

export const modexpPrecompile: Precompile = { address: 0x05n, name: 'modexp', run: modexp };
