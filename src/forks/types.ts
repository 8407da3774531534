// A fork is a small frozen data object, layered like the profiles (Cancun ⊂ Prague ⊂ Osaka): everything
// that changes between Ethereum forks is one field, read once where the environment or the transaction
// processor is set up, never per instruction.
import type { Address } from '../ee/types.js';
import type { EvmConfig } from '../ee/evm/config.js';
import type { Precompile } from '../hooks/precompiles/types.js';
import type { TxValidationParams } from '../tx/validate.js';

/** Names as execution-spec-tests and ethereum/tests spell them in `post`. */
export type ForkName = 'Cancun' | 'Prague' | 'Osaka';

/** Blob parameters of one schedule entry (EIP-4844, EIP-7691, EIP-7892 blob-parameter-only forks). */
export interface BlobSchedule {
  /** Name of the entry (the fork, or BPO1/BPO2). */
  readonly name: string;
  /** Activation timestamp on mainnet; 0 for the fork's own entry. */
  readonly timestamp: bigint;
  readonly target: number;
  readonly max: number;
  readonly updateFraction: bigint;
}

export interface Fork {
  readonly name: ForkName;
  /** The instruction table's fork knobs (CLZ); combined with the profile's at environment creation. */
  readonly evm: Pick<EvmConfig, 'clz'>;
  /** The precompiles, ordered by address; every one is warm in every transaction (EIP-2929). */
  readonly precompiles: readonly Precompile[];
  /** Their addresses (derived from `precompiles`). */
  readonly precompileAddresses: ReadonlySet<Address>;
  /** Transaction types, intrinsic gas, calldata floor, gas cap, blob limits. */
  readonly tx: TxValidationParams;
  /** The fork's blob schedule first, then later blob-parameter-only entries by activation timestamp. */
  readonly blobSchedule: readonly BlobSchedule[];
  /** EIP-7918 BLOB_BASE_COST (Osaka: 2^13); null before. */
  readonly blobBaseCost: bigint | null;
  /** EIP-7702: type-4 authorizations and call-time delegation resolution. */
  readonly setCode: boolean;
  /** EIP-2935: the block-hash history contract is written at the start of each block. */
  readonly blockHashHistory: boolean;
}
