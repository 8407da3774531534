// Tracing in geth's formats (struct logger, callTracer, prestateTracer) and our actor trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Abi, encodeFunctionData } from 'viem';
import counter from './contracts/Counter.json' with { type: 'json' };
import { ACCOUNT0, call, rpc, startTestNode } from './helpers.js';

const abi = counter.abi as Abi;
const word = (v: bigint) => '0x' + v.toString(16).padStart(64, '0');

interface CallFrame {
  type: string;
  from: string;
  to: string;
  gas: string;
  gasUsed: string;
  input: string;
  output?: string;
  error?: string;
  revertReason?: string;
  value?: string;
  calls?: CallFrame[];
  logs?: { address: string; topics: string[]; data: string; position: string }[];
}

describe('debug_trace* and zkos_traceActors', () => {
  let t: Awaited<ReturnType<typeof startTestNode>>;
  let a: string;
  let b: string;
  let nested: string;
  let failed: string;

  const deploy = async (start: bigint) => {
    const h = await call(t.url, 'eth_sendTransaction', [
      { from: ACCOUNT0, data: counter.bytecode + word(start).slice(2) },
    ]);
    return ((await call(t.url, 'eth_getTransactionReceipt', [h])) as { contractAddress: string }).contractAddress;
  };

  beforeAll(async () => {
    t = await startTestNode();
    a = await deploy(1n);
    b = await deploy(2n);
    nested = (await call(t.url, 'eth_sendTransaction', [
      {
        from: ACCOUNT0,
        to: a,
        data: encodeFunctionData({ abi, functionName: 'incrementOther', args: [b as `0x${string}`] }),
      },
    ])) as string;
    failed = (await call(t.url, 'eth_sendTransaction', [
      { from: ACCOUNT0, to: a, gas: '0x20000', data: encodeFunctionData({ abi, functionName: 'add', args: [500n] }) },
    ])) as string;
  });
  afterAll(async () => {
    await t.close();
  });

  it('callTracer gives the call tree with logs, and only the top call on request', async () => {
    const receipt = (await call(t.url, 'eth_getTransactionReceipt', [nested])) as { gasUsed: string };
    const tree = (await call(t.url, 'debug_traceTransaction', [
      nested,
      { tracer: 'callTracer', tracerConfig: { withLog: true } },
    ])) as CallFrame;
    expect(tree.type).toBe('CALL');
    expect(tree.from).toBe(ACCOUNT0);
    expect(tree.to).toBe(a);
    expect(tree.gas).toBe('0x' + (await txGas(nested)).toString(16));
    expect(tree.gasUsed).toBe(receipt.gasUsed);
    expect(tree.calls).toHaveLength(1);
    const inner = tree.calls![0]!;
    expect(inner).toMatchObject({
      type: 'CALL',
      from: a,
      to: b,
      value: '0x0',
      input: encodeFunctionData({ abi, functionName: 'increment' }),
    });
    expect(inner.logs).toHaveLength(1);
    expect(inner.logs![0]).toMatchObject({ address: b, position: '0x0', data: word(3n) });
    expect(tree.logs).toBeUndefined();
    const top = (await call(t.url, 'debug_traceTransaction', [
      nested,
      { tracer: 'callTracer', tracerConfig: { onlyTopCall: true } },
    ])) as CallFrame;
    expect(top.calls).toBeUndefined();
    expect(top.gasUsed).toBe(receipt.gasUsed);
  });

  it('callTracer reports a revert with its reason', async () => {
    const tree = (await call(t.url, 'debug_traceTransaction', [failed, { tracer: 'callTracer' }])) as CallFrame;
    expect(tree.error).toBe('execution reverted');
    expect(tree.revertReason).toBe('value too big');
    expect(tree.output).toMatch(/^0x08c379a0/);
  });

  it('prestateTracer gives the touched accounts before the transaction, and the diff', async () => {
    const pre = (await call(t.url, 'debug_traceTransaction', [nested, { tracer: 'prestateTracer' }])) as Record<
      string,
      { balance: string; nonce?: number; code?: string; storage?: Record<string, string> }
    >;
    expect(pre[a]!.storage).toEqual({ [word(0n)]: word(1n) });
    expect(pre[b]!.storage).toEqual({ [word(0n)]: word(2n) });
    expect(pre[a]!.code).toBe(counter.deployedBytecode);
    expect(pre[ACCOUNT0]!.nonce).toBe(2);
    const diff = (await call(t.url, 'debug_traceTransaction', [
      nested,
      { tracer: 'prestateTracer', tracerConfig: { diffMode: true } },
    ])) as {
      pre: Record<string, { nonce?: number; storage?: Record<string, string> }>;
      post: Record<string, { nonce?: number; storage?: Record<string, string>; code?: string }>;
    };
    expect(diff.pre[a]!.storage).toEqual({ [word(0n)]: word(1n) });
    expect(diff.post[a]!.storage).toEqual({ [word(0n)]: word(11n) });
    expect(diff.post[b]!.storage).toEqual({ [word(0n)]: word(3n) });
    expect(diff.post[a]!.code).toBeUndefined(); // unchanged fields are left out of post
    expect(diff.post[ACCOUNT0]!.nonce).toBe(3);
  });

  it('the struct logger gives geth struct logs, and debug_traceCall runs without mining', async () => {
    const r = (await call(t.url, 'debug_traceTransaction', [nested])) as {
      gas: number;
      failed: boolean;
      returnValue: string;
      structLogs: {
        pc: number;
        op: string;
        gas: number;
        gasCost: number;
        depth: number;
        stack: string[];
        storage?: Record<string, string>;
      }[];
    };
    expect(r.failed).toBe(false);
    expect(r.structLogs[0]).toMatchObject({ pc: 0, op: 'PUSH1', depth: 1, stack: [] });
    expect(r.structLogs.some((s) => s.depth === 2)).toBe(true);
    const sstore = r.structLogs.find((s) => s.op === 'SSTORE' && s.depth === 2)!;
    expect(sstore.storage).toEqual({ ['0'.repeat(64)]: '0'.repeat(63) + '3' });
    const head = await call(t.url, 'eth_blockNumber');
    const traced = (await call(t.url, 'debug_traceCall', [
      { from: ACCOUNT0, to: a, data: encodeFunctionData({ abi, functionName: 'increment' }) },
      'latest',
      { tracer: 'callTracer' },
    ])) as CallFrame;
    expect(traced.type).toBe('CALL');
    expect(await call(t.url, 'eth_blockNumber')).toBe(head);
    expect((await rpc(t.url, 'debug_traceTransaction', [nested, { tracer: '4byteTracer' }])).error?.code).toBe(-32602);
  });

  it('zkos_traceActors returns the run trace and GET /trace/<hash> serves the viewer', async () => {
    const trace = (await call(t.url, 'zkos_traceActors', [nested])) as {
      transactions: { status: string; rootFrame: number }[];
      frames: { kind: string; transitions: { state: string }[]; parent: number | null }[];
    };
    expect(trace.transactions).toHaveLength(1);
    expect(trace.transactions[0]!.status).toBe('success');
    expect(trace.frames).toHaveLength(2);
    expect(trace.frames[1]!.parent).toBe(0);
    expect(trace.frames[0]!.transitions.map((s) => s.state)).toEqual([
      'preparing',
      'running',
      'awaiting-child',
      'running',
      'finishing',
      'success',
    ]);
    const res = await fetch(`${t.url}/trace/${nested}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('id="trace-data"');
    expect((await fetch(`${t.url}/trace/0x${'00'.repeat(32)}`)).status).toBe(404);
    // The world's own setAccount is back after recording.
    expect(Object.hasOwn(t.node.chain.world, 'setAccount')).toBe(false);
  });

  async function txGas(hash: string): Promise<bigint> {
    return BigInt(((await call(t.url, 'eth_getTransactionByHash', [hash])) as { gas: string }).gas);
  }
});
