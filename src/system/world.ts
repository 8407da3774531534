// World state: a committed base in plain Maps under an immer overlay holding what the current transaction
// changed (brief §5). A frame snapshot keeps the overlay reference; a revert restores it: both O(1) and
// independent of the size of the world (../shared/reference/xstate-immer-probes.md Q4).
import { type Draft, enableMapSet, Immer } from 'immer';
import type { Address } from '../ee/types.js';
import { KECCAK_EMPTY, keccak256Word } from '../crypto/keccak.js';
import { ArgumentChecker } from '../input/arguments.js';

// Our own immer instance, so the default one other code in the process uses keeps its settings. Freezing
// would walk every finished draft; the overlay is never handed out mutable, so this one does not freeze.
const immer = new Immer({ autoFreeze: false });
const createDraft = immer.createDraft.bind(immer);
const finishDraft = immer.finishDraft.bind(immer);

/**
 * One account's properties. A class instance, so immer never drafts it: records are replaced whole,
 * which keeps reads through a draft free of proxies.
 */
export class AccountRecord {
  constructor(
    readonly nonce: bigint,
    readonly balance: bigint,
    readonly code: Uint8Array,
    readonly codeHash: bigint,
  ) {}

  /** EIP-161 emptiness: no code, nonce 0, balance 0. */
  get isEmpty(): boolean {
    return this.nonce === 0n && this.balance === 0n && this.code.length === 0;
  }
}

const NO_CODE = new Uint8Array(0);

/** Marks "this account does not exist" in the overlay (and is the read result for unknown accounts). */
export const NONEXISTENT: AccountRecord = new AccountRecord(0n, 0n, NO_CODE, 0n);

/** A fresh empty account (created by a transfer or a deployment). */
export const EMPTY_ACCOUNT: AccountRecord = new AccountRecord(0n, 0n, NO_CODE, KECCAK_EMPTY);

/** An EVM log. */
export interface Log {
  readonly address: Address;
  readonly topics: readonly bigint[];
  readonly data: Uint8Array;
}

/** An L2→L1 message (zksync profile, brief §6.3). */
export interface L2ToL1Message {
  readonly sender: Address;
  readonly data: Uint8Array;
  readonly hash: bigint;
}

/**
 * Persistent append-only list: append is O(1) and never copies (probes Q4). A class, so immer treats
 * nodes as opaque values and never hands out proxies of logged data.
 */
export class Cons<T> {
  readonly length: number;
  constructor(
    readonly item: T,
    readonly prev: Cons<T> | null,
  ) {
    this.length = prev ? prev.length + 1 : 1;
  }
}

/** Items of a cons list in insertion order. */
export function consToArray<T>(list: Cons<T> | null): T[] {
  const out: T[] = new Array(list ? list.length : 0);
  for (let n = list; n; n = n.prev) out[n.length - 1] = n.item;
  return out;
}

/**
 * One account's slots in the overlay, in 16 × 16 buckets by the slot's low byte (high nibble, then low nibble).
 * Two levels of 16 rather than one of 256: a frame's first write copies two 16-entry Maps and one bucket
 * instead of a 256-entry Map (immer's `prepareMapCopy` was 22% of the CALL+SSTORE probe).
 */
type Bucketed = Map<number, Map<number, Map<bigint, bigint>>>;
/** Per-address data split into 256 shards by the address's low byte (see `Overlay`). */
type ByAddress<V> = Map<number, Map<Address, V>>;
type AddressSet = Map<number, Set<Address>>;

/**
 * Everything a frame snapshot covers (brief §5): touched accounts (presence = warm, EIP-2929), storage
 * (presence = warm), transient storage, creation/destruction marks, touched set (EIP-161), refund
 * counter, logs, messages. Every collection is sharded (addresses by low byte, slots by low byte): the
 * first immer write in a frame copies one small Map, never a collection that grows with the transaction.
 */
