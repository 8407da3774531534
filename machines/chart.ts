// The shape of our statecharts: flat charts (no nesting, no parallel states) whose guards read only the
// event. xstate's `createMachine` accepts this config as is (machines/*.machine.ts build one per chart),
// @statelyai/inspect serializes it as the actor's definition, and src/runner/chartLogic.ts runs it.

/** One transition: guard (by name) → target, running the named actions in order. */
export interface ChartTransition {
  readonly target: string;
  readonly guard?: string;
  readonly actions?: readonly string[];
}

export interface ChartState {
  readonly type?: 'final';
  readonly description?: string;
  readonly on?: Readonly<Record<string, readonly ChartTransition[]>>;
}

/** A flat chart. Root-level `on` applies in every state (targets written `.state`, as in xstate). */
export interface Chart {
  readonly id: string;
  readonly initial: string;
  readonly on?: Readonly<Record<string, readonly ChartTransition[]>>;
  readonly states: Readonly<Record<string, ChartState>>;
}

/** Guards of a chart: pure functions of the event. */
export type ChartGuards<E> = Readonly<Record<string, (event: E) => boolean>>;

/** Names of every action a chart uses, in chart order (each once). */
export function chartActions(chart: Chart): string[] {
  const seen = new Set<string>();
  const add = (on: Chart['on']): void => {
    for (const ts of Object.values(on ?? {})) for (const t of ts) for (const a of t.actions ?? []) seen.add(a);
  };
  add(chart.on);
  for (const s of Object.values(chart.states)) add(s.on);
  return [...seen];
}
