// The dev methods: snapshots and reverts (cost independent of the state's size), mining and time,
// direct state edits, impersonation, reset, dump and load.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ethereum, WorldState } from '../../src/index.js';
import { DevNode } from '../../src/node/devNode.js';
import { RpcHandler } from '../../src/node/rpc.js';
import { worldStateRoot } from '../../src/statetest/runCase.js';
import { ACCOUNT0, ACCOUNT1, call, ETH, rpc, startTestNode } from './helpers.js';

const hex = (v: bigint | number) => '0x' + v.toString(16);

describe('dev methods', () => {
  let t: Awaited<ReturnType<typeof startTestNode>>;
  beforeAll(async () => {
    t = await startTestNode();
  });
  afterAll(async () => {
    await t.close();
  });

  it('evm_revert undoes mined blocks, transactions and edits', async () => {
    const id = (await call(t.url, 'evm_snapshot')) as string;
    const head = await call(t.url, 'eth_blockNumber');
    const hash = await call(t.url, 'eth_sendTransaction', [{ from: ACCOUNT0, to: ACCOUNT1, value: hex(ETH) }]);
    await call(t.url, 'anvil_setStorageAt', [ACCOUNT1, '0x1', '0x' + '11'.repeat(32)]);
    await call(t.url, 'anvil_setCode', [ACCOUNT1, '0x6001']);
    expect(await call(t.url, 'eth_getCode', [ACCOUNT1])).toBe('0x6001');
    expect(await call(t.url, 'evm_revert', [id])).toBe(true);
    expect(await call(t.url, 'eth_blockNumber')).toBe(head);
    expect(await call(t.url, 'eth_getTransactionReceipt', [hash])).toBe(null);
    expect(await call(t.url, 'eth_getBalance', [ACCOUNT1])).toBe(hex(10_000n * ETH));
    expect(await call(t.url, 'eth_getStorageAt', [ACCOUNT1, '0x1'])).toBe('0x' + '00'.repeat(32));
    expect(await call(t.url, 'eth_getCode', [ACCOUNT1])).toBe('0x');
    expect(await call(t.url, 'evm_revert', [id])).toBe(false); // a snapshot is used once
  });

  it('sets balance, nonce, code and storage', async () => {
    const a = '0x' + 'ab'.repeat(20);
    await call(t.url, 'anvil_setBalance', [a, hex(123n)]);
    await call(t.url, 'anvil_setNonce', [a, '0x7']);
    await call(t.url, 'hardhat_setStorageAt', [a, '0x2', '0x' + '00'.repeat(31) + '05']);
    expect(await call(t.url, 'eth_getBalance', [a])).toBe('0x7b');
    expect(await call(t.url, 'eth_getTransactionCount', [a])).toBe('0x7');
    expect(await call(t.url, 'eth_getStorageAt', [a, '0x2'])).toBe('0x' + '00'.repeat(31) + '05');
  });

  it('mines and moves time', async () => {
    const before = (await call(t.url, 'eth_getBlockByNumber', ['latest', false])) as {
      number: string;
      timestamp: string;
    };
    await call(t.url, 'evm_increaseTime', [1000]);
    await call(t.url, 'evm_mine');
    const b1 = (await call(t.url, 'eth_getBlockByNumber', ['latest', false])) as { number: string; timestamp: string };
    expect(BigInt(b1.number)).toBe(BigInt(before.number) + 1n);
    expect(BigInt(b1.timestamp) - BigInt(before.timestamp)).toBeGreaterThanOrEqual(1000n);
    const next = BigInt(b1.timestamp) + 5000n;
    await call(t.url, 'evm_setNextBlockTimestamp', [hex(next)]);
    await call(t.url, 'anvil_mine', ['0x3']);
    const b2 = (await call(t.url, 'eth_getBlockByNumber', [hex(BigInt(b1.number) + 1n), false])) as {
      timestamp: string;
    };
    expect(BigInt(b2.timestamp)).toBe(next);
    expect(BigInt((await call(t.url, 'eth_blockNumber')) as string)).toBe(BigInt(b1.number) + 3n);
    expect((await rpc(t.url, 'evm_setNextBlockTimestamp', ['0x1'])).error?.code).toBe(-32602);
  });

  it('sends from impersonated accounts only while impersonated', async () => {
    const whale = '0x' + 'cd'.repeat(20);
    await call(t.url, 'anvil_setBalance', [whale, hex(5n * ETH)]);
    expect((await rpc(t.url, 'eth_sendTransaction', [{ from: whale, to: ACCOUNT1, value: '0x1' }])).error?.code).toBe(
      -32000,
    );
    await call(t.url, 'anvil_impersonateAccount', [whale]);
    const hash = await call(t.url, 'eth_sendTransaction', [{ from: whale, to: ACCOUNT1, value: hex(ETH) }]);
    const r = (await call(t.url, 'eth_getTransactionReceipt', [hash])) as { status: string; from: string };
    expect(r.status).toBe('0x1');
    expect(r.from).toBe(whale);
    await call(t.url, 'anvil_stopImpersonatingAccount', [whale]);
    expect((await rpc(t.url, 'eth_sendTransaction', [{ from: whale, to: ACCOUNT1, value: '0x1' }])).error?.code).toBe(
      -32000,
    );
  });

  it('dumps a state that loads back to the same state root, after a reset', async () => {
    await call(t.url, 'anvil_setStorageAt', [ACCOUNT1, '0x9', '0x' + '00'.repeat(31) + '09']);
    const root = worldStateRoot(t.node.chain.world);
    const dump = (await call(t.url, 'anvil_dumpState')) as string;
    const dumped = JSON.parse(Buffer.from(dump.slice(2), 'hex').toString('utf8')) as { version: number };
    expect(dumped.version).toBe(1);
    await call(t.url, 'anvil_reset');
    expect(await call(t.url, 'eth_blockNumber')).toBe('0x0');
    expect(worldStateRoot(t.node.chain.world)).not.toEqual(root);
    expect(await call(t.url, 'anvil_loadState', [dump])).toBe(true);
    expect(worldStateRoot(t.node.chain.world)).toEqual(root);
    expect((await rpc(t.url, 'anvil_loadState', ['0x7b7d'])).error?.code).toBe(-32602);
  });
});

