// Differential fuzzing, fixed seed: a few hundred generated programs and transactions run on zkos-runner
// (`ethereum` profile) and on @ethereumjs/vm; every status, gas figure, return value, log and account must
// agree. Long campaigns: `npm run fuzz -- --cases N --seed S` (docs/robustness.md).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KNOWN_KINDS, runCampaign } from '../../fuzz/campaign.js';
import { fuzzCase } from '../../fuzz/generator.js';
import { diffCase, type FuzzCase } from '../../fuzz/harness.js';

const SEED = 20261124;

describe('differential fuzzing against @ethereumjs/vm', () => {
  it('the generator is seedable: the same seed gives the same cases', () => {
    const a = fc.sample(fuzzCase(), { seed: 7, numRuns: 20 });
    const b = fc.sample(fuzzCase(), { seed: 7, numRuns: 20 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(fc.sample(fuzzCase(), { seed: 8, numRuns: 20 }))).not.toBe(JSON.stringify(a));
  });

  it('the harness reports a difference (a case whose pre-state the engines see differently)', async () => {
    // Sanity check of the comparison: storage keys beyond 2^256 are reduced differently by the two loaders.
    const [c] = fc.sample(fuzzCase(), { seed: 3, numRuns: 1 }) as [FuzzCase];
    const broken: FuzzCase = {
      ...c,
      pre: {
        ...c.pre,
        '0x00000000000000000000000000000000000000aa': {
          balance: '0x1',
          nonce: '0x0',
          code: '0x',
          storage: { ['0x1' + '0'.repeat(64)]: '0x1' },
        },
      },
    };
    const r = await diffCase(broken);
    expect(r.mismatches.length).toBeGreaterThan(0);
  });

  it(`300 cases (seed ${SEED}) agree on status, gas, return data, logs and every touched account`, async () => {
    const r = await runCampaign({ cases: 300, seed: SEED, ignore: KNOWN_KINDS, stopAtFirst: true });
    const report = r.findings
      .map((f) => `[${f.signature}] ${f.mismatches.join('\n  ')}\n${JSON.stringify(f.case)}`)
      .join('\n\n');
    expect(report).toBe('');
    expect(r.ran).toBe(300);
    // The batch exercises every outcome.
    for (const k of ['success', 'revert', 'halt', 'invalid']) expect(r.outcomes[k] ?? 0, k).toBeGreaterThan(0);
  }, 120_000);

  for (const [fork, seed] of [
    ['Prague', 20261126],
    ['Osaka', 20261127],
  ] as const) {
    it(`${fork}: 150 cases (seed ${seed}) agree; they include type-4 transactions, delegations and rejections`, async () => {
      const sample = fc.sample(fuzzCase(2, fork), { seed, numRuns: 150 });
      expect(sample.every((c) => c.fork === fork)).toBe(true);
      expect(sample.filter((c) => c.tx.type === 4).length).toBeGreaterThan(30);
      expect(sample.some((c) => Object.values(c.pre).some((a) => a.code.startsWith('0xef0100')))).toBe(true);
      const r = await runCampaign({ cases: 150, seed, fork, ignore: KNOWN_KINDS, stopAtFirst: true });
      const report = r.findings
        .map((f) => `[${f.signature}] ${f.mismatches.join('\n  ')}\n${JSON.stringify(f.case)}`)
        .join('\n\n');
      expect(report).toBe('');
      expect(r.ran).toBe(150);
      for (const k of ['success', 'halt', 'invalid']) expect(r.outcomes[k] ?? 0, k).toBeGreaterThan(0);
    }, 180_000);
  }
});
