// The runner (seed "Runner Structure"): the root xstate actor, executing machines/runner.machine.ts. Its
// mailbox is the seed's infinite loop: the top frame sends it `frame.spawn` (a call or deployment
// request) or `frame.end`; the runner prepares the request in a new frame actor (created in `preparing`
// before any charge), opens the system frame (snapshot) and starts the child, or finishes the ended frame
// (deposit, commit or roll back), pops it and answers the frame below with `child.done`. Frames never talk
// to each other and an event sent to the busy runner is queued, so the JS stack stays flat at any depth
// (probes Q1, Q6). Frames are the runner's children: created with `createActor(frameLogic, { parent })`
// and stopped with `stopChild`, both public xstate API; each frame's context names its caller frame.
// This module is the actor and the entry points; runnerSteps.ts holds the chart's actions, runnerRuntime.ts
// the callstack and event delivery.
import { type ActorLogic, createActor, type Snapshot } from 'xstate';
import type { RunnerState } from '../../machines/runner.machine.js';
import { runnerChart } from '../../machines/runner.machine.js';
import { type Address, type CallResult, CallModifier, type DeploymentResult, type SpawnRequest } from '../ee/types.js';
import { checkSingleInteraction, checkSpawnRequest } from './arguments.js';
import type { RunEnvironment } from './context.js';
import { RunnerRuntime, type RunnerInbound } from './runnerRuntime.js';
import { RUNNER_CHART } from './runnerSteps.js';

const EMPTY = new Uint8Array(0);

export { FrameHostError, RunPaused, type RunnerInbound } from './runnerRuntime.js';

/** The outcome of the initial request (brief §2.1 `CompletedExecution` / `CompletedDeployment`). */
export interface RunOutcome {
  readonly status: 'success' | 'revert' | 'halt';
  readonly gasLeft: bigint;
  readonly returnData: Uint8Array;
  /** Deployed address for a successful deployment request. */
  readonly address?: Address;
  readonly haltReason?: string;
}

/**
 * xstate's public API records an event's source only for events it delivers itself: the system
 * scheduler's are. A clock that runs zero-delay timers at once makes that delivery synchronous, the same
 * as `send` (a busy target queues it). Used only under inspection; otherwise frames and runner `send`.
 */
const RELAY_CLOCK = {
  setTimeout: (fn: () => void, ms: number) => (ms === 0 ? void fn() : setTimeout(fn, ms)),
  clearTimeout: (id: unknown) => {
    if (id !== undefined) clearTimeout(id as ReturnType<typeof setTimeout>);
  },
};

// ---- the runner actor ----

const RT: unique symbol = Symbol('runner runtime');

/** The runner's snapshot: `value` is the chart state; the context shows the callstack's height and top. */
type RunnerSnapshot = Snapshot<RunOutcome> & {
  readonly value: RunnerState;
  readonly context: RunnerContext;
  readonly [RT]: RunnerRuntime | undefined;
};

/** The runner's input; inspectors serialise the init event, so it shows as `{}`. */
class RunnerInput {
  constructor(
    readonly env: RunEnvironment,
    readonly withSource: boolean,
  ) {}
  toJSON(): Record<string, never> {
    return {};
  }
}

/** The runner snapshot's context: one per callstack height, made when the frame on top of it is created. */
export interface RunnerContext {
  readonly height: number;
  readonly top: string | null;
}

const EMPTY_STACK: RunnerContext = Object.freeze({ height: 0, top: null });

/** Every runner snapshot has this one shape (a constructor: cheaper than a literal with a symbol key). */
class RunnerSnapshotOf {
  readonly [RT]: RunnerRuntime;
  constructor(
    readonly status: 'active' | 'done' | 'error' | 'stopped',
    readonly output: RunOutcome | undefined,
    readonly error: unknown,
    readonly value: RunnerState,
    readonly context: RunnerContext,
    rt: RunnerRuntime,
  ) {
    this[RT] = rt;
  }
}

function snapshotOf(rt: RunnerRuntime, value: RunnerState): RunnerSnapshot {
  const top = rt.top();
  const context = top ? top.runnerContext : EMPTY_STACK;
  if (value === 'done')
    return new RunnerSnapshotOf('done', toOutcome(rt.result!), undefined, value, context, rt) as RunnerSnapshot;
  if (value === 'failed')
    return new RunnerSnapshotOf('error', undefined, rt.error, value, context, rt) as RunnerSnapshot;
  // Snapshots are immutable: when the frame below is on top again in the same state (after its child's
  // frame.end), the one made before its child's frame.spawn is equal, so it is handed out again.
  const cached = top?.runnerSnapshot as RunnerSnapshot | undefined;
  if (cached !== undefined && cached.value === value) return cached;
  const s = new RunnerSnapshotOf('active', undefined, undefined, value, context, rt) as RunnerSnapshot;
  if (top) top.runnerSnapshot = s;
  return s;
}

