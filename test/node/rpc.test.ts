// The JSON-RPC surface with hand-written requests: envelope errors, batches, the size limit, every
// transaction type over eth_sendRawTransaction, filters, fee history, state overrides.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type Hex, encodeFunctionData, type Abi } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import counter from './contracts/Counter.json' with { type: 'json' };
import { ACCOUNT0, ACCOUNT1, call, ETH, KEY1, rpc, startTestNode } from './helpers.js';

const abi = counter.abi as Abi;

async function post(url: string, body: string): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: res.status, json: await res.json() };
}

describe('JSON-RPC envelope', () => {
  let t: Awaited<ReturnType<typeof startTestNode>>;
  beforeAll(async () => {
    t = await startTestNode({ maxBodyBytes: 64 * 1024 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers batches in order, leaves notifications out, and rejects an empty batch', async () => {
    const r = await post(
      t.url,
      JSON.stringify([
        { jsonrpc: '2.0', id: 1, method: 'eth_chainId' },
        { jsonrpc: '2.0', method: 'eth_blockNumber' },
        { jsonrpc: '2.0', id: 'b', method: 'nope' },
        5,
      ]),
    );
    expect(r.json).toEqual([
      { jsonrpc: '2.0', id: 1, result: '0x7a69' },
      { jsonrpc: '2.0', id: 'b', error: { code: -32601, message: 'the method nope does not exist/is not available' } },
      { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'invalid request: expected an object' } },
    ]);
    expect(((await post(t.url, '[]')).json as { error: { code: number } }).error.code).toBe(-32600);
  });

  it('rejects a bad envelope, bad params and an oversize body with the right codes', async () => {
    const codeOf = (x: unknown) => (x as { error: { code: number } }).error.code;
    expect(codeOf((await post(t.url, '{"id":1,"method":"eth_chainId"}')).json)).toBe(-32600);
    expect(codeOf((await post(t.url, '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":{}}')).json)).toBe(
      -32602,
    );
    const p = await rpc(t.url, 'eth_getBalance', [ACCOUNT0, 'yesterday']);
    expect(p.error?.code).toBe(-32602);
    expect(p.error?.message).toMatch(/params\[1\]/);
    const big = await post(
      t.url,
      JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_call', params: ['x'.repeat(70_000)] }),
    );
    expect(big.status).toBe(413);
    expect(codeOf(big.json)).toBe(-32600);
    expect(await call(t.url, 'eth_chainId')).toBe('0x7a69'); // still serving
  });

  it('answers garbage over WebSocket with errors and keeps the socket open', async () => {
    const ws = new WebSocket(t.server.wsUrl);
    await new Promise((r) => ws.once('open', r));
    const replies: { id: unknown; error?: { code: number }; result?: unknown }[] = [];
    ws.on('message', (d) => replies.push(JSON.parse(String(d))));
    ws.send('{oops');
    ws.send(JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'eth_subscribe', params: ['nothing'] }));
    ws.send(JSON.stringify({ jsonrpc: '2.0', id: 8, method: 'eth_chainId' }));
    const end = Date.now() + 10_000;
    while (replies.length < 3 && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    expect(replies.map((r) => r.error?.code ?? r.result)).toEqual([-32700, -32602, '0x7a69']);
    ws.close();
    // Subscriptions need a socket: over HTTP they are refused.
    expect((await rpc(t.url, 'eth_subscribe', ['newHeads'])).error?.code).toBe(-32000);
  });
});

