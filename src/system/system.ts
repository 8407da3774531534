// The system as the EVM sees it: the Host interface over the world state, block and tx context.
import type { Address } from '../ee/types.js';
import type { BlockContext, Host, TxContext } from '../ee/host.js';
import { NONEXISTENT, WorldState } from './world.js';

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
  ) {
    if (!pinning) pinSystemLayout(block, tx);
  }

  /** Recorder callbacks (storage, logs); undefined unless a run is being recorded. */
  observer: SystemObserver | undefined = undefined;

  accessAccount(addr: Address): boolean {
    return this.world.accessAccount(addr);
  }

  accessSlot(addr: Address, slot: bigint): boolean {
    return this.world.accessSlot(addr, slot);
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
    const obs = this.observer;
    if (obs !== undefined) obs.storageWrite?.(addr, slot, this.world.sload(addr, slot), value);
    this.world.sstore(addr, slot, value);
  }

  tload(addr: Address, slot: bigint): bigint {
    return this.world.tload(addr, slot);
  }

  tstore(addr: Address, slot: bigint, value: bigint): void {
    this.world.tstore(addr, slot, value);
  }

  emitLog(addr: Address, topics: readonly bigint[], data: Uint8Array): void {
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

// ---- hidden-class pinning ----
// As for EvmFrame and WorldState: a System's hidden class (constructor parameters plus `observer`) is reachable
// only through V8's weak transition tree, so when every System of the last transaction has died, a full GC
// collects it and deoptimizes the code that checked it: the SLOAD/SSTORE/LOG handlers and System's own methods
// ("weak objects" in --trace-deopt, seen on every forced GC of the bench, alone or beside ethereumjs). The first
// System built also builds one idle System over an empty world, kept forever (not the caller's world).
/** Keeps the pinned System reachable (a module-level holder no bundler drops); empty until the first System. */
const pinnedForV8: System[] = [];
let pinning = false;
function pinSystemLayout(block: BlockContext, tx: TxContext): void {
  pinning = true;
  pinnedForV8.push(new System(WorldState.fromAccounts([]), block, tx));
}
