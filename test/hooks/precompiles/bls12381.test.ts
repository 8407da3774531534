import { bls12_381 } from '@noble/curves/bls12-381.js';
import { describe, expect, it } from 'vitest';
import { blsG1AddPrecompile } from '../../../src/hooks/precompiles/0b-blsG1Add.js';
import { blsG1MsmGas, blsG1MsmPrecompile } from '../../../src/hooks/precompiles/0c-blsG1Msm.js';
import { blsG2AddPrecompile } from '../../../src/hooks/precompiles/0d-blsG2Add.js';
import { blsG2MsmGas, blsG2MsmPrecompile } from '../../../src/hooks/precompiles/0e-blsG2Msm.js';
import { blsPairingGas, blsPairingPrecompile } from '../../../src/hooks/precompiles/0f-blsPairing.js';
import { blsMapFpToG1Precompile } from '../../../src/hooks/precompiles/10-blsMapFpToG1.js';
import { blsMapFp2ToG2Precompile } from '../../../src/hooks/precompiles/11-blsMapFp2ToG2.js';
import {
  BLS_P,
  BLS_Q,
  BlsG1,
  BlsG2,
  G1_MSM_DISCOUNT,
  G2_MSM_DISCOUNT,
  encodeG1,
  encodeG2,
} from '../../../src/hooks/precompiles/bls12381.js';
import { bytesToHex, hexToBytes } from './helpers.js';

const fp = (v: bigint) => v.toString(16).padStart(128, '0');
const scalar = (v: bigint) => v.toString(16).padStart(64, '0');
const hex = (b: Uint8Array) => bytesToHex(b).slice(2);
const G1_GEN = hex(encodeG1(BlsG1.BASE));
const G2_GEN = hex(encodeG2(BlsG2.BASE));
const G1_INF = '00'.repeat(128);
const G2_INF = '00'.repeat(256);
const AMPLE = 100_000_000;

/** A point on y² = x³ + 4 that is not in the order-q subgroup (found with the library's Fp.sqrt). */
function g1OffSubgroup(): string {
  const { Fp } = bls12_381.fields;
  for (let x = 1n; ; x++) {
    const rhs = Fp.add(Fp.mul(Fp.sqr(x), x), 4n);
    let y: bigint;
    try {
      y = Fp.sqrt(rhs);
    } catch {
      continue;
    }
    if (!BlsG1.fromAffine({ x, y }).isTorsionFree()) return fp(x) + fp(y);
  }
}

/** A point on the G2 twist outside the subgroup. */
function g2OffSubgroup(): string {
  const { Fp2 } = bls12_381.fields;
  const b = BlsG2.CURVE().b;
  for (let c = 1n; ; c++) {
    const x = Fp2.fromBigTuple([c, 0n]);
    let y: ReturnType<typeof Fp2.sqrt>;
    try {
      y = Fp2.sqrt(Fp2.add(Fp2.mul(Fp2.sqr(x), x), b));
    } catch {
      continue;
    }
    if (!BlsG2.fromAffine({ x, y }).isTorsionFree()) return fp(x.c0) + fp(x.c1) + fp(y.c0) + fp(y.c1);
  }
}

