// bn254PairingCheck (mcl-wasm) against @noble/curves as the oracle: products of pairings that are and are not 1,
// points at infinity, and every kind of invalid point (off G1, off the twist, on the twist but outside the
// order-n subgroup), each through both libraries.
import { bn254 } from '@noble/curves/bn254.js';
import { describe, expect, it } from 'vitest';
import { bn254PairingCheck, type G1Coordinates, type G2Coordinates } from '../../src/crypto/bn254Pairing.js';

const G1 = bn254.G1.Point;
const G2 = bn254.G2.Point;
type G1Point = InstanceType<typeof G1>;
type G2Point = InstanceType<typeof G2>;
const { Fp2, Fp12 } = bn254.fields;
const N = bn254.G1.Point.CURVE().n;

/** A deterministic scalar stream (xorshift over 64 bits, widened), so failures reproduce. */
function scalars(seed: bigint): () => bigint {
  let s = seed;
  const next64 = (): bigint => {
    s ^= (s << 13n) & 0xffff_ffff_ffff_ffffn;
    s ^= s >> 7n;
    s ^= (s << 17n) & 0xffff_ffff_ffff_ffffn;
    return s;
  };
  return () => (((next64() << 192n) | (next64() << 128n) | (next64() << 64n) | next64()) % (N - 1n)) + 1n;
}

const g1Coords = (p: G1Point): G1Coordinates => (p.is0() ? { x: 0n, y: 0n } : p.toAffine());
function g2Coords(p: G2Point): G2Coordinates {
  if (p.is0()) return { xRe: 0n, xIm: 0n, yRe: 0n, yIm: 0n };
  const { x, y } = p.toAffine();
  return { xRe: x.c0, xIm: x.c1, yRe: y.c0, yIm: y.c1 };
}

/** noble's answer for coordinates: null when a point is invalid, else whether the product of pairings is 1. */
function nobleCheck(pairs: { g1: G1Coordinates; g2: G2Coordinates }[]): boolean | null {
  const live: { g1: G1Point; g2: G2Point }[] = [];
  for (const { g1, g2 } of pairs) {
    let p: G1Point;
    let q: G2Point;
    try {
      p = g1.x === 0n && g1.y === 0n ? G1.ZERO : G1.fromAffine(g1);
      p.assertValidity();
      const zero2 = g2.xRe === 0n && g2.xIm === 0n && g2.yRe === 0n && g2.yIm === 0n;
      q = zero2
        ? G2.ZERO
        : G2.fromAffine({ x: Fp2.fromBigTuple([g2.xRe, g2.xIm]), y: Fp2.fromBigTuple([g2.yRe, g2.yIm]) });
      q.assertValidity();
    } catch {
      return null;
    }
    if (!p.is0() && !q.is0()) live.push({ g1: p, g2: q });
  }
  return live.length === 0 ? true : Fp12.eql(bn254.pairingBatch(live), Fp12.ONE);
}

/** A point on the twist y² = x³ + b' that is not in the order-n subgroup (the twist's cofactor is > 1). */
function twistPointOutsideSubgroup(): G2Coordinates {
  const b = G2.CURVE().b;
  for (let x0 = 1n; ; x0++) {
    const x = Fp2.fromBigTuple([x0, 1n]);
    const rhs = Fp2.add(Fp2.mul(Fp2.sqr(x), x), b);
    let y: ReturnType<typeof Fp2.sqrt>;
    try {
      y = Fp2.sqrt(rhs);
    } catch {
      continue; // not a square: no point with this x
    }
    const p = G2.fromAffine({ x, y });
    if (!p.isTorsionFree()) return { xRe: x.c0, xIm: x.c1, yRe: y.c0, yIm: y.c1 };
  }
}

