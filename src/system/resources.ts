// The native resource of ZKsync OS (brief §7): one budget per transaction, never split between frames
// (the whole budget moves to the callee and comes back), charged for computation; running out is fatal
// for the whole transaction. Gas (ergs / 256) is counted by the EE and the runner; this meter only
// counts native.

/** Native cost parameters of a profile (brief §4.1, §6.2, §7.3). */
export interface NativeCosts {
  /** Every EVM instruction (`STEP_NATIVE_COST`). */
  readonly perInstruction: number;
  /** Bytecode preprocessing (jumpdest analysis) per byte, at frame start. */
  readonly perCodeByte: number;
  /** Intrinsic native of an L2 transaction. */
  readonly intrinsic: number;
  /** Per calldata byte of the transaction. */
  readonly perCalldataByte: number;
  /** Identity precompile: base and per byte. */
  readonly identityBase: number;
  readonly identityPerByte: number;
  /** Modexp precompile: native per erg it charged (`evm-compatibility`). */
  readonly modexpPerErg: number;
  /** Native per gas when no native price is given (`SIMULATION_NATIVE_PER_GAS`). */
  readonly defaultNativePerGas: bigint;
  /** Computational native above this is withheld (`MAX_NATIVE_COMPUTATIONAL`). */
  readonly maxComputational: bigint;
}

/** ZKsync OS values at commit 0a82da0, as the brief lists them. */
export const ZKSYNC_NATIVE_COSTS: NativeCosts = Object.freeze({
  perInstruction: 20,
  perCodeByte: 6,
  intrinsic: 4000,
  perCalldataByte: 1,
  identityBase: 20,
  identityPerByte: 10,
  modexpPerErg: 200,
  defaultNativePerGas: 100n,
  maxComputational: 1n << 36n,
});

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
  constructor(
    readonly costs: NativeCosts,
    /** Native available for computation (already net of intrinsic and calldata native). */
    private left: number,
  ) {}

  /** Charges `amount`; throws `OutOfNativeError` when the budget cannot cover it. */
  charge(amount: number): void {
    this.used += amount;
    this.left -= amount;
    if (this.left < 0) throw new OutOfNativeError();
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
