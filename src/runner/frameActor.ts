// The frame actor: a hand-written xstate ActorLogic that executes machines/frame.machine.ts (through
// chartLogic.ts). It runs its EE (or hook) on `frame.run` / `child.done` and tells the runner what the EE
// reached, by event: `frame.spawn` with the request, or `frame.end` with the completion. A `createMachine`
// frame costs ~100-280 µs, this logic ~10 µs (probes Q2). An EE or hook that throws fails the actor;
// xstate then sends the runner `xstate.error.actor.<id>` (a host error, never an EVM failure).
import { type ActorLogic, type ActorRefFrom, type AnyActorRef, createActor, type Snapshot } from 'xstate';
import { type FrameOutcome, type FrameState, frameChart, frameGuards } from '../../machines/frame.machine.js';
import type {
  Address,
  CallResult,
  DeploymentResult,
  ExecutionEnvironment,
  FrameEnd,
  PreemptionPoint,
  SpawnRequest,
} from '../ee/types.js';
import type { Overlay } from '../system/world.js';
import { type ChartRuntime, CompiledChart, type StepListener } from './chartLogic.js';

/** What kind of frame this is (the frame tree shows it). */
export type FrameKind = 'call' | 'callcode' | 'delegatecall' | 'staticcall' | 'create' | 'create2' | 'hook';

/** Light, serialisable facts about a frame, kept in the actor's context for the inspector. */
export interface FrameInfo {
  readonly id: number;
  readonly kind: FrameKind;
  readonly depth: number;
  readonly caller: Address;
  /** `this` of the frame; for a deployment the new address, known once prepared (0 if refused before). */
  address: Address;
  codeAddress: Address;
  readonly value: bigint;
  /** Gas given to the frame, known once prepared (0 for a request refused in preparation). */
  gas: number;
  /** `frame-N` of the calling frame (its actor id under inspection), or null for the entry frame: the call tree. */
  readonly callerFrame: string | null;
}

/** Events the frame actor receives (from the runner) or raises (from its EE). */
export type FrameActorEvent =
  | { type: 'frame.run' }
  | { type: 'frame.answer'; end: FrameEnd; reason?: string }
  | { type: 'child.done'; result: CallResult | DeploymentResult }
  | { type: 'frame.finish'; outcome: FrameOutcome }
  | { type: 'ee.spawn'; request: SpawnRequest }
  | { type: 'ee.end'; end: FrameEnd; reason?: string };

/** Events a frame sends to the runner. */
export type FrameToRunner =
  | { type: 'frame.spawn'; frame: number; request: SpawnRequest }
  | { type: 'frame.end'; frame: number; end: FrameEnd; reason?: string };

/** How frames and the runner send each other events (the runner decides: directly, with source, stepped). */
export interface EventLink {
  toRunner(frame: FrameRecord, event: FrameToRunner): void;
}

const NOT_ON_STACK = Object.freeze({ height: 0, top: null });

/**
 * One frame on the runner's callstack: the actor, its execution (EE or hook) and the runner's bookkeeping.
 * The frame actor's actions read it; it is kept out of the serialised snapshot (see `toJSON`).
 */
export class FrameRecord implements ChartRuntime<FrameActorEvent> {
  raised: FrameActorEvent | undefined = undefined;
  actor!: FrameActorRef;
  ee: ExecutionEnvironment | null = null;
  /** The request being prepared or run (the runner's input for this frame). */
  request: SpawnRequest | null = null;
  rollback: Overlay | null = null;
  /** Ergs the caller kept aside (its 1/64 etc.), returned with this frame's result (brief §2.3). */
  ergsKept = 0n;
  /** Ergs given to the frame, and the whole gas of them its EE starts with. */
  ergsGiven = 0n;
  gasGiven = 0n;
  created: Address | null = null;
  /**
   * Set when the runner answers the request without running code (refused, EOA, depth, no hook): the
   * outcome, and the ergs that go back (`null`: the caller cannot pay the call, it fails itself).
   */
  answer: { readonly status: FrameOutcome; readonly ergsReturned: bigint | null } | null = null;
  reason: string | undefined = undefined;
  /** Native of this frame's instructions (its EE's `native`) already charged to the native meter. */
  nativeCharged = 0;
  /** The runner snapshot's context while this frame is on top (made once, shared by every runner snapshot). */
  runnerContext: { readonly height: number; readonly top: string | null } = NOT_ON_STACK;
  /** The runner's last `active` snapshot while this frame was on top (src/runner/runner.ts reuses it). */
  runnerSnapshot: object | undefined = undefined;
  /** Sub-gas ergs this frame holds besides its EE's whole gas (0 .. ergsPerGas − 1, brief §7). */
  ergsFraction = 0;

  constructor(
    readonly info: FrameInfo,
    readonly link: EventLink,
    readonly onStep: StepListener<FrameRecord, FrameActorEvent> | undefined,
  ) {}

  /** The EE reached a preemption point: raise it inside the frame chart. */
  raisePoint(point: PreemptionPoint): void {
    this.raised =
      point.type === 'spawn' ? { type: 'ee.spawn', request: point.request } : { type: 'ee.end', end: point };
  }

