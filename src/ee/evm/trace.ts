// What the traced step loop (generated/runTraced.ts, used only when a tracer is given) reports: EIP-3155 fields.

/** State before one instruction, EIP-3155 style. */
export interface StepInfo {
  readonly pc: number;
  readonly op: number;
  readonly opName: string;
  /** Gas left before the instruction. */
  readonly gas: bigint;
  /** Static + dynamic gas of this instruction (calls and creates: without the gas handed over). */
  readonly gasCost: number;
  /** Memory size in bytes before the instruction. */
  readonly memSize: number;
  /** Stack words, bottom first. */
  readonly stack: bigint[];
  readonly depth: number;
  readonly refund: number;
  readonly returnData: Uint8Array;
}

/** Receives one `StepInfo` per executed instruction, in execution order. */
export interface StepTracer {
  step(info: StepInfo): void;
}
