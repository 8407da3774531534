// The resources of ZKsync OS (brief §7): ergs (1 gas = `ergsPerGas` ergs, counted by the EE and the runner)
// and native, one budget per transaction, never split between frames (the whole budget moves to the callee
// and comes back), charged for computation and IO; running out is fatal for the whole transaction. This
// module holds the native cost table's shape, the meter and the cost formulas; the values are profile data
// (`src/profiles/zksync.ts`), each citing its Rust source.

import type { EvmNativeCosts } from '../ee/evm/native.js';

/** Native costs of storage IO (`basic_system/.../flat_storage_model/cost_constants.rs`). */
export interface StorageNativeCosts {
  /** Every storage read or write pays a warm read first (`charge_warm_storage_read`). */
  readonly warmRead: number;
  /** Extra for the first read of a slot that exists in the tree (`charge_cold_storage_read_extra`). */
  readonly coldExistingReadExtra: number;
  /** Extra for the first read of a slot that is not in the tree. */
  readonly coldNewReadExtra: number;
  /** Every write of an existing slot (`charge_storage_write_extra`, independent of warmth). */
  readonly writeExistingExtra: number;
  /** Every write of a slot that is not in the tree. */
  readonly writeNewExtra: number;
  readonly transientRead: number;
  readonly transientWrite: number;
}

/** Native costs of account-properties IO (`account_cache.rs`, `preimage_cache.rs`). */
export interface AccountNativeCosts {
  /** Every account-properties read (`materialize_element`). */
  readonly access: number;
  /** Every account-properties update (balance, nonce, code): `WARM_ACCOUNT_CACHE_WRITE_EXTRA_NATIVE_COST`. */
  readonly writeExtra: number;
  /** Preimage cache lookup / insert (`PREIMAGE_CACHE_GET/SET_NATIVE_COST`). */
  readonly preimageGet: number;
  readonly preimageSet: number;
  /** Blake2s verification of a preimage loaded from the oracle: base + per 64-byte round. */
  readonly blakeBase: number;
  readonly blakeRound: number;
  /** Encoded size of the account-properties blob (`AccountProperties::ENCODED_SIZE`). */
  readonly propertiesSize: number;
}

/** Hash functions as system functions: base + per round of `chunk` bytes. */
export interface HashNativeCost {
  readonly base: number;
  readonly perRound: number;
  readonly chunk: number;
}

/** Native cost parameters of a profile (brief §4.1, §6.2, §7.3). */
export interface NativeCosts {
  /** EVM instructions: the step, each opcode's own cost, copies, EXP bytes, memory growth (native_resource_constants.rs). */
  readonly evm: EvmNativeCosts;
  /** Bytecode preprocessing (jumpdest analysis) per byte, at frame start. */
  readonly perCodeByte: number;
  /** Intrinsic native of an L2 transaction. */
  readonly intrinsic: number;
  /** Intrinsic native of an L1→L2 or upgrade transaction. */
  readonly l1Intrinsic: number;
  /** Per calldata byte of the transaction. */
  readonly perCalldataByte: number;
  /** Native per gas when no native price is given (`SIMULATION_NATIVE_PER_GAS`). */
  readonly defaultNativePerGas: bigint;
  /** Native per gas of an upgrade transaction; L1→L2: ceil(gas price / `l1NativePrice`). */
  readonly upgradeNativePerGas: bigint;
  readonly l1NativePrice: bigint;
  /** Computational native above this is withheld (`MAX_NATIVE_COMPUTATIONAL`). */
  readonly maxComputational: bigint;
  readonly storage: StorageNativeCosts;
  readonly account: AccountNativeCosts;
  /** Events (`emit_event`): base + per topic + per data byte. */
  readonly eventBase: number;
  readonly eventPerTopic: number;
  readonly eventPerByte: number;
  readonly keccak: HashNativeCost;
  readonly sha256: HashNativeCost;
  readonly ripemd160: HashNativeCost;
  /** Precompiles with a fixed native cost (`basic_system/src/cost_constants.rs`). */
  readonly ecrecover: number;
  readonly bn254Add: number;
  readonly bn254Mul: number;
  readonly bn254PairingBase: number;
  readonly bn254PairingPerPair: number;
  /** P256 verify charges ergs only (`p256_verify.rs`). */
  readonly p256Verify: number;
  /** Identity precompile: base and per byte. */
  readonly identityBase: number;
  readonly identityPerByte: number;
  /** Modexp precompile: native per erg it charged (`evm-compatibility`). */
  readonly modexpPerErg: number;
  /** Serialized size of an L2→L1 log (`L2_TO_L1_LOG_SERIALIZE_SIZE`), hashed once per message. */
  readonly l2ToL1LogSize: number;
}