describe('evm_snapshot / evm_revert cost', () => {
  function nodeWith(accounts: number, slots: number): RpcHandler {
    const world = WorldState.fromAccounts([
      ...Array.from(
        { length: accounts },
        (_, i) => [BigInt(i + 0x10000), { balance: ETH }] as [bigint, { balance: bigint }],
      ),
      [
        0xc0de0000n,
        {
          code: Uint8Array.of(0x00),
          storage: Array.from({ length: slots }, (_, i) => [BigInt(i), 1n] as [bigint, bigint]),
        },
      ],
    ]);
    return new RpcHandler(
      new DevNode({
        profile: ethereum,
        chainId: 31337n,
        accounts: 2,
        balance: ETH,
        genesis: { world, number: 0n, timestamp: 1n },
      }),
    );
  }
  const conn = { subscriptions: new Map() };
  it('does not grow with the size of the state (10 vs 100,000 accounts and slots)', () => {
    const small = nodeWith(10, 10);
    const big = nodeWith(100_000, 100_000);
    // The state root of each mined block is O(state) (see README): measure snapshot + edits + revert only.
    const measure = (h: RpcHandler) => {
      const req = (method: string, params: unknown[]) => h.handleOne({ jsonrpc: '2.0', id: 1, method, params }, conn)!;
      const times: number[] = [];
      for (let r = 0; r < 15; r++) {
        const t0 = performance.now();
        const id = req('evm_snapshot', []).result;
        for (let i = 0; i < 50; i++)
          req('anvil_setStorageAt', ['0x00000000000000000000000000000000c0de0000', hex(i), '0x' + '22'.repeat(32)]);
        expect(req('evm_revert', [id]).result).toBe(true);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      return times[7]!;
    };
    measure(small);
    measure(big); // warm-up
    const s = measure(small);
    const b = measure(big);
    console.log(`evm_snapshot + 50 edits + evm_revert: small state ${s.toFixed(3)} ms, big state ${b.toFixed(3)} ms`);
    expect(b / s).toBeLessThan(4);
    expect(big.node.chain.world.sload(0xc0de0000n, 3n)).toBe(1n); // reverted
  }, 120_000);
});
