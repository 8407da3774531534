// Every saved reproducer under test/fuzz/regressions/ (written by `npm run fuzz -- --save …`) must run the
// same on zkos-runner and @ethereumjs/vm. A file fails here until its engine bug is fixed (docs/robustness.md).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRegressions } from '../../fuzz/campaign.js';
import { diffCase } from '../../fuzz/harness.js';

const DIR = fileURLToPath(new URL('./regressions/', import.meta.url));
const cases = loadRegressions(DIR);

describe('fuzz regressions', () => {
  it('there are saved reproducers', () => expect(cases.length).toBeGreaterThan(0));
  for (const [name, c] of cases) {
    it(name, async () => {
      const r = await diffCase(c);
      expect(r.mismatches, c.description).toEqual([]);
    });
  }
});
