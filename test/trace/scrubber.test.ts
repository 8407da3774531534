// The viewer's scrubber (issue #10 item 6): the state at each runner step, the chart SVGs with visited and
// current states, and the page script itself run against a minimal stand-in DOM (no browser needed).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/input/scenario.js';
import { renderTraceHtml } from '../../src/trace/html.js';
import { runScenario } from '../../src/trace/runScenario.js';
import { chartSvg, SCRUBBER_JS, scrubState } from '../../src/trace/viewerScrubber.js';

const trace = runScenario(
  parseScenario(readFileSync(new URL('../../scenarios/flow-revert.json', import.meta.url), 'utf8'), 'flow-revert.json'),
).trace!;
const steps = trace.runner!;
type ChartArg = Parameters<typeof chartSvg>[0];

describe('scrubber state', () => {
  it('follows the recorded run: runner state per step, frames appear and finish in order', () => {
    expect(steps.length).toBeGreaterThan(trace.frames.length * 3);
    expect(scrubState(trace, 0).runner).toBe(steps[0]!.to);
    const end = scrubState(trace, steps.length - 1);
    expect(end.runner).toBe('done');
    for (const f of trace.frames) expect(end.frames[f.id]!.current).toBe(f.outcome);
    // Somewhere in the middle the entry frame awaits a child that is running.
    const mid = steps.findIndex((_, i) => {
      const s = scrubState(trace, i);
      return s.frames[0]?.current === 'awaiting-child' && s.frames[1] !== undefined;
    });
    expect(mid).toBeGreaterThan(0);
    expect(scrubState(trace, mid).frames[0]!.visited).toEqual(['preparing', 'running', 'awaiting-child']);
  });

  it('draws the chart with visited states lit and the current one outlined', () => {
    const svg = chartSvg(trace.charts!.frame as ChartArg, ['preparing', 'running'], 'running');
    for (const s of ['preparing', 'running', 'awaiting-child', 'finishing', 'success', 'revert', 'halt'])
      expect(svg).toContain(`data-state="${s}"`);
    expect(svg).toContain('class="st visited" data-state="preparing"');
    expect(svg).toContain('class="st visited current" data-state="running"');
    expect(svg).toContain('class="st" data-state="awaiting-child"');
    expect(svg).toContain('>child.done</text>');
    const runner = chartSvg(trace.charts!.runner as ChartArg, [], 'finishing');
    expect(runner).toContain('class="st current" data-state="finishing"');
  });
});

/** Just enough DOM for the scrubber script. */
function fakeDom(traceJson: string) {
  const byId = new Map<string, Record<string, unknown>>();
  const make = (id?: string): Record<string, unknown> => {
    const listeners: Record<string, () => void> = {};
    let html = '';
    const node: Record<string, unknown> = {
      value: '0',
      children: [] as unknown[],
      appendChild: (c: unknown) => (node.children as unknown[]).push(c),
      addEventListener: (t: string, f: () => void) => {
        listeners[t] = f;
      },
      fire: (t: string) => listeners[t]?.(),
      get innerHTML() {
        return html;
      },
      set innerHTML(v: string) {
        html = v;
        for (const m of v.matchAll(/id="([^"]+)"/g)) if (!byId.has(m[1]!)) byId.set(m[1]!, make(m[1]));
      },
    };
    if (id) byId.set(id, node);
    return node;
  };
  make('scrubber-section');
  byId.set('trace-data', { textContent: traceJson });
  const document = {
    getElementById: (id: string) => byId.get(id) ?? null,
    createElement: () => make(),
  };
  return { document, byId };
}

describe('scrubber page script', () => {
  it('is in the viewer page and draws both charts as the range moves', () => {
    expect(renderTraceHtml(trace)).toContain('id="scrubber-section"');
    const { document, byId } = fakeDom(JSON.stringify(trace));
    new Function('document', SCRUBBER_JS)(document);
    const range = byId.get('scrub')!;
    expect(range.max).toBe(String(steps.length - 1));
    expect(String(byId.get('scrub-runner')!.innerHTML)).toContain('data-chart="runner"');
    const last = steps.length - 1;
    range.value = String(last);
    (range.fire as (t: string) => void)('input');
    expect(String(byId.get('scrub-label')!.textContent)).toContain(`${last + 1}/${steps.length}:`);
    expect(String(byId.get('scrub-runner')!.innerHTML)).toContain('class="st visited current final" data-state="done"');
    // The frame chart follows the frame of the latest event a frame sent.
    const lastFrame = [...steps].reverse().find((s) => s.frame !== null)!.frame!;
    const outcome = trace.frames[lastFrame]!.outcome;
    expect(String(byId.get('scrub-frame-chart')!.innerHTML)).toContain(
      `class="st visited current final" data-state="${outcome}"`,
    );
  });
});
