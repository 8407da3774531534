// BLS12-381 codecs and prices shared by the EIP-2537 precompiles (0x0b-0x11), on @noble/curves.
// Every field operation is the library's; this module only decodes, validates and encodes.
import { pippenger } from '@noble/curves/abstract/curve.js';
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { bytesToBigInt } from '../../crypto/bytes.js';
import { isZeroRange } from './util.js';

export const BlsG1 = bls12_381.G1.Point;
export const BlsG2 = bls12_381.G2.Point;
export type BlsG1Point = InstanceType<typeof BlsG1>;
export type BlsG2Point = InstanceType<typeof BlsG2>;
const { Fp, Fp2, Fp12, Fr } = bls12_381.fields;
const G1_B = BlsG1.CURVE().b;
const G2_B = BlsG2.CURVE().b;

/** EIP-2537: base field modulus p. */
export const BLS_P: bigint = Fp.ORDER;
/** EIP-2537: main subgroup order q. */
export const BLS_Q: bigint = Fr.ORDER;

/** EIP-2537: an Fp element is 64 bytes, big-endian, top 16 bytes zero. */
export const FP_BYTES = 64;
/** Top bytes of an Fp encoding that must be zero (p is 381 bits). */
const FP_PAD_BYTES = 16;
/** EIP-2537: a G1 point is x ‖ y (2 × 64 bytes); all zeros is the point at infinity. */
export const G1_BYTES = 2 * FP_BYTES;
/** EIP-2537: a G2 point is x ‖ y with x, y in Fp2 = c0 ‖ c1 (4 × 64 bytes). */
export const G2_BYTES = 4 * FP_BYTES;
/** EIP-2537: MSM scalars are 32-byte big-endian integers, not required to be < q. */
export const SCALAR_BYTES = 32;

/** EIP-2537 gas schedule. */
export const BLS_GAS = Object.freeze({
  g1Add: 375,
  g2Add: 600,
  /** The single-multiplication price the MSM formula scales (G1MUL of the earlier draft). */
  g1Mul: 12000,
  g2Mul: 22500,
  pairingPerPair: 32600,
  pairingBase: 37700,
  mapFpToG1: 5500,
  mapFp2ToG2: 23800,
});

/** EIP-2537: MSM cost is k × mul × discount(k) / 1000. */
export const MSM_MULTIPLIER = 1000;

/** EIP-2537: G1 MSM discounts for k = 1 .. 128 (k > 128 uses the last, 519). */
export const G1_MSM_DISCOUNT: readonly number[] = Object.freeze([
  1000, 949, 848, 797, 764, 750, 738, 728, 719, 712, 705, 698, 692, 687, 682, 677, 673, 669, 665, 661, 658, 654, 651,
  648, 645, 642, 640, 637, 635, 632, 630, 627, 625, 623, 621, 619, 617, 615, 613, 611, 609, 608, 606, 604, 603, 601,
  599, 598, 596, 595, 593, 592, 591, 589, 588, 586, 585, 584, 582, 581, 580, 579, 577, 576, 575, 574, 573, 572, 570,
  569, 568, 567, 566, 565, 564, 563, 562, 561, 560, 559, 558, 557, 556, 555, 554, 553, 552, 551, 550, 549, 548, 547,
  547, 546, 545, 544, 543, 542, 541, 540, 540, 539, 538, 537, 536, 536, 535, 534, 533, 532, 532, 531, 530, 529, 528,
  528, 527, 526, 525, 525, 524, 523, 522, 522, 521, 520, 520, 519,
]);

