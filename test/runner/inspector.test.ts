// The Stately inspector draws both charts (issue #10 item 5): @statelyai/inspect's own `createInspector`
// with an in-memory adapter receives what the inspector UI would, serialised the same way.
import { readFileSync } from 'node:fs';
import { createInspector } from '@statelyai/inspect';
import { describe, expect, it } from 'vitest';
import { FRAME_STATES } from '../../machines/frame.machine.js';
import { RUNNER_STATES } from '../../machines/runner.machine.js';
import { parseScenario } from '../../src/input/scenario.js';
import { runScenario } from '../../src/trace/runScenario.js';

interface Sent {
  type: string;
  name?: string;
  sessionId: string;
  parentId?: string;
  sourceId?: string;
  definition?: string;
  event?: { type: string };
  snapshot?: { value?: unknown; context?: { callerFrame?: string | null } };
}

async function inspectRun(name: string): Promise<{ sent: Sent[]; frames: number }> {
  const sent: Sent[] = [];
  const inspector = createInspector({ send: (e) => void sent.push(e as Sent), start() {}, stop() {} });
  const text = readFileSync(new URL(`../../scenarios/${name}`, import.meta.url), 'utf8');
  const run = runScenario(parseScenario(text, name), { inspect: inspector.inspect });
  // The inspector converts and sends each event on a zero-delay timer.
  await new Promise((r) => setTimeout(r, 50));
  return { sent, frames: run.trace!.frames.length };
}

describe.each(['flow.json', 'flow-revert.json'])('Stately inspector events for %s', (name) => {
  it('one actor per frame with the frame chart, a runner with its chart, frame → runner events', async () => {
    const { sent, frames } = await inspectRun(name);
    const actors = sent.filter((e) => e.type === '@xstate.actor');
    const runners = actors.filter((a) => a.name === 'runner');
    const frameActors = actors.filter((a) => a.name?.startsWith('frame-'));
    expect(runners.length).toBeGreaterThan(0); // one per transaction
    expect(frameActors).toHaveLength(frames);
    expect(runners.length + frameActors.length).toBe(actors.length);

    for (const a of frameActors) {
      const def = JSON.parse(a.definition!) as {
        id: string;
        initial: string;
        states: Record<string, { type?: string }>;
      };
      expect(def.id).toBe('frame');
      expect(def.initial).toBe('preparing');
      expect(Object.keys(def.states).sort()).toEqual([...FRAME_STATES].sort()); // serialised with sorted keys
      expect(['success', 'revert', 'halt'].map((s) => def.states[s]!.type)).toEqual(['final', 'final', 'final']);
      expect(runners.map((r) => r.sessionId)).toContain(a.parentId); // supervised by a runner
    }
    for (const r of runners) {
      const def = JSON.parse(r.definition!) as { id: string; states: Record<string, unknown> };
      expect(def.id).toBe('runner');
      expect(Object.keys(def.states).sort()).toEqual([...RUNNER_STATES].sort());
    }

    // Every frame sent the runner its end (and every non-entry frame's caller sent it a spawn), with source.
    const events = sent.filter((e) => e.type === '@xstate.event');
    const toRunner = events.filter((e) => runners.some((r) => r.sessionId === e.sessionId));
    for (const f of frameActors) {
      const mine = toRunner.filter((e) => e.sourceId === f.sessionId).map((e) => e.event!.type);
      expect(mine, f.name).toContain('frame.end');
    }
    expect(toRunner.filter((e) => e.event!.type === 'frame.spawn').length).toBe(frames - runners.length);
    // Runner → frame events carry their source too; only the entry request comes from outside.
    for (const e of events) {
      if (e.event!.type === 'runner.start' || (e.event!.type === 'xstate.init' && !e.sourceId)) continue;
      expect(e.sourceId, `${e.event!.type} to ${e.sessionId}`).toBeDefined();
    }
    const kinds = new Set(
      events.filter((e) => frameActors.some((f) => f.sessionId === e.sessionId)).map((e) => e.event!.type),
    );
    for (const k of ['frame.run', 'frame.finish']) expect(kinds).toContain(k);

    // Snapshots carry the active state (lit in the chart) and the caller frame (the call tree).
    const states = new Set(
      sent
        .filter((e) => e.type === '@xstate.snapshot' && frameActors.some((f) => f.sessionId === e.sessionId))
        .map((e) => e.snapshot!.value),
    );
    for (const s of ['awaiting-child', 'finishing', 'success']) expect(states).toContain(s);
    const callers = sent.filter((e) => e.type === '@xstate.snapshot' && e.snapshot?.context?.callerFrame === 'frame-0');
    expect(callers.length).toBeGreaterThan(0);
  });
});
