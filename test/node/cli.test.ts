// `zkos node` as a process: the banner, bad flags (exit 2), Ctrl-C writing --state, a restart from it,
// and SIGKILL in the middle of state writes never leaving a torn file.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { nodeCommand } from '../../src/cli/node.js';
import { ACCOUNT0, ACCOUNT1, call, ETH } from './helpers.js';

const BIN = join(import.meta.dirname, '../../bin/zkos.js');
const dir = mkdtempSync(join(tmpdir(), 'zkos-node-'));
const children: ChildProcess[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/** Starts `zkos node` on an ephemeral port; resolves with its URL once it listens. */
async function startProcess(args: string[]): Promise<{ child: ChildProcess; url: string; out: () => string }> {
  const child = spawn(process.execPath, [BIN, 'node', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner in 60 s:\n${out}`)), 60_000);
    child.stdout!.on('data', () => {
      const m = /Listening on ([\d.]+:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(`http://${m[1]}`);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
  return { child, url, out: () => out };
}

const exited = (c: ChildProcess) =>
  new Promise<number | null>((r) => (c.exitCode !== null ? r(c.exitCode) : c.once('exit', (code) => r(code))));

describe('zkos node command', () => {
  it('rejects bad flags with exit 2 naming the flag', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      for (const [argv, flag] of [
        [['--port', '70000'], '--port'],
        [['--profile', 'bitcoin'], '--profile'],
        [['--chain-id', 'x'], '--chain-id'],
        [['--fork', 'Frontier'], '--fork'],
        [['--profile', 'zksync', '--fork', 'Osaka'], '--fork'],
        [['--bogus'], '--bogus'],
      ] as const) {
        expect(await nodeCommand([...argv])).toBe(2);
        expect(String(err.mock.calls.at(-1)?.[0])).toContain(flag);
      }
      writeFileSync(join(dir, 'bad.json'), '{"format":"zkos-node-state","version":99}');
      expect(await nodeCommand(['--state', join(dir, 'bad.json'), '--port', '0'])).toBe(2);
      expect(String(err.mock.calls.at(-1)?.[0])).toMatch(/version/);
    } finally {
      err.mockRestore();
    }
  });

  it('prints the dev accounts, writes --state on Ctrl-C and starts again from it', async () => {
    const file = join(dir, 'state.json');
    const a = await startProcess(['--state', file, '--accounts', '3']);
    expect(a.out()).toContain('(0) 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 (10000.000000000000000000 ETH)');
    expect(a.out()).toContain('(0) 0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80');
    expect(a.out()).toContain('test test test test test test test test test test test junk');
    await call(a.url, 'eth_sendTransaction', [{ from: ACCOUNT0, to: ACCOUNT1, value: '0x' + (7n * ETH).toString(16) }]);
    a.child.kill('SIGINT');
    expect(await exited(a.child)).toBe(0);
    expect(a.out()).toContain(`State written to ${file}`);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { version: number; block: { number: string } };
    expect(saved.version).toBe(1);
    expect(saved.block.number).toBe('0x1');

    const b = await startProcess(['--state', file, '--accounts', '3']);
    expect(await call(b.url, 'eth_getBalance', [ACCOUNT1])).toBe('0x' + (10_007n * ETH).toString(16));
    expect(await call(b.url, 'eth_blockNumber')).toBe('0x1');
    b.child.kill('SIGTERM');
    expect(await exited(b.child)).toBe(0);
  }, 120_000);

  it("--inspect relays every mined transaction's actors to the Stately inspector", async () => {
    const p = await startProcess(['--inspect', '--inspect-port', '0', '--accounts', '2']);
    const relay = /relay (ws:\/\/[\d.]+:\d+)/.exec(p.out())?.[1];
    expect(relay).toBeDefined();
    const viewer = new WebSocket(relay!);
    const events: { type: string; actorRef?: { id?: string }; snapshot?: { value?: unknown } }[] = [];
    viewer.on('message', (d) => events.push(JSON.parse(String(d))));
    await new Promise((r) => viewer.once('open', r));
    await call(p.url, 'eth_sendTransaction', [{ from: ACCOUNT0, to: ACCOUNT1, value: '0x1' }]);
    const end = Date.now() + 20_000;
    const done = () => events.some((e) => e.type === '@xstate.snapshot' && e.snapshot?.value === 'success');
    while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(events.some((e) => e.type === '@xstate.actor')).toBe(true);
    expect(done()).toBe(true); // the transfer's frame actor reached its final state
    viewer.close();
    p.child.kill('SIGINT');
    expect(await exited(p.child)).toBe(0);
  }, 120_000);

  it('a SIGKILL during state writes leaves the previous or the new complete state', async () => {
    // A big state makes every write long, so that the kills land inside writes.
    const file = join(dir, 'big.json');
    const accounts: Record<string, object> = {};
    for (let i = 0; i < 30_000; i++)
      accounts['0x' + (0x100000 + i).toString(16).padStart(40, '0')] = {
        nonce: '0x0',
        balance: '0x1',
        code: '0x',
        storage: {},
      };
    for (const a of [ACCOUNT0, ACCOUNT1])
      accounts[a] = { nonce: '0x0', balance: '0x' + (1000n * ETH).toString(16), code: '0x', storage: {} };
    writeFileSync(
      file,
      JSON.stringify({
        format: 'zkos-node-state',
        version: 1,
        chainId: '0x7a69',
        block: { number: '0x0', timestamp: '0x1' },
        accounts,
      }),
    );
    const total = Object.keys(accounts).length;
    let killedMidWrite = 0;
    let sent = 0n;
    for (let round = 0; round < 3; round++) {
      const p = await startProcess(['--state', file, '--state-interval', '1', '--accounts', '2']);
      let stop = false;
      const sender = (async () => {
        while (!stop) {
          try {
            sent++; // counted when sent: the node may mine it and die before answering
            await call(p.url, 'eth_sendTransaction', [{ from: ACCOUNT0, to: ACCOUNT1, value: '0x1' }]);
          } catch {
            return; // the node is gone
          }
        }
      })();
      // Let one write complete, then kill the moment the next one is under way (its temporary file
      // exists), a little later each round.
      const isTmp = (f: string) => f === `.big.json.${p.child.pid}.tmp`;
      const waitFor = async (want: boolean) => {
        const until = Date.now() + 60_000;
        while (readdirSync(dir).some(isTmp) !== want && Date.now() < until) await new Promise((r) => setTimeout(r, 1));
      };
      await waitFor(true);
      await waitFor(false);
      await waitFor(true);
      await new Promise((r) => setTimeout(r, 5 * round));
      p.child.kill('SIGKILL');
      stop = true;
      await exited(p.child);
      await sender;
      if (readdirSync(dir).some(isTmp)) killedMidWrite++;
      // The file is one whole state: it parses, holds every account, and the transfers add up.
      const saved = JSON.parse(readFileSync(file, 'utf8')) as {
        accounts: Record<string, { balance: string; nonce: string }>;
      };
      expect(Object.keys(saved.accounts).length).toBeGreaterThanOrEqual(total);
      const received = BigInt(saved.accounts[ACCOUNT1]!.balance) - 1000n * ETH;
      expect(received).toBe(BigInt(saved.accounts[ACCOUNT0]!.nonce)); // one wei per transaction
      expect(received).toBeLessThanOrEqual(sent);
    }
    expect(killedMidWrite).toBeGreaterThan(0);
    const last = await startProcess(['--state', file, '--accounts', '2']);
    // Each round completed at least one write after a transaction: three rounds, at least three.
    expect(BigInt((await call(last.url, 'eth_getTransactionCount', [ACCOUNT0])) as string)).toBeGreaterThanOrEqual(3n);
    last.child.kill('SIGINT');
    expect(await exited(last.child)).toBe(0);
    expect(existsSync(file)).toBe(true);
    // Temporary files of killed writers are removed when a node starts on the same state file.
    expect(readdirSync(dir).filter((f) => f.startsWith('.big.json.'))).toEqual([]);
  }, 300_000);
});
