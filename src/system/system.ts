// The system as the EVM sees it: the Host interface over the world state, block and tx context.
import type { Address } from '../ee/types.js';
import type { BlockContext, Host, TxContext } from '../ee/host.js';
import { NONEXISTENT, type WorldState } from './world.js';
import { accountWriteNative, coldAccountNative, eventNative, keccakNative, type NativeMeter } from './resources.js';

/** Default BLOBHASH context etc. for a run that is not a transaction (library use). */
export const EMPTY_TX_CONTEXT: TxContext = Object.freeze({ origin: 0n, gasPrice: 0n, blobHashes: [] });

/** What the system reports to whoever records a run (the runner's `RunObserver` extends it). */
export interface SystemObserver {
  /** SLOAD by the running frame (the recorder attributes it to the top frame). */
  storageRead?(address: bigint, slot: bigint, value: bigint): void;
  /** SSTORE by the running frame: the value before and after. */
  storageWrite?(address: bigint, slot: bigint, before: bigint, after: bigint): void;
  /** LOG0..LOG4 by the running frame. */
  log?(address: bigint, topics: readonly bigint[], data: Uint8Array): void;
}

/** Host implementation backed by a `WorldState`. */
export class System implements Host {
  constructor(
    readonly world: WorldState,
    readonly block: BlockContext,
    public tx: TxContext,
    private readonly blockHashes: (n: bigint) => bigint = () => 0n,
  ) {}

  /** Recorder callbacks (storage, logs); undefined unless a run is being recorded. */
  observer: SystemObserver | undefined = undefined;
  /** The transaction's native meter (zksync profile; set by `processTransaction`), undefined = unmetered. */
  native: NativeMeter | undefined = undefined;

  /** An account-properties read (`account_cache.rs materialize_element`): native on every read, more when cold. */
  accessAccount(addr: Address): boolean {
    const cold = this.world.accessAccount(addr);
    const n = this.native;
    if (n !== undefined) {
      n.charge(n.costs.account.access);
      if (cold) n.charge(coldAccountNative(n.costs, this.world.exists(addr)));
    }
    return cold;
  }

  /** A storage read (`storage_cache.rs materialize_element`): warm read, plus the cold extra on first touch. */
  accessSlot(addr: Address, slot: bigint): boolean {
    const cold = this.world.accessSlot(addr, slot);
    const n = this.native;
    if (n !== undefined) {
      const s = n.costs.storage;
      n.charge(s.warmRead);
      if (cold) n.charge(this.world.committedSlotExists(addr, slot) ? s.coldExistingReadExtra : s.coldNewReadExtra);
    }
    return cold;
  }

  /** KECCAK256 ran on `length` bytes (`keccak256_native_cost`). */
  hashed(length: number): void {
    const n = this.native;
    if (n !== undefined) n.charge(keccakNative(n.costs, length));
  }

  /**
   * Moves `amount` between accounts as `transfer_nominal_token_value` does: each side is an account
   * update (materialize + write native). False when `from` cannot pay.
   */
  transfer(from: Address, to: Address, amount: bigint): boolean {
    const n = this.native;
    if (n !== undefined) n.charge(accountWriteNative(n.costs)); // the debit, charged before it can fail
    const w = this.world;
    const balance = w.getAccount(from).balance;
    if (balance < amount) return false;
    if (n !== undefined) n.charge(accountWriteNative(n.costs)); // the credit
    if (amount !== 0n) {
      w.setBalance(from, balance - amount);
      w.setBalance(to, w.getAccount(to).balance + amount);
    }
    return true;
  }

  getBalance(addr: Address): bigint {
    return this.world.getAccount(addr).balance;
  }

  getNonce(addr: Address): bigint {
    return this.world.getAccount(addr).nonce;
  }

  getCode(addr: Address): Uint8Array {
    return this.world.getAccount(addr).code;
  }

  getCodeHash(addr: Address): bigint {
    const a = this.world.getAccount(addr);
    return a === NONEXISTENT || a.isEmpty ? 0n : a.codeHash;
  }

  isEmpty(addr: Address): boolean {
    const a = this.world.getAccount(addr);
    return a === NONEXISTENT || a.isEmpty;
  }

  sload(addr: Address, slot: bigint): bigint {
    const v = this.world.sload(addr, slot);
    const obs = this.observer;
    if (obs !== undefined) obs.storageRead?.(addr, slot, v);
    return v;
  }

  originalStorage(addr: Address, slot: bigint): bigint {
    return this.world.originalStorage(addr, slot);
  }

  sstore(addr: Address, slot: bigint, value: bigint): void {
    const n = this.native;
    if (n !== undefined) {
      const s = n.costs.storage; // `charge_storage_write_extra`: on every write, by whether the slot exists
      n.charge(this.world.committedSlotExists(addr, slot) ? s.writeExistingExtra : s.writeNewExtra);
    }
    const obs = this.observer;
    if (obs !== undefined) obs.storageWrite?.(addr, slot, this.world.sload(addr, slot), value);
    this.world.sstore(addr, slot, value);
  }

  tload(addr: Address, slot: bigint): bigint {
    this.native?.charge(this.native.costs.storage.transientRead);
    return this.world.tload(addr, slot);
  }

  tstore(addr: Address, slot: bigint, value: bigint): void {
    this.native?.charge(this.native.costs.storage.transientWrite);
    this.world.tstore(addr, slot, value);
  }

  emitLog(addr: Address, topics: readonly bigint[], data: Uint8Array): void {
    const n = this.native;
    if (n !== undefined) n.charge(eventNative(n.costs, topics.length, data.length));
    this.world.addLog({ address: addr, topics, data });
    const obs = this.observer;
    if (obs !== undefined) obs.log?.(addr, topics, data);
  }

  addRefund(delta: number): void {
    this.world.addRefund(delta);
  }

  getRefund(): number {
    return this.world.refund;
  }

  selfDestruct(addr: Address, beneficiary: Address): void {
    const w = this.world;
    const balance = w.getAccount(addr).balance;
    // EIP-6780: only an account created in this transaction is destroyed (its balance burns if it
    // names itself); otherwise SELFDESTRUCT is a balance sweep, a no-op when beneficiary == self.
    if (w.wasCreatedInTx(addr)) {
      w.setBalance(addr, 0n);
      if (beneficiary !== addr) this.credit(beneficiary, balance);
      w.markDestructed(addr);
    } else if (beneficiary !== addr) {
      w.setBalance(addr, 0n);
      this.credit(beneficiary, balance);
    }
    w.touch(beneficiary);
  }

  /** Adds to a balance, creating the account only for a non-zero amount. */
  credit(addr: Address, amount: bigint): void {
    if (amount === 0n) return;
    this.world.setBalance(addr, this.world.getAccount(addr).balance + amount);
  }

  blockHash(number: bigint): bigint {
    return this.blockHashes(number);
  }
}
