// Per-profile and per-fork knobs of the EVM instruction table, read once when the table is built (style anchors §5.3).
import type { EvmNativeCosts } from './native.js';

/** What differs between the EVM tables of the supported profiles. */
export interface EvmConfig {
  /** Whether SSTORE feeds the EIP-3529 refund counter (the ZKsync profile has none, brief §9). */
  readonly sstoreRefunds: boolean;
  /** ZKsync OS: BLOBHASH is always 0 and BLOBBASEFEE always 1 (`evm_interpreter/src/instructions/environment.rs`). */
  readonly blobOpcodesStubbed: boolean;
  /** EIP-7939 CLZ (0x1e), Osaka and later; absent means undefined opcode (Cancun, Prague). */
  readonly clz?: boolean;
  /** The profile's native cost per opcode (ZKsync OS); absent: native is not metered and `runLoop` runs. */
  readonly native?: EvmNativeCosts;
}

/** Ethereum Cancun. */
export const CANCUN_CONFIG: EvmConfig = Object.freeze({ sstoreRefunds: true, blobOpcodesStubbed: false, clz: false });
/** Ethereum Osaka: Cancun plus CLZ (Prague adds no opcode). */
export const OSAKA_CONFIG: EvmConfig = Object.freeze({ sstoreRefunds: true, blobOpcodesStubbed: false, clz: true });
