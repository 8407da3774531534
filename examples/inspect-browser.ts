// Watching the actor tree live in the Stately inspector from a browser app (bundle with Vite, esbuild, …).
// `createBrowserInspector` opens https://stately.ai/inspect in a new window (or an iframe) and posts every
// inspection event to it, so it needs that site; for an offline view use `zkos run --html trace.html`.
// In Node it returns an inspector without a working `inspect`: use examples/inspect-node.ts there.
import { createBrowserInspector } from '@statelyai/inspect';
import { parseScenario } from '../src/input/scenario.js';
import { runScenario } from '../src/trace/runScenario.js';

/** Runs a scenario (JSON text, docs/scenario.md) with the runner and all frame actors visible in the inspector. */
export function runWithInspector(scenarioJson: string): void {
  const inspector = createBrowserInspector({
    // Frame contexts hold bigints (addresses, values): show them as hex.
    serialize: (e) => JSON.parse(JSON.stringify(e, (_k, v) => (typeof v === 'bigint' ? '0x' + v.toString(16) : v))),
  });
  const scenario = parseScenario(scenarioJson, 'scenario.json');
  // The same option exists on the lower-level entry points:
  //   createEnvironment({ profile, world, block, inspect: inspector.inspect }) → runTillCompletion / processTransaction
  const run = runScenario(scenario, { inspect: inspector.inspect });
  console.log(run.trace);
}