describe('EIP-2537 gas schedule', () => {
  it('MSM discount tables: 128 entries, first/last values and the k > 128 cap', () => {
    expect(G1_MSM_DISCOUNT.length).toBe(128);
    expect(G2_MSM_DISCOUNT.length).toBe(128);
    expect([G1_MSM_DISCOUNT[0], G1_MSM_DISCOUNT[1], G1_MSM_DISCOUNT[127]]).toEqual([1000, 949, 519]);
    expect([G2_MSM_DISCOUNT[0], G2_MSM_DISCOUNT[1], G2_MSM_DISCOUNT[127]]).toEqual([1000, 1000, 524]);
    // k·mul·discount(k) / 1000 at each edge of the table.
    expect([1, 2, 127, 128, 129, 1000].map(blsG1MsmGas)).toEqual([12000, 22776, 792480, 797184, 803412, 6228000]);
    expect([1, 2, 127, 128, 129, 1000].map(blsG2MsmGas)).toEqual([22500, 45000, 1497330, 1509120, 1520910, 11790000]);
  });

  it('MSM charges exactly that: one gas less runs out, at every table edge', () => {
    for (const k of [1, 2, 128, 129]) {
      const g1 = hexToBytes((G1_GEN + scalar(BigInt(k))).repeat(k));
      expect(blsG1MsmPrecompile.run(g1, blsG1MsmGas(k) - 1), `G1 k=${k}`).toEqual({ ok: false, reason: 'OutOfGas' });
      const g2 = hexToBytes((G2_GEN + scalar(BigInt(k))).repeat(k));
      expect(blsG2MsmPrecompile.run(g2, blsG2MsmGas(k) - 1), `G2 k=${k}`).toEqual({ ok: false, reason: 'OutOfGas' });
    }
    // The capped price runs: 129 × (129·G1) = 129²·G1.
    const r = blsG1MsmPrecompile.run(hexToBytes((G1_GEN + scalar(129n)).repeat(129)), blsG1MsmGas(129));
    expect(r).toEqual({ ok: true, gasUsed: 803412, output: encodeG1(BlsG1.BASE.multiply(129n * 129n)) });
  });

  it('pairing: 32600·k + 37700; fixed prices 375 / 600 / 5500 / 23800', () => {
    expect([1, 2, 3].map(blsPairingGas)).toEqual([70300, 102900, 135500]);
    const one = hexToBytes(G1_GEN + G2_GEN);
    expect(blsPairingPrecompile.run(one, 70299)).toEqual({ ok: false, reason: 'OutOfGas' });
    expect(blsPairingPrecompile.run(one, 70300)).toMatchObject({ ok: true, gasUsed: 70300 });
    const fixed: [typeof blsG1AddPrecompile, string, number][] = [
      [blsG1AddPrecompile, G1_GEN + G1_GEN, 375],
      [blsG2AddPrecompile, G2_GEN + G2_GEN, 600],
      [blsMapFpToG1Precompile, fp(1n), 5500],
      [blsMapFp2ToG2Precompile, fp(1n) + fp(2n), 23800],
    ];
    for (const [p, input, gas] of fixed) {
      expect(p.run(hexToBytes(input), gas), p.name).toMatchObject({ ok: true, gasUsed: gas });
      expect(p.run(hexToBytes(input), gas - 1), p.name).toEqual({ ok: false, reason: 'OutOfGas' });
    }
  });

  it('addresses follow the final EIP: 0x0b .. 0x11', () => {
    const list = [
      blsG1AddPrecompile,
      blsG1MsmPrecompile,
      blsG2AddPrecompile,
      blsG2MsmPrecompile,
      blsPairingPrecompile,
      blsMapFpToG1Precompile,
      blsMapFp2ToG2Precompile,
    ];
    expect(list.map((p) => p.address)).toEqual([0x0bn, 0x0cn, 0x0dn, 0x0en, 0x0fn, 0x10n, 0x11n]);
  });
});

