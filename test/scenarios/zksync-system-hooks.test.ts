// Runner-level behaviour of the zksync special address space and system hooks through
// processTransaction (brief §2.6, §5, §6): hookless special addresses, hook access rules from EVM
// frames, messages and events rolled back with their frame, messages in the receipt.
import { describe, expect, it, vi } from 'vitest';
import { HookInternalError } from '../../src/hooks/zksync/index.js';
import { FrameHostError } from '../../src/runner/runner.js';
import { processTransaction, type TxReceipt, type TxResult } from '../../src/tx/process.js';
import { WorldState, type AccountInit } from '../../src/system/world.js';
import type { Address } from '../../src/ee/types.js';
import { asm } from '../helpers/bytecode.js';
import {
  be,
  cat,
  FINALIZE_ETH_WITHDRAWAL,
  keccak,
  L1_MESSAGE_SENT,
  sendToL1Calldata,
  tx,
  utf8,
  withdrawCalldata,
  zkEnv,
} from '../hooks/zksync/helpers.js';

const USER = 0x05e4n;
const ETH = 10n ** 18n;

type CallOp = 'CALL' | 'STATICCALL' | 'DELEGATECALL' | 'CALLCODE';
type Mode = 'forward' | 'revertAfter' | 'swallow';

/**
 * A contract that calls `target` with its own calldata (and CALLVALUE for CALL/CALLCODE), then:
 * forward: returns/reverts with the callee's return data; revertAfter: reverts empty whatever happened;
 * swallow: returns the success flag as a word.
 */
function proxy(target: Address, op: CallOp = 'CALL', mode: Mode = 'forward'): Uint8Array {
  const a = asm().op('CALLDATASIZE', 'PUSH0', 'PUSH0', 'CALLDATACOPY');
  a.op('PUSH0', 'PUSH0', 'CALLDATASIZE', 'PUSH0');
  if (op === 'CALL' || op === 'CALLCODE') a.op('CALLVALUE');
  a.push(target).op('GAS', op);
  if (mode === 'swallow') return a.retTop().toBytes();
  if (mode === 'revertAfter') return a.op('POP').revert(0, 0).toBytes();
  return a
    .op('RETURNDATASIZE', 'PUSH0', 'PUSH0', 'RETURNDATACOPY')
    .pushLabel('ok')
    .op('JUMPI', 'RETURNDATASIZE', 'PUSH0', 'REVERT')
    .label('ok')
    .op('RETURNDATASIZE', 'PUSH0', 'RETURN')
    .toBytes();
}

function world(extra: [Address, AccountInit][] = []): WorldState {
  return WorldState.fromAccounts([[USER, { balance: ETH }], ...extra]);
}

function receipt(r: TxResult): TxReceipt {
  if (!r.valid) throw new Error(`invalid tx: ${r.error.message}`);
  return r;
}

function send(w: WorldState, to: Address, data: Uint8Array, value = 0n, nonce = w.getAccount(USER).nonce): TxReceipt {
  return receipt(processTransaction(zkEnv(w), tx({ sender: USER, to, data, value, nonce })));
}

const word = (r: TxReceipt): bigint => BigInt('0x' + Buffer.from(r.returnData).toString('hex'));

