// `zkos statetest`: JSON lines with the documented fields, exit codes, --run filter, known failures, traces.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

// Copies of ethereum/tests stExample files kept in the repository (test/statetest/fixtures/README.md).
const FIXTURES = join(__dirname, '../statetest/fixtures');
const ADD11 = join(FIXTURES, 'add11.json');
const dir = mkdtempSync(join(tmpdir(), 'zkos-st-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let out: string[] = [];
let err: string[] = [];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ') + '\n'));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
});

const RANGES = join(FIXTURES, 'rangesExample.json');
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
    expect(await main(['statetest', '--json', '--run', 'add1', ADD11])).toBe(0);
    expect(out.join('').trim().split('\n')).toHaveLength(1);
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

  it('an unknown --fork exits 2 naming the flag and the supported forks; fork names are case-insensitive', async () => {
    expect(await main(['statetest', '--fork', 'Shanghaii', ADD11])).toBe(2);
    expect(err.join('')).toMatch(/--fork: unknown fork 'Shanghaii' \(supported: Cancun/);
    expect(out.join('')).toBe('');
    err = [];
    expect(await main(['statetest', '--json', '--fork', 'cancun', ADD11])).toBe(0);
    expect(JSON.parse(out.join('')).fork).toBe('Cancun');
  });

  it('a filter that selects nothing exits 2 with a message, not "0 passed"', async () => {
    expect(await main(['statetest', '--run', 'no-such-test', ADD11])).toBe(2);
    expect(err.join('')).toContain(
      "no case selected (fork Cancun, Prague, Osaka, --run 'no-such-test') in 1 file; forks in the input: Cancun",
    );
    expect(out.join('')).not.toMatch(/passed/);
    err = [];
    expect(await main(['statetest', '-d', '7', ADD11])).toBe(2);
    expect(err.join('')).toContain('d/g/v 7/*/*');
    const empty = mkdtempSync(join(dir, 'empty-'));
    expect(await main(['statetest', empty])).toBe(2);
    expect(err.join('')).toContain('in 0 files');
  });

  it('-d/-g/-v and --index select cases by their d/g/v indexes', async () => {
    const indexes = async (args: string[]) => {
      out = [];
      expect(await main(['statetest', '--json', ...args, RANGES])).toBe(0);
      return out
        .join('')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).index);
    };
    const all = await indexes([]);
    expect(all.length).toBeGreaterThan(6);
    expect(await indexes(['--index', '1:2:1'])).toEqual([{ data: 1, gas: 2, value: 1 }]);
    expect(await indexes(['-d', '1', '-g', '2', '-v', '1'])).toEqual([{ data: 1, gas: 2, value: 1 }]);
    const d1 = await indexes(['-d', '1']);
    expect(d1).toEqual(all.filter((i: { data: number }) => i.data === 1));
    expect(await main(['statetest', '--index', '1:2', RANGES])).toBe(2);
    expect(await main(['statetest', '-g', 'x', RANGES])).toBe(2);
    expect(err.join('')).toContain("-g: expected a non-negative integer index, got 'x'");
  });

  it('--trace - keeps stdout pure JSON lines; the summary goes to stderr; closing lines name their case', async () => {
    expect(await main(['statetest', '--trace', '-', '--index', '0:1:0', RANGES, ADD11])).toBe(0);
    const lines = out.join('').trim().split('\n');
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed.length).toBeGreaterThan(2);
    const closing = parsed.filter((o) => 'stateRoot' in o);
    expect(closing).toHaveLength(1); // add11 has no case 0/1/0
    expect(Object.keys(closing[0])[0]).toBe('stateRoot'); // geth's {"stateRoot": …} form, extended
    expect(closing[0]).toMatchObject({
      file: 'rangesExample.json',
      name: 'rangesExample',
      fork: 'Cancun',
      index: { data: 0, gas: 1, value: 0 },
      pass: true,
    });
    expect(err.join('')).toMatch(/^1 passed, 0 failed$/m);
    // --json lines move to stderr too
    out = [];
    err = [];
    expect(await main(['statetest', '--json', '--trace', '-', '--index', '0:1:0', RANGES])).toBe(0);
    expect(
      out
        .join('')
        .trim()
        .split('\n')
        .filter((l) => !('pc' in JSON.parse(l))),
    ).toHaveLength(1); // the closing line
    expect(JSON.parse(err.join('').trim())).toMatchObject({ name: 'rangesExample', pass: true });
  });

  it('--dump prints the post-state difference of a failing case (text and --json)', async () => {
    const broken = brokenCopy();
    expect(await main(['statetest', '--dump', broken])).toBe(1);
    const text = out.join('');
    expect(text).toContain('post-state difference to the pre-state:');
    expect(text).toMatch(
      /0x095e7baea6a6c7c4c2dfeb977efac326af552d87\n\s+balance 0xde0b6b3a7640000 → 0xde0b6b3a76586a0\n\s+storage\[0x0\] 0x0 → 0x2/,
    ); // the value (100000 wei) and the SSTORE of 1 + 1
    expect(text).toMatch(
      /0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b\n\s+balance 0x[0-9a-f]+ → 0x[0-9a-f]+\n\s+nonce 0x0 → 0x1/,
    );
    out = [];
    expect(await main(['statetest', '--json', '--dump', broken])).toBe(1);
    const o = JSON.parse(out.join(''));
    expect(o.pass).toBe(false);
    expect(o.dump['0x095e7baea6a6c7c4c2dfeb977efac326af552d87']).toEqual({
      balance: { pre: '0xde0b6b3a7640000', post: '0xde0b6b3a76586a0' },
      storage: { '0x0': { pre: '0x0', post: '0x2' } },
    });
    expect(o.dump['0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b'].nonce).toEqual({ pre: '0x0', post: '0x1' });
    out = [];
    expect(await main(['statetest', '--json', '--dump', ADD11])).toBe(0);
    expect(JSON.parse(out.join('')).dump).toBeUndefined(); // only failing cases carry a dump
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

describe('zkos --version', () => {
  it('prints the package version and exits 0', async () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
    expect(await main(['--version'])).toBe(0);
    expect(out.join('')).toBe(`${pkg.version}\n`);
  });
});