describe('transactions and queries', () => {
  let t: Awaited<ReturnType<typeof startTestNode>>;
  const signer = privateKeyToAccount(KEY1);
  let nonce = 0;
  beforeAll(async () => {
    t = await startTestNode();
  });
  afterAll(async () => {
    await t.close();
  });

  const base = { chainId: 31337, to: ACCOUNT0 as Hex, value: 1000n, gas: 30_000n };
  it('accepts every Cancun transaction type as a raw transaction', async () => {
    const raws: Hex[] = [
      await signer.signTransaction({ ...base, type: 'legacy', gasPrice: 2n * 10n ** 9n, nonce: nonce++ }),
      await signer.signTransaction({
        ...base,
        type: 'eip2930',
        gasPrice: 2n * 10n ** 9n,
        nonce: nonce++,
        accessList: [{ address: ACCOUNT0, storageKeys: [] }],
      }),
      await signer.signTransaction({
        ...base,
        type: 'eip1559',
        maxFeePerGas: 3n * 10n ** 9n,
        maxPriorityFeePerGas: 1n,
        nonce: nonce++,
      }),
    ];
    for (const raw of raws) {
      const hash = (await call(t.url, 'eth_sendRawTransaction', [raw])) as string;
      const r = (await call(t.url, 'eth_getTransactionReceipt', [hash])) as Record<string, string>;
      expect(r.status).toBe('0x1');
      expect(r.from).toBe(signer.address.toLowerCase());
      const tx = (await call(t.url, 'eth_getTransactionByHash', [hash])) as Record<string, string>;
      expect(tx.hash).toBe(hash);
    }
    // Type 3 needs blobs' versioned hashes; without a blob fee cap above the blob base fee it is invalid.
    const blob = await signer.signTransaction({
      ...base,
      type: 'eip4844',
      maxFeePerGas: 3n * 10n ** 9n,
      maxPriorityFeePerGas: 1n,
      maxFeePerBlobGas: 1n,
      blobVersionedHashes: [('0x01' + '00'.repeat(31)) as Hex],
      nonce: nonce++,
    });
    const hash = (await call(t.url, 'eth_sendRawTransaction', [blob])) as string;
    const r = (await call(t.url, 'eth_getTransactionReceipt', [hash])) as Record<string, string>;
    expect(r.type).toBe('0x3');
  });

  it('accepts an EIP-7702 set-code transaction (type 4) and installs the delegation', async () => {
    const authority = privateKeyToAccount(('0x' + '77'.repeat(32)) as Hex);
    const delegate = '0x00000000000000000000000000000000000c0de1' as Hex;
    const authorization = await authority.signAuthorization({ chainId: 31337, address: delegate, nonce: 0 });
    const raw = await signer.signTransaction({
      ...base,
      gas: 80_000n,
      type: 'eip7702',
      maxFeePerGas: 3n * 10n ** 9n,
      maxPriorityFeePerGas: 1n,
      nonce: nonce++,
      authorizationList: [authorization],
    });
    const hash = (await call(t.url, 'eth_sendRawTransaction', [raw])) as string;
    const r = (await call(t.url, 'eth_getTransactionReceipt', [hash])) as Record<string, string>;
    expect(r.status).toBe('0x1');
    expect(r.gasUsed).toBe('0xb3b0'); // 21000 + 25000 (a new authority: no refund)
    expect(await call(t.url, 'eth_getCode', [authority.address, 'latest'])).toBe('0xef0100' + delegate.slice(2));
  });

  it('rejects invalid transactions with geth messages', async () => {
    const low = await signer.signTransaction({
      ...base,
      type: 'eip1559',
      maxFeePerGas: 3n * 10n ** 9n,
      maxPriorityFeePerGas: 1n,
      nonce: 0,
    });
    expect((await rpc(t.url, 'eth_sendRawTransaction', [low])).error).toEqual({
      code: -32000,
      message: `nonce too low: address ${signer.address.toLowerCase()}, tx: 0 state: ${nonce}`,
    });
    const intrinsic = await signer.signTransaction({
      ...base,
      gas: 20_000n,
      type: 'eip1559',
      maxFeePerGas: 3n * 10n ** 9n,
      maxPriorityFeePerGas: 1n,
      nonce,
    });
    expect((await rpc(t.url, 'eth_sendRawTransaction', [intrinsic])).error?.message).toBe(
      'intrinsic gas too low: gas 20000, minimum needed 21000',
    );
    const rich = await signer.signTransaction({
      ...base,
      value: 10n ** 30n,
      type: 'eip1559',
      maxFeePerGas: 3n * 10n ** 9n,
      maxPriorityFeePerGas: 1n,
      nonce,
    });
    expect((await rpc(t.url, 'eth_sendRawTransaction', [rich])).error?.message).toMatch(
      /^insufficient funds for gas \* price \+ value: address 0x70997970c51812dc3a010c7d01b50e0d17dc79c8 have \d+ want \d+$/,
    );
    const otherChain = await signer.signTransaction({
      ...base,
      chainId: 1,
      type: 'eip1559',
      maxFeePerGas: 3n * 10n ** 9n,
      maxPriorityFeePerGas: 1n,
      nonce,
    });
    expect((await rpc(t.url, 'eth_sendRawTransaction', [otherChain])).error?.message).toBe(
      'invalid chain id for signer: have 1 want 31337',
    );
    expect((await rpc(t.url, 'eth_sendRawTransaction', ['0x02c0'])).error?.code).toBe(-32602);
    expect(await call(t.url, 'eth_getTransactionCount', [signer.address, 'latest'])).toBe('0x' + nonce.toString(16));
  });

  it('serves eth_call with state overrides and eth_estimateGas', async () => {
    const deploy = (await call(t.url, 'eth_sendTransaction', [
      { from: ACCOUNT0, data: counter.bytecode + '0'.repeat(63) + '3' },
    ])) as string;
    const { contractAddress } = (await call(t.url, 'eth_getTransactionReceipt', [deploy])) as {
      contractAddress: string;
    };
    const countData = encodeFunctionData({ abi, functionName: 'count' });
    expect(
      BigInt((await call(t.url, 'eth_call', [{ to: contractAddress, data: countData }, 'latest'])) as string),
    ).toBe(3n);
    const overridden = await call(t.url, 'eth_call', [
      { to: contractAddress, data: countData },
      'latest',
      { [contractAddress]: { stateDiff: { ['0x' + '0'.repeat(64)]: '0x' + '0'.repeat(62) + '63' } } },
    ]);
    expect(BigInt(overridden as string)).toBe(99n);
    // The override did not stay.
    expect(BigInt((await call(t.url, 'eth_call', [{ to: contractAddress, data: countData }])) as string)).toBe(3n);
    // The state of the block before the deployment has no code there.
    const head = BigInt((await call(t.url, 'eth_blockNumber')) as string);
    expect(await call(t.url, 'eth_getCode', [contractAddress, '0x' + (head - 1n).toString(16)])).toBe('0x');

    const add = encodeFunctionData({ abi, functionName: 'add', args: [5n] });
    const gas = BigInt(
      (await call(t.url, 'eth_estimateGas', [{ from: ACCOUNT0, to: contractAddress, data: add }])) as string,
    );
    const tooLittle = await rpc(t.url, 'eth_sendTransaction', [
      { from: ACCOUNT0, to: contractAddress, data: add, gas: '0x' + (gas - 3000n).toString(16) },
    ]);
    const r1 = tooLittle.result
      ? ((await call(t.url, 'eth_getTransactionReceipt', [tooLittle.result])) as { status: string })
      : null;
    expect(r1?.status).toBe('0x0');
    const enough = (await call(t.url, 'eth_sendTransaction', [
      { from: ACCOUNT0, to: contractAddress, data: add, gas: '0x' + gas.toString(16) },
    ])) as string;
    expect(((await call(t.url, 'eth_getTransactionReceipt', [enough])) as { status: string }).status).toBe('0x1');

    const reverted = await rpc(t.url, 'eth_call', [
      { to: contractAddress, data: encodeFunctionData({ abi, functionName: 'add', args: [101n] }) },
    ]);
    expect(reverted.error?.code).toBe(3);
    expect(reverted.error?.message).toBe('execution reverted: value too big');
    expect(String(reverted.error?.data)).toMatch(/^0x08c379a0/);
  });

  it('delivers logs through eth_getLogs and the filter methods', async () => {
    const blockFilter = (await call(t.url, 'eth_newBlockFilter')) as string;
    const logFilter = (await call(t.url, 'eth_newFilter', [{ topics: [] }])) as string;
    const deploy = (await call(t.url, 'eth_sendTransaction', [
      { from: ACCOUNT0, data: counter.bytecode + '0'.repeat(64) },
    ])) as string;
    const { contractAddress: c } = (await call(t.url, 'eth_getTransactionReceipt', [deploy])) as {
      contractAddress: string;
    };
    await call(t.url, 'eth_sendTransaction', [
      { from: ACCOUNT0, to: c, data: encodeFunctionData({ abi, functionName: 'increment' }) },
    ]);
    const blocks = (await call(t.url, 'eth_getFilterChanges', [blockFilter])) as string[];
    expect(blocks).toHaveLength(2);
    const logs = (await call(t.url, 'eth_getFilterChanges', [logFilter])) as { address: string }[];
    expect(logs).toHaveLength(1);
    expect(logs[0]!.address).toBe(c);
    expect(await call(t.url, 'eth_getFilterChanges', [logFilter])).toEqual([]);
    const all = (await call(t.url, 'eth_getLogs', [{ fromBlock: '0x0', address: c }])) as unknown[];
    expect(all).toHaveLength(1);
    const byTopic = (await call(t.url, 'eth_getLogs', [
      { fromBlock: '0x0', topics: [null, '0x' + ACCOUNT1.slice(2).padStart(64, '0')] },
    ])) as unknown[];
    expect(byTopic).toHaveLength(0);
    expect(await call(t.url, 'eth_uninstallFilter', [logFilter])).toBe(true);
    expect((await rpc(t.url, 'eth_getFilterChanges', [logFilter])).error?.message).toBe('filter not found');
  });

  it('reports fee history and the block base fee moving with EIP-1559', async () => {
    const h = (await call(t.url, 'eth_feeHistory', ['0x3', 'latest', [50]])) as {
      baseFeePerGas: string[];
      gasUsedRatio: number[];
      reward: string[][];
      oldestBlock: string;
    };
    expect(h.baseFeePerGas).toHaveLength(4);
    expect(h.gasUsedRatio).toHaveLength(3);
    expect(h.reward).toHaveLength(3);
    // Blocks use far less than half their gas limit: every base fee is lower than the one before.
    for (let i = 1; i < 4; i++) expect(BigInt(h.baseFeePerGas[i]!)).toBeLessThan(BigInt(h.baseFeePerGas[i - 1]!));
    const balance = BigInt((await call(t.url, 'eth_getBalance', [ACCOUNT1])) as string);
    expect(balance).toBeLessThan(10_000n * ETH);
  });
});
