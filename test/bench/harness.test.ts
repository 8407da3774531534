// The benchmark harness runs a workload identically on zkos-runner and @ethereumjs/evm: output, gas and
// refund agree with the fixture (correctness only; no timing assertions).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEthereumjs } from '../../bench/ethereumjs.js';
import { runOurs } from '../../bench/ours.js';
import { runStateTestComparison } from '../../bench/statetests.js';
import { syntheticWorkloads, callTreeFrames } from '../../bench/synthetic.js';
import { loadFixture } from '../../bench/workloads.js';
import { assemble, push, label, ref } from '../../bench/asm.js';
import { bytesToHex } from '../../bench/util.js';
import { BENCH_FIXTURES_DIR as DIR, haveFixture, STATE_TESTS_DIR } from '../helpers/fixtures.js';

describe.skipIf(!haveFixture(join(DIR, 'structarray_alloc.json'), 'bench fixture structarray_alloc'))(
  'bench fixture structarray_alloc',
  () => {
    it('both engines reproduce the fixture output, gas and refund', async () => {
      const w = loadFixture(DIR, 'structarray_alloc');
      const ours = runOurs(w);
      const theirs = await runEthereumjs(w);
      for (const r of [ours, theirs]) {
        expect(r.status).toBe('success');
        expect(bytesToHex(r.output)).toBe(bytesToHex(w.expectedOutput!));
        expect(r.gasUsed).toBe(w.expectedGasUsed);
        expect(r.refund).toBe(w.expectedRefund);
      }
    });
  },
);

describe('bench synthetic workloads (small sizes)', () => {
  for (const w of syntheticWorkloads(0.02)) {
    it(`${w.name}: zkos-runner agrees with @ethereumjs/evm`, async () => {
      const theirs = await runEthereumjs(w);
      const ours = runOurs(w);
      expect(theirs.status).toBe('success');
      expect(ours.status).toBe('success');
      expect(ours.gasUsed).toBe(theirs.gasUsed);
      expect(ours.refund).toBe(theirs.refund);
      expect(bytesToHex(ours.output)).toBe(bytesToHex(theirs.output));
    });
  }

  it('storage_heavy returns n(n+1)/2', () => {
    const w = syntheticWorkloads(0.02).find((x) => x.name === 'storage_heavy')!;
    const n = 80n; // 4000 · 0.02
    expect(BigInt(bytesToHex(runOurs(w).output))).toBe((n * (n + 1n)) / 2n);
  });

  it('counts call-tree frames', () => {
    expect(callTreeFrames(3, 16, 16)).toBe(4369);
    expect(callTreeFrames(400, 1, 10)).toBe(4001);
  });

  it('assembles labels and minimal pushes', () => {
    expect(bytesToHex(assemble([push(0), push(255), push(256), label('a'), ref('a'), 'JUMP']))).toBe(
      '0x5f60ff6101005b61000656',
    );
  });
});

describe.skipIf(!haveFixture(STATE_TESTS_DIR, 'bench state-test harness'))('bench state-test harness', () => {
  it('drives @ethereumjs/vm correctly on blob transactions (type 3 needs a KZG in its Common)', async () => {
    const r = (await runStateTestComparison({
      dir: STATE_TESTS_DIR,
      sample: 1,
      match: /eip4844_blobs\/blob_gas_subtraction_tx\.json$/,
      isolated: false, // worker threads run the built module (dist/), not this TypeScript
    }))!;
    expect(r.filesRun).toBe(1);
    expect(r.cases).toBeGreaterThan(0);
    expect(r.disagreements).toEqual([]);
    expect(r.ethereumjs.passed).toBe(r.cases);
    expect(r.ours.passed).toBe(r.cases);
  }, 60_000);
});
