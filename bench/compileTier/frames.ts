// A workload's top frame, built as the runner builds it (same System host, same instruction table), so the
// interpreter and the compiled code run on identical frames.
import { EvmFrame } from '../../src/ee/evm/interpreter.js';
import type { Status } from '../../src/ee/evm/status.js';
import { runLoop } from '../../src/ee/evm/generated/runLoop.js';
import { ethereum } from '../../src/profiles/ethereum.js';
import { createEnvironment, instructionTableFor } from '../../src/runner/environment.js';
import type { InstructionTable } from '../../src/ee/evm/frame.js';
import { BENCH_BLOCK, buildWorld } from '../ours.js';
import type { Workload } from '../workloads.js';

/** What a frame run produced, compared between the two tiers. */
export interface FrameOutcome {
  readonly status: Status;
  readonly output: Uint8Array;
  readonly gasUsed: number;
}

/** The instruction table our `ethereum` profile runs with. */
export function benchTable(): InstructionTable {
  return instructionTableFor(ethereum);
}

/** A fresh top frame of `w` over a fresh world (the caller and target warm, as the runner leaves them). */
export function topFrame(w: Workload): EvmFrame {
  const world = buildWorld(w);
  const env = createEnvironment({ profile: ethereum, world, block: BENCH_BLOCK });
  env.system.accessAccount(w.caller);
  env.system.accessAccount(w.to);
  const frame = env.createEvm({
    address: w.to,
    codeAddress: w.to,
    caller: w.caller,
    value: w.value,
    calldata: w.calldata,
    code: w.code,
    gas: BigInt(w.gasLimit),
    isStatic: false,
    isConstructor: false,
    depth: 0,
  });
  if (!(frame instanceof EvmFrame)) throw new Error('topFrame: the environment built no EvmFrame');
  return frame;
}

/** Runs `frame` to its end with `step` (the interpreter's runLoop or compiled code); no nested calls. */
export function runFrame(w: Workload, frame: EvmFrame, step: (f: EvmFrame) => Status = runLoop): FrameOutcome {
  const status = step(frame);
  return { status, output: frame.output, gasUsed: w.gasLimit - frame.gas };
}
