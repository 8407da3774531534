// 0x09 BLAKE2F: the BLAKE2b compression function F with a caller-chosen round count (EIP-152).
import type { Precompile, PrecompileResult } from './types.js';
import { OUT_OF_GAS, fail } from './util.js';

/** EIP-152: GFROUND = 1 gas per round. */
export const BLAKE2F_GAS_PER_ROUND = 1;
/** EIP-152: rounds(4) ‖ h(64) ‖ m(128) ‖ t0(8) ‖ t1(8) ‖ f(1). */
export const BLAKE2F_INPUT_LENGTH = 213;

// RFC 7693 §2.6 IV, as (low 32 bits, high 32 bits) pairs.
// prettier-ignore
const IV = new Int32Array([
  0xf3bcc908, 0x6a09e667, 0x84caa73b, 0xbb67ae85, 0xfe94f82b, 0x3c6ef372, 0x5f1d36f1, 0xa54ff53a, 0xade682d1,
  0x510e527f, 0x2b3e6c1f, 0x9b05688c, 0xfb41bd6b, 0x1f83d9ab, 0x137e2179, 0x5be0cd19,
]);

// RFC 7693 §2.7 message schedule; round r uses row r mod 10. Entries are pre-doubled so they index
// the (lo, hi) pairs of the message array directly.
// prettier-ignore
const SIGMA = new Uint8Array(
  [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3, 11, 8,
    12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4, 7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8, 9, 0, 5, 7, 2,
    4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13, 2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9, 12, 5, 1, 15, 14, 13,
    4, 10, 0, 7, 6, 3, 9, 2, 8, 11, 13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10, 6, 15, 14, 9, 11, 3, 0, 8, 12,
    2, 13, 7, 1, 4, 10, 5, 10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0,
  ].map((i) => 2 * i),
);

const TWO32 = 0x100000000;

// Scratch buffers: the function is synchronous and never re-entered, so one set suffices.
const m = new Int32Array(32); // 16 message words as (lo, hi), int32 bit patterns
const h = new Int32Array(16); // 8 state words as (lo, hi), int32 bit patterns

/** Little-endian 32-bit word at `o` as an int32 bit pattern. */
function readI32LE(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24);
}

/**
 * BLAKE2b compression F (RFC 7693 §3.2) with `rounds` rounds on the EIP-152 encoded `input`
 * (length and flag already validated). Returns the new state h as 64 little-endian bytes.
 *
 * The 16-word working vector lives in 32 local int32 variables (v<i>l / v<i>h: low and high 32
 * bits of word i) and G is written out for each of its 8 applications per round, which keeps V8
 * on plain int32 registers (about 60 ns per round once optimized). Each G is: a += b + m[x]; d = (d ^ a) >>> 32; c += d; b = (b ^ c) >>> 24;
 * a += b + m[y]; d = (d ^ a) >>> 16; c += d; b = (b ^ c) >>> 63 (rotations to the right), with
 * 64-bit additions carried between the halves.
 */