describe('EIP-2537 input rules', () => {
  it('empty input fails for MSM and pairing (k must be positive) and for every fixed-length call', () => {
    for (const p of [
      blsG1AddPrecompile,
      blsG1MsmPrecompile,
      blsG2AddPrecompile,
      blsG2MsmPrecompile,
      blsPairingPrecompile,
      blsMapFpToG1Precompile,
      blsMapFp2ToG2Precompile,
    ]) {
      expect(p.run(new Uint8Array(0), AMPLE), p.name).toEqual({ ok: false, reason: 'InvalidInputLength' });
    }
  });

  it('field elements: top 16 bytes must be zero, value < p', () => {
    const topByte = '01' + fp(1n).slice(2);
    expect(blsMapFpToG1Precompile.run(hexToBytes(topByte), AMPLE)).toEqual({
      ok: false,
      reason: 'InvalidFieldElement',
    });
    expect(blsMapFpToG1Precompile.run(hexToBytes(fp(BLS_P)), AMPLE)).toEqual({
      ok: false,
      reason: 'InvalidFieldElement',
    });
    expect(blsMapFpToG1Precompile.run(hexToBytes(fp(BLS_P - 1n)), AMPLE).ok).toBe(true);
    expect(blsMapFp2ToG2Precompile.run(hexToBytes(fp(0n) + fp(BLS_P)), AMPLE).ok).toBe(false);
    expect(blsMapFp2ToG2Precompile.run(hexToBytes(fp(BLS_P - 1n) + fp(BLS_P - 1n)), AMPLE).ok).toBe(true);
    // A coordinate ≥ p is rejected even when x - p would be a valid point.
    const genX = BlsG1.BASE.toAffine().x;
    const shifted = fp(genX + BLS_P) + G1_GEN.slice(128);
    expect(blsG1AddPrecompile.run(hexToBytes(shifted + G1_INF), AMPLE)).toEqual({ ok: false, reason: 'InvalidPoint' });
  });

  it('the point at infinity is all zeros: P + ∞ = P, ∞ + ∞ = ∞, and its MSM is ∞', () => {
    const add1 = blsG1AddPrecompile.run(hexToBytes(G1_GEN + G1_INF), AMPLE);
    expect(add1.ok && hex(add1.output)).toBe(G1_GEN);
    const add2 = blsG2AddPrecompile.run(hexToBytes(G2_INF + G2_INF), AMPLE);
    expect(add2.ok && hex(add2.output)).toBe(G2_INF);
    const msm = blsG1MsmPrecompile.run(hexToBytes(G1_INF + scalar(5n)), AMPLE);
    expect(msm.ok && hex(msm.output)).toBe(G1_INF);
    // P + (-P) = ∞.
    const neg = blsG1AddPrecompile.run(hexToBytes(G1_GEN + hex(encodeG1(BlsG1.BASE.negate()))), AMPLE);
    expect(neg.ok && hex(neg.output)).toBe(G1_INF);
  });

  it('points off the curve fail everywhere', () => {
    const off = G1_GEN.slice(0, 128) + fp(1n);
    expect(blsG1AddPrecompile.run(hexToBytes(off + G1_INF), AMPLE)).toEqual({ ok: false, reason: 'InvalidPoint' });
    expect(blsG1MsmPrecompile.run(hexToBytes(off + scalar(1n)), AMPLE)).toEqual({ ok: false, reason: 'InvalidPoint' });
    const off2 = G2_GEN.slice(0, 256) + fp(1n) + fp(0n);
    expect(blsG2AddPrecompile.run(hexToBytes(off2 + G2_INF), AMPLE)).toEqual({ ok: false, reason: 'InvalidPoint' });
    expect(blsPairingPrecompile.run(hexToBytes(G1_GEN + off2), AMPLE)).toEqual({ ok: false, reason: 'InvalidPoint' });
  });

  it('subgroup: ADD accepts points outside it, MSM and pairing reject them', () => {
    const p1 = g1OffSubgroup();
    const add1 = blsG1AddPrecompile.run(hexToBytes(p1 + G1_INF), AMPLE);
    expect(add1.ok && hex(add1.output)).toBe(p1);
    expect(blsG1MsmPrecompile.run(hexToBytes(p1 + scalar(1n)), AMPLE)).toEqual({ ok: false, reason: 'InvalidPoint' });
    expect(blsPairingPrecompile.run(hexToBytes(p1 + G2_GEN), AMPLE)).toEqual({ ok: false, reason: 'InvalidPoint' });
    const p2 = g2OffSubgroup();
    const add2 = blsG2AddPrecompile.run(hexToBytes(p2 + G2_INF), AMPLE);
    expect(add2.ok && hex(add2.output)).toBe(p2);
    expect(blsG2MsmPrecompile.run(hexToBytes(p2 + scalar(1n)), AMPLE)).toEqual({ ok: false, reason: 'InvalidPoint' });
    expect(blsPairingPrecompile.run(hexToBytes(G1_GEN + p2), AMPLE)).toEqual({ ok: false, reason: 'InvalidPoint' });
  });

  it('MSM scalars may exceed q (reduced), and 0 gives ∞', () => {
    const big = blsG1MsmPrecompile.run(hexToBytes(G1_GEN + scalar(BLS_Q + 3n)), AMPLE);
    expect(big.ok && hex(big.output)).toBe(hex(encodeG1(BlsG1.BASE.multiply(3n))));
    const max = blsG2MsmPrecompile.run(hexToBytes(G2_GEN + 'ff'.repeat(32)), AMPLE);
    expect(max.ok && hex(max.output)).toBe(hex(encodeG2(BlsG2.BASE.multiply(((1n << 256n) - 1n) % BLS_Q))));
    const zero = blsG1MsmPrecompile.run(hexToBytes(G1_GEN + scalar(0n) + G1_GEN + scalar(2n)), AMPLE);
    expect(zero.ok && hex(zero.output)).toBe(hex(encodeG1(BlsG1.BASE.double())));
  });

  it('pairing: e(P, Q)·e(-P, Q) = 1; e(P, Q) ≠ 1; a pair with ∞ contributes 1', () => {
    const neg = hex(encodeG1(BlsG1.BASE.negate()));
    const yes = blsPairingPrecompile.run(hexToBytes(G1_GEN + G2_GEN + neg + G2_GEN), AMPLE);
    expect(yes.ok && hex(yes.output)).toBe(scalar(1n));
    const no = blsPairingPrecompile.run(hexToBytes(G1_GEN + G2_GEN), AMPLE);
    expect(no.ok && hex(no.output)).toBe(scalar(0n));
    const inf = blsPairingPrecompile.run(hexToBytes(G1_INF + G2_GEN + G1_GEN + G2_INF), AMPLE);
    expect(inf).toEqual({ ok: true, gasUsed: blsPairingGas(2), output: hexToBytes(scalar(1n)) });
  });

  it('lengths one byte off fail', () => {
    const cases: [typeof blsG1AddPrecompile, number][] = [
      [blsG1AddPrecompile, 256],
      [blsG2AddPrecompile, 512],
      [blsG1MsmPrecompile, 160],
      [blsG2MsmPrecompile, 288],
      [blsPairingPrecompile, 384],
      [blsMapFpToG1Precompile, 64],
      [blsMapFp2ToG2Precompile, 128],
    ];
    for (const [p, len] of cases) {
      for (const n of [len - 1, len + 1]) {
        expect(p.run(new Uint8Array(n), AMPLE), `${p.name} ${n}`).toEqual({ ok: false, reason: 'InvalidInputLength' });
      }
    }
  });
});
