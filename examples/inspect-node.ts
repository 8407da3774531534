// Watching the actor tree from Node: every public entry point (createEnvironment → runTillCompletion /
// runSingleInteraction / processTransaction, and runScenario) takes xstate's `inspect` option and forwards
// it to the runner actor, whose children are the frame actors.
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

  // A plain callback: print the actor tree and each frame's state changes.
  const depth = new Map<string, number>();
  const idOf = (ref: unknown): string => (ref as { id: string }).id;
  const inspect = (e: InspectionEvent): void => {
    if (e.type === '@xstate.actor') {
      const parent = (e.actorRef as unknown as { _parent?: { sessionId: string } })._parent;
      const d = parent ? (depth.get(parent.sessionId) ?? 0) + 1 : 0;
      depth.set(e.actorRef.sessionId, d);
      console.log(`${'  '.repeat(d)}actor ${idOf(e.actorRef)}`);
    } else if (e.type === '@xstate.snapshot') {
      const value = (e.snapshot as { value?: unknown }).value;
      console.log(
        `${'  '.repeat(depth.get(e.actorRef.sessionId) ?? 0)}  ${idOf(e.actorRef)}: ${String(value)}  (${e.event.type})`,
      );
    }
  };
  const run = runScenario(scenario, { inspect, record: false });
  console.log(run.results[0]!.valid ? 'transaction executed' : 'transaction rejected');
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
