// Every code block of README.md and docs/*.md that claims to run (```ts run, ```sh run; docs/README.md) runs:
// TypeScript blocks as ES modules with 'zkos-runner' resolved to this checkout's source, shell blocks with
// bash -e in a scratch directory that mirrors the repository root, `npx zkos` being this checkout's CLI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { allRunnableBlocks, runnableBlocks } from './blocks.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const blocks = allRunnableBlocks(ROOT);
const scratch = join(ROOT, 'test-output', 'docs-blocks');

/** A TypeScript block as a module file next to the repository's sources, importing the source entry points. */
function tsModule(code: string, name: string): string {
  const src = (p: string) => JSON.stringify(join(ROOT, p));
  const text = code
    .replace(/from\s+['"]zkos-runner\/machines['"]/g, `from ${src('machines/index.ts')}`)
    .replace(/from\s+['"]zkos-runner['"]/g, `from ${src('src/index.ts')}`);
  mkdirSync(scratch, { recursive: true });
  const file = join(scratch, `${name}.ts`);
  writeFileSync(file, `${text}\nexport {};\n`);
  return file;
}

/** A scratch directory whose entries link to the repository root's, so relative paths resolve and writes stay out. */
function mirrorOfRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zkos-docs-sh-'));
  for (const e of readdirSync(ROOT)) if (e !== '.git') symlinkSync(join(ROOT, e), join(dir, e));
  return dir;
}

describe('runnable documentation blocks', () => {
  it('finds blocks marked `run` and nothing else', () => {
    const md = [
      '```ts run',
      'a()',
      '```',
      '```ts',
      'not run',
      '```',
      '````sh run',
      'echo 1',
      '```',
      'still inside',
      '````',
      '~~~json',
      '{}',
      '~~~',
    ].join('\n');
    expect(runnableBlocks(md, 'x.md')).toEqual([
      { file: 'x.md', line: 1, lang: 'ts', code: 'a()\n' },
      { file: 'x.md', line: 7, lang: 'sh', code: 'echo 1\n```\nstill inside\n' },
    ]);
  });

  it('the README has runnable TypeScript and shell blocks', () => {
    const readme = blocks.filter((b) => b.file === 'README.md');
    expect(readme.some((b) => b.lang === 'ts')).toBe(true);
    expect(readme.some((b) => b.lang === 'sh')).toBe(true);
  });

  for (const b of blocks) {
    const name = `${b.file.replace(/[^A-Za-z0-9]+/g, '-')}-line-${b.line}`;
    it(`${b.file}:${b.line} (${b.lang})`, async () => {
      if (b.lang === 'ts' || b.lang === 'typescript') {
        const log = vi.spyOn(console, 'log').mockImplementation(() => {});
        try {
          await import(/* @vite-ignore */ tsModule(b.code, name));
        } finally {
          log.mockRestore();
        }
      } else if (b.lang === 'sh' || b.lang === 'bash') {
        const cli = join(ROOT, 'dist', 'src', 'cli', 'main.js');
        if (!existsSync(cli)) throw new Error(`${cli} is missing: run 'npm run build' (npm ci does it)`);
        const script = b.code.replace(/\bnpx zkos\b/g, `node ${JSON.stringify(join(ROOT, 'bin', 'zkos.js'))}`);
        const cwd = mirrorOfRoot();
        try {
          const r = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', script], {
            cwd,
            encoding: 'utf8',
            timeout: 120_000,
            env: { ...process.env, NO_COLOR: '1' },
          });
          expect(r.status, `${b.file}:${b.line} exited ${r.status}\n${r.stderr}`).toBe(0);
        } finally {
          rmSync(cwd, { recursive: true, force: true }); // removes the links, never what they point to
        }
      } else throw new Error(`${b.file}:${b.line}: runnable blocks are ts or sh, not '${b.lang}'`);
    }, 120_000);
  }
});
