// One task of a bench module in a fresh worker thread running that same module: the isolated phases of the
// frame probe and the state tests (each engine in an isolate where no other engine has run).
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

interface Request {
  readonly task: string;
  readonly data: unknown;
}

/** Runs `task` with `data` in a fresh worker thread of the module at `moduleUrl`, which serves it (`serveTask`). */
export function runTaskInWorker<T>(moduleUrl: string, task: string, data: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(moduleUrl), { workerData: { task, data } satisfies Request });
    worker.once('message', (m: { result?: T; error?: string }) => {
      void worker.terminate();
      if (m.error === undefined) resolve(m.result as T);
      else reject(new Error(`${task} worker: ${m.error}`));
    });
    worker.once('error', reject);
  });
}

/** In a worker started by `runTaskInWorker` for `task`: runs `fn` on its data and posts the result (or the error). */
export function serveTask<D, T>(task: string, fn: (data: D) => Promise<T>): void {
  const request = workerData as Request | null;
  if (isMainThread || parentPort === null || request?.task !== task) return;
  const port = parentPort;
  fn(request.data as D).then(
    (result) => port.postMessage({ result }),
    (e: unknown) => port.postMessage({ error: String(e) }),
  );
}