export interface Overlay {
  readonly accounts: ByAddress<AccountRecord>;
  readonly storage: ByAddress<Bucketed>;
  readonly transient: ByAddress<Map<bigint, bigint>>;
  readonly created: AddressSet;
  readonly destructed: AddressSet;
  readonly touched: AddressSet;
  /** Accounts whose code was set by the deployer hook: their bytecode is not published (zksync pubdata). */
  readonly unpublished: AddressSet;
  readonly refund: number;
  readonly logs: Cons<Log> | null;
  readonly messages: Cons<L2ToL1Message> | null;
}

function emptyOverlay(): Overlay {
  return {
    accounts: new Map(),
    storage: new Map(),
    transient: new Map(),
    created: new Map(),
    destructed: new Map(),
    touched: new Map(),
    unpublished: new Map(),
    refund: 0,
    logs: null,
    messages: null,
  };
}

/** A committed account with its storage, as the base layer hands it out (read-only). */
export interface BaseAccount {
  readonly account: AccountRecord;
  readonly storage: ReadonlyMap<bigint, bigint>;
}

/** The storage of a committed account that has none (shared; never written). */
const NO_STORAGE: ReadonlyMap<bigint, bigint> = new Map();

/** Genesis/pre-state description accepted by `WorldState.fromAccounts`. */
export interface AccountInit {
  nonce?: bigint;
  balance?: bigint;
  code?: Uint8Array;
  storage?: Iterable<[bigint, bigint]>;
}

const bucketOf = (slot: bigint): number => Number(slot & 0xffn);

/** The slot Maps (the leaves) of a bucketed storage overlay, read through drafts without drafting. */
function* slotMapsOf(buckets: Bucketed): Generator<Map<bigint, bigint>> {
  for (const inner of peel(buckets).values()) for (const slots of peel(inner).values()) yield peel(slots);
}
const shardOf = (addr: Address): number => Number(addr & 0xffn);

function getIn<V>(m: ByAddress<V>, addr: Address): V | undefined {
  return m.get(shardOf(addr))?.get(addr);
}

function setIn<V>(m: ByAddress<V>, addr: Address, v: V): void {
  const s = shardOf(addr);
  let shard = m.get(s);
  if (!shard) {
    shard = new Map();
    m.set(s, shard);
  }
  shard.set(addr, v);
}

function addIn(m: AddressSet, addr: Address): void {
  const s = shardOf(addr);
  let shard = m.get(s);
  if (!shard) {
    shard = new Set();
    m.set(s, shard);
  }
  shard.add(addr);
}

// ---- reads without child drafts (W2) ----
// Reading through an open draft with `.get` makes immer create a child draft for every Map on the
// path, which finishDraft then walks. Reads instead look at the draft's current copy (immer's own
// `latest(state)`: its copy if it was written, else its base): values there are either plain
// collections or drafts already made by a write, which are peeled the same way. Nothing is
// drafted by a read, and every read sees exactly what the draft holds.

/** immer's draft-state key (a registered symbol, the one `isDraft` reads). */
const DRAFT_STATE = Symbol.for('immer-state');

interface DraftStateView {
  readonly copy_?: unknown;
  readonly base_?: unknown;
}

/** The current contents behind a draft (itself if `x` is not a draft). */
let peel = <T extends object>(x: T): T => {
  const st = (x as { [DRAFT_STATE]?: DraftStateView })[DRAFT_STATE];
  return st === undefined ? x : (((st.copy_ ?? st.base_) as T | undefined) ?? x);
};

// Self-check against the installed immer: if its draft state ever stops looking like this, reads
// go back through the proxies (slower, same results).
function checkPeel(): void {
  const probe = createDraft({ m: new Map([[1, new Map([[2, 3n]])]]), n: new Map([[4, 5n]]) });
  probe.m.get(1)!.set(2, 6n);
  const ok =
    peel(peel(peel(probe as object as { m: Map<number, Map<number, bigint>> }).m).get(1)!).get(2) === 6n &&
    peel(peel(probe as object as { n: Map<number, bigint> }).n).get(4) === 5n;
  finishDraft(probe);
  if (!ok) peel = <T extends object>(x: T): T => x;
}

function readIn<V>(m: ByAddress<V>, addr: Address): V | undefined {
  const shard = peel(m).get(shardOf(addr));
  return shard === undefined ? undefined : peel(shard).get(addr);
}

