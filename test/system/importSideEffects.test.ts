// Importing the library changes no global state: immer's default instance keeps auto-freeze and gets no
// plugin from an import. Run in a fresh Node process against the built package, as an app would load it.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/fixtures.js';

const SCRIPT = `
import { produce } from 'immer';
const probe = () => {
  const frozen = Object.isFrozen(produce({ a: { b: 1 } }, (d) => { d.a.b = 2; }));
  let mapSet = true;
  try { produce({ m: new Map([[1, 1]]) }, (d) => { d.m.set(1, 2); }); } catch { mapSet = false; }
  return { frozen, mapSet };
};
const before = probe();
const api = await import('zkos-runner');
await import('zkos-runner/machines');
const afterImport = probe();
api.WorldState.fromAccounts([[1n, { balance: 1n }]]).setBalance(1n, 2n);
const afterWorld = probe();
console.log(JSON.stringify({ before, afterImport, afterWorld }));
`;

describe("import 'zkos-runner'", () => {
  it("leaves immer's global configuration unchanged", () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT], { cwd: REPO_ROOT });
    const r = JSON.parse(out.toString()) as Record<string, { frozen: boolean; mapSet: boolean }>;
    expect(r.before).toEqual({ frozen: true, mapSet: false });
    expect(r.afterImport).toEqual(r.before);
    // Using a world enables immer's Map/Set plugin, a process-wide registry in immer 11 (see world.ts);
    // the default instance still auto-freezes.
    expect(r.afterWorld).toEqual({ frozen: true, mapSet: true });
  });
});
