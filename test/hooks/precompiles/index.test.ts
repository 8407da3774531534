import { describe, expect, it } from 'vitest';
import { cancunPrecompiles, getCancunPrecompile, isCancunPrecompile } from '../../../src/hooks/precompiles/index.js';

describe('cancunPrecompiles', () => {
  it('lists 0x01..0x0a in address order', () => {
    expect(cancunPrecompiles.map((p) => p.address)).toEqual([1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n, 10n]);
    expect(cancunPrecompiles.map((p) => p.name)).toEqual([
      'ecrecover',
      'sha256',
      'ripemd160',
      'identity',
      'modexp',
      'bn254Add',
      'bn254Mul',
      'bn254Pairing',
      'blake2f',
      'pointEvaluation',
    ]);
    expect(Object.isFrozen(cancunPrecompiles)).toBe(true);
  });

  it('looks precompiles up by address', () => {
    for (const p of cancunPrecompiles) expect(getCancunPrecompile(p.address)).toBe(p);
    expect(getCancunPrecompile(0n)).toBeUndefined();
    expect(getCancunPrecompile(11n)).toBeUndefined();
    expect(isCancunPrecompile(0n)).toBe(false);
    expect(isCancunPrecompile(1n)).toBe(true);
    expect(isCancunPrecompile(10n)).toBe(true);
    expect(isCancunPrecompile(11n)).toBe(false);
  });

  it('with no gas, every precompile fails on empty input (blake2f: bad length)', () => {
    for (const p of cancunPrecompiles) expect(p.run(new Uint8Array(0), 0).ok, p.name).toBe(false);
  });

  it('prices of empty input match the EIPs', () => {
    const price: Record<string, number | null> = {
      ecrecover: 3000,
      sha256: 60,
      ripemd160: 600,
      identity: 15,
      modexp: 200,
      bn254Add: 150,
      bn254Mul: 6000,
      bn254Pairing: 45000,
      blake2f: null, // empty input is invalid
      pointEvaluation: null, // empty input is invalid
    };
    for (const p of cancunPrecompiles) {
      const r = p.run(new Uint8Array(0), 1_000_000);
      const want = price[p.name];
      if (want === null) expect(r.ok, p.name).toBe(false);
      else expect(r, p.name).toMatchObject({ ok: true, gasUsed: want });
    }
  });
});
