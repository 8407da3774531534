// alt_bn128 (bn254) G1 codecs of 0x06 and 0x07 (EIP-196 encodings), on @noble/curves; 0x08's pairing check
// is src/crypto/bn254Pairing.ts.
import { bn254 } from '@noble/curves/bn254.js';
import { readWord } from './util.js';

export const G1 = bn254.G1.Point;
export type G1Point = InstanceType<typeof G1>;

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
