// End to end with the zksync profile: a Solidity contract (contracts/Withdrawer.sol, compiled bytecode in
// contracts/Withdrawer.json) is deployed by a transaction, withdraws through 0x800a and sends a message
// through 0x8008. Asserts balances (value burned), the recorded messages byte for byte, the
// L1MessageSent event, frame rollback of messages, and the fee flow through 0x8001 to the coinbase.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Address } from '../../src/ee/types.js';
import { WorldState } from '../../src/system/world.js';
import { processTransaction, type TxReceipt, type TxResult } from '../../src/tx/process.js';
import {
  BLOCK,
  be,
  cat,
  COINBASE,
  FINALIZE_ETH_WITHDRAWAL,
  hex,
  keccak,
  L1_MESSAGE_SENT,
  pad32,
  tx,
  utf8,
  zkEnv,
} from '../hooks/zksync/helpers.js';

interface Fixture {
  compiler: { version: string };
  settings: { evmVersion: string };
  methodIdentifiers: Record<string, string>;
  bytecode: string;
  deployedBytecode: string;
}

const fixture = JSON.parse(readFileSync(new URL('./contracts/Withdrawer.json', import.meta.url), 'utf8')) as Fixture;
const selector = (sig: string): Uint8Array => hex(fixture.methodIdentifiers[sig]!);

const USER = 0x05e4n;
const RECEIVER = 0x1234567890abcdef1234567890abcdef12345678n;
const ETH = 10n ** 18n;
const PRICE = BLOCK.baseFee; // zksync: effective price = base fee (no priority fee, brief §8.2)

/** ABI tail of a `bytes` value: length word and padded data. */
const bytesTail = (b: Uint8Array): Uint8Array => cat(be(BigInt(b.length)), pad32(b));

function receipt(r: TxResult): TxReceipt {
  if (!r.valid) throw new Error(`invalid tx: ${r.error.message}`);
  return r;
}

function setup() {
  const world = WorldState.fromAccounts([[USER, { balance: ETH }]]);
  const send = (to: Address | null, data: Uint8Array, value = 0n): TxReceipt =>
    receipt(
      processTransaction(zkEnv(world), tx({ sender: USER, to, data, value, nonce: world.getAccount(USER).nonce })),
    );
  const deployed = send(null, hex(fixture.bytecode));
  expect(deployed.status).toBe('success');
  const W = deployed.createdAddress!;
  return { world, send, W, deployGasUsed: deployed.gasUsed };
}

describe('Withdrawer.sol end to end (zksync profile)', () => {
  it('the fixture was compiled for Cancun and deploys to its runtime code', () => {
    expect(fixture.compiler.version).toMatch(/^0\.8\./);
    expect(fixture.settings.evmVersion).toBe('cancun');
    const { world, W } = setup();
    expect(world.getAccount(W).code).toEqual(hex(fixture.deployedBytecode));
  });

  it('withdrawAndSend: burns the value, records both messages, emits L1MessageSent, fees flow to the coinbase', () => {
    const { world, send, W, deployGasUsed } = setup();
    const userBefore = world.getAccount(USER).balance;
    const coinbaseBefore = world.getAccount(COINBASE).balance;
    expect(userBefore + coinbaseBefore).toBe(ETH); // the deployment fee went to the coinbase
    expect(coinbaseBefore).toBe(deployGasUsed * PRICE);

    const value = 3n * 10n ** 15n;
    const message = utf8('hello L1, this message is longer than one 32-byte word');
    const calldata = cat(selector('withdrawAndSend(address,bytes)'), be(RECEIVER), be(64n), bytesTail(message));
    const r = send(W, calldata, value);
    expect(r.status).toBe('success');

    const messageHash = keccak(message);
    expect(r.returnData).toEqual(be(messageHash)); // the messenger's return data, forwarded by Solidity

    const withdrawal = cat(FINALIZE_ETH_WITHDRAWAL, be(RECEIVER, 20), be(value, 32));
    expect(withdrawal.length).toBe(56);
    expect(r.messages).toEqual([
      { sender: W, data: withdrawal, hash: keccak(withdrawal) },
      { sender: W, data: message, hash: messageHash },
    ]);
    expect(r.logs).toEqual([
      { address: 0x8008n, topics: [L1_MESSAGE_SENT, W, messageHash], data: cat(be(32n), bytesTail(message)) },
    ]);

    // Balances: the value is burned at 0x800a; the contract holds nothing; fees: 0x8001 swept.
    expect(world.getAccount(0x800an).balance).toBe(0n);
    expect(world.getAccount(W).balance).toBe(0n);
    expect(world.getAccount(0x8001n).balance).toBe(0n);
    const fee = r.gasUsed * PRICE;
    expect(world.getAccount(USER).balance).toBe(userBefore - value - fee);
    expect(world.getAccount(COINBASE).balance).toBe(coinbaseBefore + fee);
    expect(world.getAccount(USER).balance + world.getAccount(COINBASE).balance).toBe(ETH - value); // supply shrank
  });

  it('withdrawWithData: the message is selector ‖ receiver ‖ value ‖ sender(the contract) ‖ data', () => {
    const { world, send, W } = setup();
    const data = utf8('calldata for the L1 receiver');
    const value = 42n;
    const r = send(W, cat(selector('withdrawWithData(address,bytes)'), be(RECEIVER), be(64n), bytesTail(data)), value);
    expect(r.status).toBe('success');
    const expected = cat(FINALIZE_ETH_WITHDRAWAL, be(RECEIVER, 20), be(value, 32), be(W, 20), data);
    expect(r.messages).toEqual([{ sender: W, data: expected, hash: keccak(expected) }]);
    expect(r.logs).toEqual([]);
    expect(world.getAccount(0x800an).balance).toBe(0n);
  });

  it('sendKeptAndDropped: the message sent in a reverted sub-call is rolled back with its event', () => {
    const { send, W } = setup();
    const kept = utf8('kept');
    const dropped = utf8('dropped');
    const calldata = cat(
      selector('sendKeptAndDropped(bytes,bytes)'),
      be(64n),
      be(64n + 32n + 32n),
      bytesTail(kept),
      bytesTail(dropped),
    );
    const r = send(W, calldata);
    expect(r.status).toBe('success');
    expect(r.returnData).toEqual(be(1n)); // droppedReverted = true
    expect(r.messages).toEqual([{ sender: W, data: kept, hash: keccak(kept) }]);
    expect(r.logs.map((l) => l.topics[2])).toEqual([keccak(kept)]);
  });

  it('sendAndRevert: a reverted transaction records no message and no event', () => {
    const { send, W } = setup();
    const r = send(W, cat(selector('sendAndRevert(bytes)'), be(32n), bytesTail(utf8('gone'))));
    expect(r.status).toBe('revert');
    expect(r.returnData).toEqual(be(keccak(utf8('CallFailed()')) >> 224n, 4)); // the custom error
    expect(r.messages).toEqual([]);
    expect(r.logs).toEqual([]);
  });
});