describe('zksync special address space (brief §2.6)', () => {
  it('a hookless special address (0x8005) is an empty account: success, empty data, the value stays there', () => {
    const w = world();
    const r = send(w, 0x8005n, utf8('ignored calldata'), 777n);
    expect(r.status).toBe('success');
    expect(r.returnData.length).toBe(0);
    expect(w.getAccount(0x8005n).balance).toBe(777n);
  });

  it('code below 0x10000 never runs; 0x10000 itself is a normal address', () => {
    const code = asm().push(42).retTop().toBytes();
    const w = world([
      [0xffffn, { code }],
      [0x10000n, { code }],
    ]);
    const below = send(w, 0xffffn, new Uint8Array(0));
    expect(below.status).toBe('success');
    expect(below.returnData.length).toBe(0);
    expect(word(send(w, 0x10000n, new Uint8Array(0)))).toBe(42n);
  });

  it('a contract calling a hookless special address gets success with empty return data and keeps nothing', () => {
    const P = 0xc0de0000n;
    const code = asm()
      .op('PUSH0', 'PUSH0', 'PUSH0', 'PUSH0')
      .push(5)
      .push(0x800cn)
      .op('GAS', 'CALL', 'RETURNDATASIZE')
      .push(8)
      .op('SHL', 'OR')
      .retTop()
      .toBytes(); // returns (returndatasize << 8) | success
    const w = world([[P, { code, balance: 10n }]]);
    expect(word(send(w, P, new Uint8Array(0)))).toBe(1n);
    expect(w.getAccount(0x800cn).balance).toBe(5n);
    expect(w.getAccount(P).balance).toBe(5n);
  });

  it('value sent to the bootloader address 0x8001 is swept to the coinbase with the fees', () => {
    const w = world();
    const coinbase = 0xc014ba5en;
    const r = send(w, 0x8001n, new Uint8Array(0), 1000n);
    expect(r.status).toBe('success');
    expect(w.getAccount(0x8001n).balance).toBe(0n);
    expect(w.getAccount(coinbase).balance).toBe(1000n + r.gasUsed * 10n);
  });
});