/** EIP-2537: G2 MSM discounts for k = 1 .. 128 (k > 128 uses the last, 524). */
export const G2_MSM_DISCOUNT: readonly number[] = Object.freeze([
  1000, 1000, 923, 884, 855, 832, 812, 796, 782, 770, 759, 749, 740, 732, 724, 717, 711, 704, 699, 693, 688, 683, 679,
  674, 670, 666, 663, 659, 655, 652, 649, 646, 643, 640, 637, 634, 632, 629, 627, 624, 622, 620, 618, 615, 613, 611,
  609, 607, 606, 604, 602, 600, 598, 597, 595, 593, 592, 590, 589, 587, 586, 584, 583, 582, 580, 579, 578, 576, 575,
  574, 573, 571, 570, 569, 568, 567, 566, 565, 563, 562, 561, 560, 559, 558, 557, 556, 555, 554, 553, 552, 552, 551,
  550, 549, 548, 547, 546, 545, 545, 544, 543, 542, 541, 541, 540, 539, 538, 537, 537, 536, 535, 535, 534, 533, 532,
  532, 531, 530, 530, 529, 528, 528, 527, 526, 526, 525, 524, 524,
]);

/** EIP-2537 MSM price for `k` ≥ 1 pairs: floor(k × mul × discount(k) / 1000), the discount capped at k = 128. */
export function msmGas(k: number, discounts: readonly number[], mulGas: number): number {
  const discount = discounts[Math.min(k, discounts.length) - 1]!;
  // k × 22500 × 1000 stays far below 2^53 for any k an input can hold.
  return Math.floor((k * mulGas * discount) / MSM_MULTIPLIER);
}

/** Fp element of the 64 bytes at `offset`, or null unless the top 16 bytes are zero and the value is < p. */
export function decodeFp(input: Uint8Array, offset: number): bigint | null {
  if (!isZeroRange(input, offset, offset + FP_PAD_BYTES)) return null;
  const v = bytesToBigInt(input.subarray(offset + FP_PAD_BYTES, offset + FP_BYTES));
  return v < BLS_P ? v : null;
}

/** Fp2 element c0 ‖ c1 of the 128 bytes at `offset`, or null when either coefficient is not a valid Fp. */
export function decodeFp2(input: Uint8Array, offset: number): { c0: bigint; c1: bigint } | null {
  const c0 = decodeFp(input, offset);
  if (c0 === null) return null;
  const c1 = decodeFp(input, offset + FP_BYTES);
  if (c1 === null) return null;
  return Fp2.fromBigTuple([c0, c1]);
}

/**
 * G1 point of the 128 bytes at `offset`: all zeros is infinity; otherwise both coordinates must be
 * valid Fp and the point on y² = x³ + 4. With `subgroup`, it must also be in the order-q subgroup
 * (MSM and pairing; ADD skips the check, EIP-2537). Returns null when invalid.
 */
export function decodeG1(input: Uint8Array, offset: number, subgroup: boolean): BlsG1Point | null {
  if (isZeroRange(input, offset, offset + G1_BYTES)) return BlsG1.ZERO;
  const x = decodeFp(input, offset);
  if (x === null) return null;
  const y = decodeFp(input, offset + FP_BYTES);
  if (y === null) return null;
  if (!Fp.eql(Fp.sqr(y), Fp.add(Fp.mul(Fp.sqr(x), x), G1_B))) return null;
  const p = BlsG1.fromAffine({ x, y });
  return subgroup && !p.isTorsionFree() ? null : p;
}

/** G2 point of the 256 bytes at `offset`, as `decodeG1` on the twist y² = x³ + 4(1 + i). */
export function decodeG2(input: Uint8Array, offset: number, subgroup: boolean): BlsG2Point | null {
  if (isZeroRange(input, offset, offset + G2_BYTES)) return BlsG2.ZERO;
  const x = decodeFp2(input, offset);
  if (x === null) return null;
  const y = decodeFp2(input, offset + 2 * FP_BYTES);
  if (y === null) return null;
  if (!Fp2.eql(Fp2.sqr(y), Fp2.add(Fp2.mul(Fp2.sqr(x), x), G2_B))) return null;
  const p = BlsG2.fromAffine({ x, y });
  return subgroup && !p.isTorsionFree() ? null : p;
}

