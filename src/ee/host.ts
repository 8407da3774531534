// What an execution environment may ask of the system: world state reads/writes, access lists,
// logs, refunds, block and transaction context. The runner's `System` implements it over `WorldState`.
import type { Address } from './types.js';

/** Block context (the state tests' `env`). */
export interface BlockContext {
  readonly coinbase: Address;
  readonly number: bigint;
  readonly timestamp: bigint;
  readonly gasLimit: bigint;
  readonly baseFee: bigint;
  readonly prevRandao: bigint;
  /** Legacy DIFFICULTY value (pre-merge only; PREVRANDAO replaces it in Cancun). */
  readonly difficulty: bigint;
  readonly chainId: bigint;
  readonly blobBaseFee: bigint;
  readonly excessBlobGas: bigint;
}

/** Per-transaction context visible to the EVM. */
export interface TxContext {
  readonly origin: Address;
  readonly gasPrice: bigint;
  readonly blobHashes: readonly bigint[];
}

/** The EVM's view of the system. All methods are synchronous; none throws for EVM-level failures. */
export interface Host {
  readonly block: BlockContext;
  readonly tx: TxContext;

  /** Marks the account warm (EIP-2929) and reports whether it was cold before. */
  accessAccount(addr: Address): boolean;
  /** Marks the slot warm (EIP-2929) and reports whether it was cold before. */
  accessSlot(addr: Address, slot: bigint): boolean;

  getBalance(addr: Address): bigint;
  getNonce(addr: Address): bigint;
  getCode(addr: Address): Uint8Array;
  /** EXTCODEHASH semantics: 0 for a non-existent or empty (EIP-161) account, keccak of code otherwise. */
  getCodeHash(addr: Address): bigint;
  /** True if the account does not exist or is empty in the EIP-161 sense (nonce 0, balance 0, no code). */
  isEmpty(addr: Address): boolean;

  sload(addr: Address, slot: bigint): bigint;
  /** Value of the slot at the start of the transaction (EIP-2200 "original value"). */
  originalStorage(addr: Address, slot: bigint): bigint;
  sstore(addr: Address, slot: bigint, value: bigint): void;
  tload(addr: Address, slot: bigint): bigint;
  tstore(addr: Address, slot: bigint, value: bigint): void;

  emitLog(addr: Address, topics: readonly bigint[], data: Uint8Array): void;
  /** KECCAK256 of `length` (> 0) bytes ran: the system meters its native cost (zksync), else nothing. */
  hashed?(length: number): void;
  /** Adds (may be negative) to the EIP-3529 refund counter. */
  addRefund(delta: number): void;
  /** Current refund counter (for EIP-3155 traces). */
  getRefund(): number;

  /**
   * SELFDESTRUCT with EIP-6780 semantics: moves the whole balance to `beneficiary`; the account is
   * destroyed at the end of the transaction only if it was created in this transaction.
   */
  selfDestruct(addr: Address, beneficiary: Address): void;

  /** BLOCKHASH for one of the 256 most recent blocks (the caller checks the range). */
  blockHash(number: bigint): bigint;
}
