// The frame chart: the life of one call or deployment frame (seed "Runner Flow"; brief §2.3, §2.7).
// The runtime uses a lighter ActorLogic with the same states (src/runner/frameActor.ts); a test walks every
// path of this chart and replays it on that logic (test/machines/frame.paths.test.ts).
import { setup } from 'xstate';

/** Outcome of a finished frame. */
export type FrameOutcome = 'success' | 'revert' | 'halt';

/** Events the runner sends to a frame actor. */
export type FrameEvent =
  | { type: 'frame.run' } // preparation done, the EE (or hook) starts executing
  | { type: 'frame.answer' } // answered without running code: EOA shortcut, depth limit, failed transfer, no hook
  | { type: 'ee.spawn' } // the EE yielded a call or deployment request
  | { type: 'child.done' } // the child's result was fed back; the EE continues
  | { type: 'ee.end' } // the EE (or hook) returned its completion
  | { type: 'frame.finish'; outcome: FrameOutcome }; // system frame finished (committed or rolled back)

export const frameMachine = setup({
  types: {
    events: {} as FrameEvent,
  },
  guards: {
    isSuccess: ({ event }) => event.type === 'frame.finish' && event.outcome === 'success',
    isRevert: ({ event }) => event.type === 'frame.finish' && event.outcome === 'revert',
    isHalt: ({ event }) => event.type === 'frame.finish' && event.outcome === 'halt',
  },
}).createMachine({
  id: 'frame',
  initial: 'preparing',
  states: {
    preparing: {
      on: { 'frame.run': 'running', 'frame.answer': 'finishing' },
    },
    running: {
      on: { 'ee.spawn': 'awaiting-child', 'ee.end': 'finishing' },
    },
    'awaiting-child': {
      on: { 'child.done': 'running' },
    },
    finishing: {
      on: {
        'frame.finish': [
          { guard: 'isSuccess', target: 'success' },
          { guard: 'isRevert', target: 'revert' },
          { guard: 'isHalt', target: 'halt' },
        ],
      },
    },
    success: { type: 'final' },
    revert: { type: 'final' },
    halt: { type: 'final' },
  },
});

/** State values of a frame, in chart order. */
export const FRAME_STATES = [
  'preparing',
  'running',
  'awaiting-child',
  'finishing',
  'success',
  'revert',
  'halt',
] as const;
export type FrameState = (typeof FRAME_STATES)[number];
