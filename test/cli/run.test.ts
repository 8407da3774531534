// `zkos run`: called in-process through runCommand (stdout/stderr captured).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { runCommand } from '../../src/cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'zkos-run-'));

/** Runs the command capturing everything it prints. */
async function capture(argv: string[], onOutput?: (out: string) => void) {
  let out = '';
  let err = '';
  const w = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    onOutput?.(out);
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    err += String(s);
    return true;
  });
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => {
    out += a.join(' ') + '\n';
  });
  const cerr = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => {
    err += a.join(' ') + '\n';
  });
  try {
    const code = await runCommand(argv);
    return { code, out, err };
  } finally {
    w.mockRestore();
    e.mockRestore();
    log.mockRestore();
    cerr.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('zkos run', () => {
  it('runs the built-in flow scenario and prints the frame tree, results, logs and state changes', async () => {
    const { code, out, err } = await capture(['--no-color']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/#0 call EOA → Factory deployAndCall\(salt: 0x0{63}1, x: 42\) value 100 wei/);
    expect(out).toMatch(/├─ #1 create2 Factory → Child value 100 wei gas \d+ used \d+ success/);
    expect(out).toMatch(/└─ #2 call Factory → Child ping\(x: 42\) gas \d+ used \d+ success/);
    expect(out).toContain('returns: child: Child (0xb6fb…0ecc), result: 84');
    expect(out).toContain('Child (frame #2) Pinged(from: Factory (0xfac7…0001), value: 84)');
    expect(out).toMatch(/balance 1 ETH \(1000000000000000000 wei\) → 0\.9999\d+ ETH \(9999\d{14} wei\)/);
    expect(out).toContain(
      'states: preparing → running → awaiting-child → running → awaiting-child → running → finishing → success',
    );
    expect(out).toContain('result: success');
    expect(out).toContain('logs:');
    expect(out).toContain('state changes:');
    expect(out).toContain('Child 0x');
    expect(out).not.toContain('\x1b[');
  });

  it('colours the output with --color and marks a reverted frame', async () => {
    const { code, out } = await capture(['--builtin', 'flow-revert', '--color']);
    expect(code).toBe(0);
    expect(out).toContain('\x1b[');
    expect(out).toContain('↺ reverted');
  });

  it('reports bad input with the field path and exit 2, never a stack trace', async () => {
    const f = join(dir, 'bad.json');
    writeFileSync(
      f,
      JSON.stringify({ transactions: [{ from: '0x1111111111111111111111111111111111111111', value: '0xzz' }] }),
    );
    const { code, err } = await capture([f]);
    expect(code).toBe(2);
    expect(err.trim()).toBe(`zkos run: ${f} › transactions[0].value: not a hex quantity ("0xzz")`);
    const missing = await capture([join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/nope\.json: cannot read: ENOENT/);
    const usage = await capture(['--frobnicate']);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/unknown option --frobnicate/);
    expect((await capture(['--builtin', 'nah'])).code).toBe(2);
  });

  it('exits 1 when a transaction is rejected', async () => {
    const f = join(dir, 'poor.json');
    writeFileSync(
      f,
      JSON.stringify({
        transactions: [
          {
            from: '0x1111111111111111111111111111111111111111',
            to: '0x2222222222222222222222222222222222222222',
            value: '1',
          },
        ],
      }),
    );
    const { code, out } = await capture(['--no-color', f]);
    expect(code).toBe(1);
    expect(out).toMatch(/rejected: InsufficientFunds/);
  });

  it('writes --out JSON, --html and --trace files', async () => {
    const out = join(dir, 't.json');
    const html = join(dir, 't.html');
    const tr = join(dir, 't.jsonl');
    const r = await capture(['--builtin', 'flow-revert', '--out', out, '--html', html, '--trace', tr, '-q']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    const trace = JSON.parse(readFileSync(out, 'utf8'));
    expect(trace.frames).toHaveLength(4);
    expect(trace.frames[3].reverted).toBe(true);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>/);
    const lines = readFileSync(tr, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ pc: 0, depth: 1, opName: 'PUSH1' });
    expect(lines.some((l) => l.depth === 2)).toBe(true);
    expect(lines.at(-1)).toHaveProperty('gasUsed');
    expect(lines.at(-1)).toHaveProperty('output');
  });

  it('checks --out and --html paths before the run: an unwritable path exits 2 naming the flag', async () => {
    const noDir = join(dir, 'no-such-dir', 't.json');
    const r = await capture(['--out', noDir, '--no-color']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^zkos run: --out ${noDir}: cannot write: ENOENT`));
    expect(r.out).toBe(''); // nothing ran
    const isDir = await capture(['--html', dir, '--no-color']);
    expect(isDir.code).toBe(2);
    expect(isDir.err).toMatch(/^zkos run: --html .*: cannot write: EISDIR/);
    expect(isDir.out).toBe('');
    // a good --out with a bad --html: neither is written, the run does not start
    const good = join(dir, 'unused.json');
    const both = await capture(['--out', good, '--html', noDir]);
    expect(both.code).toBe(2);
    expect(both.err).toContain('--html');
    expect(readFileSync(good, 'utf8')).toBe('');
  });

  it('sends the step trace to stdout with --trace - and the report to stderr', async () => {
    const r = await capture(['--trace', '-', '--no-color']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('#0 call EOA → Factory');
    const lines = r.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l)); // nothing but JSON lines on stdout
    expect(lines[0]).toMatchObject({ pc: 0, op: 0x60, depth: 1 });
    expect(lines.at(-1)).toMatchObject({ gasUsed: expect.stringMatching(/^0x/) });
  });

  it('--inspect serves the runner and every frame actor to a WebSocket viewer', async () => {
    let url: string | undefined;
    let viewer: Promise<unknown[]> | undefined;
    const r = await capture(['--inspect', '--inspect-port', '0', '--inspect-timeout', '2', '--no-color'], (out) => {
      const m = out.match(/(ws:\/\/127\.0\.0\.1:\d+)/);
      if (m && !url && out.includes('inspection events relayed')) {
        url = m[1]!;
        viewer = new Promise((resolve, reject) => {
          const msgs: unknown[] = [];
          const ws = new WebSocket(url!);
          ws.on('message', (d) => msgs.push(JSON.parse(d.toString())));
          ws.on('error', reject);
          setTimeout(() => (ws.close(), resolve(msgs)), 500);
        });
      }
    });
    expect(r.code).toBe(0);
    expect(url).toBeDefined();
    expect(r.out).toContain('Stately inspector: open http://127.0.0.1:');
    const msgs = (await viewer!) as {
      type: string;
      name?: string;
      parentId?: string;
      sessionId: string;
      snapshot?: { context?: { caller?: unknown } };
    }[];
    const actors = msgs.filter((m) => m.type === '@xstate.actor');
    expect(actors.map((a) => a.name)).toEqual(['runner', 'frame-0', 'frame-1', 'frame-2']);
    const runner = actors[0]!.sessionId;
    expect(actors[1]!.parentId).toBe(runner);
    expect(actors[2]!.parentId).toBe(actors[1]!.sessionId); // a frame's parent is its caller frame
    expect(msgs.some((m) => m.type === '@xstate.microstep' || m.type === '@xstate.action')).toBe(false);
    const snap = msgs.find((m) => m.type === '@xstate.snapshot' && m.snapshot?.context?.caller !== undefined)!;
    expect(snap.snapshot!.context!.caller).toBe('0x1111111111111111111111111111111111111111'); // bigints as hex
  }, 20_000);
});
