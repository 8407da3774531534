// `zkos statetest`: JSON lines with the documented fields, exit codes, --run filter, known failures, traces.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

const FIXTURES = join(__dirname, '../../../shared/fixtures/ethereum-tests/GeneralStateTests');
const ADD11 = join(FIXTURES, 'stExample/add11.json');
const dir = mkdtempSync(join(tmpdir(), 'zkos-st-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let out: string[] = [];
let err: string[] = [];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ') + '\n'));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

/** add11 with its expected root corrupted: a case that must fail. */
function brokenCopy(): string {
  const json = JSON.parse(readFileSync(ADD11, 'utf8'));
  const post = json.add11.post.Cancun[0];
  post.hash = '0x' + '11'.repeat(32);
  const p = join(dir, 'broken.json');
  writeFileSync(p, JSON.stringify(json));
  return p;
}

describe('zkos statetest', () => {
  it('--json prints exactly one object per case with the documented fields, exit 0 when all pass', async () => {
    expect(await main(['statetest', '--json', ADD11])).toBe(0);
    const lines = out.join('').trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const o = JSON.parse(line);
      expect(Object.keys(o).sort()).toEqual(
        [
          'expectedLogsHash',
          'expectedStateRoot',
          'file',
          'fork',
          'index',
          'logsHash',
          'ms',
          'name',
          'pass',
          'stateRoot',
        ].sort(),
      );
      expect(o).toMatchObject({ file: 'add11.json', name: 'add11', fork: 'Cancun', pass: true });
      expect(o.stateRoot).toBe(o.expectedStateRoot);
      expect(Object.keys(o.index)).toEqual(['data', 'gas', 'value']);
    }
  });

  it('a failing case exits 1 and the human output names both roots and the summary line', async () => {
    const broken = brokenCopy();
    expect(await main(['statetest', broken])).toBe(1);
    const text = out.join('');
    expect(text).toContain('expected state root 0x' + '11'.repeat(32));
    expect(text).toMatch(/^\d+ passed, [1-9]\d* failed$/m);
  });

  it('a known failure does not fail the run', async () => {
    const broken = brokenCopy();
    const known = join(dir, 'known.json');
    writeFileSync(known, JSON.stringify([{ id: 'broken.json › add11 › 0/0/0', cause: 'corrupted on purpose' }]));
    expect(await main(['statetest', '--known-failures', known, broken])).toBe(0);
    expect(out.join('')).toContain('1 known failures');
  });

  it('--run filters tests by name; bad usage and unreadable input exit 2', async () => {
    expect(await main(['statetest', '--json', '--run', 'no-such-test', ADD11])).toBe(0);
    expect(out.join('')).toBe('');
    expect(await main(['statetest', '--run', '(', ADD11])).toBe(2);
    expect(await main(['statetest'])).toBe(2);
    expect(await main(['statetest', '--bogus', ADD11])).toBe(2);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"x": ');
    expect(await main(['statetest', bad])).toBe(2);
    expect(err.join('\n')).toContain('bad.json');
  });

  it('--trace writes EIP-3155 lines and a summary per case', async () => {
    const trace = join(dir, 'trace.jsonl');
    expect(await main(['statetest', '--trace', trace, ADD11])).toBe(0);
    const lines = readFileSync(trace, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ pc: 0, depth: 1 });
    expect(typeof lines[0].gas).toBe('string');
    const summaries = lines.filter((l) => 'stateRoot' in l);
    expect(summaries.length).toBeGreaterThan(0);
    expect(summaries[0].pass).toBe(true);
  });

  it("--fork NAME runs that fork's post entries; without it every supported fork the file has; unknown exits 2", async () => {
    const json = JSON.parse(readFileSync(ADD11, 'utf8'));
    const entry = json.add11.post.Cancun[0];
    // add11 (ADD and SSTORE, empty calldata, 400000 gas) has the same post-state in Cancun, Prague and Osaka.
    json.add11.post = { Berlin: [entry], Cancun: [entry], Prague: [entry], Osaka: [entry] };
    const multi = join(dir, 'multi.json');
    writeFileSync(multi, JSON.stringify(json));
    const forksRun = (): string[] =>
      out
        .join('')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { fork: string; pass: boolean })
        .map((o) => `${o.fork}:${o.pass}`);

    expect(await main(['statetest', '--json', multi])).toBe(0);
    expect(forksRun()).toEqual(['Cancun:true', 'Prague:true', 'Osaka:true']); // Berlin is not supported
    out = [];
    expect(await main(['statetest', '--json', '--fork', 'Prague', multi])).toBe(0);
    expect(forksRun()).toEqual(['Prague:true']);
    out = [];
    expect(await main(['statetest', '--json', '--fork', 'osaka', multi])).toBe(0);
    expect(forksRun()).toEqual(['Osaka:true']);
    expect(await main(['statetest', '--fork', 'Berlin', multi])).toBe(2);
    expect(err.join('\n')).toContain("unknown fork 'Berlin' (supported: Cancun, Prague, Osaka)");
  });
});
