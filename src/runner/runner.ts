// The runner (seed "Runner Structure"): the root xstate actor, executing machines/runner.machine.ts. Its
// mailbox is the seed's infinite loop: the top frame sends it `frame.spawn` (a call or deployment
// request) or `frame.end`; the runner prepares the request in a new frame actor (created in `preparing`
// before any charge), opens the system frame (snapshot) and starts the child, or finishes the ended frame
// (deposit, commit or roll back), pops it and answers the frame below with `child.done`. Frames never talk
// to each other and an event sent to the busy runner is queued, so the JS stack stays flat at any depth
// (probes Q1, Q6). Frames are the runner's children: created with `createActor(frameLogic, { parent })`
// and stopped with `stopChild`, both public xstate API; each frame's context names its caller frame.
import { type ActorLogic, type ActorScope, type AnyActorRef, createActor, type Snapshot } from 'xstate';
import type { FrameOutcome, FrameState } from '../../machines/frame.machine.js';
import { type RunnerState, runnerChart, runnerGuards } from '../../machines/runner.machine.js';
import { addressToHex } from '../crypto/bytes.js';
import {
  type Address,
  type CallResult,
  CallModifier,
  type DeploymentRequest,
  type DeploymentResult,
  type ExternalCallRequest,
  type FrameEnd,
  type SpawnRequest,
} from '../ee/types.js';
import { OutOfNativeError } from '../system/resources.js';
import { isCallcode, isDelegate, prepareCall, transferValue } from './call.js';
import { type ChartRuntime, CompiledChart, type StepListener } from './chartLogic.js';
import type { RunEnvironment, RunnerView } from './context.js';
import { depositCode, initConstructorAccount, prepareDeployment } from './deploy.js';
import {
  type EventLink,
  type FrameActorEvent,
  type FrameInfo,
  type FrameKind,
  FrameRecord,
  type FrameToRunner,
  frameLogic,
} from './frameActor.js';
import { HookExecution } from './hookCall.js';
import type { SystemHook } from '../hooks/registry.js';

/** The outcome of the initial request (brief §2.1 `CompletedExecution` / `CompletedDeployment`). */
export interface RunOutcome {
  readonly status: 'success' | 'revert' | 'halt';
  readonly gasLeft: bigint;
  readonly returnData: Uint8Array;
  /** Deployed address for a successful deployment request. */
  readonly address?: Address;
  readonly haltReason?: string;
}

/** Events the runner handles (machines/runner.machine.ts, with their payloads). */
export type RunnerInbound =
  | { type: 'runner.start'; request: SpawnRequest }
  | FrameToRunner
  | { type: 'request.prepared' }
  | { type: 'request.refused'; reason: string }
  | { type: 'frame.popped'; empty: boolean }
  | { type: `xstate.error.actor.${string}`; error: unknown };

