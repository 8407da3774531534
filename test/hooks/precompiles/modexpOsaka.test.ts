import { describe, expect, it } from 'vitest';
import { modexpPrecompile } from '../../../src/hooks/precompiles/05-modexp.js';
import {
  MODEXP_OSAKA_MAX_LENGTH,
  modexpOsakaGas,
  modexpOsakaPrecompile,
} from '../../../src/hooks/precompiles/05-modexpOsaka.js';
import { checkGasVector, loadVectors, type GasVector } from './eipVectors.js';
import { hexToBytes } from './helpers.js';

const word = (n: bigint) => n.toString(16).padStart(64, '0');
const header = (b: bigint, e: bigint, m: bigint) => word(b) + word(e) + word(m);
/** MODEXP input with the given lengths, every operand byte 0x01 (a non-zero modulus and exponent head). */
const input = (b: number, e: number, m: number) =>
  hexToBytes(header(BigInt(b), BigInt(e), BigInt(m)) + '01'.repeat(b + e + m));

describe('MODEXP under Osaka (EIP-7823 bounds, EIP-7883 price)', () => {
  it('go-ethereum modexp_eip7883.json: every vector, exact output and gas', () => {
    const vectors = loadVectors<GasVector>('go-ethereum/modexp_eip7883.json');
    expect(vectors.length).toBe(45);
    for (const v of vectors) checkGasVector(modexpOsakaPrecompile, v);
  });

  it('go-ethereum modexp_eip2565.json still holds for the Cancun MODEXP (unchanged)', () => {
    const vectors = loadVectors<GasVector>('go-ethereum/modexp_eip2565.json');
    expect(vectors.length).toBeGreaterThan(40);
    for (const v of vectors) checkGasVector(modexpPrecompile, v);
  });

  it('lengths of 1024 bytes run; 1025 in any of base, exponent or modulus fails (all gas burned)', () => {
    expect(MODEXP_OSAKA_MAX_LENGTH).toBe(1024n);
    const gas = 100_000_000;
    for (const [b, e, m] of [
      [1024, 1, 1024],
      [1, 1024, 1],
      [1024, 0, 1],
    ] as const) {
      expect(modexpOsakaPrecompile.run(input(b, e, m), gas).ok, `${b}/${e}/${m}`).toBe(true);
    }
    for (const [b, e, m] of [
      [1025, 1, 1],
      [1, 1025, 1],
      [1, 1, 1025],
      [1025, 0, 0],
      [0, 1025, 0],
    ] as const) {
      expect(modexpOsakaPrecompile.run(input(b, e, m), gas), `${b}/${e}/${m}`).toEqual({
        ok: false,
        reason: 'InputTooLong',
      });
    }
    // A length far beyond the bound fails the same way, without reading or pricing anything.
    const huge = hexToBytes(header(1n << 255n, 0n, 0n));
    expect(modexpOsakaPrecompile.run(huge, gas)).toEqual({ ok: false, reason: 'InputTooLong' });
    // Cancun has no bound: the same call is merely priced (EIP-2565: ceil(1025 / 8)² / 3 = 129² / 3).
    expect(modexpPrecompile.run(input(1025, 0, 0), gas)).toMatchObject({ ok: true, gasUsed: 5547 });
  });

  it('price boundaries: minimum 500, complexity 16 up to 32 bytes then 2·words², 16 iterations per exponent byte past 32', () => {
    expect(modexpOsakaGas(0n, 0n, 0n, 0n)).toBe(500n);
    expect(modexpOsakaPrecompile.run(new Uint8Array(0), 500)).toEqual({
      ok: true,
      gasUsed: 500,
      output: new Uint8Array(0),
    });
    expect(modexpOsakaPrecompile.run(new Uint8Array(0), 499)).toEqual({ ok: false, reason: 'OutOfGas' });
    // max(Blen, Mlen) = 32: complexity 16; head 2^40 → 40 iterations → 640.
    expect(modexpOsakaGas(32n, 32n, 32n, 1n << 40n)).toBe(640n);
    // 33 bytes: 5 words → 2·25 = 50 → 2000.
    expect(modexpOsakaGas(33n, 32n, 1n, 1n << 40n)).toBe(2000n);
    expect(modexpOsakaGas(1n, 32n, 33n, 1n << 40n)).toBe(2000n);
    // Elen = 32 vs 33 with a zero head: 0 → max(0, 1) iterations; then 16·1 + 0.
    expect(modexpOsakaGas(64n, 32n, 64n, 0n)).toBe(500n); // 2·64 = 128 < 500
    expect(modexpOsakaGas(64n, 33n, 64n, 0n)).toBe(2048n); // 128 · 16
    expect(modexpOsakaGas(64n, 33n, 64n, 1n << 255n)).toBe(128n * (16n + 255n));
    // The 1024-byte corner: 128 words → 32768 complexity.
    expect(modexpOsakaGas(1024n, 1024n, 1024n, (1n << 256n) - 1n)).toBe(32768n * (16n * 992n + 255n));
  });
});