/** Running out of native: fatal for the transaction, never an EVM failure of a frame (brief §7.1). */
export class OutOfNativeError extends Error {
  constructor() {
    super('out of native resources');
    this.name = 'OutOfNativeError';
  }
}

/** The transaction's native budget. */
export class NativeMeter {
  /** Native used so far (including intrinsic and calldata). */
  used = 0;
  /** Bytecodes whose preimage was already loaded (and blake-verified) in this transaction. */
  readonly loadedCode = new Set<Uint8Array>();
  constructor(
    readonly costs: NativeCosts,
    /** Native available for computation (already net of intrinsic and calldata native). */
    private left: number,
  ) {}

  /**
   * Charges `amount`; throws `OutOfNativeError` when the budget cannot cover it, leaving nothing
   * (`BaseResources::charge` sets native to 0 on a shortfall).
   */
  charge(amount: number): void {
    if (amount > this.left) {
      this.used += this.left;
      this.left = 0;
      throw new OutOfNativeError();
    }
    this.used += amount;
    this.left -= amount;
  }

  /** Gives back native (withheld native reclaimed after execution, brief §7.3). */
  reclaim(amount: number): void {
    this.left += amount;
  }

  get remaining(): number {
    return this.left;
  }
}

/** native per gas = ceil(gas price / native price), or the simulation default without a price (brief §7.3). */
export function nativePerGas(costs: NativeCosts, gasPrice: bigint, nativePrice: bigint | undefined): bigint {
  if (nativePrice === undefined) return costs.defaultNativePerGas;
  if (nativePrice <= 0n) throw new RangeError('nativePrice must be positive');
  return (gasPrice + nativePrice - 1n) / nativePrice;
}

/** `keccak256_native_cost`: max(1, ceil(len / 136)) rounds (`system_functions/keccak256.rs`). */
export function keccakNative(c: NativeCosts, length: number): number {
  const k = c.keccak;
  return Math.max(1, Math.ceil(length / k.chunk)) * k.perRound + k.base;
}

/** Merkle-Damgård rounds with an 8-byte length: one more when the tail leaves no room (`sha256.rs nb_rounds`). */
export function mdRounds(length: number, chunk: number): number {
  return Math.floor(length / chunk) + (length % chunk <= chunk - 9 ? 1 : 2);
}

/** Blake2s verification of a preimage of `length` bytes (`preimage_cache.rs expose_preimage`). */
export function blakeNative(c: NativeCosts, length: number): number {
  return c.account.blakeBase + c.account.blakeRound * Math.ceil(length / 64);
}

/**
 * First read of an account's properties in the transaction (`account_cache.rs materialize_element`): the
 * properties hash is a storage slot of 0x8003 (warm read + cold extra, new if the account does not exist),
 * then the 124-byte preimage is fetched and blake-verified.
 */
export function coldAccountNative(c: NativeCosts, exists: boolean): number {
  const s = c.storage;
  if (!exists) return s.warmRead + s.coldNewReadExtra;
  return s.warmRead + s.coldExistingReadExtra + c.account.preimageGet + blakeNative(c, c.account.propertiesSize);
}

/** `emit_event`: base + per topic + per data byte (`io_subsystem.rs`). */
export function eventNative(c: NativeCosts, topics: number, dataLength: number): number {
  return c.eventBase + c.eventPerTopic * topics + c.eventPerByte * dataLength;
}

/**
 * `emit_l1_message` (`io_subsystem.rs`): hashing the serialized log, three 64-byte merkle nodes and the
 * message, storing it (event base + per byte), then the keccak system function on the message.
 */
export function l1MessageNative(c: NativeCosts, length: number): number {
  const hashing = keccakNative(c, c.l2ToL1LogSize) + 3 * keccakNative(c, 64) + keccakNative(c, length);
  return hashing + c.eventBase + c.eventPerByte * length + keccakNative(c, length);
}

/** A balance or nonce update of one account: materialize + write (`update_nominal_token_value_inner`). */
export function accountWriteNative(c: NativeCosts): number {
  return c.account.access + c.account.writeExtra;
}

/**
 * EVM 63/64 rule on ergs, computed on whole gas (`gas.rs apply_63_64_rule`):
 * ergs − floor(floor(ergs / ergsPerGas) / 64) · ergsPerGas.
 */
export function allButOne64th(ergs: bigint, ergsPerGas: bigint): bigint {
  return ergs - (ergs / ergsPerGas / 64n) * ergsPerGas;
}