/** xstate's own events (`xstate.init`, `xstate.stop`, `xstate.error.actor.*`) start with an `x`; ours never do. */
const X = 'x'.charCodeAt(0);

/** The runner's ActorLogic; `config` is the chart, so @statelyai/inspect draws it. */
export const runnerLogic: ActorLogic<RunnerSnapshot, RunnerInbound, RunnerInput> & {
  readonly config: typeof runnerChart;
} = {
  config: runnerChart,
  getInitialSnapshot: (scope, input) => {
    const rt = new RunnerRuntime(input.env, scope, input.withSource);
    return snapshotOf(rt, 'idle');
  },
  transition: (snapshot, event) => {
    const rt = snapshot[RT]!;
    const type: string = event.type;
    if (type.charCodeAt(0) === X) {
      if (type === 'xstate.stop') {
        rt.stopAll();
        return new RunnerSnapshotOf('stopped', undefined, undefined, rt.state, snapshot.context, rt) as RunnerSnapshot;
      }
      if (type.startsWith('xstate.') && !type.startsWith('xstate.error.actor.')) return snapshot;
    }
    try {
      rt.env.debug?.beforeRunnerEvent?.(rt, event);
      const next = RUNNER_CHART.macrostep(snapshot.value, event, rt, rt.runnerStep) as RunnerState | undefined;
      if (next === undefined) throw new Error(`runner: '${type}' not allowed in '${snapshot.value}'`);
      rt.state = next;
      return snapshotOf(rt, next);
    } catch (err) {
      // A step of the runner threw (or out of native): no live frame stays behind, the run fails once.
      rt.error = rt.describe(err, rt.top());
      rt.stopAll();
      rt.state = 'failed';
      return snapshotOf(rt, 'failed');
    }
  },
  getPersistedSnapshot: (s) => s,
};

function toOutcome(r: CallResult | DeploymentResult): RunOutcome {
  if ('address' in r) {
    return {
      status: r.status,
      gasLeft: r.gasReturned,
      returnData: r.returnData,
      address: r.status === 'success' ? r.address : undefined,
    };
  }
  if (r.status === 'failedToExecute')
    return { status: 'halt', gasLeft: 0n, returnData: EMPTY, haltReason: 'CallFailedToExecute' };
  return { status: r.status, gasLeft: r.gasReturned, returnData: r.returnData, haltReason: r.haltReason };
}

/**
 * `run_till_completion` (seed "Entrypoints"): executes an initial external call or deployment until the
 * callstack is empty and returns its outcome. Does not open a frame around the whole run: the caller
 * owns that (see `runSingleInteraction`). Throws `FrameHostError` if a frame threw.
 * @example
 * const out = runTillCompletion(env, { type: 'call', kind: 'call', caller, callee, callersCaller: 0n,
 *   modifier: 0, calldata, value: 0n, gasRequested: 100000, gasAvailable: 100000 });
 */
export function runTillCompletion(env: RunEnvironment, request: SpawnRequest): RunOutcome {
  checkSpawnRequest(env, request);
  const inspecting = env.inspect !== undefined;
  const runner = createActor(runnerLogic, {
    id: 'runner',
    input: new RunnerInput(env, inspecting),
    ...(inspecting ? { inspect: env.inspect, clock: RELAY_CLOCK } : {}),
  });
  // The error is read from the snapshot and thrown here; an error observer keeps xstate from also
  // re-throwing it later from a timer.
  runner.subscribe({ error: () => {} });
  runner.start();
  runner.send({ type: 'runner.start', request });
  const snap = runner.getSnapshot();
  if (snap.status === 'error') throw snap.error;
  if (snap.status !== 'done' || !snap.output) throw new Error(`runner stopped in '${snap.value}'`);
  return snap.output;
}

/** Parameters of `runSingleInteraction` (brief §2.1 item 2). */
export interface SingleInteraction {
  readonly caller: Address;
  readonly callee: Address;
  readonly calldata: Uint8Array;
  readonly value: bigint;
  readonly gas: bigint;
}

/**
 * `run_single_interaction` (seed "Entrypoints"): opens the topmost frame, runs the call as an entry frame
 * and finishes the frame, rolling back iff the call reverted. The caller validated the value beforehand.
 */
export function runSingleInteraction(env: RunEnvironment, call: SingleInteraction): RunOutcome {
  checkSingleInteraction(env, call);
  const world = env.system.world;
  const rollback = world.snapshot();
  const out = runTillCompletion(env, {
    type: 'call',
    kind: 'call',
    caller: call.caller,
    callee: call.callee,
    callersCaller: 0n,
    modifier: CallModifier.NoModifier,
    calldata: call.calldata,
    value: call.value,
    gasRequested: call.gas,
    gasAvailable: call.gas,
  });
  if (out.status !== 'success') world.revert(rollback);
  return out;
}
