// The viewer's scrubber: replays a recorded run event by event (trace.runner, one step per runner
// transition) and draws two charts from the trace's own chart definitions (machines/, written into the
// trace): the runner chart with its current state, and the selected frame's chart with the states it has
// visited so far lit and its current state outlined. The pure parts (state at a step, chart SVG) are
// plain functions embedded into the page with `toString`, so Node tests run the same code the page runs.
import type { RunTrace } from './schema.js';

type ChartJson = {
  id: string;
  initial: string;
  states: Record<string, { type?: string; on?: Record<string, { target: string }[]> }>;
};

/** Where the run is after runner step `i`: the runner's state and every frame's visited and current state. */
export function scrubState(
  trace: Pick<RunTrace, 'runner' | 'frames'>,
  i: number,
): { runner: string; seq: number; frames: Record<number, { visited: string[]; current: string }> } {
  const steps = trace.runner || [];
  const step = steps[i];
  const seq = step ? step.seq : -1;
  const frames: Record<number, { visited: string[]; current: string }> = {};
  for (const f of trace.frames) {
    const seen = f.transitions.filter((t) => t.seq <= seq).map((t) => t.state);
    if (seen.length) frames[f.id] = { visited: seen, current: seen[seen.length - 1] as string };
  }
  return { runner: step ? step.to : 'idle', seq, frames };
}

/** The chart as SVG: states laid out by distance from the initial state, edges labelled with events. */
export function chartSvg(chart: ChartJson, visited: string[], current: string): string {
  const names = Object.keys(chart.states);
  const layer: Record<string, number> = {};
  layer[chart.initial] = 0;
  const queue = [chart.initial];
  while (queue.length) {
    const s = queue.shift() as string;
    const on = chart.states[s]?.on || {};
    for (const ev of Object.keys(on))
      for (const t of on[ev] || []) {
        const to = t.target.replace(/^\./, '');
        if (layer[to] === undefined) {
          layer[to] = (layer[s] as number) + 1;
          queue.push(to);
        }
      }
  }
  let maxLayer = 0;
  for (const n of names) if (layer[n] !== undefined) maxLayer = Math.max(maxLayer, layer[n] as number);
  for (const n of names) if (layer[n] === undefined) layer[n] = maxLayer + 1;
  const rows: Record<number, string[]> = {};
  for (const n of names) {
    const l = layer[n] as number;
    if (!rows[l]) rows[l] = [];
    (rows[l] as string[]).push(n);
  }
  const W = 128;
  const H = 30;
  const GX = 36;
  const GY = 22;
  const pos: Record<string, { x: number; y: number }> = {};
  let width = 0;
  let height = 0;
  for (const k of Object.keys(rows)) {
    const col = Number(k);
    (rows[col] as string[]).forEach((n, r) => {
      pos[n] = { x: 10 + col * (W + GX), y: 10 + r * (H + GY) };
      width = Math.max(width, 10 + col * (W + GX) + W + 10);
      height = Math.max(height, 10 + r * (H + GY) + H + 10);
    });
  }
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  let edges = '';
  for (const s of names) {
    const on = chart.states[s]?.on || {};
    for (const ev of Object.keys(on))
      for (const t of on[ev] || []) {
        const to = t.target.replace(/^\./, '');
        const a = pos[s] as { x: number; y: number };
        const b = pos[to] as { x: number; y: number };
        if (!a || !b) continue;
        const x1 = a.x + W;
        const y1 = a.y + H / 2;
        const x2 = b.x;
        const y2 = b.y + H / 2;
        const back = x2 <= x1;
        const d = back
          ? 'M' +
            (a.x + W / 2) +
            ',' +
            (a.y + H) +
            ' C' +
            (a.x + W / 2) +
            ',' +
            (a.y + H + 24) +
            ' ' +
            (b.x + W / 2) +
            ',' +
            (b.y + H + 24) +
            ' ' +
            (b.x + W / 2) +
            ',' +
            (b.y + H)
          : 'M' + x1 + ',' + y1 + ' L' + x2 + ',' + y2;
        const lx = back ? (a.x + b.x + W) / 2 : (x1 + x2) / 2;
        const ly = back ? Math.max(a.y, b.y) + H + 20 : (y1 + y2) / 2 - 3;
        edges +=
          '<path class="edge" d="' +
          d +
          '" marker-end="url(#arrow)"/>' +
          '<text class="evl" x="' +
          lx +
          '" y="' +
          ly +
          '">' +
          esc(ev) +
          '</text>';
      }
  }
  let nodes = '';
  for (const n of names) {
    const p = pos[n] as { x: number; y: number };
    const cls =
      'st' +
      (visited.indexOf(n) >= 0 ? ' visited' : '') +
      (n === current ? ' current' : '') +
      (chart.states[n]?.type === 'final' ? ' final' : '');
    nodes +=
      '<g class="' +
      cls +
      '" data-state="' +
      esc(n) +
      '"><rect x="' +
      p.x +
      '" y="' +
      p.y +
      '" width="' +
      W +
      '" height="' +
      H +
      '" rx="12"/><text x="' +
      (p.x + W / 2) +
      '" y="' +
      (p.y + H / 2 + 4) +
      '">' +
      esc(n) +
      '</text></g>';
  }
  return (
    '<svg class="chart" data-chart="' +
    esc(chart.id) +
    '" width="' +
    width +
    '" height="' +
    (height + 30) +
    '"><defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>' +
    edges +
    nodes +
    '</svg>'
  );
}

