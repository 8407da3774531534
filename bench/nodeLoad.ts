// Load driver for `zkos node`: N concurrent clients, each with its own key, send pre-signed transfers
// (viem signs them) one after another over HTTP and time each eth_sendRawTransaction until its answer
// (automine: the transaction is mined by then). Used by bench/node.ts and test/node/load.test.ts.
import type { Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';

export interface LoadOptions {
  readonly url: string;
  readonly chainId: number;
  readonly keys: readonly Hex[];
  /** Transfers per client. */
  readonly txsPerClient: number;
  /** Wei per transfer. */
  readonly value: bigint;
  /** Recipient of client i's transfers. */
  readonly recipient: (client: number) => Hex;
}

export interface ClientRun {
  readonly from: Hex;
  readonly firstNonce: number;
  readonly hashes: Hex[];
}

export interface LoadResult {
  readonly txs: number;
  readonly seconds: number;
  readonly txPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly clients: ClientRun[];
}

let nextId = 1;
/** One JSON-RPC call; throws on an error answer. */
export async function rpcCall(url: string, method: string, params: unknown[]): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }),
  });
  const body = (await res.json()) as { result?: unknown; error?: { code: number; message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.code} ${body.error.message}`);
  return body.result;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  // Sign everything first: the timed part is the node's work and the HTTP round trip.
  const prepared = await Promise.all(
    o.keys.map(async (key, i) => {
      const account = privateKeyToAccount(key);
      const firstNonce = Number(
        BigInt((await rpcCall(o.url, 'eth_getTransactionCount', [account.address, 'pending'])) as string),
      );
      const raws: Hex[] = [];
      for (let k = 0; k < o.txsPerClient; k++)
        raws.push(
          await account.signTransaction({
            chainId: o.chainId,
            type: 'eip1559',
            to: o.recipient(i),
            value: o.value,
            nonce: firstNonce + k,
            gas: 21_000n,
            maxFeePerGas: 5_000_000_000n,
            maxPriorityFeePerGas: 1n,
          }),
        );
      return { from: account.address, firstNonce, raws };
    }),
  );
  const latencies: number[] = [];
  const t0 = performance.now();
  const clients = await Promise.all(
    prepared.map(async (p) => {
      const hashes: Hex[] = [];
      for (const raw of p.raws) {
        const s = performance.now();
        hashes.push((await rpcCall(o.url, 'eth_sendRawTransaction', [raw])) as Hex);
        latencies.push(performance.now() - s);
      }
      return { from: p.from, firstNonce: p.firstNonce, hashes };
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const txs = latencies.length;
  return {
    txs,
    seconds,
    txPerSecond: txs / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies[txs - 1] ?? 0,
    clients,
  };
}