describe('L1 messenger through the runner', () => {
  const message = utf8('to L1');
  const calldata = sendToL1Calldata(message);
  const hash = keccak(message);

  it('a contract sends a message: the receipt carries the message and the event, the data is the hash', () => {
    const P = 0xc0de0001n;
    const w = world([[P, { code: proxy(0x8008n) }]]);
    const r = send(w, P, calldata);
    expect(r.status).toBe('success');
    expect(r.returnData).toEqual(be(hash));
    expect(r.messages).toEqual([{ sender: P, data: message, hash }]);
    expect(r.logs).toEqual([{ address: 0x8008n, topics: [L1_MESSAGE_SENT, P, hash], data: calldata.slice(4) }]);
  });

  it('messages and events are rolled back with the frame that reverts; the outer frame keeps its own', () => {
    const inner = 0xc0de0002n;
    const outer = 0xc0de0003n;
    const w = world([
      [inner, { code: proxy(0x8008n, 'CALL', 'revertAfter') }],
      [outer, { code: proxy(inner, 'CALL', 'swallow') }],
    ]);
    const r = send(w, outer, calldata);
    expect(r.status).toBe('success');
    expect(word(r)).toBe(0n); // the inner frame reverted
    expect(r.messages).toEqual([]);
    expect(r.logs).toEqual([]);
    // The same nesting without the revert keeps the message.
    const keeper = 0xc0de0004n;
    const w2 = world([
      [inner, { code: proxy(0x8008n) }],
      [keeper, { code: proxy(inner, 'CALL', 'swallow') }],
    ]);
    const r2 = send(w2, keeper, calldata);
    expect(word(r2)).toBe(1n);
    expect(r2.messages).toEqual([{ sender: inner, data: message, hash }]);
    expect(r2.logs.length).toBe(1);
  });

  it('a reverted transaction returns no messages', () => {
    const P = 0xc0de0005n;
    const w = world([[P, { code: proxy(0x8008n, 'CALL', 'revertAfter') }]]);
    const r = send(w, P, calldata);
    expect(r.status).toBe('revert');
    expect(r.messages).toEqual([]);
    expect(r.logs).toEqual([]);
  });

  it("each receipt carries only its own transaction's messages", () => {
    const P = 0xc0de0006n;
    const w = world([[P, { code: proxy(0x8008n) }]]);
    expect(send(w, P, calldata).messages.length).toBe(1);
    const second = send(w, P, sendToL1Calldata(utf8('second')));
    expect(second.messages.map((m) => m.data)).toEqual([utf8('second')]);
  });

  it.each([
    ['STATICCALL', 'STATICCALL'],
    ['DELEGATECALL', 'DELEGATECALL'],
    ['CALLCODE', 'CALLCODE'],
  ] as const)('%s into 0x8008 fails (flag 0) and records nothing', (_name, op) => {
    const P = 0xc0de0007n;
    const w = world([[P, { code: proxy(0x8008n, op, 'swallow') }]]);
    const r = send(w, P, calldata);
    expect(r.status).toBe('success');
    expect(word(r)).toBe(0n);
    expect(r.messages).toEqual([]);
    expect(r.logs).toEqual([]);
  });

  it('a value-carrying call into 0x8008 fails and the value goes back', () => {
    const P = 0xc0de0008n;
    const w = world([[P, { code: proxy(0x8008n, 'CALL', 'swallow') }]]);
    const r = send(w, P, calldata, 50n);
    expect(word(r)).toBe(0n);
    expect(w.getAccount(0x8008n).balance).toBe(0n);
    expect(w.getAccount(P).balance).toBe(50n);
    expect(r.messages).toEqual([]);
  });

  it('an ABI error reverts without burning the forwarded gas', () => {
    const P = 0xc0de0009n;
    const w = world([[P, { code: proxy(0x8008n, 'CALL', 'swallow') }]]);
    const bad = send(w, P, cat(calldata, new Uint8Array(1))); // (len - 4) % 32 != 0
    expect(word(bad)).toBe(0n);
    // Ethereum-style exceptional failure would burn ~all forwarded gas; here the cost stays small.
    expect(bad.gasUsed).toBeLessThan(30_000n);
  });

  it('an EOA transaction straight to 0x8008 is an internal error (brief §6.3 pitfall)', () => {
    const w = world();
    // The error propagates out of runTillCompletion; xstate also re-reports an actor error through a
    // setTimeout when the runner actor has no error observer, so that timer is captured and dropped.
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      let thrown: unknown;
      try {
        send(w, 0x8008n, calldata);
      } catch (e) {
        thrown = e;
      }
      // One host error naming the hook's frame, caused by the hook's internal error.
      expect(thrown).toBeInstanceOf(FrameHostError);
      expect((thrown as Error).message).toMatch(/^host error in frame #0 \(hook 0x0{36}8008, depth 0\)/);
      expect((thrown as Error).cause).toBeInstanceOf(HookInternalError);
    } finally {
      vi.clearAllTimers();
      vi.useRealTimers();
    }
  });
});

describe('L2 base token through the runner', () => {
  const RECEIVER = 0x00000000000000000000000000000000000000e1n;

  it('an EOA withdraws: the value is burned (total supply drops) and the message names the EOA', () => {
    const w = world();
    const r = send(w, 0x800an, withdrawCalldata(RECEIVER), 12345n);
    expect(r.status).toBe('success');
    expect(w.getAccount(0x800an).balance).toBe(0n);
    const data = cat(FINALIZE_ETH_WITHDRAWAL, be(RECEIVER, 20), be(12345n, 32));
    expect(r.messages).toEqual([{ sender: USER, data, hash: keccak(data) }]);
    const coinbase = w.getAccount(0xc014ba5en).balance;
    expect(w.getAccount(USER).balance + coinbase).toBe(ETH - 12345n);
  });

  it('a rejected withdrawal rolls back the burn and the transfer: the sender keeps the value', () => {
    const w = world();
    const c = withdrawCalldata(RECEIVER);
    c[4] = 0xff; // dirty address word: checked after the burn
    const r = send(w, 0x800an, c, 12345n);
    expect(r.status).toBe('revert');
    expect(r.messages).toEqual([]);
    expect(w.getAccount(0x800an).balance).toBe(0n);
    expect(w.getAccount(USER).balance + w.getAccount(0xc014ba5en).balance).toBe(ETH);
  });
});
