// The zksync profile: zks_ methods, receipts with l2ToL1Logs, and a host error that leaves the node serving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Abi, encodeFunctionData, keccak256, toHex } from 'viem';
import { zksync } from '../../src/index.js';
import withdrawer from '../scenarios/contracts/Withdrawer.json' with { type: 'json' };
import { ACCOUNT0, ACCOUNT1, call, rpc, startTestNode } from './helpers.js';

const abi = withdrawer.abi as Abi;

describe('zkos node --profile zksync', () => {
  let t: Awaited<ReturnType<typeof startTestNode>>;
  beforeAll(async () => {
    t = await startTestNode({ profile: zksync, chainId: 270n });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers zks_L1ChainId and zks_estimateFee', async () => {
    expect(await call(t.url, 'zks_L1ChainId')).toBe('0x9');
    const fee = (await call(t.url, 'zks_estimateFee', [{ from: ACCOUNT0, to: ACCOUNT1, value: '0x1' }])) as Record<
      string,
      string
    >;
    expect(BigInt(fee.gas_limit!)).toBeGreaterThanOrEqual(21_000n);
    expect(Object.keys(fee).sort()).toEqual([
      'gas_limit',
      'gas_per_pubdata_limit',
      'max_fee_per_gas',
      'max_priority_fee_per_gas',
    ]);
  });

  it('puts the L2→L1 messages of a transaction in its receipt', async () => {
    const d = await call(t.url, 'eth_sendTransaction', [{ from: ACCOUNT0, data: withdrawer.bytecode }]);
    const { contractAddress } = (await call(t.url, 'eth_getTransactionReceipt', [d])) as { contractAddress: string };
    const message = toHex('hello L1');
    const hash = await call(t.url, 'eth_sendTransaction', [
      {
        from: ACCOUNT0,
        to: contractAddress,
        value: '0x64',
        data: encodeFunctionData({ abi, functionName: 'withdrawAndSend', args: [ACCOUNT1, message] }),
      },
    ]);
    const r = (await call(t.url, 'eth_getTransactionReceipt', [hash])) as {
      status: string;
      l2ToL1Logs: { sender: string; value: string; data: string }[];
    };
    expect(r.status).toBe('0x1');
    expect(r.l2ToL1Logs).toHaveLength(2);
    const sent = r.l2ToL1Logs[1]!;
    expect(sent.sender).toBe(contractAddress);
    expect(sent.data).toBe(message);
    expect(sent.value).toBe(keccak256(message));
    expect(r.l2ToL1Logs[0]!.data.slice(0, 10)).toBe('0x6c0960f9'); // the base token's withdrawal message
  });

  it('answers a transaction that raises a host error with an error, and changes nothing', async () => {
    const head = await call(t.url, 'eth_blockNumber');
    const nonce = await call(t.url, 'eth_getTransactionCount', [ACCOUNT0]);
    const res = await rpc(t.url, 'eth_sendTransaction', [
      {
        from: ACCOUNT0,
        to: '0x0000000000000000000000000000000000008008',
        gas: '0x100000',
        data: '0x62f84b24' + '00'.repeat(31) + '20' + '00'.repeat(32),
      },
    ]);
    expect(res.error?.code).toBe(-32000);
    expect(res.error?.message).toMatch(/^internal error/);
    expect(await call(t.url, 'eth_getTransactionCount', [ACCOUNT0])).toBe(nonce);
    expect(await call(t.url, 'eth_blockNumber')).toBe(head); // no block for a transaction that did not run
  });
});
