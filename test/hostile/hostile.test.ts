// Hostile execution: the engine completes programs built to push it to its bounds, with exact outcomes.
// No timing asserts; `npm run fuzz -- hostile` measures time and peak memory (docs/robustness.md).
import { describe, expect, it } from 'vitest';
import {
  callsWithLargeCalldata,
  create2Collisions,
  hostileBlock,
  hugeReturnDataCopy,
  memoryExpansion,
  recursion,
  runHostile,
  type HostileScenario,
} from '../../fuzz/hostile.js';

function expectClean(s: HostileScenario): ReturnType<typeof runHostile> {
  const r = runHostile(s);
  expect(r.problems, s.description).toEqual([]);
  return r;
}

describe('hostile execution', () => {
  it('memory expansion to the 30M gas limit: the largest affordable MSTORE succeeds with exact gas; one word more runs out', () => {
    const r = expectClean(memoryExpansion(30_000_000n));
    expect(r.results.map((x) => x.valid && x.status)).toEqual([
      'success',
      expect.not.stringMatching('success'),
      expect.not.stringMatching('success'),
    ]);
  });

  for (const kind of ['CALL', 'CALLCODE', 'DELEGATECALL', 'STATICCALL', 'CREATE', 'CREATE2'] as const) {
    it(`1024-deep recursion through ${kind}: 1025 frames, the 1025th level fails, the transaction succeeds`, () => {
      expectClean(recursion(kind));
    }, 60_000);
  }

  it('many CALLs with large calldata (128 KiB each, 3M gas) complete', () => {
    expectClean(callsWithLargeCalldata(3_000_000n));
  }, 60_000);

  it('huge RETURNDATACOPY (1 MiB return data copied in a loop; the callee re-called in a loop) completes', () => {
    expectClean(hugeReturnDataCopy(30_000_000n));
  }, 60_000);

  it('repeated CREATE2 collisions: one deployment, then every CREATE2 collides, bumps the nonce and burns its gas', () => {
    expectClean(create2Collisions(30_000_000n));
  }, 60_000);

  it('a 30M-gas block of such transactions stays within the block gas', () => {
    const r = expectClean(hostileBlock(30_000_000n));
    expect(r.results).toHaveLength(4);
    expect(r.gasUsed).toBeLessThanOrEqual(30_000_000n);
  }, 120_000);
});
