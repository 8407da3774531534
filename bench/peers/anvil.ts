// anvil (@foundry-rs/anvil; the binary ships in the platform package @foundry-rs/anvil-linux-amd64, so the
// blocked postinstall does not matter) as a child process on 127.0.0.1, each workload an `eth_call` over HTTP
// JSON-RPC with a state override placing the code.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { RunResult } from '../ours.js';
import type { Workload } from '../workloads.js';
import { now } from '../util.js';
import { ethCallParams, resultOf } from './rpc.js';
import type { PeerEngine } from './peer.js';

function anvilBinary(): string {
  // The platform package is an optional dependency of @foundry-rs/anvil: resolve it from there.
  const require = createRequire(fileURLToPath(import.meta.resolve('@foundry-rs/anvil/package.json')));
  const platformPackage = `@foundry-rs/anvil-${process.platform}-${process.arch === 'x64' ? 'amd64' : process.arch}`;
  const pkg = require.resolve(`${platformPackage}/package.json`);
  const bin = join(dirname(pkg), 'bin', 'anvil');
  if (!existsSync(bin)) throw new Error(`${platformPackage} has no bin/anvil`);
  return bin;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function openAnvil(): Promise<PeerEngine> {
  const bin = anvilBinary();
  const port = await freePort();
  const args = ['--host', '127.0.0.1', '--port', String(port), '--hardfork', 'cancun', '--disable-block-gas-limit'];
  const child: ChildProcess = spawn(bin, [...args, '--silent', '--no-mining'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  // The child must not outlive the bench, however the bench ends.
  const killChild = (): void => void child.kill();
  process.once('exit', killChild);
  const url = `http://127.0.0.1:${port}`;
  let id = 0;
  const rpc = async (method: string, params: unknown[]): Promise<unknown> => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params });
    const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return r.json();
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`anvil exited with ${child.exitCode}: ${stderr.slice(0, 300)}`);
    try {
      await rpc('eth_chainId', []);
      break;
    } catch (e) {
      if (Date.now() > deadline) {
        child.kill();
        throw new Error(`anvil did not answer on ${url} within 20 s: ${(e as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    name: 'anvil',
    async run(w: Workload): Promise<RunResult> {
      const params = ethCallParams(w);
      const t0 = now();
      const reply = await rpc('eth_call', params);
      return resultOf(reply, now() - t0);
    },
    async close(): Promise<void> {
      process.removeListener('exit', killChild);
      child.kill();
    },
  };
}