/** A frame (an EE, a hook, or the runner's own step on its behalf) threw: the transaction did not happen. */
export class FrameHostError extends Error {
  constructor(
    readonly frame: FrameInfo | null,
    cause: unknown,
  ) {
    const what = frame
      ? `frame #${frame.id} (${frame.kind} ${addressToHex(frame.codeAddress)}, depth ${frame.depth})`
      : 'the runner';
    super(`host error in ${what}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'FrameHostError';
  }
}

/** Thrown by a debugger hook to stop a run where it is (the stepper); passes through unwrapped. */
export class RunPaused extends Error {
  constructor() {
    super('run paused by a debugger');
    this.name = 'RunPaused';
  }
}

const EMPTY = new Uint8Array(0);

/** Sends `event` to `target`, as `source` for the inspector. */
type Relay = (source: AnyActorRef, target: AnyActorRef, event: { type: string }) => void;

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

/** The runner's execution side: callstack, ids, the result in flight. Kept out of the serialised snapshot. */
class RunnerRuntime implements ChartRuntime<RunnerInbound>, EventLink, RunnerView {
  raised: RunnerInbound | undefined = undefined;
  state: RunnerState = 'idle';
  readonly frames: FrameRecord[] = [];
  private nextId = 0;
  readonly maxDepth: number;
  /** Ergs remainder travelling with the result being handed to the parent (see `FrameRecord.ergsFraction`). */
  carry = 0;
  /** The result of the frame just finished, for the frame below (or the run's outcome). */
  result: CallResult | DeploymentResult | null = null;
  error: unknown = undefined;
  private readonly relay: Relay;
  readonly frameStep: StepListener<FrameRecord, FrameActorEvent> | undefined;
  readonly runnerStep: StepListener<RunnerRuntime, RunnerInbound> | undefined;

  constructor(
    readonly env: RunEnvironment,
    private readonly scope: ActorScope<RunnerSnapshot, RunnerInbound>,
    withSource: boolean,
  ) {
    this.maxDepth = env.maxDepth ?? 1024;
    const system = scope.system;
    this.relay = withSource
      ? (source, target, event) => {
          system.scheduler.schedule(source, target, event, 0, 'relay');
          // The timer already ran; dropping its record keeps the scheduler's tables from growing per frame.
          system.scheduler.cancel(source, 'relay');
        }
      : (_source, target, event) => target.send(event);
    const observer = env.observer;
    this.frameStep = observer?.frameState
      ? (f, _from, _event, to) => observer.frameState?.(f.info.id, to as FrameState)
      : undefined;
    this.runnerStep = observer?.runnerStep
      ? (_rt, from, event, to) =>
          observer.runnerStep?.(
            from as RunnerState,
            event.type,
            to as RunnerState,
            event.type === 'frame.spawn' || event.type === 'frame.end'
              ? `frame-${event.frame}`
              : event.type === 'runner.start'
                ? 'entry'
                : event.type.startsWith('xstate.error.actor.')
                  ? event.type.slice('xstate.error.actor.'.length)
                  : 'runner',
          )
      : undefined;
  }

  top(): FrameRecord | undefined {
    return this.frames[this.frames.length - 1];
  }

  // ---- events ----

  toRunner(frame: FrameRecord, event: FrameToRunner): void {
    this.relay(frame.actor, this.scope.self, event);
  }

  toFrame(frame: FrameRecord, event: FrameActorEvent): void {
    this.relay(this.scope.self, frame.actor, event);
  }

  // ---- frames ----

  /** A new frame actor, in `preparing`, pushed on the callstack as the request's frame. */
  createFrame(kind: FrameKind, caller: Address, address: Address, codeAddress: Address, value: bigint): FrameRecord {
    const parent = this.top();
    const info: FrameInfo = {
      id: this.nextId++,
      kind,
      depth: parent ? parent.info.depth + 1 : 0,
      caller,
      address,
      codeAddress,
      value,
      gas: 0,
      callerFrame: parent ? parent.actor.id : null,
    };
    const record = new FrameRecord(info, this, this.frameStep);
    record.actor = createActor(frameLogic, { parent: this.scope.self, id: `frame-${info.id}`, input: record });
    record.actor.start();
    this.frames.push(record);
    return record;
  }

  /** Tells the observer the frame exists (once its gas and address are known) and is preparing. */
  announce(f: FrameRecord, calldata: Uint8Array): void {
    const observer = this.env.observer;
    if (!observer) return;
    const parent = this.frames[this.frames.length - 2];
    observer.frameOpened?.(f.info, parent ? parent.info.id : null, calldata);
    observer.frameState?.(f.info.id, 'preparing');
  }

  /** Answers the top frame's request without running code; the frame reports its end to the runner. */
  answer(f: FrameRecord, result: CallResult | DeploymentResult, reason?: string, outcome?: FrameOutcome): void {
    f.answer = result;
    f.reason = reason;
    f.answerOutcome = outcome ?? (result.status === 'failedToExecute' ? 'halt' : result.status);
    const end: FrameEnd = { type: 'end', status: f.answerOutcome, gasLeft: 0n, returnData: EMPTY };
    this.toFrame(f, reason === undefined ? { type: 'frame.answer', end } : { type: 'frame.answer', end, reason });
  }

  /** Native for the instructions the EE ran since the last preemption (brief §4.2: 20 per step). */
  chargeSteps(frame: FrameRecord | undefined): void {
    const native = this.env.native;
    if (!native || !frame?.ee) return;
    const steps = frame.ee.steps ?? 0;
    native.charge(native.costs.perInstruction * (steps - frame.stepsCharged));
    frame.stepsCharged = steps;
  }

  isSpecial(addr: Address): boolean {
    const bound = this.env.profile.specialAddressBound;
    return bound === null ? this.env.hooks.has(addr) : addr < bound;
  }

  stopFrame(f: FrameRecord): void {
    this.scope.stopChild(f.actor);
  }

  /** Stops every frame still on the callstack (top first): a failed or stopped run leaves no live child. */
  stopAll(): void {
    for (let i = this.frames.length - 1; i >= 0; i--) this.scope.stopChild(this.frames[i]!.actor);
    this.frames.length = 0;
  }

  /** The error a failed run reports: once, naming the frame; out of native and a pause pass through. */
  describe(err: unknown, frame: FrameRecord | undefined): unknown {
    if (err instanceof OutOfNativeError || err instanceof RunPaused || err instanceof FrameHostError) return err;
    return new FrameHostError(frame?.info ?? null, err);
  }
}

/** `this` of the callee: the caller itself for DELEGATECALL and CALLCODE. */
const selfOf = (req: ExternalCallRequest): Address =>
  isDelegate(req.modifier) || isCallcode(req.modifier) ? req.caller : req.callee;

// ---- the chart's actions ----

/** Call request, step 1 (brief §2.3): a frame actor in `preparing`, then charges, 63/64, stipend. */
function prepareCallAction(rt: RunnerRuntime, ev: RunnerInbound): void {
  if (ev.type !== 'runner.start' && ev.type !== 'frame.spawn') return;
  const req = ev.request as ExternalCallRequest;
  const isEntry = ev.type === 'runner.start';
  rt.chargeSteps(rt.top());
  const kind: FrameKind = rt.isSpecial(req.callee) ? 'hook' : req.kind;
  const f = rt.createFrame(kind, req.caller, selfOf(req), req.callee, req.value);
  f.request = req;
  const prep = prepareCall(rt.env, req, isEntry);
  if (prep.ok) {
    f.gasKept = prep.gasKept;
    f.gasGiven = prep.gasToPass;
    f.info.gas = Number(prep.gasToPass);
  }
  rt.announce(f, req.calldata);
  rt.raised = prep.ok ? { type: 'request.prepared' } : { type: 'request.refused', reason: 'CallFailedToExecute' };
}

/** Deployment request, step 1 (brief §2.7, §4.5): a frame actor in `preparing`, then the EE's preparation. */
function prepareDeploymentAction(rt: RunnerRuntime, ev: RunnerInbound): void {
  if (ev.type !== 'runner.start' && ev.type !== 'frame.spawn') return;
  const req = ev.request as DeploymentRequest;
  const isEntry = ev.type === 'runner.start';
  rt.chargeSteps(rt.top());
  const f = rt.createFrame(req.scheme, req.deployer, 0n, 0n, req.value);
  f.request = req;
  const prep = prepareDeployment(rt.env, req, f.info.depth, isEntry);
  if (prep.ok) {
    f.info.address = f.info.codeAddress = prep.address;
    f.created = prep.address;
    f.gasKept = prep.gasKept;
    f.gasGiven = prep.constructorGas;
    f.info.gas = Number(prep.constructorGas);
    rt.announce(f, req.initcode);
    rt.raised = { type: 'request.prepared' };
    return;
  }
  if (prep.address !== undefined) f.info.address = f.info.codeAddress = prep.address;
  f.answer = { status: 'revert', gasReturned: prep.gasReturned, address: 0n, returnData: EMPTY };
  rt.announce(f, req.initcode);
  rt.raised = { type: 'request.refused', reason: prep.reason };
}

/** The request failed in preparation: the frame goes preparing → finishing with the reason. */
function refuseRequestAction(rt: RunnerRuntime, ev: RunnerInbound): void {
  if (ev.type !== 'request.refused') return;
  const f = rt.top()!;
  // A call whose charges cannot be paid fails the caller (failedToExecute); its frame shows a halt.
  const result: CallResult | DeploymentResult = f.answer ?? {
    status: 'failedToExecute',
    gasReturned: 0n,
    returnData: EMPTY,
  };
  // A collision burns the deployer's 63/64 (a halt of the creation); other refusals hand gas back.
  rt.answer(f, result, ev.reason, ev.reason === 'CreateCollision' ? 'halt' : undefined);
}

/** Start the system frame (snapshot) and the child, or answer at once (brief §2.3 steps 2-4, §2.7 4-7). */
function openFrameAction(rt: RunnerRuntime): void {
  const f = rt.top()!;
  const req = f.request!;
  const { env } = rt;
  const world = env.system.world;
  f.rollback = world.snapshot(); // the frame covers the transfer (brief §2.3 step 2, §2.7 step 4)
  if (req.type === 'create') {
    initConstructorAccount(env, req.deployer, f.created!, req.value);
    f.ee = env.createEvm({
      address: f.created!,
      codeAddress: f.created!,
      caller: req.deployer,
      value: req.value,
      calldata: EMPTY,
      code: req.initcode,
      gas: f.gasGiven,
      isStatic: false,
      isConstructor: true,
      depth: f.info.depth,
    });
    run(rt, f, req.initcode.length);
    return;
  }
  const plan = planCall(rt, f, req);
  if ('answer' in plan) {
    // Answered without running code: the callee gets nothing used, the caller all its gas back.
    if (plan.answer !== 'success') world.revert(f.rollback);
    rt.answer(f, { status: plan.answer, gasReturned: f.gasGiven + f.gasKept, returnData: EMPTY }, plan.reason);
    return;
  }
  if ('hook' in plan) {
    f.ee = new HookExecution(env, plan.hook, req, f.gasGiven, f.info.callerFrame === null);
    rt.toFrame(f, { type: 'frame.run' });
    return;
  }
  f.ee = env.createEvm({
    address: selfOf(req),
    codeAddress: req.callee,
    caller: isDelegate(req.modifier) ? req.callersCaller : req.caller,
    value: req.value,
    calldata: req.calldata,
    code: plan.code,
    gas: f.gasGiven,
    isStatic:
      req.modifier === CallModifier.Static ||
      req.modifier === CallModifier.DelegateStatic ||
      req.modifier === CallModifier.EVMCallcodeStatic,
    isConstructor: false,
    depth: f.info.depth,
  });
  run(rt, f, plan.code.length);
}

/** What a prepared call does inside its frame: run EVM code, run a hook, or answer at once. */
type CallPlan =
  | { readonly code: Uint8Array }
  | { readonly hook: SystemHook }
  | { readonly answer: 'success' | 'revert'; readonly reason?: string };

/** Depth check, value transfer, hook or EOA shortcut, in the profile's order (brief §2.3, §2.6). */
function planCall(rt: RunnerRuntime, f: FrameRecord, req: ExternalCallRequest): CallPlan {
  const { env } = rt;
  const depthExceeded = f.info.depth > rt.maxDepth;
  if (depthExceeded && !env.profile.eoaShortcutBeforeDepthCheck)
    return { answer: 'revert', reason: 'CallDepthExceeded' };
  if (!transferValue(env, req)) return { answer: 'revert', reason: 'InsufficientBalance' };
  if (f.info.kind === 'hook') {
    if (depthExceeded) return { answer: 'revert', reason: 'CallDepthExceeded' };
    const hook = env.hooks.get(req.callee);
    // A hookless special address is an empty account (brief §2.6 step 6).
    return hook ? { hook } : { answer: 'success' };
  }
  const code = env.system.world.getAccount(req.callee).code;
  if (code.length === 0) return { answer: 'success' }; // EOA shortcut, before the depth check (brief §2.3)
  if (depthExceeded) return { answer: 'revert', reason: 'CallDepthExceeded' };
  return { code };
}

/** Bytecode preprocessing native, then the child runs its EE (its `frame.run`). */
function run(rt: RunnerRuntime, f: FrameRecord, codeLength: number): void {
  rt.env.native?.charge(rt.env.native.costs.perCodeByte * codeLength);
  rt.toFrame(f, { type: 'frame.run' });
}

/** The top frame ended: deposit code, finish the system frame (commit or roll back), stop its actor. */
function finishFrameAction(rt: RunnerRuntime, ev: RunnerInbound): void {
  if (ev.type !== 'frame.end') return;
  const f = rt.top()!;
  rt.chargeSteps(f);
  const world = rt.env.system.world;
  let outcome: FrameOutcome;
  let gasUsed: bigint;
  let returnData: Uint8Array;
  let haltReason: string | undefined;
  if (f.answer !== null) {
    const r = f.answer;
    outcome = f.answerOutcome;
    gasUsed = 0n;
    returnData = EMPTY;
    rt.carry = 0;
    rt.result = r;
  } else {
    const end = ev.end;
    let { status, gasLeft } = end;
    returnData = end.returnData;
    haltReason = end.haltReason;
    if (f.created !== null) {
      if (status === 'success') {
        const left = depositCode(rt.env, f.created, end.deployedCode ?? EMPTY, gasLeft);
        if (left < 0n) status = 'halt';
        else gasLeft = left;
        returnData = EMPTY;
      } else if (status === 'halt') {
        const keepsCode = end.haltReason === 'CodeSizeLimit' || end.haltReason === 'InvalidCodePrefix';
        returnData = keepsCode && rt.env.profile.failedDeploymentReturnsCode ? end.returnData : EMPTY;
      }
    }
    if (status === 'halt') {
      gasLeft = 0n;
      if (f.created === null) returnData = EMPTY;
    }
    if (status !== 'success') world.revert(f.rollback!);
    // A halt burns every erg; a hook's ergs remainder travels with its result.
    const ergs = f.ee instanceof HookExecution ? f.ee.ergsFraction : f.ergsFraction;
    rt.carry = status === 'halt' ? 0 : ergs;
    outcome = status;
    gasUsed = f.gasGiven - gasLeft;
    const gasReturned = gasLeft + f.gasKept;
    rt.result =
      f.created !== null
        ? { status, gasReturned, address: status === 'success' ? f.created : 0n, returnData }
        : { status, gasReturned, returnData, ...(haltReason !== undefined ? { haltReason } : {}) };
  }
  rt.toFrame(f, { type: 'frame.finish', outcome });
  rt.env.observer?.frameClosed?.(f.info.id, {
    outcome,
    gasUsed: Number(gasUsed),
    returnData,
    reverted: outcome !== 'success',
    haltReason,
    reason: f.reason,
    createdAddress: outcome === 'success' && f.created !== null ? f.created : undefined,
  });
  f.ee = null;
}

/** Pop the finished frame and stop its actor (probes Q2: stopped children do not leak or slow spawns). */
function popFrameAction(rt: RunnerRuntime): void {
  const f = rt.frames.pop()!;
  rt.stopFrame(f);
  rt.raised = { type: 'frame.popped', empty: rt.frames.length === 0 };
}

/** Continue the frame below with the child's result (continue-after-call / continue-after-deployment). */
function resumeParentAction(rt: RunnerRuntime): void {
  const parent = rt.top()!;
  let result = rt.result!;
  if (rt.carry !== 0) {
    // Merge the child's sub-gas ergs; whole gas units go back with the result.
    const ergs = parent.ergsFraction + rt.carry;
    rt.carry = 0;
    parent.ergsFraction = ergs % 256;
    if (ergs >= 256) result = { ...result, gasReturned: result.gasReturned + BigInt(ergs >> 8) };
  }
  rt.result = null;
  rt.toFrame(parent, { type: 'child.done', result });
}

/** A frame threw (xstate error event): stop every frame; the run fails with one error naming the frame. */
function abortTransactionAction(rt: RunnerRuntime, ev: RunnerInbound): void {
  const id = ev.type.slice('xstate.error.actor.'.length);
  const frame = rt.frames.find((f) => f.actor.id === id);
  rt.error = rt.describe((ev as { error?: unknown }).error, frame);
  rt.stopAll();
}

const RUNNER_CHART = new CompiledChart<RunnerRuntime, RunnerInbound>(runnerChart, runnerGuards, {
  prepareCall: prepareCallAction,
  prepareDeployment: prepareDeploymentAction,
  openFrame: openFrameAction,
  refuseRequest: refuseRequestAction,
  finishFrame: finishFrameAction,
  popFrame: popFrameAction,
  resumeParent: resumeParentAction,
  abortTransaction: abortTransactionAction,
});

// ---- the runner actor ----

const RT: unique symbol = Symbol('runner runtime');

/** The runner's snapshot: `value` is the chart state; the context shows the callstack's height and top. */
type RunnerSnapshot = Snapshot<RunOutcome> & {
  readonly value: RunnerState;
  readonly context: { readonly height: number; readonly top: string | null };
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

function snapshotOf(rt: RunnerRuntime, value: RunnerState): RunnerSnapshot {
  const top = rt.top();
  const context = { height: rt.frames.length, top: top ? top.actor.id : null };
  if (value === 'done')
    return { status: 'done', output: toOutcome(rt.result!), error: undefined, value, context, [RT]: rt };
  if (value === 'failed') return { status: 'error', output: undefined, error: rt.error, value, context, [RT]: rt };
  return { status: 'active', output: undefined, error: undefined, value, context, [RT]: rt };
}

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
    if (type === 'xstate.stop') {
      rt.stopAll();
      return {
        status: 'stopped',
        output: undefined,
        error: undefined,
        value: rt.state,
        context: snapshot.context,
        [RT]: rt,
      };
    }
    if (type.startsWith('xstate.') && !type.startsWith('xstate.error.actor.')) return snapshot;
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

/** The runtime behind a runner actor (debuggers). */
export function runnerViewOf(runner: AnyActorRef): RunnerView | undefined {
  return (runner.getSnapshot() as Partial<RunnerSnapshot>)[RT];
}

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
