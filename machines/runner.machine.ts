// The runner chart: the seed's "infinite loop" that dispatches spawn requests and completions until the
// callstack is empty (seed "Runner Structure"; brief §2). The runtime loop in src/runner/runner.ts follows
// it; this chart is its specification and diagram.
import { setup } from 'xstate';

export type RunnerEvent =
  | { type: 'runner.start' } // initial request: external call or deployment
  | { type: 'frame.spawn'; request: 'call' | 'create' } // the top frame yielded a request
  | { type: 'child.answered' } // the request completed at once (failure, EOA, hook, depth)
  | { type: 'child.pushed' } // a new frame was pushed and started
  | { type: 'frame.end' } // the top frame completed
  | { type: 'stack.popped'; empty: boolean }; // the frame was finished and popped

export const runnerMachine = setup({
  types: { events: {} as RunnerEvent },
  actions: {
    pushInitialFrame: () => {},
    prepareCall: () => {}, // charges, 63/64, stipend (brief §2.3 step 1)
    prepareDeployment: () => {}, // EE deployment preparation (brief §2.7 step 1)
    openFrame: () => {}, // start a system frame: snapshot
    resumeParent: () => {}, // continue-after-call / continue-after-deployment
    finishFrame: () => {}, // deposit code, commit or roll back, copy return data
    popFrame: () => {},
  },
  guards: {
    isCallRequest: ({ event }) => event.type === 'frame.spawn' && event.request === 'call',
    isDeploymentRequest: ({ event }) => event.type === 'frame.spawn' && event.request === 'create',
    isCallstackEmpty: ({ event }) => event.type === 'stack.popped' && event.empty,
  },
}).createMachine({
  id: 'runner',
  initial: 'idle',
  states: {
    idle: { on: { 'runner.start': { target: 'running', actions: ['pushInitialFrame', 'openFrame'] } } },
    running: {
      on: {
        'frame.spawn': [
          { guard: 'isCallRequest', target: 'dispatching', actions: 'prepareCall' },
          { guard: 'isDeploymentRequest', target: 'dispatching', actions: 'prepareDeployment' },
        ],
        'frame.end': { target: 'completing', actions: 'finishFrame' },
      },
    },
    dispatching: {
      on: {
        'child.answered': { target: 'running', actions: 'resumeParent' },
        'child.pushed': { target: 'running', actions: 'openFrame' },
      },
    },
    completing: {
      entry: 'popFrame',
      on: {
        'stack.popped': [
          { guard: 'isCallstackEmpty', target: 'done' },
          { target: 'running', actions: 'resumeParent' },
        ],
      },
    },
    done: { type: 'final' },
  },
});
