// The traced copy of the step loop (EIP-3155 fields), used only when a tracer is given so that the
// untraced loop in interpreter.ts stays bare.
import type { Frame } from './frame.js';
import { Status } from './status.js';

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

/** Same semantics as the untraced loop; reports each step once its cost is known. */
export function runTraced(f: Frame, tracer: StepTracer): Status {
  const code = f.code;
  const table = f.table;
  const stack = f.stack;
  for (;;) {
    const pc = f.pc;
    const op = code[pc]!;
    f.steps++;
    const gasBefore = f.gas;
    const reserve = f.gasReserve;
    const before = {
      pc,
      op,
      opName: table.rows[op]!.name,
      gas: reserve === 0n ? BigInt(gasBefore) : BigInt(gasBefore) + reserve,
      memSize: f.memory.sizeBytes,
      stack: stack.toArray(),
      depth: f.depth,
      refund: f.host.getRefund(),
      returnData: f.returnData,
    };
    let s: Status;
    const sp = stack.sp;
    if (sp < table.minStack[op]!) s = Status.StackUnderflow;
    else if (sp > table.maxStack[op]!) s = Status.StackOverflow;
    else if (f.gas < table.staticGas[op]!) s = Status.OutOfGas;
    else {
      f.gas -= table.staticGas[op]!;
      f.pc++;
      s = table.handlers[op]!(f);
    }
    // A spawn hands all gas (reserve included) to the request: cost = what left the number window.
    const gasAfter = s === Status.Suspend ? Number(f.pending!.gasAvailable - reserve) : f.gas;
    tracer.step({ ...before, gasCost: gasBefore - gasAfter });
    if (s !== Status.Continue) return s;
  }
}
