// In-memory Host for EVM unit tests: Maps for accounts, storage, transient storage and originals;
// records warm sets, refunds, logs and selfdestructs so tests can assert on them.
import type { Address } from '../../src/ee/types.js';
import type { BlockContext, Host, TxContext } from '../../src/ee/host.js';
import { KECCAK_EMPTY, keccak256Word } from '../../src/crypto/keccak.js';

export interface MockAccount {
  balance?: bigint;
  nonce?: bigint;
  code?: Uint8Array;
  storage?: Record<string, bigint> | Map<bigint, bigint>;
}

export interface LogEntry {
  address: Address;
  topics: bigint[];
  data: Uint8Array;
}

const slotKey = (addr: Address, slot: bigint): string => `${addr.toString(16)}:${slot.toString(16)}`;

export const DEFAULT_BLOCK: BlockContext = {
  coinbase: 0xc014ba5en,
  number: 1000n,
  timestamp: 1_700_000_000n,
  gasLimit: 30_000_000n,
  baseFee: 7n,
  prevRandao: 0x1234n,
  difficulty: 0n,
  chainId: 1n,
  blobBaseFee: 1n,
  excessBlobGas: 0n,
};

export const DEFAULT_TX: TxContext = { origin: 0x0a11cen, gasPrice: 10n, blobHashes: [] };

/** A Host backed by Maps. */
export class MockHost implements Host {
  block: BlockContext;
  tx: TxContext;
  readonly balances = new Map<Address, bigint>();
  readonly nonces = new Map<Address, bigint>();
  readonly codes = new Map<Address, Uint8Array>();
  readonly storage = new Map<string, bigint>();
  readonly originals = new Map<string, bigint>();
  readonly transient = new Map<string, bigint>();
  readonly warmAccounts = new Set<Address>();
  readonly warmSlots = new Set<string>();
  readonly logs: LogEntry[] = [];
  readonly selfDestructs: { address: Address; beneficiary: Address }[] = [];
  refund = 0;

  constructor(opts: { block?: Partial<BlockContext>; tx?: Partial<TxContext> } = {}) {
    this.block = { ...DEFAULT_BLOCK, ...opts.block };
    this.tx = { ...DEFAULT_TX, ...opts.tx };
  }

  /** Creates or overwrites an account; storage given here is also the "original" (tx-start) value. */
  setAccount(addr: Address, a: MockAccount): this {
    if (a.balance !== undefined) this.balances.set(addr, a.balance);
    if (a.nonce !== undefined) this.nonces.set(addr, a.nonce);
    if (a.code !== undefined) this.codes.set(addr, a.code);
    if (a.storage !== undefined) {
      const entries =
        a.storage instanceof Map ? [...a.storage] : Object.entries(a.storage).map(([k, v]) => [BigInt(k), v] as const);
      for (const [k, v] of entries) {
        this.storage.set(slotKey(addr, k), v);
        this.originals.set(slotKey(addr, k), v);
      }
    }
    return this;
  }

  /** Sets the current value only (original stays), to set up dirty-slot SSTORE cases. */
  setCurrent(addr: Address, slot: bigint, value: bigint): this {
    this.storage.set(slotKey(addr, slot), value);
    return this;
  }

  warmSlot(addr: Address, slot: bigint): this {
    this.warmSlots.add(slotKey(addr, slot));
    return this;
  }

  accessAccount(addr: Address): boolean {
    if (this.warmAccounts.has(addr)) return false;
    this.warmAccounts.add(addr);
    return true;
  }

  accessSlot(addr: Address, slot: bigint): boolean {
    const k = slotKey(addr, slot);
    if (this.warmSlots.has(k)) return false;
    this.warmSlots.add(k);
    return true;
  }

  getBalance(addr: Address): bigint {
    return this.balances.get(addr) ?? 0n;
  }

  getNonce(addr: Address): bigint {
    return this.nonces.get(addr) ?? 0n;
  }

  getCode(addr: Address): Uint8Array {
    return this.codes.get(addr) ?? new Uint8Array(0);
  }

  getCodeHash(addr: Address): bigint {
    if (this.isEmpty(addr)) return 0n;
    const code = this.codes.get(addr);
    return code === undefined || code.length === 0 ? KECCAK_EMPTY : keccak256Word(code);
  }

  /** True for a non-existent or EIP-161-empty account. */
  isEmpty(addr: Address): boolean {
    return this.getBalance(addr) === 0n && this.getNonce(addr) === 0n && this.getCode(addr).length === 0;
  }

  sload(addr: Address, slot: bigint): bigint {
    return this.storage.get(slotKey(addr, slot)) ?? 0n;
  }

  originalStorage(addr: Address, slot: bigint): bigint {
    return this.originals.get(slotKey(addr, slot)) ?? 0n;
  }

  sstore(addr: Address, slot: bigint, value: bigint): void {
    this.storage.set(slotKey(addr, slot), value);
  }

  tload(addr: Address, slot: bigint): bigint {
    return this.transient.get(slotKey(addr, slot)) ?? 0n;
  }

  tstore(addr: Address, slot: bigint, value: bigint): void {
    this.transient.set(slotKey(addr, slot), value);
  }

  emitLog(address: Address, topics: readonly bigint[], data: Uint8Array): void {
    this.logs.push({ address, topics: [...topics], data });
  }

  addRefund(delta: number): void {
    this.refund += delta;
  }

  getRefund(): number {
    return this.refund;
  }

  selfDestruct(address: Address, beneficiary: Address): void {
    this.selfDestructs.push({ address, beneficiary });
    const bal = this.getBalance(address);
    this.balances.set(address, 0n);
    this.balances.set(beneficiary, this.getBalance(beneficiary) + bal);
  }

  /** Deterministic fake hashes: 0xb10c << 16 | number. */
  blockHash(number: bigint): bigint {
    return (0xb10cn << 64n) | number;
  }
}