function readHas(m: AddressSet, addr: Address): boolean {
  const shard = peel(m).get(shardOf(addr));
  return shard !== undefined && peel(shard).has(addr);
}

/** The slot map of `addr`'s bucket for `slot` in a read view of the storage overlay. */
function readSlots(storage: ByAddress<Bucketed>, addr: Address, slot: bigint): Map<bigint, bigint> | undefined {
  const buckets = readIn(storage, addr);
  if (buckets === undefined) return undefined;
  const b = bucketOf(slot);
  const inner = peel(buckets).get(b >> 4);
  if (inner === undefined) return undefined;
  const slots = peel(inner).get(b & 15);
  return slots === undefined ? undefined : peel(slots);
}

function* entriesOf<V>(m: ByAddress<V>): Generator<[Address, V]> {
  for (const shard of m.values()) yield* shard;
}

function* membersOf(m: AddressSet): Generator<Address> {
  for (const shard of m.values()) yield* shard;
}

/**
 * One change `commit` made to the committed base, with the value before and after: an account record
 * (null = no account) or one storage slot (0 = absent). A list of them undoes and redoes commits
 * (`undoCommitted` / `redoCommitted`): the node's block history and `evm_revert`.
 */
export type CommittedChange =
  | {
      readonly addr: Address;
      readonly slot?: undefined;
      readonly before: AccountRecord | null;
      readonly after: AccountRecord | null;
    }
  | { readonly addr: Address; readonly slot: bigint; readonly before: bigint; readonly after: bigint };

