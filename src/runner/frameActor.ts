// The runtime frame actor: a hand-written xstate ActorLogic whose values follow machines/frame.machine.ts.
// A `createMachine` frame costs ~100-280 µs, this logic ~10 µs (probes Q2); a test proves both take the
// same transitions. The EE itself runs in the runner loop; the actor records where the frame is.
import type { ActorLogic, ActorRefFrom, Snapshot } from 'xstate';
import type { FrameEvent, FrameState } from '../../machines/frame.machine.js';
import type { Address } from '../ee/types.js';

/** What kind of frame this is (the frame tree shows it). */
export type FrameKind = 'call' | 'callcode' | 'delegatecall' | 'staticcall' | 'create' | 'create2' | 'hook';

/** Light, serialisable facts about a frame, kept in the actor's context for the inspector. */
export interface FrameInfo {
  readonly id: number;
  readonly kind: FrameKind;
  readonly depth: number;
  readonly caller: Address;
  readonly address: Address;
  readonly codeAddress: Address;
  readonly value: bigint;
  readonly gas: number;
}

/** The frame actor's snapshot: `value` is the chart state. Status stays `active`; the runner stops it. */
export type FrameSnapshot = Snapshot<undefined> & {
  readonly value: FrameState;
  readonly context: FrameInfo;
};

// The chart as a table: state → event → next state (`frame.finish` picks its target from the outcome).
const NEXT: Record<FrameState, Partial<Record<FrameEvent['type'], FrameState>>> = {
  preparing: { 'frame.run': 'running', 'frame.answer': 'finishing' },
  running: { 'ee.spawn': 'awaiting-child', 'ee.end': 'finishing' },
  'awaiting-child': { 'child.done': 'running' },
  finishing: {},
  success: {},
  revert: {},
  halt: {},
};

/** Pure transition of the frame chart; `undefined` when the event does not apply in this state. */
export function nextFrameState(value: FrameState, event: FrameEvent): FrameState | undefined {
  if (event.type === 'frame.finish') return value === 'finishing' ? event.outcome : undefined;
  return NEXT[value][event.type];
}

/** The ActorLogic of a frame. */
export const frameLogic: ActorLogic<FrameSnapshot, FrameEvent, FrameInfo> = {
  getInitialSnapshot: (_scope, input) => ({
    status: 'active',
    output: undefined,
    error: undefined,
    value: 'preparing',
    context: input,
  }),
  transition: (snapshot, event) => {
    const next = nextFrameState(snapshot.value, event);
    // A fresh literal of a fixed shape: cheaper than a spread on this per-event path.
    if (next !== undefined)
      return { status: 'active', output: undefined, error: undefined, value: next, context: snapshot.context };
    const type: string = event.type;
    if (type === 'xstate.stop')
      return {
        status: 'stopped',
        output: undefined,
        error: undefined,
        value: snapshot.value,
        context: snapshot.context,
      };
    if (type.startsWith('xstate.')) return snapshot; // init and other xstate-internal events
    // An event the chart does not allow is a runner bug: throwing makes the actor error, which the
    // runner rethrows as a host error (never an EVM failure).
    throw new Error(`frame ${snapshot.context.id}: '${event.type}' not allowed in '${snapshot.value}'`);
  },
  getPersistedSnapshot: (snapshot) => snapshot,
};

export type FrameActorRef = ActorRefFrom<typeof frameLogic>;
