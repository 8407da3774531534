// `npm run bench:node`: throughput and latency of `zkos node` under concurrent clients (bench/nodeLoad.ts).
//
// Options: --clients N (default 8)  --txs N (transfers per client, default 500)  --url URL (drive a
//          running node instead of an in-process one; its dev accounts must be the default mnemonic's)
//          --json FILE
import { writeFileSync } from 'node:fs';
import type { Hex } from 'viem';
import { ethereum } from '../src/index.js';
import { deriveDevAccounts } from '../src/node/devAccounts.js';
import { DevNode } from '../src/node/devNode.js';
import { startServer } from '../src/node/server.js';
import { runLoad } from './nodeLoad.js';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : dflt;
}

const clients = Number(arg('--clients', '8'));
const txs = Number(arg('--txs', '500'));
const external = arg('--url', '');
const json = arg('--json', '');
if (!Number.isSafeInteger(clients) || clients < 1 || !Number.isSafeInteger(txs) || txs < 1) {
  console.error('bench:node: --clients and --txs must be positive integers');
  process.exit(2);
}

const server = external
  ? null
  : await startServer(new DevNode({ profile: ethereum, chainId: 31337n, accounts: clients, balance: 10n ** 24n }), {
      port: 0,
    });
const url = external || server!.url;
const keys = deriveDevAccounts(clients).map((a) => `0x${Buffer.from(a.secretKey).toString('hex')}` as Hex);
const recipient = (i: number): Hex => `0x${(0xbeef00 + i).toString(16).padStart(40, '0')}`;

// Warm-up (JIT), then the measured run.
await runLoad({ url, chainId: 31337, keys, txsPerClient: Math.min(50, txs), value: 1n, recipient });
const r = await runLoad({ url, chainId: 31337, keys, txsPerClient: txs, value: 1n, recipient });
console.log(
  `zkos node: ${r.txs} transfers, ${clients} concurrent clients, ${r.seconds.toFixed(2)} s: ` +
    `${r.txPerSecond.toFixed(0)} tx/s; latency p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms, max ${r.maxMs.toFixed(2)} ms`,
);
if (json)
  writeFileSync(
    json,
    JSON.stringify(
      {
        clients,
        txs: r.txs,
        seconds: r.seconds,
        txPerSecond: r.txPerSecond,
        p50Ms: r.p50Ms,
        p99Ms: r.p99Ms,
        maxMs: r.maxMs,
      },
      null,
      2,
    ),
  );
await server?.close();
