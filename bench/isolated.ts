// Engines in worker threads, so that neither pollutes the other's type feedback or heap (the "isolated"
// figures), and the same engines opened in this thread (the "same-process" figures).
import { Worker } from 'node:worker_threads';
import { openEngine, type EngineName } from './engines.js';
import type { RunResult } from './ours.js';
import type { PeerEngine } from './peers/peer.js';
import type { Workload } from './workloads.js';
import { gc } from './util.js';

type Reply = { ok?: true; result?: RunResult; error?: string };

/** An engine in its own worker thread; calls are serialised (one outstanding request). */
class EngineThread implements PeerEngine {
  private waiting: ((r: Reply) => void) | undefined;

  private constructor(
    readonly name: string,
    private readonly worker: Worker,
  ) {
    worker.on('message', (r: Reply) => {
      const w = this.waiting;
      this.waiting = undefined;
      w?.(r);
    });
    worker.on('error', (e: Error) => {
      const w = this.waiting;
      this.waiting = undefined;
      w?.({ error: e.message });
    });
  }

  static async open(name: EngineName): Promise<EngineThread> {
    const t = new EngineThread(name, new Worker(new URL('./engineWorker.js', import.meta.url)));
    try {
      await t.request({ op: 'open', engine: name });
    } catch (e) {
      await t.worker.terminate();
      throw e;
    }
    return t;
  }

  private request(m: unknown): Promise<Reply> {
    return new Promise((resolve, reject) => {
      this.waiting = (r) => (r.error !== undefined ? reject(new Error(r.error)) : resolve(r));
      this.worker.postMessage(m);
    });
  }

  async run(w: Workload): Promise<RunResult> {
    return (await this.request({ op: 'run', workload: w, gc: true })).result!;
  }

  async close(): Promise<void> {
    await this.request({ op: 'close' }).catch(() => undefined);
    await this.worker.terminate();
  }
}

/** An engine in this thread, with the same forced GC before each run as the workers do. */
async function openHere(name: EngineName): Promise<PeerEngine> {
  const e = await openEngine(name);
  return { name: e.name, run: (w) => (gc(), e.run(w)), close: () => e.close() };
}

/** Opens each engine isolated (a worker each) or in this thread; an engine that cannot start is skipped. */
export async function openEngines(
  names: readonly EngineName[],
  isolated: boolean,
  log: (s: string) => void,
): Promise<Map<EngineName, PeerEngine>> {
  const open = new Map<EngineName, PeerEngine>();
  for (const n of names) {
    try {
      open.set(n, isolated ? await EngineThread.open(n) : await openHere(n));
    } catch (e) {
      if (n === 'zkos' || n === 'ethereumjs') throw e;
      log(`  SKIPPED ${n}: cannot start (${(e as Error).message})`);
    }
  }
  return open;
}

export async function closeEngines(engines: Map<EngineName, PeerEngine>): Promise<void> {
  for (const e of engines.values()) await e.close();
}