describe('bn254PairingCheck (mcl-wasm) against @noble/curves', () => {
  const next = scalars(0x9e3779b97f4a7c15n);

  it('e(a·P, b·Q) · e(−ab·P, Q) = 1, and a wrong factor breaks it (20 random cases)', () => {
    for (let i = 0; i < 20; i++) {
      const a = next();
      const b = next();
      const good = [
        { g1: g1Coords(G1.BASE.multiply(a)), g2: g2Coords(G2.BASE.multiply(b)) },
        { g1: g1Coords(G1.BASE.multiply((a * b) % N).negate()), g2: g2Coords(G2.BASE) },
      ];
      expect(bn254PairingCheck(good)).toBe(true);
      const bad = [good[0]!, { g1: g1Coords(G1.BASE.multiply((a * b + 1n) % N).negate()), g2: good[1]!.g2 }];
      expect(bn254PairingCheck(bad)).toBe(false);
      expect(nobleCheck(bad)).toBe(false);
    }
    // one case through the oracle too (each noble pairing takes ~10 ms)
    const a = next();
    const one = [
      { g1: g1Coords(G1.BASE.multiply(a)), g2: g2Coords(G2.BASE) },
      { g1: g1Coords(G1.BASE.multiply(a).negate()), g2: g2Coords(G2.BASE) },
    ];
    expect(nobleCheck(one)).toBe(true);
    expect(bn254PairingCheck(one)).toBe(true);
  });

  it('a single pair of generators is not 1; three pairs summing to 0 are', () => {
    const single = [{ g1: g1Coords(G1.BASE), g2: g2Coords(G2.BASE) }];
    expect(bn254PairingCheck(single)).toBe(nobleCheck(single));
    expect(bn254PairingCheck(single)).toBe(false);
    const [a, b] = [next(), next()];
    const three = [
      { g1: g1Coords(G1.BASE.multiply(a)), g2: g2Coords(G2.BASE) },
      { g1: g1Coords(G1.BASE.multiply(b)), g2: g2Coords(G2.BASE) },
      { g1: g1Coords(G1.BASE.multiply((a + b) % N).negate()), g2: g2Coords(G2.BASE) },
    ];
    expect(bn254PairingCheck(three)).toBe(true);
  });

  it('points at infinity contribute 1; no pairs is 1', () => {
    const inf1 = { g1: { x: 0n, y: 0n }, g2: g2Coords(G2.BASE) };
    const inf2 = { g1: g1Coords(G1.BASE), g2: g2Coords(G2.ZERO) };
    for (const pairs of [[], [inf1], [inf2], [inf1, inf2]]) {
      expect(bn254PairingCheck(pairs)).toBe(true);
      expect(nobleCheck(pairs)).toBe(true);
    }
    const single = { g1: g1Coords(G1.BASE), g2: g2Coords(G2.BASE) };
    expect(bn254PairingCheck([inf1, single])).toBe(false);
  });

  it('invalid points make the whole check invalid, even paired with infinity', () => {
    const offG1 = { x: 1n, y: 1n };
    const g = g2Coords(G2.BASE);
    const offTwist = { ...g, yRe: g.yRe ^ 1n };
    const outsideSubgroup = twistPointOutsideSubgroup();
    const cases: { g1: G1Coordinates; g2: G2Coordinates }[][] = [
      [{ g1: offG1, g2: g }],
      [{ g1: offG1, g2: g2Coords(G2.ZERO) }],
      [{ g1: g1Coords(G1.BASE), g2: offTwist }],
      [{ g1: { x: 0n, y: 0n }, g2: offTwist }],
      [{ g1: g1Coords(G1.BASE), g2: outsideSubgroup }],
      [{ g1: { x: 0n, y: 0n }, g2: outsideSubgroup }],
      [
        { g1: g1Coords(G1.BASE), g2: g },
        { g1: { x: 0n, y: 1n }, g2: g },
      ],
    ];
    for (const pairs of cases) {
      expect(nobleCheck(pairs)).toBe(null);
      expect(bn254PairingCheck(pairs)).toBe(null);
    }
  });
});
