// The runner chart: the seed's "infinite loop" (seed "Runner Structure"; brief §2). The runner actor's
// mailbox is the loop: frames send it spawn requests and ends, it prepares, opens, finishes and pops
// frames and answers the frame below with the child's result, until the callstack is empty. This chart
// is what runs: src/runner/runner.ts executes it with src/runner/chartLogic.ts; the path test replays
// every path of the `createMachine` built from it on that logic.
import { setup } from 'xstate';
import type { Chart } from './chart.js';

/**
 * Events the runner handles. `runner.start` comes from the entry point, `frame.spawn` / `frame.end` from
 * the top frame, `xstate.error.actor.*` from xstate when a frame throws; the runner raises
 * `request.prepared` / `request.refused` and `frame.popped` itself. Payloads are opaque here.
 */
export type RunnerEvent =
  | { type: 'runner.start'; request: { type: 'call' | 'create' } }
  | { type: 'frame.spawn'; request: { type: 'call' | 'create' }; frame?: number }
  | { type: 'request.prepared' }
  | { type: 'request.refused'; reason?: string }
  | { type: 'frame.end'; frame?: number; end?: unknown }
  | { type: 'frame.popped'; empty: boolean }
  | { type: `xstate.error.actor.${string}`; error?: unknown };

/** Actions of the runner chart (implemented by src/runner/runner.ts). */
export type RunnerAction =
  | 'prepareCall'
  | 'prepareDeployment'
  | 'openFrame'
  | 'refuseRequest'
  | 'finishFrame'
  | 'popFrame'
  | 'resumeParent'
  | 'abortTransaction';

const dispatch = [
  { guard: 'isCallRequest', target: 'preparing', actions: ['prepareCall'] },
  { guard: 'isDeploymentRequest', target: 'preparing', actions: ['prepareDeployment'] },
] as const;

export const runnerChart = {
  id: 'runner',
  initial: 'idle',
  on: { 'xstate.error.actor.*': [{ target: '.failed', actions: ['abortTransaction'] }] },
  states: {
    idle: { on: { 'runner.start': dispatch } },
    preparing: {
      description: 'a new frame actor in preparing: charges, 63/64, address, collision, depth',
      on: {
        'request.prepared': [{ target: 'running', actions: ['openFrame'] }],
        'request.refused': [{ target: 'running', actions: ['refuseRequest'] }],
      },
    },
    running: {
      description: 'the top frame runs; the runner waits for its next event',
      on: {
        'frame.spawn': dispatch,
        'frame.end': [{ target: 'finishing', actions: ['finishFrame', 'popFrame'] }],
      },
    },
    finishing: {
      description: 'the finished frame is popped; its result goes to the frame below',
      on: {
        'frame.popped': [
          { guard: 'isCallstackEmpty', target: 'done' },
          { target: 'running', actions: ['resumeParent'] },
        ],
      },
    },
    done: { type: 'final' },
    failed: { type: 'final', description: 'a frame threw: host error, the transaction is discarded' },
  },
} as const satisfies Chart;

export const runnerGuards = {
  isCallRequest: (e: RunnerEvent): boolean =>
    (e.type === 'runner.start' || e.type === 'frame.spawn') && e.request.type === 'call',
  isDeploymentRequest: (e: RunnerEvent): boolean =>
    (e.type === 'runner.start' || e.type === 'frame.spawn') && e.request.type === 'create',
  isCallstackEmpty: (e: RunnerEvent): boolean => e.type === 'frame.popped' && e.empty,
} as const;

/** State values of the runner, in chart order. */
export const RUNNER_STATES = ['idle', 'preparing', 'running', 'finishing', 'done', 'failed'] as const;
export type RunnerState = (typeof RUNNER_STATES)[number];

/** The runner chart as an xstate machine, with the caller's action implementations (tests, diagrams). */
export function createRunnerMachine(actions: Record<RunnerAction, (args: { event: RunnerEvent }) => void>) {
  return setup({
    types: { events: {} as RunnerEvent },
    guards: {
      isCallRequest: ({ event }) => runnerGuards.isCallRequest(event),
      isDeploymentRequest: ({ event }) => runnerGuards.isDeploymentRequest(event),
      isCallstackEmpty: ({ event }) => runnerGuards.isCallstackEmpty(event),
    },
    actions,
  }).createMachine(runnerChart);
}
