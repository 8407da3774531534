// Watching the actor tree from Node: every public entry point (createEnvironment → runTillCompletion /
// runSingleInteraction / processTransaction, and runScenario) takes xstate's `inspect` option and forwards
// it to the runner actor, whose children are the frame actors; each frame's context names its caller frame.
//
//   npx tsc -p tsconfig.json && node dist/examples/inspect-node.js            # prints the actor tree
//   zkos run --inspect --inspect-port 8080 &                                   # or: a relay + Stately UI,
//   node dist/examples/inspect-node.js ws://127.0.0.1:8080                     #     and stream into it
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { InspectionEvent } from 'xstate';
import { parseScenario } from '../src/input/scenario.js';
import { runScenario } from '../src/trace/runScenario.js';

const file = fileURLToPath(new URL('../../scenarios/flow.json', import.meta.url)); // from dist/examples
const scenario = parseScenario(readFileSync(file, 'utf8'), 'flow.json');

async function main(): Promise<void> {
  const wsUrl = process.argv[2];
  if (wsUrl) {
    // Stream to a WebSocket relay (zkos run --inspect starts one). Await the connection first: events sent
    // before the socket opens are only buffered up to `maxDeferredEvents`.
    const { createWebSocketInspector } = await import('@statelyai/inspect');
    const inspector = createWebSocketInspector({
      url: wsUrl,
      filter: (e) => e.type !== '@xstate.event' || !String(e.event.type).startsWith('xstate.'),
      serialize: (e) => JSON.parse(JSON.stringify(e, (_k, v) => (typeof v === 'bigint' ? '0x' + v.toString(16) : v))),
      maxDeferredEvents: 10_000,
    });
    await new Promise((r) => setTimeout(r, 500));
    runScenario(scenario, { inspect: inspector.inspect, record: false });
    await new Promise((r) => setTimeout(r, 1000)); // the inspector sends asynchronously
    inspector.stop();
    console.log(`sent the run to ${wsUrl}`);
    return;
  }

  // A plain callback: print the call tree (from each frame's `callerFrame`) and each frame's states.
  const depth = new Map<string, number>();
  const inspect = (e: InspectionEvent): void => {
    if (e.type !== '@xstate.snapshot') return;
    const id = (e.actorRef as unknown as { id: string }).id;
    const snap = e.snapshot as { value?: unknown; context?: { callerFrame?: string | null } };
    if (e.event.type === 'xstate.init') {
      const caller = snap.context?.callerFrame;
      const d = id === 'runner' ? 0 : caller ? (depth.get(caller) ?? 0) + 1 : 1;
      depth.set(id, d);
      console.log(`${'  '.repeat(d)}actor ${id}`);
      return;
    }
    console.log(`${'  '.repeat(depth.get(id) ?? 0)}  ${id}: ${String(snap.value)}  (${e.event.type})`);
  };
  const run = runScenario(scenario, { inspect, record: false });
  console.log(run.results[0]!.valid ? 'transaction executed' : 'transaction rejected');
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
