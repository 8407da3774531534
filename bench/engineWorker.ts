// One engine in its own worker thread (own V8 isolate: own heap and type feedback), driven by isolated.ts.
// Messages: {op:'open', engine} → {ok}; {op:'run', workload} → {result} (a forced GC precedes the timed run);
// {op:'close'}. Errors come back as {error}.
import { parentPort } from 'node:worker_threads';
import { openEngine, type EngineName } from './engines.js';
import type { PeerEngine } from './peers/peer.js';
import type { Workload } from './workloads.js';
import { gc } from './util.js';

type Request = { op: 'open'; engine: EngineName } | { op: 'run'; workload: Workload; gc: boolean } | { op: 'close' };

let engine: PeerEngine | undefined;
const port = parentPort;
if (port === null) throw new Error('engineWorker runs only as a worker thread');
port.on('message', async (m: Request) => {
  try {
    if (m.op === 'open') {
      engine = await openEngine(m.engine);
      port.postMessage({ ok: true });
    } else if (m.op === 'run') {
      if (engine === undefined) throw new Error('engine not open');
      if (m.gc) gc();
      port.postMessage({ result: await engine.run(m.workload) });
    } else {
      await engine?.close();
      port.postMessage({ ok: true });
      port.close();
    }
  } catch (e) {
    port.postMessage({ error: (e as Error).message });
  }
});
