// The frame chart: the life of one call or deployment frame (seed "Runner Flow"; brief §2.3, §2.7). The
// runner creates the frame actor in `preparing` before it charges the request; the frame runs its EE (or
// hook) and reports to the runner by events. This chart is what runs: src/runner/frameActor.ts executes
// it with src/runner/chartLogic.ts; test/machines/charts.paths.test.ts walks every path of the
// `createMachine` built from it and replays it on that logic.
import { setup } from 'xstate';
import type { Chart } from './chart.js';

/** Outcome of a finished frame. */
export type FrameOutcome = 'success' | 'revert' | 'halt';

/**
 * Events a frame handles. From the runner: `frame.run`, `frame.answer`, `child.done`, `frame.finish`.
 * Raised by the frame itself when its EE reaches a preemption point: `ee.spawn`, `ee.end`. Payloads are
 * opaque here (the runtime types them); guards read only `outcome`.
 */
export type FrameEvent =
  | { type: 'frame.run' } // preparation done: the EE (or hook) starts
  | { type: 'frame.answer'; end?: unknown; reason?: string } // answered without running code (refused, EOA, no hook)
  | { type: 'ee.spawn'; request?: unknown } // the EE yielded a call or deployment request
  | { type: 'child.done'; result?: unknown } // the runner hands back the child's result
  | { type: 'ee.end'; end?: unknown } // the EE (or hook) completed
  | { type: 'frame.finish'; outcome: FrameOutcome }; // the runner finished the system frame

/** Actions of the frame chart (implemented by src/runner/frameActor.ts). */
export type FrameAction = 'startEe' | 'resumeEe' | 'requestSpawn' | 'reportEnd';

export const frameChart = {
  id: 'frame',
  initial: 'preparing',
  states: {
    preparing: {
      description: 'runner: charges, 63/64, snapshot',
      on: {
        'frame.run': [{ target: 'running', actions: ['startEe'] }],
        'frame.answer': [{ target: 'finishing', actions: ['reportEnd'] }],
      },
    },
    running: {
      description: 'the EE runs until a preemption point',
      on: {
        'ee.spawn': [{ target: 'awaiting-child', actions: ['requestSpawn'] }],
        'ee.end': [{ target: 'finishing', actions: ['reportEnd'] }],
      },
    },
    'awaiting-child': {
      description: 'a child frame runs',
      on: { 'child.done': [{ target: 'running', actions: ['resumeEe'] }] },
    },
    finishing: {
      description: 'runner: deposit code, commit or roll back',
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
} as const satisfies Chart;

export const frameGuards = {
  isSuccess: (e: FrameEvent): boolean => e.type === 'frame.finish' && e.outcome === 'success',
  isRevert: (e: FrameEvent): boolean => e.type === 'frame.finish' && e.outcome === 'revert',
  isHalt: (e: FrameEvent): boolean => e.type === 'frame.finish' && e.outcome === 'halt',
} as const;

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

/** The frame chart as an xstate machine, with the caller's action implementations (tests, diagrams). */
export function createFrameMachine(actions: Record<FrameAction, (args: { event: FrameEvent }) => void>) {
  return setup({
    types: { events: {} as FrameEvent },
    guards: {
      isSuccess: ({ event }) => frameGuards.isSuccess(event),
      isRevert: ({ event }) => frameGuards.isRevert(event),
      isHalt: ({ event }) => frameGuards.isHalt(event),
    },
    actions,
  }).createMachine(frameChart);
}
