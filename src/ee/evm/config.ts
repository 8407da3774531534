// Per-profile knobs of the EVM instruction table, read once when the table is built (style anchors §5.3).

/** What differs between the EVM tables of the supported profiles. */
export interface EvmConfig {
  /** Whether SSTORE feeds the EIP-3529 refund counter (the ZKsync profile has none, brief §9). */
  readonly sstoreRefunds: boolean;
  /** ZKsync OS: BLOBHASH is always 0 and BLOBBASEFEE always 1 (`evm_interpreter/src/instructions/environment.rs`). */
  readonly blobOpcodesStubbed: boolean;
}

/** Ethereum Cancun. */
export const CANCUN_CONFIG: EvmConfig = Object.freeze({ sstoreRefunds: true, blobOpcodesStubbed: false });
