// World state: overlay semantics, O(1) snapshot/revert, warm sets, commit rules (EIP-161, EIP-6780).
import { describe, expect, it } from 'vitest';
import { NONEXISTENT, WorldState } from '../../src/system/world.js';
import { KECCAK_EMPTY } from '../../src/crypto/keccak.js';

const A = 0xaan;
const B = 0xbbn;

describe('WorldState', () => {
  it('reads fall through to the committed base and writes stay in the overlay until commit', () => {
    const w = WorldState.fromAccounts([[A, { balance: 10n, storage: [[1n, 5n]] }]]);
    expect(w.getAccount(A).balance).toBe(10n);
    expect(w.sload(A, 1n)).toBe(5n);
    w.setBalance(A, 7n);
    w.sstore(A, 1n, 9n);
    expect(w.getAccount(A).balance).toBe(7n);
    expect(w.sload(A, 1n)).toBe(9n);
    expect(w.originalStorage(A, 1n)).toBe(5n);
    w.commit(true);
    expect(w.originalStorage(A, 1n)).toBe(9n);
    expect(w.getAccount(A).balance).toBe(7n);
  });

  it('reverts every part of a frame to its snapshot: accounts, storage, warmth, logs, refund, transient', () => {
    const w = WorldState.fromAccounts([[A, { balance: 1n }]]);
    const snap = w.snapshot();
    w.setBalance(A, 2n);
    w.sstore(A, 3n, 4n);
    expect(w.accessAccount(B)).toBe(true);
    w.addLog({ address: A, topics: [1n], data: new Uint8Array([1]) });
    w.addRefund(4800);
    w.tstore(A, 1n, 1n);
    w.markCreated(B);
    expect(w.logs.length).toBe(1);
    w.revert(snap);
    expect(w.getAccount(A).balance).toBe(1n);
    expect(w.sload(A, 3n)).toBe(0n);
    expect(w.isWarmAccount(B)).toBe(false);
    expect(w.logs.length).toBe(0);
    expect(w.refund).toBe(0);
    expect(w.tload(A, 1n)).toBe(0n);
    expect(w.wasCreatedInTx(B)).toBe(false);
  });

  it('nested snapshots: inner revert keeps the outer changes', () => {
    const w = new WorldState();
    w.setBalance(A, 1n);
    const outer = w.snapshot();
    w.setBalance(A, 2n);
    const inner = w.snapshot();
    w.setBalance(A, 3n);
    w.revert(inner);
    expect(w.getAccount(A).balance).toBe(2n);
    w.revert(outer);
    expect(w.getAccount(A).balance).toBe(1n);
  });

  it('a snapshot is immutable: later writes do not leak into it', () => {
    const w = new WorldState();
    w.sstore(A, 1n, 1n);
    const s = w.snapshot();
    w.sstore(A, 1n, 2n);
    w.sstore(A, 257n, 3n); // same low-byte bucket
    w.revert(s);
    expect(w.sload(A, 1n)).toBe(1n);
    expect(w.sload(A, 257n)).toBe(0n);
  });

  it('access lists: warm once, slots keep their current value', () => {
    const w = WorldState.fromAccounts([[A, { storage: [[1n, 7n]] }]]);
    expect(w.accessSlot(A, 1n)).toBe(true);
    expect(w.accessSlot(A, 1n)).toBe(false);
    expect(w.sload(A, 1n)).toBe(7n);
    expect(w.accessAccount(B)).toBe(true);
    expect(w.getAccount(B)).toBe(NONEXISTENT);
  });

  it('commit deletes touched empty accounts (EIP-161) and destructed ones (EIP-6780)', () => {
    const w = WorldState.fromAccounts([
      [A, {}],
      [B, { balance: 1n, code: new Uint8Array([0x00]) }],
    ]);
    w.touch(A);
    w.markDestructed(B);
    w.commit(true);
    expect(w.exists(A)).toBe(false);
    expect(w.exists(B)).toBe(false);
  });

  it('touched empty accounts survive when EIP-161 deletion is off; new code gets its keccak hash', () => {
    const w = WorldState.fromAccounts([[A, {}]]);
    w.touch(A);
    w.setCode(B, new Uint8Array([0x60, 0x00]));
    w.commit(false);
    expect(w.exists(A)).toBe(true);
    expect(w.getAccount(B).codeHash).not.toBe(KECCAK_EMPTY);
    expect(w.getAccount(A).codeHash).toBe(KECCAK_EMPTY);
  });
});