  /** Inspectors serialise the init event's input: show the frame, not its EE and memory. */
  toJSON(): { frame: number } {
    return { frame: this.info.id };
  }
}

const FRAME_CHART = new CompiledChart<FrameRecord, FrameActorEvent>(frameChart, frameGuards, {
  startEe: (f) => f.raisePoint(f.ee!.start()),
  resumeEe: (f, e) => {
    if (e.type !== 'child.done') return;
    const r = e.result;
    f.raisePoint('address' in r ? f.ee!.continueAfterDeployment(r) : f.ee!.continueAfterCall(r));
  },
  requestSpawn: (f, e) => {
    if (e.type === 'ee.spawn') f.link.toRunner(f, { type: 'frame.spawn', frame: f.info.id, request: e.request });
  },
  reportEnd: (f, e) => {
    if (e.type !== 'ee.end' && e.type !== 'frame.answer') return;
    const ev: FrameToRunner =
      e.reason === undefined
        ? { type: 'frame.end', frame: f.info.id, end: e.end }
        : { type: 'frame.end', frame: f.info.id, end: e.end, reason: e.reason };
    f.link.toRunner(f, ev);
  },
});

const EXEC: unique symbol = Symbol('frame record');

/** The frame actor's snapshot: `value` is the chart state. Status stays `active`; the runner stops it. */
export type FrameSnapshot = Snapshot<undefined> & {
  readonly value: FrameState;
  readonly context: FrameInfo;
  /** Symbol-keyed, so JSON and the inspector's serialiser skip it. */
  readonly [EXEC]: FrameRecord | undefined;
};

/**
 * One class for every frame snapshot: a fixed shape built by a constructor is cheaper than an object literal
 * with a computed (symbol) key, and it is made 3-4 times per frame.
 */
class FrameSnapshotOf {
  readonly output: undefined = undefined;
  readonly error: undefined = undefined;
  readonly [EXEC]: FrameRecord | undefined;
  constructor(
    readonly status: 'active' | 'stopped',
    readonly value: FrameState,
    readonly context: FrameInfo,
    record: FrameRecord | undefined,
  ) {
    this[EXEC] = record;
  }
}

const snapshotOf = (
  status: 'active' | 'stopped',
  value: FrameState,
  record: FrameRecord | undefined,
  info: FrameInfo,
) => new FrameSnapshotOf(status, value, info, record) as FrameSnapshot;

/** xstate's own events (`xstate.init`, `xstate.stop`, ...) start with an `x`; ours never do. */
const X = 'x'.charCodeAt(0);

/** The ActorLogic of a frame; `config` is the chart, so @statelyai/inspect draws it. */
export const frameLogic: ActorLogic<FrameSnapshot, FrameActorEvent, FrameRecord> & {
  readonly config: typeof frameChart;
} = {
  config: frameChart,
  getInitialSnapshot: (_scope, input: FrameRecord | undefined) => {
    const record = input ?? constructing!;
    return snapshotOf('active', 'preparing', record, record.info);
  },
  transition: (snapshot, event) => {
    const type: string = event.type;
    if (type.charCodeAt(0) === X) {
      // let the EE and its memory go on stop; init and other xstate-internal events change nothing
      if (type === 'xstate.stop') return snapshotOf('stopped', snapshot.value, undefined, snapshot.context);
      if (type.startsWith('xstate.')) return snapshot;
    }
    const f = snapshot[EXEC]!;
    const next = FRAME_CHART.macrostep(snapshot.value, event, f, f.onStep) as FrameState | undefined;
    // An event the chart does not allow is a runner bug: throwing fails the actor (a host error).
    if (next === undefined)
      throw new Error(`frame ${snapshot.context.id}: '${event.type}' not allowed in '${snapshot.value}'`);
    return snapshotOf('active', next, f, snapshot.context);
  },
  getPersistedSnapshot: (snapshot) => snapshot,
};

export type FrameActorRef = ActorRefFrom<typeof frameLogic>;

/** The record of the frame actor `startFrameActor` is constructing when it passes no `input`. */
let constructing: FrameRecord | undefined;

/**
 * Creates and starts `record`'s frame actor as a child of `parent`: named `id` (`frame-N`) and given the record as
 * `input` under inspection, which shows both. Without an inspector the actor gets neither: the record reaches
 * `getInitialSnapshot` beside the options, and the actor keeps xstate's session id, because xstate spreads the
 * options into its defaults and on Node 20 that spread costs ~0.37 µs per property (`id` and `input` together
 * ≈ 10% of a frame). What we report keeps `frame-N` either way (FrameInfo.callerFrame, the runner's context).
 */
export function startFrameActor(parent: AnyActorRef, id: string, record: FrameRecord, inspected: boolean): void {
  constructing = record;
  try {
    record.actor = inspected
      ? createActor(frameLogic, { parent, id, input: record })
      : createActor(frameLogic, { parent } as { parent: AnyActorRef; input: FrameRecord });
  } finally {
    constructing = undefined;
  }
  record.actor.start();
}
