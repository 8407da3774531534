// The statecharts: the specification and diagrams of the runner and its frames.
export { frameMachine, FRAME_STATES, type FrameState, type FrameEvent, type FrameOutcome } from './frame.machine.js';
export { runnerMachine, type RunnerEvent } from './runner.machine.js';
