// The runner's execution side (src/runner/runner.ts is the actor): the callstack of frame records, frame
// creation (`startFrameActor`: `createActor(frameLogic, { parent: runner })`, public xstate API), event
// delivery between the runner and its frames, and the errors a run can fail with.
import type { AnyActorRef, AnyActorScope } from 'xstate';
import type { FrameOutcome, FrameState } from '../../machines/frame.machine.js';
import type { RunnerState } from '../../machines/runner.machine.js';
import { addressToHex } from '../crypto/bytes.js';
import type { Address, CallResult, DeploymentResult, FrameEnd, SpawnRequest } from '../ee/types.js';
import { OutOfNativeError } from '../system/resources.js';
import type { ChartRuntime, StepListener } from './chartLogic.js';
import type { RunEnvironment, RunnerView } from './context.js';
import {
  type EventLink,
  type FrameActorEvent,
  type FrameInfo,
  type FrameKind,
  FrameRecord,
  type FrameToRunner,
  startFrameActor,
} from './frameActor.js';

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
export type Relay = (source: AnyActorRef, target: AnyActorRef, event: { type: string }) => void;

/** The runner's execution side: callstack, ids, the result in flight. Kept out of the serialised snapshot. */
export class RunnerRuntime implements ChartRuntime<RunnerInbound>, EventLink, RunnerView {
  raised: RunnerInbound | undefined = undefined;
  state: RunnerState = 'idle';
  readonly frames: FrameRecord[] = [];
  private nextId = 0;
  readonly maxDepth: number;
  /** 1 gas = `ergsPerGas` ergs (brief §7; Ethereum: 1). */
  readonly ergsPerGas: bigint;
  /** Sub-gas ergs travelling with the result being handed to the frame below (see `FrameRecord.ergsFraction`). */
  carry = 0;
  /** The result of the frame just finished, for the frame below (or the run's outcome). */
  result: CallResult | DeploymentResult | null = null;
  error: unknown = undefined;
  private readonly relay: Relay;
  readonly frameStep: StepListener<FrameRecord, FrameActorEvent> | undefined;
  readonly runnerStep: StepListener<RunnerRuntime, RunnerInbound> | undefined;

  constructor(
    readonly env: RunEnvironment,
    private readonly scope: AnyActorScope,
    /** Under inspection: events carry their source, frame actors their input. */
    private readonly withSource: boolean,
  ) {
    this.maxDepth = env.maxDepth ?? 1024;
    this.ergsPerGas = BigInt(env.profile.ergsPerGas);
    const system = scope.system;
    this.relay = withSource
      ? // The scheduler keeps one stale timer-table key per sender (set after our clock ran the timer);
        // the table lives as long as this run's actor system.
        (source, target, event) => system.scheduler.schedule(source, target, event, 0, 'relay')
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
                  ? this.frameNameOf(event.type.slice('xstate.error.actor.'.length))
                  : 'runner',
          )
      : undefined;
  }

  /** `frame-N` of the frame whose actor has `actorId` (xstate's session id when not inspected), else the id. */
  private frameNameOf(actorId: string): string {
    const f = this.frames.find((r) => r.actor.id === actorId);
    return f ? `frame-${f.info.id}` : actorId;
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
      callerFrame: parent ? `frame-${parent.info.id}` : null,
    };
    const record = new FrameRecord(info, this, this.frameStep);
    const id = `frame-${info.id}`;
    startFrameActor(this.scope.self, id, record, this.withSource);
    this.frames.push(record);
    record.runnerContext = { height: this.frames.length, top: id };
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

  /**
   * Answers the top frame's request without running code: `ergsReturned` go back to the caller (`null`: the
   * caller could not pay the call and fails itself). The frame reports its end to the runner.
   */
  answer(f: FrameRecord, outcome: FrameOutcome, ergsReturned: bigint | null, reason?: string): void {
    f.answer = { status: outcome, ergsReturned };
    f.reason = reason;
    const end: FrameEnd = { type: 'end', status: outcome, gasLeft: 0n, returnData: EMPTY };
    this.toFrame(f, reason === undefined ? { type: 'frame.answer', end } : { type: 'frame.answer', end, reason });
  }

  /** The spawning frame's whole ergs: its EE's gas plus its sub-gas remainder, which moves with them. */
  callerErgs(gas: bigint): bigint {
    const top = this.top();
    const fraction = top ? top.ergsFraction : 0;
    if (top) top.ergsFraction = 0;
    return gas * this.ergsPerGas + BigInt(fraction);
  }

  /** Ergs handed back to the frame below: whole gas for its EE, the remainder carried into its frame. */
  giveBack(ergs: bigint): bigint {
    this.carry = Number(ergs % this.ergsPerGas);
    return ergs / this.ergsPerGas;
  }

  /**
   * Native of the instructions the EE ran since the last preemption (brief §4.2): the step and per-opcode
   * costs and memory growth, summed by the EE from its table (`evm_interpreter` native_resource_constants.rs).
   */
  chargeSteps(frame: FrameRecord | undefined): void {
    const native = this.env.native;
    if (!native || !frame?.ee) return;
    const used = frame.ee.native ?? 0;
    native.charge(used - frame.nativeCharged);
    frame.nativeCharged = used;
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
