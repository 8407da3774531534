// alt_bn128 (bn254) point codecs shared by 0x06-0x08 (EIP-196 / EIP-197 encodings), on @noble/curves.
import { bn254 } from '@noble/curves/bn254.js';
import { readWord } from './util.js';

export const G1 = bn254.G1.Point;
export const G2 = bn254.G2.Point;
export type G1Point = InstanceType<typeof G1>;
export type G2Point = InstanceType<typeof G2>;
const { Fp2, Fp12 } = bn254.fields;

/** Base field modulus p (EIP-196). Coordinates must be < p. */
export const BN254_P = 0x30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47n;
/** Group order n of G1 and G2. */
export const BN254_N = 0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001n;

/**
 * G1 point from the 64 bytes at `offset` (x ‖ y, zero-padded past the input's end); (0, 0) is the
 * point at infinity. Returns null when a coordinate is ≥ p or the point is not on y² = x³ + 3
 * (G1 has cofactor 1, so on-curve means in the group).
 */
export function decodeG1(input: Uint8Array, offset: number): G1Point | null {
  const x = readWord(input, offset);
  const y = readWord(input, offset + 32);
  if (x >= BN254_P || y >= BN254_P) return null;
  if (x === 0n && y === 0n) return G1.ZERO;
  try {
    const p = G1.fromAffine({ x, y });
    p.assertValidity();
    return p;
  } catch {
    return null;
  }
}

/**
 * G2 point from the 128 bytes at `offset`: x_im ‖ x_re ‖ y_im ‖ y_re (EIP-197 puts the imaginary
 * coefficient first). All zeros is infinity. Returns null when a coordinate is ≥ p, the point is
 * not on the twist, or it is not in the order-n subgroup.
 */
export function decodeG2(input: Uint8Array, offset: number): G2Point | null {
  const xIm = readWord(input, offset);
  const xRe = readWord(input, offset + 32);
  const yIm = readWord(input, offset + 64);
  const yRe = readWord(input, offset + 96);
  if (xIm >= BN254_P || xRe >= BN254_P || yIm >= BN254_P || yRe >= BN254_P) return null;
  if (xIm === 0n && xRe === 0n && yIm === 0n && yRe === 0n) return G2.ZERO;
  try {
    const p = G2.fromAffine({ x: Fp2.fromBigTuple([xRe, xIm]), y: Fp2.fromBigTuple([yRe, yIm]) });
    p.assertValidity(); // on the twist and in the subgroup
    return p;
  } catch {
    return null;
  }
}

function writeWord(out: Uint8Array, offset: number, v: bigint): void {
  for (let i = offset + 31; i >= offset && v > 0n; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
}

/** 64-byte x ‖ y encoding of a G1 point; infinity is 64 zero bytes. */
export function encodeG1(p: G1Point): Uint8Array {
  const out = new Uint8Array(64);
  if (p.is0()) return out;
  const { x, y } = p.toAffine();
  writeWord(out, 0, x);
  writeWord(out, 32, y);
  return out;
}

/** True when the product of the pairings e(g1_i, g2_i) is 1; pairs with an infinity are skipped. */
export function pairingProductIsOne(pairs: { g1: G1Point; g2: G2Point }[]): boolean {
  const live = pairs.filter(({ g1, g2 }) => !g1.is0() && !g2.is0());
  if (live.length === 0) return true;
  return Fp12.eql(bn254.pairingBatch(live), Fp12.ONE);
}
