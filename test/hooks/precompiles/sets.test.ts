import { describe, expect, it } from 'vitest';
import {
  CANCUN_PRECOMPILES,
  OSAKA_PRECOMPILES,
  PRAGUE_PRECOMPILES,
  cancunPrecompiles,
  precompileAddresses,
} from '../../../src/hooks/precompiles/index.js';
import { modexpPrecompile } from '../../../src/hooks/precompiles/05-modexp.js';
import { modexpOsakaPrecompile } from '../../../src/hooks/precompiles/05-modexpOsaka.js';
import { p256VerifyPrecompile } from '../../../src/hooks/precompiles/100-p256Verify.js';
import { ethereum } from '../../../src/profiles/ethereum.js';
import { cancun } from '../../../src/forks/index.js';
import { hooksFor } from '../../../src/runner/environment.js';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => BigInt(from + i));

describe('per-fork precompile sets', () => {
  it('Cancun: 0x01 .. 0x0a, the list the ethereum profile registers', () => {
    expect(precompileAddresses(CANCUN_PRECOMPILES)).toEqual(range(1, 10));
    expect(cancunPrecompiles).toBe(CANCUN_PRECOMPILES);
    expect(
      hooksFor(ethereum, cancun)
        .addresses()
        .sort((a, b) => Number(a - b)),
    ).toEqual(range(1, 10));
    // The ethereum profile's default fork is Osaka: its set.
    expect(
      hooksFor(ethereum)
        .addresses()
        .sort((a, b) => Number(a - b)),
    ).toEqual([...range(1, 17), 0x100n]);
  });

  it('Prague: Cancun (the same objects) + BLS12-381 0x0b .. 0x11', () => {
    expect(precompileAddresses(PRAGUE_PRECOMPILES)).toEqual(range(1, 17));
    expect(PRAGUE_PRECOMPILES.slice(0, 10)).toEqual([...CANCUN_PRECOMPILES]);
    expect(PRAGUE_PRECOMPILES[4]).toBe(modexpPrecompile);
  });

  it('Osaka: Prague with the EIP-7823/7883 MODEXP, + P256VERIFY at 0x100', () => {
    expect(precompileAddresses(OSAKA_PRECOMPILES)).toEqual([...range(1, 17), 0x100n]);
    expect(OSAKA_PRECOMPILES[4]).toBe(modexpOsakaPrecompile);
    expect(OSAKA_PRECOMPILES[17]).toBe(p256VerifyPrecompile);
    for (let i = 0; i < 17; i++) if (i !== 4) expect(OSAKA_PRECOMPILES[i]).toBe(PRAGUE_PRECOMPILES[i]);
    // The one priced difference on empty input: MODEXP's minimum, 200 before Osaka, 500 after.
    expect(PRAGUE_PRECOMPILES[4]!.run(new Uint8Array(0), 1000)).toMatchObject({ ok: true, gasUsed: 200 });
    expect(OSAKA_PRECOMPILES[4]!.run(new Uint8Array(0), 1000)).toMatchObject({ ok: true, gasUsed: 500 });
  });

  it('every set is frozen, ordered by address, one precompile per address', () => {
    for (const set of [CANCUN_PRECOMPILES, PRAGUE_PRECOMPILES, OSAKA_PRECOMPILES]) {
      expect(Object.isFrozen(set)).toBe(true);
      const addrs = precompileAddresses(set);
      expect(addrs).toEqual([...addrs].sort((a, b) => Number(a - b)));
      expect(new Set(addrs).size).toBe(addrs.length);
    }
  });
});
