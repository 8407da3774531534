// Walks every path of the frame chart and replays it on the runtime frame logic: same states, step by step.
import { describe, expect, it } from 'vitest';
import { createActor, transition } from 'xstate';
import { getSimplePaths } from '@xstate/graph';
import { frameMachine, type FrameEvent } from '../../machines/frame.machine.js';
import { frameLogic, nextFrameState } from '../../src/runner/frameActor.js';

const events: FrameEvent[] = [
  { type: 'frame.run' },
  { type: 'frame.answer' },
  { type: 'ee.spawn' },
  { type: 'child.done' },
  { type: 'ee.end' },
  { type: 'frame.finish', outcome: 'success' },
  { type: 'frame.finish', outcome: 'revert' },
  { type: 'frame.finish', outcome: 'halt' },
];

const info = { id: 0, kind: 'call' as const, depth: 0, caller: 1n, address: 2n, codeAddress: 2n, value: 0n, gas: 100 };

describe('frame chart vs frame actor logic', () => {
  const paths = getSimplePaths(frameMachine, { events });

  it('covers every final outcome', () => {
    const ends = new Set(paths.map((p) => String(p.state.value)));
    expect(ends).toEqual(new Set(['preparing', 'running', 'awaiting-child', 'finishing', 'success', 'revert', 'halt']));
  });

  it.each(paths.map((p, i) => [i, p] as const))('path %i takes the same transitions', (_i, path) => {
    const actor = createActor(frameLogic, { input: info }).start();
    expect(actor.getSnapshot().value).toBe('preparing');
    for (const step of path.steps) {
      if (step.event.type.startsWith('xstate.')) continue;
      actor.send(step.event as FrameEvent);
      expect(actor.getSnapshot().value).toBe(String(step.state.value));
    }
    actor.stop();
  });

  it('rejects events the chart does not allow (an actor error, i.e. a host error)', () => {
    for (const value of ['preparing', 'running', 'awaiting-child', 'finishing', 'success'] as const) {
      for (const ev of events) {
        const [machineNext] = transition(frameMachine, frameMachine.resolveState({ value, context: undefined }), ev);
        const changed = machineNext.value !== value;
        expect(nextFrameState(value, ev) !== undefined, `${value} + ${ev.type}`).toBe(changed);
      }
    }
  });
});
