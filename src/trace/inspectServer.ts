// `zkos run --inspect`: a local inspection relay on 127.0.0.1 (../shared/reference/xstate-immer-probes.md
// Q3). The run connects to it with @statelyai/inspect's `createWebSocketInspector`, awaited before the run
// starts (events sent earlier would be dropped), filtered to actor/event/snapshot events with bigints made
// JSON-safe. The relay keeps every message and replays them to each viewer that connects later, so a
// browser opened after the run still sees the whole actor tree. HTTP serves:
//   /            the Stately inspector bridge page (iframes the Stately UI at `uiUrl`; needs that site). When the
//                UI can't be reached (its probe request fails, or it does not say '@statelyai.connected' within
//                `uiTimeoutMs`), the page shows a banner linking to /trace.html.
//   /trace.html  the offline trace viewer of this run (no network)
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InspectionEvent } from 'xstate';

export interface InspectServer {
  readonly port: number;
  readonly httpUrl: string;
  readonly wsUrl: string;
  /** xstate `inspect` callback for the run (forwarded to the runner and all frame actors). */
  readonly inspect: (event: InspectionEvent) => void;
  /** Resolves once every event handed to `inspect` has reached the relay. */
  drain(timeoutMs?: number): Promise<void>;
  /** Number of messages relayed so far. */
  readonly relayed: number;
  setTraceHtml(html: string): void;
  close(): Promise<void>;
}

export interface InspectServerOptions {
  /** 0 picks a free port. Default 8080. */
  readonly port?: number;
  /** Inspector UI the bridge page embeds (default https://stately.ai/inspect). */
  readonly uiUrl?: string;
  /** How long the bridge page waits for the UI's '@statelyai.connected' before offering the fallback (ms). */
  readonly uiTimeoutMs?: number;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function bridgePage(wsUrl: string, uiUrl: string, uiTimeoutMs: number): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>zkos run — Stately inspector</title>
<style>*{margin:0;padding:0}html,body{height:100%}iframe{width:100%;height:100%;border:0}
#fallback{position:fixed;top:16px;left:50%;transform:translateX(-50%);max-width:720px;z-index:10;background:#fff;
border:1px solid #ffc9c9;border-left:5px solid #e03131;border-radius:8px;padding:14px 18px;box-shadow:0 6px 24px rgba(0,0,0,.15);
font:15px/1.5 system-ui,sans-serif;color:#1d2330}#fallback[hidden]{display:none}#fallback a.go{display:inline-block;margin-top:8px;
padding:6px 12px;background:#3b5bdb;color:#fff;border-radius:6px;text-decoration:none;font-weight:600}
#fallback .why{color:#6b7280;font-size:13px}</style></head>
<body><div id="fallback" role="alert" hidden><strong>The Stately inspector could not be reached.</strong>
<div class="why">It loads from ${escapeHtml(uiUrl)}; <span id="why"></span></div>
<div>This run is also in the offline trace viewer, which needs no network:</div>
<a class="go" href="/trace.html">Open the offline trace viewer (/trace.html)</a></div>
<iframe id="inspector" src="${escapeHtml(uiUrl)}"></iframe><script>
const iframe = document.getElementById('inspector'); const buffer = []; let connected = false;
const fallback = document.getElementById('fallback');
const offer = (why) => { if (connected) return; document.getElementById('why').textContent = why; fallback.hidden = false; };
// A network failure (offline, DNS, refused) rejects the probe at once; a page that loads but never
// connects is caught by the timeout.
fetch(${JSON.stringify(uiUrl)}, { mode: 'no-cors', cache: 'no-store' }).catch(() => offer('the request failed (offline?).'));
setTimeout(() => offer('it did not answer within ${Math.round(uiTimeoutMs / 1000)} s.'), ${uiTimeoutMs});
window.addEventListener('message', (e) => { if (e.data && e.data.type === '@statelyai.connected') {
  connected = true; fallback.hidden = true;
  buffer.forEach((ev) => iframe.contentWindow.postMessage(ev, '*')); buffer.length = 0; } });
const ws = new WebSocket(${JSON.stringify(wsUrl)});
ws.onmessage = (m) => { const d = JSON.parse(m.data); if (connected) iframe.contentWindow.postMessage(d, '*'); else buffer.push(d); };
</script></body></html>`;
}

/** Converts bigints (addresses, values in frame contexts) to hex strings so they survive JSON. */
function jsonSafe(v: unknown, depth = 0): unknown {
  if (typeof v === 'bigint') return '0x' + v.toString(16);
  if (v instanceof Uint8Array) return `<${v.length} bytes>`;
  if (depth > 12 || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => jsonSafe(x, depth + 1));
  const o: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) o[k] = jsonSafe(x, depth + 1);
  return o;
}

/** Starts the relay and connects an inspector to it; resolves when the inspector's socket is open. */
export async function startInspectServer(opts: InspectServerOptions = {}): Promise<InspectServer> {
  const { WebSocketServer, WebSocket } = await import('ws');
  const { createWebSocketInspector } = await import('@statelyai/inspect');
  const uiUrl = opts.uiUrl ?? 'https://stately.ai/inspect';
  const uiTimeoutMs = opts.uiTimeoutMs ?? 15_000;
  let traceHtml = '<!doctype html><p>The run has not finished yet.</p>';
  let wsUrl = '';
  const server = http.createServer((req, res) => {
    if (req.url === '/trace.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(traceHtml);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(bridgePage(wsUrl, uiUrl, uiTimeoutMs));
  });
  const wss = new WebSocketServer({ server });
  const history: string[] = [];
  let producer: InstanceType<typeof WebSocket> | null = null;
  let producerReady!: () => void;
  const ready = new Promise<void>((r) => (producerReady = r));
  wss.on('connection', (ws, req) => {
    // Any client may send events (they are kept and relayed to all others); the run's own inspector
    // identifies itself with ?role=producer, every other client first gets the history replayed.
    ws.on('message', (data) => {
      const msg = data.toString();
      history.push(msg);
      for (const c of wss.clients) if (c !== ws && c.readyState === WebSocket.OPEN) c.send(msg);
    });
    if (producer === null && req.url?.includes('role=producer')) {
      producer = ws;
      producerReady();
      return;
    }
    for (const msg of history) ws.send(msg);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8080, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  wsUrl = `ws://127.0.0.1:${port}`;
  const inspector = createWebSocketInspector({
    url: `${wsUrl}/?role=producer`,
    // microstep/action events are never forwarded; keep actor/event/snapshot only.
    filter: (e) => e.type === '@xstate.actor' || e.type === '@xstate.event' || e.type === '@xstate.snapshot',
    serialize: (e) => jsonSafe(e) as typeof e,
    maxDeferredEvents: 100_000,
  });
  await ready;
  let sent = 0;
  const forwarded = new Set(['@xstate.actor', '@xstate.event', '@xstate.snapshot']);
  const inspect = (event: InspectionEvent): void => {
    if (!forwarded.has(event.type)) return;
    sent++;
    // The inspector stringifies snapshots itself (bigints would become lossy numbers): convert them first.
    if (event.type === '@xstate.snapshot')
      inspector.inspect.next?.({ ...event, snapshot: jsonSafe(event.snapshot) as typeof event.snapshot });
    else inspector.inspect.next?.(event);
  };
  return {
    port,
    httpUrl: `http://127.0.0.1:${port}/`,
    wsUrl,
    inspect,
    get relayed() {
      return history.length;
    },
    async drain(timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      while (history.length < sent && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    },
    setTraceHtml(html: string) {
      traceHtml = html;
    },
    async close() {
      inspector.stop();
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
