import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveDevAccounts } from '../../src/node/devAccounts.js';
import { ACCOUNT0, ACCOUNT1, call, ETH, KEY0, KEY1, rpc, startTestNode } from './helpers.js';

describe('dev accounts', () => {
  it('derive the addresses and keys every tool assumes from the default mnemonic', () => {
    const [a0, a1] = deriveDevAccounts(2);
    expect('0x' + a0!.address.toString(16).padStart(40, '0')).toBe(ACCOUNT0);
    expect('0x' + Buffer.from(a0!.secretKey).toString('hex')).toBe(KEY0);
    expect('0x' + a1!.address.toString(16).padStart(40, '0')).toBe(ACCOUNT1);
    expect('0x' + Buffer.from(a1!.secretKey).toString('hex')).toBe(KEY1);
  });
});

describe('zkos node over HTTP', () => {
  let t: Awaited<ReturnType<typeof startTestNode>>;
  beforeAll(async () => {
    t = await startTestNode();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers the identity methods', async () => {
    expect(await call(t.url, 'eth_chainId')).toBe('0x7a69');
    expect(await call(t.url, 'net_version')).toBe('31337');
    expect(await call(t.url, 'web3_clientVersion')).toMatch(/^zkos-runner\//);
    const accounts = (await call(t.url, 'eth_accounts')) as string[];
    expect(accounts).toHaveLength(10);
    expect(accounts[0]).toBe(ACCOUNT0);
    expect(await call(t.url, 'eth_getBalance', [ACCOUNT0, 'latest'])).toBe('0x' + (10_000n * ETH).toString(16));
  });

  it('mines a transfer sent with eth_sendTransaction and keeps the old balance readable', async () => {
    const before = BigInt((await call(t.url, 'eth_blockNumber')) as string);
    const hash = (await call(t.url, 'eth_sendTransaction', [
      { from: ACCOUNT0, to: ACCOUNT1, value: '0x' + ETH.toString(16) },
    ])) as string;
    const receipt = (await call(t.url, 'eth_getTransactionReceipt', [hash])) as Record<string, string>;
    expect(receipt.status).toBe('0x1');
    expect(receipt.gasUsed).toBe('0x5208');
    expect(BigInt(receipt.blockNumber!)).toBe(before + 1n);
    const bal1 = BigInt((await call(t.url, 'eth_getBalance', [ACCOUNT1, 'latest'])) as string);
    expect(bal1).toBe(10_001n * ETH);
    const old = BigInt((await call(t.url, 'eth_getBalance', [ACCOUNT1, '0x' + before.toString(16)])) as string);
    expect(old).toBe(10_000n * ETH);
    expect(await call(t.url, 'eth_getTransactionCount', [ACCOUNT0, 'latest'])).not.toBe('0x0');
    expect(await call(t.url, 'eth_estimateGas', [{ from: ACCOUNT0, to: ACCOUNT1, value: '0x1' }])).toBe('0x5208');
  });

  it('answers bad requests with JSON-RPC errors and keeps serving', async () => {
    const bad = await fetch(t.url, { method: 'POST', body: '{not json' });
    expect(((await bad.json()) as { error: { code: number } }).error.code).toBe(-32700);
    expect((await rpc(t.url, 'eth_nope')).error?.code).toBe(-32601);
    expect((await rpc(t.url, 'eth_getBalance', ['0x12'])).error?.code).toBe(-32602);
    expect(await call(t.url, 'eth_chainId')).toBe('0x7a69');
  });
});
