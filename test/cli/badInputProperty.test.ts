// Property: thousands of mutated scenario and state-test files thrown at the CLI (in-process `main`). Every
// one exits 2 with a message naming the damaged field; no unhandled exception, no stack trace, no output file.
// More: `npm run fuzz -- badinput --cases N --seed S`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { checkCli, mutationArb, mutations } from '../../fuzz/badInput.js';

const dir = mkdtempSync(join(tmpdir(), 'zkos-badinput-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CLI under mutated input', () => {
  it('the unmutated base files are valid (the mutations are what breaks them)', async () => {
    const { BASE_SCENARIO, BASE_STATETEST } = await import('../../fuzz/badInput.js');
    const sc = await checkCli(
      { doc: 'scenario', what: 'base', text: JSON.stringify(BASE_SCENARIO), names: [] },
      dir,
      main,
    );
    expect(sc.code, sc.stderr).toBe(0);
    const st = await checkCli(
      { doc: 'statetest', what: 'base', text: JSON.stringify(BASE_STATETEST), names: [] },
      dir,
      main,
    );
    expect(st.code, st.stderr).toBe(1); // runs, and the made-up post-state root does not match
  });

  it('every structural mutation of both base files (each field: wrong type, bad hex, wrong length, above bound, missing, unknown)', async () => {
    const failures: string[] = [];
    let n = 0;
    for (const doc of ['scenario', 'statetest'] as const)
      for (const m of mutations(doc, 0)) {
        n++;
        const r = await checkCli(m, dir, main);
        if (r.problems.length) failures.push(`${doc}: ${m.what}: ${r.problems.join('; ')}`);
      }
    expect(failures).toEqual([]);
    expect(n).toBeGreaterThan(150);
  }, 60_000);

  it('1500 random mutations (fixed seed), shrunk on failure', async () => {
    await fc.assert(
      fc.asyncProperty(mutationArb(), async (m) => {
        const r = await checkCli(m, dir, main);
        if (r.problems.length) throw new Error(`${m.doc}: ${m.what}: ${r.problems.join('; ')}`);
      }),
      { numRuns: 1500, seed: 424242 },
    );
  }, 60_000);
});
