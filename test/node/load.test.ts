// Load: 8 concurrent clients send 2,000 transfers in all; every receipt, balance and nonce is checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hex } from 'viem';
import { rpcCall, runLoad } from '../../bench/nodeLoad.js';
import { deriveDevAccounts } from '../../src/node/devAccounts.js';
import { startTestNode } from './helpers.js';

const CLIENTS = 8;
const PER_CLIENT = 250;
const recipient = (i: number): Hex => `0x${(0xbeef00 + i).toString(16).padStart(40, '0')}`;

describe('load', () => {
  let t: Awaited<ReturnType<typeof startTestNode>>;
  beforeAll(async () => {
    t = await startTestNode();
  });
  afterAll(async () => {
    await t.close();
  });

  it('8 clients × 250 transfers: nothing lost, nothing duplicated', async () => {
    const keys = deriveDevAccounts(CLIENTS).map((a) => `0x${Buffer.from(a.secretKey).toString('hex')}` as Hex);
    const head0 = BigInt((await rpcCall(t.url, 'eth_blockNumber', [])) as string);
    const r = await runLoad({ url: t.url, chainId: 31337, keys, txsPerClient: PER_CLIENT, value: 1000n, recipient });
    console.log(
      `load: ${r.txs} transfers from ${CLIENTS} clients in ${r.seconds.toFixed(2)} s: ${r.txPerSecond.toFixed(0)} tx/s, ` +
        `latency p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms, max ${r.maxMs.toFixed(2)} ms`,
    );
    expect(r.txs).toBe(CLIENTS * PER_CLIENT);
    const all = new Set(r.clients.flatMap((c) => c.hashes));
    expect(all.size).toBe(CLIENTS * PER_CLIENT);
    const blocks = new Set<string>();
    for (const [i, c] of r.clients.entries()) {
      for (const [k, hash] of c.hashes.entries()) {
        const receipt = (await rpcCall(t.url, 'eth_getTransactionReceipt', [hash])) as Record<string, string>;
        expect(receipt.status).toBe('0x1');
        expect(receipt.from).toBe(c.from.toLowerCase());
        expect(receipt.to).toBe(recipient(i));
        const tx = (await rpcCall(t.url, 'eth_getTransactionByHash', [hash])) as Record<string, string>;
        expect(Number(BigInt(tx.nonce!))).toBe(c.firstNonce + k);
        blocks.add(receipt.blockNumber!);
      }
      expect(BigInt((await rpcCall(t.url, 'eth_getBalance', [recipient(i), 'latest'])) as string)).toBe(
        1000n * BigInt(PER_CLIENT),
      );
      expect(Number(BigInt((await rpcCall(t.url, 'eth_getTransactionCount', [c.from, 'latest'])) as string))).toBe(
        c.firstNonce + PER_CLIENT,
      );
    }
    // Automine: one block per transaction, numbered without gaps.
    expect(blocks.size).toBe(CLIENTS * PER_CLIENT);
    expect(BigInt((await rpcCall(t.url, 'eth_blockNumber', [])) as string)).toBe(head0 + BigInt(CLIENTS * PER_CLIENT));
  }, 300_000);
});
