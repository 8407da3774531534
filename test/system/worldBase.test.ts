// The committed base's compact layout (records without storage, storage Maps only for accounts with slots) and
// the 16 × 16 slot buckets of the overlay: what the world reports must not depend on either.
import { describe, expect, it } from 'vitest';
import { type CommittedChange, WorldState } from '../../src/system/world.js';

const A = 0xaan;
const B = 0xbbn;

describe('WorldState committed base', () => {
  it('an account without storage reports an empty storage Map, and gains one on its first committed slot', () => {
    const w = WorldState.fromAccounts([[A, { balance: 1n }]]);
    expect(w.committedAccount(A)?.storage.size).toBe(0);
    expect(w.hasStorage(A)).toBe(false);
    w.sstore(A, 7n, 3n);
    w.commit(false);
    expect([...(w.committedAccount(A)?.storage ?? [])]).toEqual([[7n, 3n]]);
    expect(w.hasStorage(A)).toBe(true);
    // Clearing the only slot leaves the account with no storage at all.
    w.sstore(A, 7n, 0n);
    w.commit(false);
    expect(w.committedAccount(A)?.storage.size).toBe(0);
    expect(w.committedSlotExists(A, 7n)).toBe(false);
    expect(w.hasStorage(A)).toBe(false);
    // Two accounts without storage do not share a writable Map: writing one leaves the other empty.
    const v = WorldState.fromAccounts([
      [A, { balance: 1n }],
      [B, { balance: 1n }],
    ]);
    v.sstore(A, 1n, 1n);
    v.commit(false);
    expect(v.committedAccount(B)?.storage.size).toBe(0);
    expect(v.sload(B, 1n)).toBe(0n);
  });

  it('undo and redo of a commit restore accounts and slots, including a destructed account', () => {
    const w = WorldState.fromAccounts([[A, { balance: 5n, storage: [[1n, 2n]] }]]);
    const journal: CommittedChange[] = [];
    w.commitJournal = journal;
    w.setBalance(B, 9n);
    w.sstore(B, 4n, 4n);
    w.markDestructed(A);
    w.commit(true);
    expect(w.exists(A)).toBe(false);
    expect(w.sload(B, 4n)).toBe(4n);
    w.undoCommitted(journal);
    expect(w.getAccount(A).balance).toBe(5n);
    expect(w.sload(A, 1n)).toBe(2n);
    expect(w.exists(B)).toBe(false);
    expect(w.committedAccount(B)).toBeUndefined();
    w.redoCommitted(journal);
    expect(w.exists(A)).toBe(false);
    expect(w.committedAccount(A)).toBeUndefined();
    expect([...(w.committedAccount(B)?.storage ?? [])]).toEqual([[4n, 4n]]);
  });

  it('slots spread over every overlay bucket read back, revert with a snapshot, and commit', () => {
    const w = WorldState.fromAccounts([[A, { balance: 1n }]]);
    const slots = Array.from({ length: 600 }, (_, i) => BigInt(i) * 0x10001n + (BigInt(i) << 200n));
    for (const s of slots.slice(0, 300)) w.sstore(A, s, s + 1n);
    const snap = w.snapshot();
    for (const s of slots) w.sstore(A, s, s + 2n);
    for (const s of slots) expect(w.sload(A, s)).toBe(s + 2n);
    expect([...w.txSlots()].length).toBe(600);
    w.revert(snap);
    for (const s of slots.slice(0, 300)) expect(w.sload(A, s)).toBe(s + 1n);
    for (const s of slots.slice(300)) expect(w.isWarmSlot(A, s)).toBe(false);
    w.commit(false);
    expect(w.committedAccount(A)?.storage.size).toBe(300);
    expect(w.originalStorage(A, slots[299]!)).toBe(slots[299]! + 1n);
  });
});
