// The step debugger: pauses a transaction between runner events (or after any instruction) and shows the
// callstack: each frame's actor state, pc, gas and top of stack. The runner is event-driven, so it can
// stop before any event of its mailbox (`RunEnvironment.debug.beforeRunnerEvent`). A JS call cannot be
// suspended and resumed, so each stop re-executes the transaction from its start on the same pre-state
// (execution is deterministic) and the paused run is discarded (`processTransaction` drops the overlay);
// only `finish` lets the transaction commit. A stop after k events costs one run of k events.
import type { FrameState } from '../../machines/frame.machine.js';
import type { RunnerState } from '../../machines/runner.machine.js';
import { addressToHex } from '../crypto/bytes.js';
import { EvmFrame, type StepInfo, type StepTracer } from '../ee/evm/interpreter.js';
import type { LaunchParams } from '../ee/types.js';
import type { RunEnvironment, RunnerView } from '../runner/context.js';
import { instructionTableFor } from '../runner/environment.js';
import type { FrameKind } from '../runner/frameActor.js';
import { RunPaused } from '../runner/runner.js';
import { processTransaction, type TxResult } from '../tx/process.js';
import type { Transaction } from '../tx/types.js';

/** One frame of the callstack at a stop. */
export interface StepFrame {
  readonly id: number;
  readonly kind: FrameKind;
  readonly depth: number;
  readonly state: FrameState;
  readonly address: string;
  readonly codeAddress: string;
  readonly callerFrame: string | null;
  /** EVM frames: next instruction, gas left, top of stack (top first, at most 4 words). */
  readonly pc?: number;
  readonly nextOp?: string;
  readonly gas?: bigint;
  readonly stackTop?: readonly bigint[];
}

/** Where the transaction stands. */
export interface StepView {
  /** Runner events handled so far and instructions executed so far. */
  readonly events: number;
  readonly instructions: number;
  readonly runnerState: RunnerState;
  /** The event the runner handles next (at an event stop). */
  readonly pending?: { readonly type: string; readonly source: string };
  /** The instruction just executed (at an instruction stop). */
  readonly executed?: { readonly pc: number; readonly op: string; readonly gasCost: number; readonly depth: number };
  /** The callstack, bottom first. */
  readonly frames: readonly StepFrame[];
  readonly done: boolean;
  /** The transaction's result once done. */
  readonly result?: TxResult;
}

export interface Stepper {
  /** Runs to the next runner event. */
  next(): StepView;
  /** Runs one instruction (into child frames too). */
  step(): StepView;
  /** Runs until the current top frame has finished and been popped. */
  finishFrame(): StepView;
  /** Runs to the end; the transaction commits. */
  finish(): TxResult;
  /** The current stop. */
  view(): StepView;
}

interface Point {
  readonly kind: 'event' | 'instruction';
  readonly events: number;
  readonly instructions: number;
  readonly frameIds: readonly number[];
}

/** Owner of `ee` → what a debugger shows of it. */
function frameOf(f: RunnerView['frames'][number]): StepFrame {
  const info = f.info;
  const base = {
    id: info.id,
    kind: info.kind,
    depth: info.depth,
    state: f.actor.getSnapshot().value as FrameState,
    address: addressToHex(info.address),
    codeAddress: addressToHex(info.codeAddress),
    callerFrame: info.callerFrame,
  };
  const ee = f.ee;
  if (!(ee instanceof EvmFrame)) return base;
  const stack = ee.stack.toArray();
  const op = ee.code[ee.pc] ?? 0;
  return {
    ...base,
    pc: ee.pc,
    nextOp: ee.pc < ee.codeSize ? ee.table.rows[op]!.name : 'STOP',
    gas: BigInt(ee.gas) + ee.gasReserve,
    stackTop: stack.slice(-4).reverse(),
  };
}

const sourceOf = (event: { type: string; frame?: number }): string =>
  event.frame !== undefined ? `frame-${event.frame}` : event.type === 'runner.start' ? 'entry' : 'runner';

/**
 * A step debugger over `tx` in `env` (its world is left untouched until `finish`).
 * @example
 * const s = createStepper(env, tx);
 * s.next(); // the runner is about to handle its first event (runner.start)
 * console.log(s.view().frames);
 * s.finish(); // the transaction's result; it is committed
 */
export function createStepper(env: RunEnvironment, tx: Transaction): Stepper {
  const table = instructionTableFor(env.profile);
  let current: StepView = { events: 0, instructions: 0, runnerState: 'idle', frames: [], done: false };

  /** Re-runs the transaction and stops at the first point `stopAt` accepts (or runs to the end). */
  const runTo = (stopAt: (p: Point) => boolean): StepView => {
    if (current.done) return current;
    let events = 0;
    let instructions = 0;
    let runner: RunnerView | undefined;
    let stopped: StepView | undefined;
    const ids = (): number[] => (runner ? runner.frames.map((f) => f.info.id) : []);
    const snapshotView = (extra: Partial<StepView>): StepView => ({
      events,
      instructions,
      runnerState: runner?.state ?? 'idle',
      frames: runner ? runner.frames.map(frameOf) : [],
      done: false,
      ...extra,
    });
    const tracer: StepTracer = {
      step(info: StepInfo) {
        if (stopped) return;
        instructions++;
        if (!stopAt({ kind: 'instruction', events, instructions, frameIds: ids() })) return;
        const executed = { pc: info.pc, op: info.opName, gasCost: info.gasCost, depth: info.depth };
        const view = snapshotView({ executed });
        // The top frame is inside its transition to `running` (its EE runs there); its actor's snapshot
        // still shows where it came from until that transition returns.
        const frames = view.frames.map((f, i) =>
          i === view.frames.length - 1 ? { ...f, state: 'running' as const } : f,
        );
        stopped = { ...view, frames };
        throw new RunPaused();
      },
    };
    const debugEnv: RunEnvironment = {
      ...env,
      inspect: undefined,
      observer: undefined,
      createEvm: (p: LaunchParams) => new EvmFrame(p, env.system, table, tracer),
      debug: {
        beforeRunnerEvent(view, event) {
          if (stopped) return; // the paused run is unwinding
          runner = view;
          events++;
          if (!stopAt({ kind: 'event', events, instructions, frameIds: ids() })) return;
          stopped = snapshotView({ pending: { type: event.type, source: sourceOf(event as { type: string }) } });
          throw new RunPaused();
        },
      },
    };
    try {
      const result = processTransaction(debugEnv, tx);
      current = { events, instructions, runnerState: 'done', frames: [], done: true, result };
    } catch (e) {
      if (!(e instanceof RunPaused) || !stopped) throw e;
      current = stopped;
    }
    return current;
  };

  return {
    next() {
      const from = current.events;
      return runTo((p) => p.kind === 'event' && p.events > from);
    },
    step() {
      const from = current.instructions;
      return runTo((p) => p.kind === 'instruction' && p.instructions > from);
    },
    finishFrame() {
      const top = current.frames[current.frames.length - 1];
      const from = current.events;
      if (!top) return this.next();
      return runTo((p) => p.kind === 'event' && p.events > from && !p.frameIds.includes(top.id));
    },
    finish() {
      const view = runTo(() => false);
      return view.result!;
    },
    view: () => current,
  };
}
