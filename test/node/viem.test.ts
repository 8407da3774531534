// viem (public, wallet and WebSocket clients) drives the node: deploy, call, send, receipts, logs,
// gas estimates, blocks, watching blocks, a revert reason and debug_traceTransaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Abi,
  type BaseError,
  ContractFunctionRevertedError,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  parseEther,
  webSocket,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import counter from './contracts/Counter.json' with { type: 'json' };
import { ACCOUNT1, KEY0, startTestNode } from './helpers.js';

const abi = counter.abi as Abi;
const bytecode = counter.bytecode as Hex;

describe('viem against zkos node', () => {
  let t: Awaited<ReturnType<typeof startTestNode>>;
  let pub: ReturnType<typeof createPublicClient>;
  let wallet: ReturnType<typeof createWalletClient>;
  const account = privateKeyToAccount(KEY0);
  let address: Hex;

  beforeAll(async () => {
    t = await startTestNode();
    pub = createPublicClient({ chain: foundry, transport: http(t.url), pollingInterval: 20 });
    wallet = createWalletClient({ chain: foundry, transport: http(t.url), account, pollingInterval: 20 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('deploys a compiled contract and reads it', async () => {
    const hash = await wallet.deployContract({ abi, bytecode, args: [5n], account, chain: foundry });
    const receipt = await pub.waitForTransactionReceipt({ hash });
    expect(receipt.status).toBe('success');
    expect(receipt.contractAddress).toMatch(/^0x[0-9a-f]{40}$/);
    address = receipt.contractAddress!;
    expect(await pub.getCode({ address })).toBe(counter.deployedBytecode);
    expect(await pub.readContract({ address, abi, functionName: 'count' })).toBe(5n);
  });

  it('sends transactions, waits for receipts and reads the logs', async () => {
    const gas = await pub.estimateContractGas({ address, abi, functionName: 'increment', account });
    expect(gas).toBeGreaterThan(21_000n);
    const hash = await wallet.writeContract({ address, abi, functionName: 'increment', account, chain: foundry });
    const receipt = await pub.waitForTransactionReceipt({ hash });
    expect(receipt.status).toBe('success');
    expect(receipt.gasUsed).toBeLessThanOrEqual(gas);
    expect(receipt.logs).toHaveLength(1);
    const events = await pub.getContractEvents({ address, abi, eventName: 'Incremented', fromBlock: 0n });
    expect(events).toHaveLength(1);
    expect((events[0]!.args as { newCount: bigint }).newCount).toBe(6n);
    expect((events[0]!.args as { by: string }).by.toLowerCase()).toBe(account.address.toLowerCase());
    expect(await pub.readContract({ address, abi, functionName: 'count' })).toBe(6n);

    const before = await pub.getBalance({ address: ACCOUNT1 });
    const transfer = await wallet.sendTransaction({ to: ACCOUNT1, value: parseEther('1.5'), account, chain: foundry });
    const r2 = await pub.waitForTransactionReceipt({ hash: transfer });
    expect(r2.gasUsed).toBe(21_000n);
    expect(await pub.getBalance({ address: ACCOUNT1 })).toBe(before + parseEther('1.5'));
    const tx = await pub.getTransaction({ hash: transfer });
    expect(tx.from.toLowerCase()).toBe(account.address.toLowerCase());
    expect(tx.value).toBe(parseEther('1.5'));
  });

  it('gets blocks by number and hash, with and without transactions', async () => {
    const latest = await pub.getBlock();
    expect(latest.transactions).toHaveLength(1);
    const full = await pub.getBlock({ blockHash: latest.hash, includeTransactions: true });
    expect(full.number).toBe(latest.number);
    expect(typeof full.transactions[0]).toBe('object');
    const parent = await pub.getBlock({ blockNumber: latest.number - 1n });
    expect(parent.hash).toBe(latest.parentHash);
  });

  it('reads a revert reason', async () => {
    try {
      await pub.simulateContract({ address, abi, functionName: 'add', args: [1000n], account });
      expect.unreachable();
    } catch (e) {
      const revert = (e as BaseError).walk((x) => x instanceof ContractFunctionRevertedError);
      expect(revert).toBeInstanceOf(ContractFunctionRevertedError);
      expect((revert as ContractFunctionRevertedError).reason).toBe('value too big');
    }
  });

  it('runs debug_traceTransaction through request', async () => {
    const hash = await wallet.writeContract({ address, abi, functionName: 'add', args: [7n], account, chain: foundry });
    await pub.waitForTransactionReceipt({ hash });
    const trace = (await pub.request({
      method: 'debug_traceTransaction' as never,
      params: [hash, { tracer: 'callTracer', tracerConfig: { withLog: true } }] as never,
    })) as { type: string; to: string; logs: unknown[] };
    expect(trace.type).toBe('CALL');
    expect(trace.to).toBe(address.toLowerCase());
    expect(trace.logs).toHaveLength(1);
    const steps = (await pub.request({ method: 'debug_traceTransaction' as never, params: [hash] as never })) as {
      structLogs: { op: string }[];
      failed: boolean;
    };
    expect(steps.failed).toBe(false);
    expect(steps.structLogs.some((s) => s.op === 'SSTORE')).toBe(true);
  });

  it('watches blocks over WebSocket', async () => {
    const ws = createPublicClient({ chain: foundry, transport: webSocket(t.server.wsUrl) });
    const seen: bigint[] = [];
    const got = new Promise<void>((resolve) => {
      const unwatch = ws.watchBlocks({
        onBlock: (b) => {
          seen.push(b.number);
          if (seen.length === 2) {
            unwatch();
            resolve();
          }
        },
      });
    });
    await new Promise((r) => setTimeout(r, 100)); // let the subscription reach the node
    for (let i = 0; i < 2; i++) {
      const hash = await wallet.sendTransaction({ to: ACCOUNT1, value: 1n, account, chain: foundry });
      await pub.waitForTransactionReceipt({ hash });
    }
    await got;
    expect(seen[1]).toBe(seen[0]! + 1n);
    await (await ws.transport.getRpcClient()).close();
  });
});
