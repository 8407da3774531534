// The step loops are generated (scripts/gen-interpreter.mjs): the checked-in output must match its source, and
// the instruction table must not hand an inlined opcode to any other handler.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Op, buildInstructionTable } from '../../../src/ee/evm/opcodes.js';
import { CANCUN_CONFIG } from '../../../src/ee/evm/config.js';
import { INLINED_HANDLERS } from '../../../src/ee/evm/generated/inlineHandlers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('generated step loops', () => {
  it('are up to date with scripts/interpreter-ops.mjs (gen-interpreter --check)', () => {
    const r = spawnSync(process.execPath, ['scripts/gen-interpreter.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('--check fails when an opcode body changes without regenerating', () => {
    // A copy of the generator and its source with one body edited, writing nothing: --check must report stale.
    const dir = mkdtempSync(join(tmpdir(), 'gen-check-'));
    try {
      cpSync(join(ROOT, 'scripts'), join(dir, 'scripts'), { recursive: true });
      cpSync(join(ROOT, 'src/ee/evm'), join(dir, 'src/ee/evm'), { recursive: true });
      for (const f of ['biome.json', '.gitignore']) cpSync(join(ROOT, f), join(dir, f));
      execFileSync('ln', ['-s', join(ROOT, 'node_modules'), join(dir, 'node_modules')]);
      const ops = join(dir, 'scripts/interpreter-ops.mjs');
      const source = readFileSync(ops, 'utf8');
      const edited = 'else items[sp - 1] = big(a) ^ big(b);';
      expect(source).toContain(edited);
      writeFileSync(ops, source.replace(edited, 'else items[sp - 1] = big(a);'));
      const r = spawnSync(process.execPath, ['scripts/gen-interpreter.mjs', '--check'], { cwd: dir, encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('runLoop.ts is stale');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('88 opcodes are inlined, and the table uses their generated handlers', () => {
    const table = buildInstructionTable(CANCUN_CONFIG);
    const inlined = INLINED_HANDLERS.flatMap((h, op) => (h === undefined ? [] : [op]));
    expect(inlined).toHaveLength(88);
    for (const op of inlined) expect(table.handlers[op]).toBe(INLINED_HANDLERS[op]);
    expect(INLINED_HANDLERS[Op.SSTORE]).toBeUndefined();
  });
});