export function blake2bCompress(rounds: number, input: Uint8Array): Uint8Array {
  for (let i = 0; i < 16; i++) h[i] = readI32LE(input, 4 + 4 * i);
  for (let i = 0; i < 32; i++) m[i] = readI32LE(input, 68 + 4 * i);
  let v0l = h[0]!,
    v0h = h[1]!;
  let v1l = h[2]!,
    v1h = h[3]!;
  let v2l = h[4]!,
    v2h = h[5]!;
  let v3l = h[6]!,
    v3h = h[7]!;
  let v4l = h[8]!,
    v4h = h[9]!;
  let v5l = h[10]!,
    v5h = h[11]!;
  let v6l = h[12]!,
    v6h = h[13]!;
  let v7l = h[14]!,
    v7h = h[15]!;
  let v8l = IV[0]!,
    v8h = IV[1]!;
  let v9l = IV[2]!,
    v9h = IV[3]!;
  let v10l = IV[4]!,
    v10h = IV[5]!;
  let v11l = IV[6]!,
    v11h = IV[7]!;
  let v12l = IV[8]!,
    v12h = IV[9]!;
  let v13l = IV[10]!,
    v13h = IV[11]!;
  let v14l = IV[12]!,
    v14h = IV[13]!;
  let v15l = IV[14]!,
    v15h = IV[15]!;
  v12l ^= readI32LE(input, 196); // v[12] ^= t0
  v12h ^= readI32LE(input, 200);
  v13l ^= readI32LE(input, 204); // v[13] ^= t1
  v13h ^= readI32LE(input, 208);
  if (input[212] === 1) {
    v14l = ~v14l; // v[14] = ~v[14] on the final block
    v14h = ~v14h;
  }
  let lo: number, t: number, tl: number, th: number, x: number, y: number;
  // prettier-ignore
  for (let r = 0, s = 0; r < rounds; r++) {
    // G0(v0, v4, v8, v12)
    x = SIGMA[s + 0]!;
    y = SIGMA[s + 1]!;
    lo = (v0l >>> 0) + (v4l >>> 0) + (m[x]! >>> 0);
    v0h = (v0h + v4h + m[x + 1]! + ((lo / TWO32) | 0)) | 0;
    v0l = lo | 0;
    t = v12l ^ v0l;
    v12l = v12h ^ v0h;
    v12h = t;
    lo = (v8l >>> 0) + (v12l >>> 0);
    v8h = (v8h + v12h + ((lo / TWO32) | 0)) | 0;
    v8l = lo | 0;
    tl = v4l ^ v8l;
    th = v4h ^ v8h;
    v4l = (tl >>> 24) | (th << 8);
    v4h = (th >>> 24) | (tl << 8);
    lo = (v0l >>> 0) + (v4l >>> 0) + (m[y]! >>> 0);
    v0h = (v0h + v4h + m[y + 1]! + ((lo / TWO32) | 0)) | 0;
    v0l = lo | 0;
    tl = v12l ^ v0l;
    th = v12h ^ v0h;
    v12l = (tl >>> 16) | (th << 16);
    v12h = (th >>> 16) | (tl << 16);
    lo = (v8l >>> 0) + (v12l >>> 0);
    v8h = (v8h + v12h + ((lo / TWO32) | 0)) | 0;
    v8l = lo | 0;
    tl = v4l ^ v8l;
    th = v4h ^ v8h;
    v4l = (tl << 1) | (th >>> 31);
    v4h = (th << 1) | (tl >>> 31);
    // G1(v1, v5, v9, v13)
    x = SIGMA[s + 2]!;
    y = SIGMA[s + 3]!;
    lo = (v1l >>> 0) + (v5l >>> 0) + (m[x]! >>> 0);
    v1h = (v1h + v5h + m[x + 1]! + ((lo / TWO32) | 0)) | 0;
    v1l = lo | 0;
    t = v13l ^ v1l;
    v13l = v13h ^ v1h;
    v13h = t;
    lo = (v9l >>> 0) + (v13l >>> 0);
    v9h = (v9h + v13h + ((lo / TWO32) | 0)) | 0;
    v9l = lo | 0;
    tl = v5l ^ v9l;
    th = v5h ^ v9h;
    v5l = (tl >>> 24) | (th << 8);
    v5h = (th >>> 24) | (tl << 8);
    lo = (v1l >>> 0) + (v5l >>> 0) + (m[y]! >>> 0);
    v1h = (v1h + v5h + m[y + 1]! + ((lo / TWO32) | 0)) | 0;
    v1l = lo | 0;
    tl = v13l ^ v1l;
    th = v13h ^ v1h;
    v13l = (tl >>> 16) | (th << 16);
    v13h = (th >>> 16) | (tl << 16);
    lo = (v9l >>> 0) + (v13l >>> 0);
    v9h = (v9h + v13h + ((lo / TWO32) | 0)) | 0;
    v9l = lo | 0;
    tl = v5l ^ v9l;
    th = v5h ^ v9h;
    v5l = (tl << 1) | (th >>> 31);
    v5h = (th << 1) | (tl >>> 31);
    // G2(v2, v6, v10, v14)
    x = SIGMA[s + 4]!;
    y = SIGMA[s + 5]!;
    lo = (v2l >>> 0) + (v6l >>> 0) + (m[x]! >>> 0);
    v2h = (v2h + v6h + m[x + 1]! + ((lo / TWO32) | 0)) | 0;
    v2l = lo | 0;
    t = v14l ^ v2l;
    v14l = v14h ^ v2h;
    v14h = t;
    lo = (v10l >>> 0) + (v14l >>> 0);
    v10h = (v10h + v14h + ((lo / TWO32) | 0)) | 0;
    v10l = lo | 0;
    tl = v6l ^ v10l;
    th = v6h ^ v10h;
    v6l = (tl >>> 24) | (th << 8);
    v6h = (th >>> 24) | (tl << 8);
    lo = (v2l >>> 0) + (v6l >>> 0) + (m[y]! >>> 0);
    v2h = (v2h + v6h + m[y + 1]! + ((lo / TWO32) | 0)) | 0;
    v2l = lo | 0;
    tl = v14l ^ v2l;
    th = v14h ^ v2h;
    v14l = (tl >>> 16) | (th << 16);
    v14h = (th >>> 16) | (tl << 16);
    lo = (v10l >>> 0) + (v14l >>> 0);
    v10h = (v10h + v14h + ((lo / TWO32) | 0)) | 0;
    v10l = lo | 0;
    tl = v6l ^ v10l;
    th = v6h ^ v10h;
    v6l = (tl << 1) | (th >>> 31);
    v6h = (th << 1) | (tl >>> 31);
    // G3(v3, v7, v11, v15)
    x = SIGMA[s + 6]!;
    y = SIGMA[s + 7]!;
    lo = (v3l >>> 0) + (v7l >>> 0) + (m[x]! >>> 0);
    v3h = (v3h + v7h + m[x + 1]! + ((lo / TWO32) | 0)) | 0;
    v3l = lo | 0;
    t = v15l ^ v3l;
    v15l = v15h ^ v3h;
    v15h = t;
    lo = (v11l >>> 0) + (v15l >>> 0);
    v11h = (v11h + v15h + ((lo / TWO32) | 0)) | 0;
    v11l = lo | 0;
    tl = v7l ^ v11l;
    th = v7h ^ v11h;
    v7l = (tl >>> 24) | (th << 8);
    v7h = (th >>> 24) | (tl << 8);
    lo = (v3l >>> 0) + (v7l >>> 0) + (m[y]! >>> 0);
    v3h = (v3h + v7h + m[y + 1]! + ((lo / TWO32) | 0)) | 0;
    v3l = lo | 0;
    tl = v15l ^ v3l;
    th = v15h ^ v3h;
    v15l = (tl >>> 16) | (th << 16);
    v15h = (th >>> 16) | (tl << 16);
    lo = (v11l >>> 0) + (v15l >>> 0);
    v11h = (v11h + v15h + ((lo / TWO32) | 0)) | 0;
    v11l = lo | 0;
    tl = v7l ^ v11l;
    th = v7h ^ v11h;
    v7l = (tl << 1) | (th >>> 31);
    v7h = (th << 1) | (tl >>> 31);
    // G4(v0, v5, v10, v15)
    x = SIGMA[s + 8]!;
    y = SIGMA[s + 9]!;
    lo = (v0l >>> 0) + (v5l >>> 0) + (m[x]! >>> 0);
    v0h = (v0h + v5h + m[x + 1]! + ((lo / TWO32) | 0)) | 0;
    v0l = lo | 0;
    t = v15l ^ v0l;
    v15l = v15h ^ v0h;
    v15h = t;
    lo = (v10l >>> 0) + (v15l >>> 0);
    v10h = (v10h + v15h + ((lo / TWO32) | 0)) | 0;
    v10l = lo | 0;
    tl = v5l ^ v10l;
    th = v5h ^ v10h;
    v5l = (tl >>> 24) | (th << 8);
    v5h = (th >>> 24) | (tl << 8);
    lo = (v0l >>> 0) + (v5l >>> 0) + (m[y]! >>> 0);
    v0h = (v0h + v5h + m[y + 1]! + ((lo / TWO32) | 0)) | 0;
    v0l = lo | 0;
    tl = v15l ^ v0l;
    th = v15h ^ v0h;
    v15l = (tl >>> 16) | (th << 16);
    v15h = (th >>> 16) | (tl << 16);
    lo = (v10l >>> 0) + (v15l >>> 0);
    v10h = (v10h + v15h + ((lo / TWO32) | 0)) | 0;
    v10l = lo | 0;
    tl = v5l ^ v10l;
    th = v5h ^ v10h;
    v5l = (tl << 1) | (th >>> 31);
    v5h = (th << 1) | (tl >>> 31);
    // G5(v1, v6, v11, v12)
    x = SIGMA[s + 10]!;
    y = SIGMA[s + 11]!;
    lo = (v1l >>> 0) + (v6l >>> 0) + (m[x]! >>> 0);
    v1h = (v1h + v6h + m[x + 1]! + ((lo / TWO32) | 0)) | 0;
    v1l = lo | 0;
    t = v12l ^ v1l;
    v12l = v12h ^ v1h;
    v12h = t;
    lo = (v11l >>> 0) + (v12l >>> 0);
    v11h = (v11h + v12h + ((lo / TWO32) | 0)) | 0;
    v11l = lo | 0;
    tl = v6l ^ v11l;
    th = v6h ^ v11h;
    v6l = (tl >>> 24) | (th << 8);
    v6h = (th >>> 24) | (tl << 8);
    lo = (v1l >>> 0) + (v6l >>> 0) + (m[y]! >>> 0);
    v1h = (v1h + v6h + m[y + 1]! + ((lo / TWO32) | 0)) | 0;
    v1l = lo | 0;
    tl = v12l ^ v1l;
    th = v12h ^ v1h;
    v12l = (tl >>> 16) | (th << 16);
    v12h = (th >>> 16) | (tl << 16);
    lo = (v11l >>> 0) + (v12l >>> 0);
    v11h = (v11h + v12h + ((lo / TWO32) | 0)) | 0;
    v11l = lo | 0;
    tl = v6l ^ v11l;
    th = v6h ^ v11h;
    v6l = (tl << 1) | (th >>> 31);
    v6h = (th << 1) | (tl >>> 31);
    // G6(v2, v7, v8, v13)
    x = SIGMA[s + 12]!;
    y = SIGMA[s + 13]!;
    lo = (v2l >>> 0) + (v7l >>> 0) + (m[x]! >>> 0);
    v2h = (v2h + v7h + m[x + 1]! + ((lo / TWO32) | 0)) | 0;
    v2l = lo | 0;
    t = v13l ^ v2l;
    v13l = v13h ^ v2h;
    v13h = t;
    lo = (v8l >>> 0) + (v13l >>> 0);
    v8h = (v8h + v13h + ((lo / TWO32) | 0)) | 0;
    v8l = lo | 0;
    tl = v7l ^ v8l;
    th = v7h ^ v8h;
    v7l = (tl >>> 24) | (th << 8);
    v7h = (th >>> 24) | (tl << 8);
    lo = (v2l >>> 0) + (v7l >>> 0) + (m[y]! >>> 0);
    v2h = (v2h + v7h + m[y + 1]! + ((lo / TWO32) | 0)) | 0;
    v2l = lo | 0;
    tl = v13l ^ v2l;
    th = v13h ^ v2h;
    v13l = (tl >>> 16) | (th << 16);
    v13h = (th >>> 16) | (tl << 16);
    lo = (v8l >>> 0) + (v13l >>> 0);
    v8h = (v8h + v13h + ((lo / TWO32) | 0)) | 0;
    v8l = lo | 0;
    tl = v7l ^ v8l;
    th = v7h ^ v8h;
    v7l = (tl << 1) | (th >>> 31);
    v7h = (th << 1) | (tl >>> 31);
    // G7(v3, v4, v9, v14)
    x = SIGMA[s + 14]!;
    y = SIGMA[s + 15]!;
    lo = (v3l >>> 0) + (v4l >>> 0) + (m[x]! >>> 0);
    v3h = (v3h + v4h + m[x + 1]! + ((lo / TWO32) | 0)) | 0;
    v3l = lo | 0;
    t = v14l ^ v3l;
    v14l = v14h ^ v3h;
    v14h = t;
    lo = (v9l >>> 0) + (v14l >>> 0);
    v9h = (v9h + v14h + ((lo / TWO32) | 0)) | 0;
    v9l = lo | 0;
    tl = v4l ^ v9l;
    th = v4h ^ v9h;
    v4l = (tl >>> 24) | (th << 8);
    v4h = (th >>> 24) | (tl << 8);
    lo = (v3l >>> 0) + (v4l >>> 0) + (m[y]! >>> 0);
    v3h = (v3h + v4h + m[y + 1]! + ((lo / TWO32) | 0)) | 0;
    v3l = lo | 0;
    tl = v14l ^ v3l;
    th = v14h ^ v3h;
    v14l = (tl >>> 16) | (th << 16);
    v14h = (th >>> 16) | (tl << 16);
    lo = (v9l >>> 0) + (v14l >>> 0);
    v9h = (v9h + v14h + ((lo / TWO32) | 0)) | 0;
    v9l = lo | 0;
    tl = v4l ^ v9l;
    th = v4h ^ v9h;
    v4l = (tl << 1) | (th >>> 31);
    v4h = (th << 1) | (tl >>> 31);
    s = s === 144 ? 0 : s + 16; // next SIGMA row, mod 10
  }
  const out = new Uint8Array(64);
  const w = [
    v0l ^ v8l,
    v0h ^ v8h,
    v1l ^ v9l,
    v1h ^ v9h,
    v2l ^ v10l,
    v2h ^ v10h,
    v3l ^ v11l,
    v3h ^ v11h,
    v4l ^ v12l,
    v4h ^ v12h,
    v5l ^ v13l,
    v5h ^ v13h,
    v6l ^ v14l,
    v6h ^ v14h,
    v7l ^ v15l,
    v7h ^ v15h,
  ];
  for (let i = 0; i < 16; i++) {
    const x = h[i]! ^ w[i]!;
    const o = 4 * i;
    out[o] = x & 0xff;
    out[o + 1] = (x >>> 8) & 0xff;
    out[o + 2] = (x >>> 16) & 0xff;
    out[o + 3] = x >>> 24;
  }
  return out;
}

/**
 * Input exactly 213 bytes (else failure); the final-block flag (last byte) must be 0 or 1 (else
 * failure). Gas = rounds (big-endian u32 in the first 4 bytes). Output: the 64-byte state h.
 */
export function blake2f(input: Uint8Array, gasLimit: number): PrecompileResult {
  if (input.length !== BLAKE2F_INPUT_LENGTH) return fail('InvalidInputLength');
  const rounds = ((input[0]! << 24) | (input[1]! << 16) | (input[2]! << 8) | input[3]!) >>> 0;
  const gas = rounds * BLAKE2F_GAS_PER_ROUND;
  if (gas > gasLimit) return OUT_OF_GAS;
  const flag = input[212]!;
  if (flag !== 0 && flag !== 1) return fail('InvalidFinalFlag');
  return { ok: true, gasUsed: gas, output: blake2bCompress(rounds, input) };
}

export const blake2fPrecompile: Precompile = { address: 0x09n, name: 'blake2f', run: blake2f };