/** One `[address, { nonce?, balance?, code?, storage? }]` pair of `fromAccounts`. */
function checkAccountEntry(c: ArgumentChecker, entry: unknown, field: string): [Address, AccountInit] {
  if (!Array.isArray(entry) || entry.length !== 2) c.fail(field, 'must be an [address, account] pair');
  c.address(entry[0], `${field}[0] (address)`);
  const a = c.object(entry[1], `${field}[1]`);
  for (const k of Object.keys(a))
    if (k !== 'nonce' && k !== 'balance' && k !== 'code' && k !== 'storage')
      c.fail(`${field}[1].${k}`, 'is not an account field (nonce, balance, code, storage)');
  c.optional(a, 'nonce', (v, f) => c.u64(v, f), `${field}[1].`);
  c.optional(a, 'balance', (v, f) => c.u256(v, f), `${field}[1].`);
  c.optional(a, 'code', (v, f) => c.bytes(v, f), `${field}[1].`);
  if (a.storage !== undefined) {
    const f = `${field}[1].storage`;
    if (typeof (a.storage as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function')
      c.fail(f, 'must be an iterable of [slot, value] bigint pairs (an array or a Map)');
    // Read once (the iterable may be a generator) and hand the pairs on as an array.
    const pairs: [bigint, bigint][] = [];
    for (const pair of a.storage as Iterable<unknown>) {
      const g = `${f}[${pairs.length}]`;
      if (!Array.isArray(pair) || pair.length !== 2) c.fail(g, 'must be a [slot, value] pair');
      pairs.push([c.u256(pair[0], `${g}[0] (slot)`), c.u256(pair[1], `${g}[1] (value)`)]);
    }
    return [entry[0], { ...(a as AccountInit), storage: pairs }];
  }
  return [entry[0], a as AccountInit];
}

/** The world: committed base plus the transaction overlay. */
export class WorldState {
  // The committed base, in two Maps so that an account without storage costs one record and one Map entry
  // (no per-account object or empty Map: the 10^6-account world in the probes). A storage Map exists only
  // while the account has a non-zero slot; an address in `baseStorage` is always in `base`.
  private readonly base = new Map<Address, AccountRecord>();
  private readonly baseStorage = new Map<Address, Map<bigint, bigint>>();
  private overlay: Overlay = emptyOverlay();
  private draft: Draft<Overlay> | null = null;
  /** When set, `commit` appends every change it makes to the base (one branch per commit, not per opcode). */
  commitJournal: CommittedChange[] | null = null;
  /** Code preimages by keccak hash (code deposited or supplied by the user; zksync deployer hook). */
  readonly preimages = new Map<bigint, Uint8Array>();

  constructor() {
    if (!worldModuleReady) prepareWorldModule();
  }

  /** Builds a world from a pre-state; a mistyped entry throws an ArgumentError naming it (`accounts[1].balance`). */
  static fromAccounts(accounts: Iterable<[Address, AccountInit]>): WorldState {
    const c: ArgumentChecker = new ArgumentChecker('WorldState.fromAccounts');
    if (typeof (accounts as { [Symbol.iterator]?: unknown } | null)?.[Symbol.iterator] !== 'function')
      c.fail('accounts', 'must be an iterable of [address, account] pairs (an array or a Map)');
    const w = new WorldState();
    let i = 0;
    for (const entry of accounts) {
      const [addr, init] = checkAccountEntry(c, entry, `accounts[${i++}]`);
      w.putCommitted(addr, init);
    }
    return w;
  }

  /** Writes an account straight into the committed base (pre-state loading; not journaled). */
  putCommitted(addr: Address, init: AccountInit): void {
    const code = init.code ?? NO_CODE;
    const codeHash = code.length === 0 ? KECCAK_EMPTY : keccak256Word(code);
    if (code.length) this.preimages.set(codeHash, code);
    this.base.set(addr, new AccountRecord(init.nonce ?? 0n, init.balance ?? 0n, code, codeHash));
    this.baseStorage.delete(addr);
    if (init.storage === undefined) return;
    const storage = new Map<bigint, bigint>();
    for (const [k, v] of init.storage) if (v !== 0n) storage.set(k, v);
    if (storage.size > 0) this.baseStorage.set(addr, storage);
  }

  // ---- snapshots (brief §5) ----

  /** Closes the open draft and returns the overlay: the O(1) rollback handle of a frame. */
  snapshot(): Overlay {
    if (this.draft) {
      this.overlay = finishDraft(this.draft) as Overlay;
      this.draft = null;
    }
    return this.overlay;
  }

  /** Rolls back to a snapshot: drops the draft and restores the reference. */
  revert(to: Overlay): void {
    this.draft = null;
    this.overlay = to;
  }

  /** Read view: the overlay, or the open draft's current contents (no proxies, see `peel`). */
  private get r(): Overlay {
    const d = this.draft as Overlay | null;
    return d === null ? this.overlay : peel(d);
  }

  private get w(): Draft<Overlay> {
    this.draft ??= createDraft(this.overlay);
    return this.draft;
  }

  // ---- accounts ----

  /** Current account (NONEXISTENT if it does not exist). Does not warm it. */
  getAccount(addr: Address): AccountRecord {
    const o = readIn(this.r.accounts, addr);
    if (o !== undefined) return o;
    return this.base.get(addr) ?? NONEXISTENT;
  }

  exists(addr: Address): boolean {
    return this.getAccount(addr) !== NONEXISTENT;
  }

  /** Replaces an account record (also marks it warm: every account the EVM changes was accessed). */
  setAccount(addr: Address, account: AccountRecord): void {
    setIn(this.w.accounts as ByAddress<AccountRecord>, addr, account);
  }

  isWarmAccount(addr: Address): boolean {
    return readIn(this.r.accounts, addr) !== undefined;
  }

  /** EIP-2929: marks the account warm; true if it was cold. */
  accessAccount(addr: Address): boolean {
    if (readIn(this.r.accounts, addr) !== undefined) return false;
    setIn(this.w.accounts as ByAddress<AccountRecord>, addr, this.base.get(addr) ?? NONEXISTENT);
    return true;
  }

  setBalance(addr: Address, balance: bigint): void {
    const a = this.getAccount(addr);
    const base = a === NONEXISTENT ? EMPTY_ACCOUNT : a;
    this.setAccount(addr, new AccountRecord(base.nonce, balance, base.code, base.codeHash));
  }

  setNonce(addr: Address, nonce: bigint): void {
    const a = this.getAccount(addr);
    const base = a === NONEXISTENT ? EMPTY_ACCOUNT : a;
    this.setAccount(addr, new AccountRecord(nonce, base.balance, base.code, base.codeHash));
  }

  setCode(addr: Address, code: Uint8Array): void {
    const a = this.getAccount(addr);
    const base = a === NONEXISTENT ? EMPTY_ACCOUNT : a;
    const codeHash = code.length === 0 ? KECCAK_EMPTY : keccak256Word(code);
    if (code.length) this.preimages.set(codeHash, code);
    this.setAccount(addr, new AccountRecord(base.nonce, base.balance, code, codeHash));
  }

  /** Creates the account if missing (without changing an existing one). */
  ensureExists(addr: Address): void {
    if (!this.exists(addr)) this.setAccount(addr, EMPTY_ACCOUNT);
  }

  /** EIP-161 touch: an empty touched account is deleted at the end of the transaction. */
  touch(addr: Address): void {
    if (!readHas(this.r.touched, addr)) addIn(this.w.touched as AddressSet, addr);
  }

  // ---- storage ----

  sload(addr: Address, slot: bigint): bigint {
    const v = readSlots(this.r.storage, addr, slot)?.get(slot);
    if (v !== undefined) return v;
    return this.baseStorage.get(addr)?.get(slot) ?? 0n;
  }

  /** Value at the start of the transaction (EIP-2200 original value). */
  originalStorage(addr: Address, slot: bigint): bigint {
    return this.baseStorage.get(addr)?.get(slot) ?? 0n;
  }

  isWarmSlot(addr: Address, slot: bigint): boolean {
    return readSlots(this.r.storage, addr, slot)?.has(slot) ?? false;
  }

  /** EIP-2929: marks the slot warm; true if it was cold. */
  accessSlot(addr: Address, slot: bigint): boolean {
    if (this.isWarmSlot(addr, slot)) return false;
    this.writeSlot(addr, slot, this.originalStorage(addr, slot));
    return true;
  }

  sstore(addr: Address, slot: bigint, value: bigint): void {
    this.writeSlot(addr, slot, value);
  }

  private writeSlot(addr: Address, slot: bigint, value: bigint): void {
    const w = this.w;
    const storage = w.storage as ByAddress<Bucketed>;
    let buckets = getIn(storage, addr);
    if (!buckets) {
      buckets = new Map();
      setIn(storage, addr, buckets);
    }
    const b = bucketOf(slot);
    let inner = buckets.get(b >> 4);
    if (!inner) {
      inner = new Map();
      buckets.set(b >> 4, inner);
    }
    let slots = inner.get(b & 15);
    if (!slots) {
      slots = new Map();
      inner.set(b & 15, slots);
    }
    slots.set(slot, value);
  }

  /** True if the account has any non-zero storage (EIP-7610 collision rule). */
  hasStorage(addr: Address): boolean {
    const buckets = readIn(this.r.storage, addr);
    if (buckets) for (const m of slotMapsOf(buckets)) for (const v of m.values()) if (v !== 0n) return true;
    const base = this.baseStorage.get(addr);
    if (base === undefined) return false;
    for (const [k] of base) if (this.sload(addr, k) !== 0n) return true;
    return false;
  }

  // ---- transient storage (EIP-1153) ----

  tload(addr: Address, slot: bigint): bigint {
    const m = readIn(this.r.transient, addr);
    return m === undefined ? 0n : (peel(m).get(slot) ?? 0n);
  }

  tstore(addr: Address, slot: bigint, value: bigint): void {
    const w = this.w;
    const transient = w.transient as ByAddress<Map<bigint, bigint>>;
    let m = getIn(transient, addr);
    if (!m) {
      m = new Map();
      setIn(transient, addr, m);
    }
    m.set(slot, value);
  }

  // ---- marks, refund, logs, messages ----

  markCreated(addr: Address): void {
    addIn(this.w.created as AddressSet, addr);
  }

  wasCreatedInTx(addr: Address): boolean {
    return readHas(this.r.created, addr);
  }

  markDestructed(addr: Address): void {
    addIn(this.w.destructed as AddressSet, addr);
  }

  /** `set_bytecode_details` marks the account `not_publish_bytecode` (zksync pubdata, `account_cache.rs`). */
  markBytecodeUnpublished(addr: Address): void {
    addIn(this.w.unpublished as AddressSet, addr);
  }

  isBytecodeUnpublished(addr: Address): boolean {
    return readHas(this.r.unpublished, addr);
  }

  /** True if the slot holds a non-zero value in the committed base ("exists in the tree"). */
  committedSlotExists(addr: Address, slot: bigint): boolean {
    return this.baseStorage.get(addr)?.has(slot) ?? false;
  }

  /** Every account the transaction has read or written: address, value at transaction start, current value. */
  *txAccounts(): Generator<[Address, AccountRecord, AccountRecord]> {
    for (const [addr, account] of entriesOf(this.r.accounts)) yield [addr, this.base.get(addr) ?? NONEXISTENT, account];
  }

  /** Every slot the transaction has read or written: address, slot, value at transaction start, current value. */
  *txSlots(): Generator<[Address, bigint, bigint, bigint]> {
    for (const [addr, buckets] of entriesOf(this.r.storage)) {
      const committed = this.baseStorage.get(addr);
      for (const slots of slotMapsOf(buckets)) for (const [k, v] of slots) yield [addr, k, committed?.get(k) ?? 0n, v];
    }
  }

  get refund(): number {
    return this.r.refund;
  }

  addRefund(delta: number): void {
    this.w.refund += delta;
  }

  addLog(log: Log): void {
    this.w.logs = new Cons(log, this.r.logs) as Draft<Cons<Log>>;
  }

  get logs(): Log[] {
    return consToArray(this.r.logs);
  }

  addMessage(msg: L2ToL1Message): void {
    this.w.messages = new Cons(msg, this.r.messages) as Draft<Cons<L2ToL1Message>>;
  }

  get messages(): L2ToL1Message[] {
    return consToArray(this.r.messages);
  }

  // ---- transaction boundary ----

  /**
   * Folds the overlay into the base (O(changes)): applies EIP-6780 destructions and, when
   * `deleteEmptyTouched` (EIP-161), deletes touched accounts that are empty. Starts a fresh overlay.
   */
  commit(deleteEmptyTouched: boolean): void {
    const o = this.snapshot();
    const j = this.commitJournal;
    for (const [addr, account] of entriesOf(o.accounts)) {
      if (account === NONEXISTENT) continue;
      const before = this.base.get(addr);
      if (before === account) continue;
      if (j !== null) j.push({ addr, before: before ?? null, after: account });
      this.base.set(addr, account);
    }
    for (const [addr, buckets] of entriesOf(o.storage)) {
      if (!this.base.has(addr)) continue; // storage of an account that does not exist is unobservable
      for (const slots of slotMapsOf(buckets))
        for (const [k, v] of slots) {
          if (j !== null) {
            const before = this.baseStorage.get(addr)?.get(k) ?? 0n;
            if (before !== v) j.push({ addr, slot: k, before, after: v });
          }
          this.putSlot(addr, k, v);
        }
    }
    for (const addr of membersOf(o.destructed)) this.deleteCommitted(addr);
    if (deleteEmptyTouched)
      for (const addr of membersOf(o.touched)) {
        if (this.base.get(addr)?.isEmpty) this.deleteCommitted(addr);
      }
    this.overlay = emptyOverlay();
  }

  private deleteCommitted(addr: Address): void {
    const account = this.base.get(addr);
    if (account === undefined) return;
    const j = this.commitJournal;
    if (j !== null) {
      for (const [slot, before] of this.baseStorage.get(addr) ?? NO_STORAGE) j.push({ addr, slot, before, after: 0n });
      j.push({ addr, before: account, after: null });
    }
    this.base.delete(addr);
    this.baseStorage.delete(addr);
  }

  /** Undoes committed changes (newest first); the overlay must be empty (between transactions). */
  undoCommitted(changes: readonly CommittedChange[], from = 0): void {
    this.discard();
    for (let i = changes.length - 1; i >= from; i--) {
      const c = changes[i]!;
      if (c.slot === undefined) this.putRecord(c.addr, c.before);
      else this.putSlot(c.addr, c.slot, c.before);
    }
  }

  /** Re-applies committed changes (oldest first), the inverse of `undoCommitted`. */
  redoCommitted(changes: readonly CommittedChange[], from = 0): void {
    this.discard();
    for (let i = from; i < changes.length; i++) {
      const c = changes[i]!;
      if (c.slot === undefined) this.putRecord(c.addr, c.after);
      else this.putSlot(c.addr, c.slot, c.after);
    }
  }

  private putRecord(addr: Address, account: AccountRecord | null): void {
    if (account === null) {
      this.base.delete(addr);
      this.baseStorage.delete(addr);
    } else this.base.set(addr, account);
  }

  /** Writes one committed slot (0 deletes it; the last deleted slot drops the account's storage Map). */
  private putSlot(addr: Address, slot: bigint, value: bigint): void {
    if (!this.base.has(addr)) return;
    let storage = this.baseStorage.get(addr);
    if (value === 0n) {
      if (storage !== undefined && storage.delete(slot) && storage.size === 0) this.baseStorage.delete(addr);
      return;
    }
    if (storage === undefined) {
      storage = new Map();
      this.baseStorage.set(addr, storage);
    }
    storage.set(slot, value);
  }

  /** Drops every uncommitted change (an invalid transaction changes nothing). */
  discard(): void {
    this.draft = null;
    this.overlay = emptyOverlay();
  }

  /** Committed accounts (after `commit`), for state roots and dumps. */
  *committedAccounts(): Generator<[Address, BaseAccount]> {
    for (const [addr, account] of this.base)
      yield [addr, { account, storage: this.baseStorage.get(addr) ?? NO_STORAGE }];
  }

  /** One committed account with its storage (undefined if absent); read-only use (incremental roots). */
  committedAccount(addr: Address): BaseAccount | undefined {
    const account = this.base.get(addr);
    return account === undefined ? undefined : { account, storage: this.baseStorage.get(addr) ?? NO_STORAGE };
  }

  /** Number of committed accounts. */
  get size(): number {
    return this.base.size;
  }
}

// ---- first use: immer's Map/Set support, the peel self-check, hidden-class pinning ----
// Nothing here runs at import: importing the library leaves immer and V8 as they were.

let worldModuleReady = false;
/** Keeps the pinned world reachable (a module-level holder no bundler drops). */
const pinnedForV8: WorldState[] = [];

/**
 * Runs once, when the first WorldState is built.
 *
 * immer 11 keeps plugins in one module-wide registry (no per-instance plugins), so Map/Set drafting, which
 * the overlay is built on, can only be had by `enableMapSet()` for the whole process. It is additive: without
 * it immer throws on a Map or Set in a draft, with it those are drafted; nothing that worked changes. The
 * default instance's settings (auto-freeze, strict copy) stay untouched. test/system/importSideEffects.test.ts
 * checks both.
 *
 * Hidden-class pinning, as for EvmFrame (ee/evm/interpreter.ts): every WorldState, its draft's internals and
 * the Cons cells of its logs can die between transactions, and V8 holds their hidden classes only weakly, so
 * a full GC would collect them and deoptimize the world's methods ("weak objects"). One tiny world, with a
 * draft left open after a slot access, a store and a log, keeps those layouts alive.
 */
function prepareWorldModule(): void {
  worldModuleReady = true; // first: the pinned world below is a WorldState too
  enableMapSet();
  checkPeel();
  const w = WorldState.fromAccounts([[1n, { code: new Uint8Array(1), storage: [[1n, 1n]] }]]);
  w.accessAccount(1n);
  w.accessSlot(1n, 1n);
  w.sstore(1n, 1n, 2n);
  w.snapshot();
  w.accessSlot(1n, 2n);
  w.sstore(1n, 2n, 3n);
  w.touch(1n);
  w.addLog({ address: 1n, topics: [1n], data: new Uint8Array(1) });
  pinnedForV8.push(w);
}
