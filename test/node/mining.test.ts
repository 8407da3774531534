// Mining modes and WebSocket subscriptions: interval mining, automine off with a queue, eth_subscribe.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import counter from './contracts/Counter.json' with { type: 'json' };
import { ACCOUNT0, ACCOUNT1, call, startTestNode } from './helpers.js';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function until<T>(what: string, fn: () => Promise<T | null>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await fn();
    if (v !== null) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('mining modes', () => {
  it('with automine off, transactions wait in the pool (future nonces too) until evm_mine', async () => {
    const t = await startTestNode({ automine: false });
    close = t.close;
    const nonce = Number(BigInt((await call(t.url, 'eth_getTransactionCount', [ACCOUNT0])) as string));
    const later = await call(t.url, 'eth_sendTransaction', [
      { from: ACCOUNT0, to: ACCOUNT1, value: '0x2', nonce: '0x' + (nonce + 1).toString(16), gas: '0x5208' },
    ]);
    const first = await call(t.url, 'eth_sendTransaction', [
      { from: ACCOUNT0, to: ACCOUNT1, value: '0x1', gas: '0x5208' },
    ]);
    expect(await call(t.url, 'eth_getTransactionReceipt', [first])).toBe(null);
    expect(((await call(t.url, 'eth_getTransactionByHash', [first])) as { blockNumber: null }).blockNumber).toBe(null);
    expect(await call(t.url, 'eth_getTransactionCount', [ACCOUNT0, 'pending'])).toBe('0x' + (nonce + 2).toString(16));
    await call(t.url, 'evm_mine');
    const r1 = (await call(t.url, 'eth_getTransactionReceipt', [first])) as {
      blockNumber: string;
      transactionIndex: string;
    };
    const r2 = (await call(t.url, 'eth_getTransactionReceipt', [later])) as {
      blockNumber: string;
      transactionIndex: string;
    };
    expect(r1.blockNumber).toBe(r2.blockNumber);
    expect([r1.transactionIndex, r2.transactionIndex]).toEqual(['0x0', '0x1']);
  });

  it('interval mining makes blocks on a timer and includes the pool', async () => {
    const t = await startTestNode({ automine: false });
    close = t.close;
    t.node.setIntervalMining(100);
    const hash = await call(t.url, 'eth_sendTransaction', [
      { from: ACCOUNT0, to: ACCOUNT1, value: '0x1', gas: '0x5208' },
    ]);
    const r = await until(
      'the receipt',
      async () => (await call(t.url, 'eth_getTransactionReceipt', [hash])) as { status: string } | null,
    );
    expect(r.status).toBe('0x1');
    const n = BigInt((await call(t.url, 'eth_blockNumber')) as string);
    await until('an empty block', async () =>
      BigInt((await call(t.url, 'eth_blockNumber')) as string) > n ? true : null,
    );
  });
});

describe('eth_subscribe over WebSocket', () => {
  it('notifies newHeads, logs and pending transactions, and stops after eth_unsubscribe', async () => {
    const t = await startTestNode();
    close = t.close;
    const ws = new WebSocket(t.server.wsUrl);
    await new Promise((r) => ws.once('open', r));
    const messages: {
      id?: number;
      result?: string;
      method?: string;
      params?: { subscription: string; result: unknown };
    }[] = [];
    ws.on('message', (d) => messages.push(JSON.parse(String(d))));
    const request = async (id: number, method: string, params: unknown[]) => {
      ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
      return (await until(method, async () => messages.find((m) => m.id === id) ?? null)).result!;
    };
    const heads = await request(1, 'eth_subscribe', ['newHeads']);
    const pending = await request(2, 'eth_subscribe', ['newPendingTransactions']);
    const hash = await call(t.url, 'eth_sendTransaction', [{ from: ACCOUNT0, to: ACCOUNT1, value: '0x1' }]);
    const head = await until('a head', async () => messages.find((m) => m.params?.subscription === heads) ?? null);
    expect((head.params!.result as { number: string }).number).toBe('0x1');
    expect((head.params!.result as { transactions?: unknown }).transactions).toBeUndefined();
    const p = await until(
      'a pending hash',
      async () => messages.find((m) => m.params?.subscription === pending) ?? null,
    );
    expect(p.params!.result).toBe(hash);
    const d = await call(t.url, 'eth_sendTransaction', [{ from: ACCOUNT0, data: counter.bytecode + '00'.repeat(32) }]);
    const { contractAddress } = (await call(t.url, 'eth_getTransactionReceipt', [d])) as { contractAddress: string };
    const logs = await request(4, 'eth_subscribe', ['logs', { address: contractAddress }]);
    await call(t.url, 'eth_sendTransaction', [{ from: ACCOUNT0, to: contractAddress, data: '0xd09de08a' }]); // increment()
    const log = await until('a log', async () => messages.find((m) => m.params?.subscription === logs) ?? null);
    expect((log.params!.result as { address: string; data: string }).address).toBe(contractAddress);
    expect((log.params!.result as { data: string }).data).toBe('0x' + '00'.repeat(31) + '01');
    expect(await request(3, 'eth_unsubscribe', [heads])).toBe(true);
    await call(t.url, 'eth_sendTransaction', [{ from: ACCOUNT0, to: ACCOUNT1, value: '0x1' }]);
    await new Promise((r) => setTimeout(r, 100));
    expect(messages.filter((m) => m.params?.subscription === heads)).toHaveLength(3);
    ws.close();
  });
});
