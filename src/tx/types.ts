// A signed, decoded transaction as the runner consumes it (EIP-2718 types 0–3, sender already recovered).
import type { Address } from '../ee/types.js';

/** EIP-2718 transaction type: legacy, EIP-2930, EIP-1559, EIP-4844, EIP-7702. */
export type TxType = 0 | 1 | 2 | 3 | 4;

/**
 * One EIP-7702 authorization tuple: the authority (recovered from the signature over
 * keccak256(0x05 ‖ rlp([chainId, address, nonce]))) delegates its code to `address`. Numbers are unbounded so
 * that over-wide values reach validation.
 */
export interface Authorization {
  readonly chainId: bigint;
  readonly address: Address;
  readonly nonce: bigint;
  readonly yParity: bigint;
  readonly r: bigint;
  readonly s: bigint;
  /** A known authority (scenario files, which carry no signatures): skips signature recovery. */
  readonly authority?: Address;
}

/** One EIP-2930 access-list entry. */
export interface AccessListEntry {
  readonly address: Address;
  readonly storageKeys: readonly bigint[];
}

export type AccessList = readonly AccessListEntry[];

/**
 * A transaction. Numeric fields are unbounded bigints so that input wider than its encoding
 * (gasLimit ≥ 2^64, value ≥ 2^256, …) reaches validation, which rejects it (`FieldOverflow`).
 */
export interface Transaction {
  readonly type: TxType;
  readonly chainId: bigint;
  readonly nonce: bigint;
  readonly gasLimit: bigint;
  /** Recipient; null for a contract creation. */
  readonly to: Address | null;
  readonly value: bigint;
  readonly data: Uint8Array;
  /** Types 0 and 1. */
  readonly gasPrice?: bigint;
  /** Types 2, 3 and 4. */
  readonly maxFeePerGas?: bigint;
  /** Types 2, 3 and 4. */
  readonly maxPriorityFeePerGas?: bigint;
  /** Empty for type 0. */
  readonly accessList: AccessList;
  /** Type 3. */
  readonly maxFeePerBlobGas?: bigint;
  /** Type 3 (empty otherwise). */
  readonly blobVersionedHashes: readonly bigint[];
  /** Type 4 (absent otherwise). */
  readonly authorizationList?: readonly Authorization[];
  /** Recovered (or fixture-given) sender. */
  readonly sender: Address;
}
