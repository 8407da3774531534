// The zksync built-in scenarios of `zkos run --builtin` (issue #12 proof), each checked on its outcome.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinScenarioPath } from '../../src/cli/run.js';
import { parseScenario } from '../../src/input/scenario.js';
import { runScenario } from '../../src/trace/runScenario.js';
import type { TxReceipt } from '../../src/tx/process.js';
import { bytesToBigInt } from '../../src/crypto/bytes.js';

function run(name: string) {
  const scenario = parseScenario(readFileSync(builtinScenarioPath(name), 'utf8'), name);
  const out = runScenario(scenario);
  const receipts = out.results.map((r) => {
    if (!r.valid) throw new Error(`${name}: ${r.error.message}`);
    return r as TxReceipt & { l1?: { fee: bigint; refund: bigint } };
  });
  return { ...out, receipts, scenario };
}

const COINBASE = 0xc0ffee0000000000000000000000000000000000n;

describe('zkos run --builtin zksync-*', () => {
  it('zksync-fees: BALANCE(0x8001) read during execution is gas limit × price (pay_for_transaction)', () => {
    const { receipts, world, trace } = run('zksync-fees');
    expect(bytesToBigInt(receipts[0]!.returnData)).toBe(200_000n * 7n);
    expect(world.sload(0xfee0000000000000000000000000000000000001n, 0n)).toBe(1_400_000n);
    expect(world.getAccount(COINBASE).balance).toBe(receipts[0]!.gasUsed * 7n);
    expect(world.getAccount(0x8001n).balance).toBe(0n);
    expect(trace!.transactions[0]!.zksync!.pubdata.total).toBe(receipts[0]!.pubdata!.total);
  });

  it('zksync-deposit: value reaches Bob and Receiver; fees to the coinbase; the rest to the refund recipient', () => {
    const { receipts, world } = run('zksync-deposit');
    expect(world.getAccount(0xb0b0000000000000000000000000000000000b0bn).balance).toBe(10n ** 18n);
    const receiver = 0xdec0000000000000000000000000000000000001n;
    expect(world.sload(receiver, 0n)).toBe(5n);
    expect(world.sload(receiver, 1n)).toBe(0x2222222222222222222222222222222222222222n);
    const fees = receipts.reduce((a, r) => a + r.l1!.fee, 0n);
    const refunds = receipts.reduce((a, r) => a + r.l1!.refund, 0n);
    expect(world.getAccount(COINBASE).balance).toBe(fees);
    expect(world.getAccount(0x7e7e000000000000000000000000000000007e7en).balance).toBe(refunds);
    expect(fees + refunds).toBe(300_000n * 100n * 2n + 1000n); // deposits less the values
  });

  it('zksync-upgrade: the target gets its code through 0x8006, then answers 42', () => {
    const { receipts, world } = run('zksync-upgrade');
    expect(world.getAccount(0x7a7a000000000000000000000000000000007a7an).code.length).toBe(10);
    expect(receipts[0]!.pubdata!.bytecodes).toBe(0);
    expect(bytesToBigInt(receipts[1]!.returnData)).toBe(42n);
  });

  it('zksync-pubdata: the message and the deployed bytecode are in the receipts', () => {
    const { receipts } = run('zksync-pubdata');
    expect(receipts[0]!.messages.length).toBe(1);
    expect(receipts[0]!.pubdata!.messages).toBe(4 + 5 + 88);
    expect(receipts[1]!.pubdata!.bytecodes).toBe(10);
  });

  it('zksync-out-of-native: halts OutOfNative, all gas used, the stores rolled back', () => {
    const { receipts, world, trace } = run('zksync-out-of-native');
    // The frame cut short by the transaction-fatal error is recorded halted and rolled back.
    expect(trace!.frames[0]).toMatchObject({ outcome: 'halt', haltReason: 'OutOfNative', reverted: true });
    expect(receipts[0]!.status).toBe('halt');
    expect(receipts[0]!.haltReason).toBe('OutOfNative');
    expect(receipts[0]!.gasUsed).toBe(1_000_000n);
    expect(world.sload(0x1000000000000000000000000000000000000001n, 0n)).toBe(0n);
    expect(world.getAccount(0x1111111111111111111111111111111111111111n).nonce).toBe(1n);
  });
});

describe('scenario input for zksync transactions (docs/scenario.md)', () => {
  const base = (tx: object, profile = 'zksync') =>
    JSON.stringify({
      profile,
      transactions: [
        { from: '0x1111111111111111111111111111111111111111', to: '0x2222222222222222222222222222222222222222', ...tx },
      ],
    });
  it('L1-only fields on an L2 transaction, and L1 types under ethereum, are errors naming the field', () => {
    expect(() => parseScenario(base({ mint: '1' }), 's')).toThrow(/transactions\[0\]\.mint/);
    expect(() => parseScenario(base({ type: '0xff' }, 'ethereum'), 's')).toThrow(/transactions\[0\]\.type/);
    expect(() => parseScenario(base({ type: '0x71' }), 's')).toThrow(/transactions\[0\]\.type/);
  });
  it('parses an L1→L2 transaction with its defaults (refund recipient = from, 800 gas per pubdata byte)', () => {
    const s = parseScenario(base({ type: '0xff', mint: '100' }), 's');
    expect(s.transactions[0]!.l1).toEqual({
      type: 0xff,
      mint: 100n,
      refundRecipient: 0x1111111111111111111111111111111111111111n,
      gasPerPubdataLimit: 800n,
      factoryDeps: [],
    });
  });
});