/** Writes `v` (< 2^384) as a 64-byte big-endian Fp encoding at `offset` (`out` starts zeroed). */
function writeFp(out: Uint8Array, offset: number, v: bigint): void {
  for (let i = offset + FP_BYTES - 1; v > 0n; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
}

/** 128-byte encoding of a G1 point; infinity is 128 zero bytes. */
export function encodeG1(p: BlsG1Point): Uint8Array {
  const out = new Uint8Array(G1_BYTES);
  if (p.is0()) return out;
  const { x, y } = p.toAffine();
  writeFp(out, 0, x);
  writeFp(out, FP_BYTES, y);
  return out;
}

/** 256-byte encoding x.c0 ‖ x.c1 ‖ y.c0 ‖ y.c1 of a G2 point; infinity is 256 zero bytes. */
export function encodeG2(p: BlsG2Point): Uint8Array {
  const out = new Uint8Array(G2_BYTES);
  if (p.is0()) return out;
  const { x, y } = p.toAffine();
  writeFp(out, 0, x.c0);
  writeFp(out, FP_BYTES, x.c1);
  writeFp(out, 2 * FP_BYTES, y.c0);
  writeFp(out, 3 * FP_BYTES, y.c1);
  return out;
}

/** 32-byte big-endian scalar at `offset`, reduced mod q (the points it multiplies are in the order-q subgroup). */
export function decodeScalar(input: Uint8Array, offset: number): bigint {
  return bytesToBigInt(input.subarray(offset, offset + SCALAR_BYTES)) % BLS_Q;
}

/** Σ scalars[i] · points[i] (Pippenger for k > 1), for points already checked to be in the subgroup. */
export function msmG1(points: BlsG1Point[], scalars: bigint[]): BlsG1Point {
  return points.length === 1 ? points[0]!.multiplyUnsafe(scalars[0]!) : pippenger(BlsG1, points, scalars);
}

/** Σ scalars[i] · points[i] on G2, as `msmG1`. */
export function msmG2(points: BlsG2Point[], scalars: bigint[]): BlsG2Point {
  return points.length === 1 ? points[0]!.multiplyUnsafe(scalars[0]!) : pippenger(BlsG2, points, scalars);
}

/** True when Π e(g1_i, g2_i) = 1; pairs with an infinity contribute 1 and are skipped. */
export function blsPairingProductIsOne(pairs: { g1: BlsG1Point; g2: BlsG2Point }[]): boolean {
  const live = pairs.filter(({ g1, g2 }) => !g1.is0() && !g2.is0());
  if (live.length === 0) return true;
  return Fp12.eql(bls12_381.pairingBatch(live), Fp12.ONE);
}

// noble's typings give the hasher's mapToCurve an affine result, but it returns the projective point after
// clear_cofactor (RFC 9380 map_to_curve + clear_cofactor, exactly what EIP-2537 specifies); insist on that.
function asPoint<P>(cons: abstract new (...args: never[]) => P, r: unknown, what: string): P {
  if (!(r instanceof cons)) throw new Error(`@noble/curves ${what} did not return a curve point`);
  return r;
}

/** EIP-2537 MAP_FP_TO_G1: the RFC 9380 simplified-SWU map with the 11-isogeny, then cofactor clearing. */
export function mapFpToG1(u: bigint): BlsG1Point {
  // The G1 hasher has m = 1 and takes the field element itself, not a one-element array.
  return asPoint(BlsG1, bls12_381.G1.mapToCurve(u as unknown as bigint[]), 'G1.mapToCurve');
}

/** EIP-2537 MAP_FP2_TO_G2: the RFC 9380 simplified-SWU map with the 3-isogeny, then cofactor clearing. */
export function mapFp2ToG2(u: { c0: bigint; c1: bigint }): BlsG2Point {
  return asPoint(BlsG2, bls12_381.G2.mapToCurve([u.c0, u.c1]), 'G2.mapToCurve');
}
