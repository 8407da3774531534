// geth's prestateTracer (eth/tracers/native/prestate.go): the accounts a transaction touched as they
// were before it, or with `diffMode` the changed fields before and after.
import { word } from '../format.js';
import { addressToHex, bytesToHex } from '../../crypto/bytes.js';
import type { RunObserver } from '../../runner/context.js';
import type { FrameInfo } from '../../runner/frameActor.js';
import type { CommittedChange, WorldState } from '../../system/world.js';

export interface AccountState {
  balance?: string;
  nonce?: number;
  code?: string;
  codeHash?: string;
  storage?: Record<string, string>;
}

export type Prestate = Record<string, AccountState>;

/** Collects the accounts and slots a transaction touches. */
export class TouchCollector implements RunObserver {
  readonly accounts = new Map<bigint, Set<bigint>>();

  add(a: bigint): Set<bigint> {
    let s = this.accounts.get(a);
    if (!s) {
      s = new Set();
      this.accounts.set(a, s);
    }
    return s;
  }

  frameOpened(info: FrameInfo): void {
    this.add(info.caller);
    this.add(info.address);
    this.add(info.codeAddress);
  }

  storageRead(address: bigint, slot: bigint): void {
    this.add(address).add(slot);
  }

  storageWrite(address: bigint, slot: bigint): void {
    this.add(address).add(slot);
  }
}

function accountState(w: WorldState, a: bigint, slots: Iterable<bigint> | null): AccountState | null {
  const acc = w.getAccount(a);
  if (!w.exists(a)) return null;
  const out: AccountState = { balance: '0x' + acc.balance.toString(16) };
  if (acc.nonce !== 0n) out.nonce = Number(acc.nonce);
  if (acc.code.length > 0) {
    out.code = bytesToHex(acc.code);
    out.codeHash = word(acc.codeHash);
  }
  if (slots) {
    const st: Record<string, string> = {};
    for (const s of slots) st[word(s)] = word(w.sload(a, s));
    if (Object.keys(st).length > 0) out.storage = st;
  }
  return out;
}

/**
 * The tracer's result. The world holds the state after the transaction, whose committed changes are
 * `journal[from..]`; the state before is read by undoing them (and redoing afterwards).
 */
export function prestateResult(
  w: WorldState,
  journal: readonly CommittedChange[],
  from: number,
  touched: TouchCollector,
  diffMode: boolean,
): Prestate | { pre: Prestate; post: Prestate } {
  const changes = journal.slice(from);
  if (!diffMode) {
    w.undoCommitted(journal, from);
    const pre: Prestate = {};
    for (const [a, slots] of touched.accounts) pre[addressToHex(a)] = accountState(w, a, slots) ?? { balance: '0x0' };
    w.redoCommitted(journal, from);
    return pre;
  }
  // Changed accounts and, per account, the changed slots.
  const changed = new Map<bigint, Set<bigint>>();
  for (const c of changes) {
    let s = changed.get(c.addr);
    if (!s) {
      s = new Set();
      changed.set(c.addr, s);
    }
    if (c.slot !== undefined) s.add(c.slot);
  }
  const post: Prestate = {};
  for (const [a, slots] of changed) {
    const st = accountState(w, a, slots);
    if (st) post[addressToHex(a)] = st;
  }
  w.undoCommitted(journal, from);
  const pre: Prestate = {};
  for (const [a, slots] of changed) {
    const st = accountState(w, a, slots);
    if (st) pre[addressToHex(a)] = st;
  }
  w.redoCommitted(journal, from);
  // Post keeps only what differs from pre (geth), and zeroed slots are left out of post.
  for (const [key, p] of Object.entries(post)) {
    const b = pre[key];
    if (!b) continue;
    if (p.balance === b.balance) delete p.balance;
    if (p.nonce === b.nonce) delete p.nonce;
    if (p.code === b.code) {
      delete p.code;
      delete p.codeHash;
    }
    if (p.storage && b.storage)
      for (const [k, v] of Object.entries(p.storage)) if (b.storage[k] === v) delete p.storage[k];
    if (p.storage) {
      for (const [k, v] of Object.entries(p.storage)) if (BigInt(v) === 0n) delete p.storage[k];
      if (Object.keys(p.storage).length === 0) delete p.storage;
    }
    if (Object.keys(p).length === 0) delete post[key];
  }
  return { pre, post };
}
