// The statecharts that run: the runner and its frames (flat charts, executed by src/runner/chartLogic.ts).
export type { Chart, ChartTransition, ChartState, ChartGuards } from './chart.js';
export { chartActions } from './chart.js';
export {
  frameChart,
  frameGuards,
  createFrameMachine,
  FRAME_STATES,
  type FrameState,
  type FrameEvent,
  type FrameOutcome,
  type FrameAction,
} from './frame.machine.js';
export {
  runnerChart,
  runnerGuards,
  createRunnerMachine,
  RUNNER_STATES,
  type RunnerState,
  type RunnerEvent,
  type RunnerAction,
} from './runner.machine.js';
