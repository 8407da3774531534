// scripts/check-deps.mjs (run by `npm run lint`): the repository passes, and a cycle or an upward import fails.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check as checkDeps } from '../../scripts/check-deps.mjs';

const root = mkdtempSync(join(tmpdir(), 'zkos-deps-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(root, 't-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  mkdirSync(join(dir, 'machines'), { recursive: true });
  return dir;
}

describe('check-deps', () => {
  it('the repository has no import cycle and no upward import', () => {
    const r = checkDeps();
    expect(r.problems).toEqual([]);
    expect(r.files).toBeGreaterThan(80);
  });

  it('reports an upward import (ee -> runner) and the cycle it closes', () => {
    const dir = tree({
      'src/ee/a.ts': "import { b } from '../runner/b.js';\nexport const a = b;\n",
      'src/runner/b.ts': "import type { A } from '../ee/a.js';\nexport const b = 1;\nexport type B = A;\n",
    });
    const { problems } = checkDeps(dir);
    expect(problems).toContain(
      'src/ee/a.ts (execution environment) imports src/runner/b.ts (runner): an upward import',
    );
    expect(problems).toContain('import cycle: src/ee/a.ts -> src/runner/b.ts -> src/ee/a.ts');
  });

  it('system must not import the runner; the transaction flow may', () => {
    const dir = tree({
      'src/runner/r.ts': 'export const r = 1;\n',
      'src/system/s.ts': "export { r } from '../runner/r.js';\n",
      'src/tx/process.ts': "import { r } from '../runner/r.js';\nexport const p = r;\n",
      'src/tx/validate.ts': "import { r } from '../runner/r.js';\nexport const v = r;\n",
    });
    const { problems } = checkDeps(dir);
    expect(problems).toEqual([
      'src/system/s.ts (system) imports src/runner/r.ts (runner): an upward import',
      'src/tx/validate.ts (transaction rules) imports src/runner/r.ts (runner): an upward import',
    ]);
  });

  it('library code may not import dev-only code, and every directory needs a layer', () => {
    const dir = tree({
      'src/ee/a.ts': "import { x } from '../../bench/x.js';\nexport const a = x;\n",
      'src/extra/e.ts': 'export const e = 1;\n',
    });
    const { problems } = checkDeps(dir);
    expect(problems).toContain('src/ee/a.ts imports bench/x.ts: outside the library (src/, machines/)');
    expect(problems).toContain('src/extra/e.ts: in no layer (add its directory to LAYERS in scripts/check-deps.mjs)');
  });
});
