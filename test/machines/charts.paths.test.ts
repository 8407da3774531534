// machines/ holds the charts that run. The runtime executes them with chartLogic.ts (hand-written, for
// speed); this walks every simple path of the xstate machine built from each chart (@xstate/graph) and
// replays it on that interpreter with the same chart, guards and action names: the same state after every
// event and the same actions in the same order. A second part checks real runs (the flow scenario, a
// revert, a depth-limit case) only ever take transitions the charts have.
import { readFileSync } from 'node:fs';
import { getSimplePaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { type AnyStateMachine, transition } from 'xstate';
import { type Chart, chartActions } from '../../machines/chart.js';
import { createFrameMachine, type FrameEvent, frameChart, frameGuards } from '../../machines/frame.machine.js';
import { createRunnerMachine, type RunnerEvent, runnerChart, runnerGuards } from '../../machines/runner.machine.js';
import { parseScenario } from '../../src/input/scenario.js';
import { ethereum, zksync } from '../../src/profiles/index.js';
import { type ChartRuntime, CompiledChart } from '../../src/runner/chartLogic.js';
import { createEnvironment } from '../../src/runner/environment.js';
import { WorldState } from '../../src/system/world.js';
import { TraceRecorder } from '../../src/trace/recorder.js';
import { runScenario } from '../../src/trace/runScenario.js';
import type { RunTrace } from '../../src/trace/schema.js';
import { BLOCK, callFromEoa, depthCalldata, EOA, recursor } from '../runner/helpers.js';

type Ev = { readonly type: string };
interface Rec extends ChartRuntime<Ev> {
  fired: string[];
}

/** The interpreter over `chart`, with actions that only record their names. */
function recording(chart: Chart, guards: object): CompiledChart<Rec, Ev> {
  const actions = Object.fromEntries(chartActions(chart).map((a) => [a, (rt: Rec) => void rt.fired.push(a)]));
  return new CompiledChart<Rec, Ev>(chart, guards as Record<string, (e: Ev) => boolean>, actions);
}

/** Names of the actions xstate resolves for one transition (ours are named, so `type` is the name). */
const actionNames = (actions: readonly unknown[]): string[] => actions.map((a) => (a as { type: string }).type);

function replayAll(name: string, machine: AnyStateMachine, chart: Chart, guards: object, events: Ev[]): void {
  const paths = getSimplePaths(machine, { events: events as never });
  const resolve = (value: string) => machine.resolveState({ value, context: undefined } as never);
  describe(`${name} chart: every path replayed on the runtime's chart logic`, () => {
    it('the paths reach every state of the chart', () => {
      expect(new Set(paths.map((p) => String(p.state.value)))).toEqual(new Set(Object.keys(chart.states)));
    });

    it.each(paths.map((p, i) => [i, p.steps.map((s) => s.event.type).join(' → ')] as const))('path %i: %s', (i) => {
      const path = paths[i]!;
      const logic = recording(chart, guards);
      const rt: Rec = { raised: undefined, fired: [] };
      let value = chart.initial;
      let state = resolve(chart.initial);
      for (const step of path.steps) {
        if (step.event.type.startsWith('xstate.init')) continue;
        const [next, actions] = transition(machine, state, step.event as never);
        rt.fired = [];
        const got = logic.macrostep(value, step.event as Ev, rt);
        expect(got, `${value} + ${step.event.type}`).toBe(String(next.value));
        expect(rt.fired, `actions of ${value} + ${step.event.type}`).toEqual(actionNames(actions));
        value = got!;
        state = next;
      }
      expect(value).toBe(String(path.state.value));
    });

    it('refuses exactly what the chart refuses, in every state', () => {
      const logic = recording(chart, guards);
      for (const value of Object.keys(chart.states))
        for (const ev of events) {
          const [next, actions] = transition(machine, resolve(value), ev as never);
          const taken = next.value !== value || actionNames(actions).length > 0;
          expect(logic.accepts(value, ev), `${value} + ${ev.type}`).toBe(taken);
        }
    });
  });
}

const noop = (): void => {};
const frameEvents: FrameEvent[] = [
  { type: 'frame.run' },
  { type: 'frame.answer' },
  { type: 'ee.spawn' },
  { type: 'child.done' },
  { type: 'ee.end' },
  { type: 'frame.finish', outcome: 'success' },
  { type: 'frame.finish', outcome: 'revert' },
  { type: 'frame.finish', outcome: 'halt' },
];
replayAll(
  'frame',
  createFrameMachine({ startEe: noop, resumeEe: noop, requestSpawn: noop, reportEnd: noop }),
  frameChart,
  frameGuards,
  frameEvents,
);

const runnerEvents: RunnerEvent[] = [
  { type: 'runner.start', request: { type: 'call' } },
  { type: 'runner.start', request: { type: 'create' } },
  { type: 'frame.spawn', request: { type: 'call' } },
  { type: 'frame.spawn', request: { type: 'create' } },
  { type: 'request.prepared' },
  { type: 'request.refused' },
  { type: 'frame.end' },
  { type: 'frame.popped', empty: false },
  { type: 'frame.popped', empty: true },
  { type: 'xstate.error.actor.frame-0' },
];
replayAll(
  'runner',
  createRunnerMachine({
    prepareCall: noop,
    prepareDeployment: noop,
    openFrame: noop,
    refuseRequest: noop,
    finishFrame: noop,
    popFrame: noop,
    resumeParent: noop,
    abortTransaction: noop,
  }),
  runnerChart,
  runnerGuards,
  runnerEvents,
);

// ---- real runs take only chart transitions ----

/** Every `state --event--> target` edge of a chart (root transitions in every state). */
function edges(chart: Chart): Set<string> {
  const out = new Set<string>();
  for (const [name, state] of Object.entries(chart.states))
    for (const [type, ts] of Object.entries({ ...chart.on, ...state.on }))
      for (const t of ts) out.add(`${name} --${type}--> ${t.target.replace(/^\./, '')}`);
  return out;
}
const RUNNER_EDGES = edges(runnerChart);
/** Frame moves without their events: the recorder sees a frame's states. */
const FRAME_MOVES = new Set([...edges(frameChart)].map((e) => e.replace(/ --.*--> /, ' -> ')));

function checkRun(trace: RunTrace): void {
  const steps = trace.runner ?? [];
  expect(steps.length).toBeGreaterThan(0);
  for (const s of steps) {
    const type = s.event.startsWith('xstate.error.actor.') ? 'xstate.error.actor.*' : s.event;
    expect(RUNNER_EDGES.has(`${s.from} --${type}--> ${s.to}`), `${s.from} --${s.event}--> ${s.to}`).toBe(true);
  }
  // Per transaction the runner starts idle and ends done, each step starting where the last ended.
  for (const tx of new Set(steps.map((s) => s.tx))) {
    const mine = steps.filter((s) => s.tx === tx);
    expect(mine[0]!.from).toBe('idle');
    expect(mine[mine.length - 1]!.to).toBe('done');
    for (let i = 1; i < mine.length; i++) expect(mine[i]!.from).toBe(mine[i - 1]!.to);
  }
  for (const f of trace.frames) {
    const states = f.transitions.map((t) => t.state);
    expect(states[0]).toBe('preparing');
    expect(['success', 'revert', 'halt']).toContain(states[states.length - 1]);
    for (let i = 1; i < states.length; i++)
      expect(FRAME_MOVES.has(`${states[i - 1]} -> ${states[i]}`), `#${f.id}: ${states[i - 1]} -> ${states[i]}`).toBe(
        true,
      );
  }
  // Every frame sent the runner its end, and every frame but the entry one was a spawn request.
  expect(steps.filter((s) => s.event === 'frame.end').map((s) => s.frame)).toEqual(
    expect.arrayContaining(trace.frames.map((f) => f.id)),
  );
  const spawns = steps.filter((s) => s.event === 'frame.spawn' || s.event === 'runner.start');
  expect(spawns).toHaveLength(trace.frames.length);
}

const scenario = (name: string) =>
  parseScenario(readFileSync(new URL(`../../scenarios/${name}`, import.meta.url), 'utf8'), name);

describe('real runs visit only chart transitions', () => {
  it.each(['flow.json', 'flow-revert.json'])('%s', (name) => {
    const run = runScenario(scenario(name));
    checkRun(run.trace!);
    if (name === 'flow-revert.json') expect(run.trace!.frames.some((f) => f.outcome === 'revert')).toBe(true);
  });

  it.each([ethereum, zksync])('depth limit (maxDepth 3), profile $name: the 4th nested call is refused', (profile) => {
    const R = 0x7ec0000000000000000000000000000000000003n;
    const world = WorldState.fromAccounts([
      [EOA, { balance: 10n ** 18n }],
      [R, { code: recursor(R, 'CALL', { store: false }).toBytes() }],
    ]);
    const rec = new TraceRecorder({ name: 'depth', profile: profile.name });
    const env = createEnvironment({ profile, world, block: BLOCK, observer: rec, maxDepth: 3 });
    rec.beginTransaction({
      type: 2,
      from: EOA,
      to: R,
      nonce: 0n,
      value: 0n,
      gasLimit: 10_000_000n,
      data: depthCalldata(0),
    });
    const out = callFromEoa(env, R, 10_000_000n, { calldata: depthCalldata(0) });
    expect(out.status).toBe('success');
    const trace = rec.toJSON();
    checkRun(trace);
    const last = trace.frames[trace.frames.length - 1]!;
    expect(last.depth).toBe(4);
    expect(last.reason).toBe('CallDepthExceeded');
    expect(last.transitions.map((t) => t.state)).toEqual(['preparing', 'finishing', 'revert']);
  });
});