export const SCRUBBER_CSS = String.raw`
#scrubber-section { border-top:1px solid var(--line); padding:10px 20px 20px; background:var(--panel); }
#scrubber-section .controls { display:flex; gap:8px; align-items:center; flex-wrap:wrap; margin:4px 0 8px; }
#scrub { width:420px; }
#scrub-label { font-family:ui-monospace,Menlo,Consolas,monospace; font-size:12.5px; }
.charts { display:flex; gap:20px; flex-wrap:wrap; align-items:flex-start; }
.charts h3 { font-size:12px; color:var(--muted); margin:4px 0; }
svg.chart .st rect { fill:#fff; stroke:#c7cbd6; }
svg.chart .st.visited rect { fill:#e7f5ff; stroke:#74c0fc; }
svg.chart .st.current rect { fill:#d0ebff; stroke:#1c7ed6; stroke-width:2.5; }
svg.chart .st.final rect { stroke-dasharray:4 2; }
svg.chart text { font:12px system-ui,sans-serif; text-anchor:middle; fill:#1d2330; }
svg.chart .evl { font-size:9.5px; fill:#6b7280; paint-order:stroke; stroke:#fff; stroke-width:3px; }
svg.chart .edge { fill:none; stroke:#adb5bd; }
svg.chart marker path { fill:#adb5bd; }
`;

/** The page script: controls, and redraws on every move of the scrubber. */
export const SCRUBBER_JS =
  '(function () {\n' +
  "  'use strict';\n" +
  '  var scrubState = ' +
  scrubState.toString() +
  ';\n' +
  '  var chartSvg = ' +
  chartSvg.toString() +
  ';\n' +
  String.raw`
  var trace = JSON.parse(document.getElementById('trace-data').textContent);
  var host = document.getElementById('scrubber-section');
  var steps = trace.runner || [];
  if (!host || !steps.length || !trace.charts) { if (host) host.hidden = true; return; }
  host.innerHTML = '<h2>Replay the run, event by event</h2><div class="controls">' +
    '<button id="scrub-prev" type="button">\u25c0</button><input id="scrub" type="range" min="0" value="0">' +
    '<button id="scrub-next" type="button">\u25b6</button><label>frame <select id="scrub-frame"></select></label>' +
    '<span id="scrub-label"></span></div><div class="charts"><div><h3>runner</h3><div id="scrub-runner"></div></div>' +
    '<div><h3 id="scrub-frame-title">frame</h3><div id="scrub-frame-chart"></div></div></div>';
  var range = document.getElementById('scrub');
  var pick = document.getElementById('scrub-frame');
  range.max = String(steps.length - 1);
  var follow = true;
  var auto = document.createElement('option'); auto.value = 'auto'; auto.textContent = 'the event\'s frame'; pick.appendChild(auto);
  trace.frames.forEach(function (f) {
    var o = document.createElement('option'); o.value = String(f.id); o.textContent = '#' + f.id + ' ' + f.kind; pick.appendChild(o);
  });
  var lastFrame = trace.frames.length ? 0 : null;
  function draw() {
    var i = Number(range.value);
    var st = scrubState(trace, i);
    var step = steps[i];
    if (step.frame != null) lastFrame = step.frame;
    var fid = follow ? lastFrame : Number(pick.value);
    document.getElementById('scrub-label').textContent = (i + 1) + '/' + steps.length + ': ' +
      (step.frame != null ? '#' + step.frame : step.source) + ' \u2192 runner: ' + step.event + ' (' + step.from + ' \u2192 ' + step.to + ')';
    document.getElementById('scrub-runner').innerHTML = chartSvg(trace.charts.runner, [step.from, step.to], st.runner);
    var fs = fid != null ? st.frames[fid] : null;
    document.getElementById('scrub-frame-title').textContent = fid != null ? 'frame #' + fid + (fs ? ' (' + fs.current + ')' : ' (not yet created)') : 'frame';
    document.getElementById('scrub-frame-chart').innerHTML = chartSvg(trace.charts.frame, fs ? fs.visited : [], fs ? fs.current : '');
  }
  range.addEventListener('input', draw);
  pick.addEventListener('change', function () { follow = pick.value === 'auto'; draw(); });
  document.getElementById('scrub-prev').addEventListener('click', function () { range.value = String(Math.max(0, Number(range.value) - 1)); draw(); });
  document.getElementById('scrub-next').addEventListener('click', function () { range.value = String(Math.min(steps.length - 1, Number(range.value) + 1)); draw(); });
  draw();
})();
`;
