import { p256 } from '@noble/curves/nist.js';
import { describe, expect, it } from 'vitest';
import {
  P256VERIFY_GAS,
  P256_N,
  P256_P,
  RIP7212_P256VERIFY_GAS,
  p256VerifyPrecompile,
  rip7212P256VerifyPrecompile,
} from '../../../src/hooks/precompiles/100-p256Verify.js';
import { checkGasVector, loadVectors, type GasVector } from './eipVectors.js';
import { bytesToHex, hexToBytes } from './helpers.js';

// go-ethereum core/vm/testdata/precompiles/p256Verify.json: EIP-7951's vectors (Wycheproof P-256 cases plus
// the EIP's edge cases); a failed verification returns empty output and still costs 6900.
const vectors = loadVectors<GasVector>('go-ethereum/p256Verify.json');
const valid = vectors.find((v) => v.Expected !== '' && v.Input.length === 320)!;

const word = (n: bigint) => n.toString(16).padStart(64, '0');
/** `valid`'s input with word `i` (0 hash, 1 r, 2 s, 3 qx, 4 qy) replaced. */
function withWord(i: number, value: bigint): Uint8Array {
  return hexToBytes(valid.Input.slice(0, 64 * i) + word(value) + valid.Input.slice(64 * (i + 1)));
}
const run = (input: Uint8Array, gas = P256VERIFY_GAS) => p256VerifyPrecompile.run(input, gas);
const EMPTY = { ok: true, gasUsed: P256VERIFY_GAS, output: new Uint8Array(0) };

describe('EIP-7951 P256VERIFY (0x100)', () => {
  it(`runs every vector of p256Verify.json (${vectors.length}) with exact output and gas 6900`, () => {
    expect(vectors.filter((v) => v.Expected === '').length).toBeGreaterThan(100);
    for (const v of vectors) {
      expect(v.Gas).toBe(P256VERIFY_GAS);
      checkGasVector(p256VerifyPrecompile, v);
    }
  });

  it('returns the word 1 for a valid signature, and runs out of gas below 6900', () => {
    const r = run(hexToBytes(valid.Input));
    expect(r.ok && bytesToHex(r.output)).toBe('0x' + word(1n));
    expect(run(hexToBytes(valid.Input), P256VERIFY_GAS - 1)).toEqual({ ok: false, reason: 'OutOfGas' });
    expect(run(new Uint8Array(0), P256VERIFY_GAS - 1)).toEqual({ ok: false, reason: 'OutOfGas' });
  });

  it('any input length but 160 gives empty output at full price', () => {
    const input = hexToBytes(valid.Input);
    for (const len of [0, 32, 159]) expect(run(input.subarray(0, len))).toEqual(EMPTY);
    const long = new Uint8Array(161);
    long.set(input);
    expect(run(long)).toEqual(EMPTY);
  });

  it('range checks: r, s in [1, n-1]; qx, qy < p; not (0, 0); on the curve', () => {
    expect(run(withWord(1, 0n))).toEqual(EMPTY);
    expect(run(withWord(1, P256_N))).toEqual(EMPTY);
    expect(run(withWord(2, 0n))).toEqual(EMPTY);
    expect(run(withWord(2, P256_N))).toEqual(EMPTY);
    expect(run(withWord(3, P256_P))).toEqual(EMPTY);
    expect(run(withWord(4, P256_P))).toEqual(EMPTY);
    expect(run(withWord(3, 0n))).toEqual(EMPTY); // (0, qy) is off the curve
    const zeroKey = hexToBytes(valid.Input.slice(0, 192) + word(0n) + word(0n));
    expect(run(zeroKey)).toEqual(EMPTY);
    const qy = BigInt('0x' + valid.Input.slice(256, 320));
    expect(run(withWord(4, (qy + 1n) % P256_P))).toEqual(EMPTY);
  });

  it('accepts high-s signatures (no low-s rule) and uses the 32-byte hash as given', () => {
    const secret = new Uint8Array(32).fill(7);
    const hash = new Uint8Array(32).fill(0xab);
    const sig = p256.Signature.fromBytes(p256.sign(hash, secret, { prehash: false, lowS: false }));
    const pub = p256.getPublicKey(secret, false);
    const high = sig.s > P256_N / 2n ? sig.s : P256_N - sig.s;
    for (const s of [high, P256_N - high]) {
      const input = hexToBytes(
        bytesToHex(hash).slice(2) + word(sig.r) + word(s) + bytesToHex(pub.subarray(1)).slice(2),
      );
      const r = run(input);
      expect(r.ok && r.output[31]).toBe(1);
    }
  });

  it('the RIP-7212 variant has the same semantics at 3450 gas', () => {
    expect(rip7212P256VerifyPrecompile.address).toBe(0x100n);
    const ok = rip7212P256VerifyPrecompile.run(hexToBytes(valid.Input), RIP7212_P256VERIFY_GAS);
    expect(ok.ok && ok.gasUsed === RIP7212_P256VERIFY_GAS && ok.output[31]).toBe(1);
    expect(rip7212P256VerifyPrecompile.run(withWord(1, 0n), RIP7212_P256VERIFY_GAS)).toEqual({
      ok: true,
      gasUsed: RIP7212_P256VERIFY_GAS,
      output: new Uint8Array(0),
    });
    expect(rip7212P256VerifyPrecompile.run(hexToBytes(valid.Input), RIP7212_P256VERIFY_GAS - 1).ok).toBe(false);
  });
});
