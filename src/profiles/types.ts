// A profile is a small frozen data object: every field is one ZKsync OS divergence from Ethereum (brief §9)
// or one parameter, read once by the module that owns the step.
import type { Address } from '../ee/types.js';
import type { TxValidationParams } from '../tx/validate.js';
import type { NativeCosts } from '../system/resources.js';
import type { ForkName } from '../forks/types.js';

/** Semantics selector for the runner, the EVM table and transaction processing. */
export interface Profile {
  readonly name: 'ethereum' | 'zksync';
  /** Addresses below this bound never run code: a hook if registered, else an empty account (brief §2.6). `null`: only registered hook addresses are special. */
  readonly specialAddressBound: bigint | null;
  /** Which hook sets the registry holds. */
  readonly hooks: { readonly precompiles: boolean; readonly systemContracts: boolean };
  /** Brief §2.3 step 3: ZKsync answers a call to a code-less account before checking the depth limit. */
  readonly eoaShortcutBeforeDepthCheck: boolean;
  /** geth checks CREATE depth before bumping the creator's nonce; ZKsync bumps first (brief §2.7, §9). */
  readonly createDepthCheckBeforeNonceBump: boolean;
  /** A deployment transaction that collides gets 1/64 of its gas back (ZKsync, brief §9); Ethereum burns all. */
  readonly entryCollisionRefunds64th: boolean;
  /** EIP-7610: a CREATE target with non-empty storage is a collision (ZKsync checks nonce and code only). */
  readonly collisionChecksStorage: boolean;
  /** After a CREATE whose constructor returned 0xEF-prefixed or oversized code, RETURNDATA holds that code (brief §9). */
  readonly failedDeploymentReturnsCode: boolean;
  /** EIP-3529 refund counter (ZKsync has none, brief §9). */
  readonly sstoreRefunds: boolean;
  /** EIP-161: delete touched empty accounts at the end of a transaction. */
  readonly deleteEmptyTouched: boolean;
  /** Transaction fees: collected at this address then swept to the coinbase (brief §8.2); null = paid to the coinbase directly. */
  readonly feeCollector: Address | null;
  /** Whether the priority fee is charged (ZKsync: only with `charge_priority_fee`). */
  readonly chargePriorityFee: boolean;
  /** Transaction validation and intrinsic-gas parameters (ZKsync: 18000 + 3000 ecrecover, brief §8.2); null: the fork's. */
  readonly tx: TxValidationParams | null;
  /** The fork an environment runs when none is named (`ethereum`: the latest; `zksync`: Cancun). */
  readonly defaultFork: ForkName;
  /** The forks this profile can run. */
  readonly forks: readonly ForkName[];
  /** ZKsync OS stubs BLOBHASH to 0 and BLOBBASEFEE to 1 (brief §9). */
  readonly blobOpcodesStubbed: boolean;
  /** Gas to ergs (ZKsync: 256, brief §7); Ethereum keeps plain gas (1). */
  readonly ergsPerGas: number;
  /** ZKsync OS's `p256_precompile` feature: P256 verify at 0x100 (`p256_verify.rs`); off in default builds. */
  readonly p256Precompile: boolean;
  /** The native resource (brief §7): null = not metered (Ethereum). */
  readonly native: NativeCosts | null;
}
