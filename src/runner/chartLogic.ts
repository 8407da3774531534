// Runs a flat chart from machines/ (the same config xstate's `createMachine` takes): pick the first
// transition of the current state (or of the root) whose guard passes, run its actions in order, move to
// its target, then handle the event an action raised, as xstate does with `raise` within one macrostep.
// This is how the runner and frame actors execute their charts at ~10 µs per frame instead of ~100 µs
// for `createMachine` actors (probes Q2, Q6); test/machines/charts.paths.test.ts checks it against xstate.
import type { Chart, ChartGuards, ChartTransition } from '../../machines/chart.js';

type EventLike = { readonly type: string };

/** What a chart's actions run against: the actor's runtime plus the one-slot raise queue. */
export interface ChartRuntime<E extends EventLike> {
  /** Event raised by an action, handled right after the current transition. */
  raised: E | undefined;
}

export type ChartActionImpl<R, E> = (rt: R, event: E) => void;

interface Compiled<R, E> {
  readonly target: string;
  readonly guard: ((event: E) => boolean) | undefined;
  readonly actions: readonly ChartActionImpl<R, E>[];
}

/** Called at each transition (microstep), before its actions: the runtime, the state before, the event, the state after. */
export type StepListener<R, E> = (rt: R, from: string, event: E, to: string) => void;

/**
 * The precomputed choice for one (state, event type): `only` when a single unguarded transition is all
 * there is (most entries: no loop, no guard call), else the guarded list in chart order.
 */
interface Entry<R, E> {
  readonly only: Compiled<R, E> | undefined;
  readonly list: readonly Compiled<R, E>[];
}

export class CompiledChart<R extends ChartRuntime<E>, E extends EventLike> {
  /** state → event type → entry, root-level transitions merged in at build time (one lookup per event). */
  private readonly table = new Map<string, Map<string, Entry<R, E>>>();
  private readonly wildcardPrefixes: string[] = [];
  private readonly wildcardEntries: Entry<R, E>[] = [];
  readonly finals: ReadonlySet<string>;
  readonly initial: string;

  constructor(
    readonly chart: Chart,
    guards: ChartGuards<E>,
    actions: Readonly<Record<string, ChartActionImpl<R, E>>>,
  ) {
    this.initial = chart.initial;
    const compile = (ts: readonly ChartTransition[]): Entry<R, E> => {
      const list = ts.map((t): Compiled<R, E> => {
        const guard = t.guard === undefined ? undefined : guards[t.guard];
        if (t.guard !== undefined && !guard) throw new Error(`chart ${chart.id}: no guard '${t.guard}'`);
        return {
          target: t.target.startsWith('.') ? t.target.slice(1) : t.target,
          guard,
          actions: (t.actions ?? []).map((name) => {
            const impl = actions[name];
            if (!impl) throw new Error(`chart ${chart.id}: no action '${name}'`);
            return impl;
          }),
        };
      });
      const first = list[0];
      return { only: list.length === 1 && first?.guard === undefined ? first : undefined, list };
    };
    const finals = new Set<string>();
    for (const [type, ts] of Object.entries(chart.on ?? {}))
      if (type.endsWith('.*')) {
        this.wildcardPrefixes.push(type.slice(0, -1));
        this.wildcardEntries.push(compile(ts));
      }
    for (const [name, state] of Object.entries(chart.states)) {
      if (state.type === 'final') finals.add(name);
      const on = new Map<string, Entry<R, E>>();
      for (const [type, ts] of Object.entries(chart.on ?? {})) if (!type.endsWith('.*')) on.set(type, compile(ts));
      for (const [type, ts] of Object.entries(state.on ?? {})) on.set(type, compile(ts));
      this.table.set(name, on);
    }
    this.finals = finals;
  }

  /** The transition `event` takes in `value`, or undefined when the chart has none. */
  private select(value: string, event: E): Compiled<R, E> | undefined {
    const type = event.type;
    let entry = this.table.get(value)?.get(type);
    if (entry === undefined) {
      const prefixes = this.wildcardPrefixes;
      for (let i = 0; i < prefixes.length; i++)
        if (type.startsWith(prefixes[i]!)) {
          entry = this.wildcardEntries[i];
          break;
        }
      if (entry === undefined) return undefined;
    }
    if (entry.only !== undefined) return entry.only;
    const list = entry.list;
    for (let i = 0; i < list.length; i++) {
      const t = list[i]!;
      if (t.guard === undefined || t.guard(event)) return t;
    }
    return undefined;
  }

  /** Whether `event` has a transition in `value`. */
  accepts(value: string, event: E): boolean {
    return this.select(value, event) !== undefined;
  }

  /**
   * One macrostep: `event`, then whatever the actions raise. Returns the new state value, or undefined
   * when `event` has no transition in `value` (nothing ran). A final state ignores raised events.
   */
  macrostep(value: string, event: E, rt: R, onStep?: StepListener<R, E>): string | undefined {
    let t = this.select(value, event);
    if (t === undefined) return undefined;
    let ev = event;
    for (;;) {
      rt.raised = undefined;
      // Observers hear of the move before its actions run, so what the actions cause (an EE's storage
      // accesses, a child's events) is recorded inside the state the chart entered.
      if (onStep !== undefined) onStep(rt, value, ev, t.target);
      const actions = t.actions;
      for (let i = 0; i < actions.length; i++) actions[i]!(rt, ev);
      value = t.target;
      const next = rt.raised as E | undefined;
      if (next === undefined) return value;
      rt.raised = undefined;
      const nt = this.select(value, next);
      if (nt === undefined) throw new Error(`chart ${this.chart.id}: raised '${next.type}' not allowed in '${value}'`);
      t = nt;
      ev = next;
    }
  }
}
