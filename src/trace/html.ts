// The offline trace viewer: one self-contained HTML file (inline CSS and script, the trace as embedded JSON,
// no external URL of any kind), written by `zkos run --html FILE`.
import type { RunTrace } from './schema.js';
import { VIEWER_CSS, VIEWER_JS } from './viewer/index.js';

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JSON that is safe inside a <script> element (no `</script>`, no `<!--`). */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The viewer page for `trace`. */
export function renderTraceHtml(trace: RunTrace): string {
  const title = `zkos run — ${trace.scenario.name}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${VIEWER_CSS}</style>
</head>
<body>
<header id="hdr">
  <div class="title" id="hdr-title"></div>
  <div class="search">
    <input id="search" type="search" placeholder="Search frames: #3, 0xb6fb, a label, a function or event name, a selector" aria-label="search frames" autocomplete="off" spellcheck="false">
    <div class="hint" id="search-hint">frame id, address, label, function, selector, event, revert reason · / to search · ↑↓←→ Enter in the tree</div>
  </div>
</header>
<section class="band" id="flame-section">
  <h2>Gas flame chart</h2>
  <div id="flame"></div>
</section>
<main>
  <nav id="tree" aria-label="frame tree"></nav>
  <section id="details" aria-live="polite"><p class="muted">Select a frame.</p></section>
</main>
<section class="band" id="timeline-section">
  <h2>Timeline of the run</h2>
  <div class="filters"><label><input type="checkbox" id="show-reads" checked> show storage reads</label>
  · lanes as in the seed's flow diagram: the bootloader opens and finishes frames (snapshots, reverts), the execution environments run them, the system holds the state.</div>
  <div id="timeline"></div>
</section>
<script id="trace-data" type="application/json">${scriptSafeJson(trace)}</script>
<script>${VIEWER_JS}</script>
</body>
</html>
`;
}
