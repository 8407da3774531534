// `zkos run [scenario.json]`: executes a scenario (default: the seed's flow diagram), prints the frame tree,
// the transaction results, logs and state changes; optionally writes the trace JSON, the offline HTML
// viewer and EIP-3155 step traces, or serves the run to the Stately inspector.
import { closeSync, existsSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../input/parse.js';
import { ethereum, zksync } from '../profiles/index.js';
import { createEip3155Writer, type Eip3155Writer, type TextSink } from '../trace/eip3155.js';
import { renderTraceHtml } from '../trace/html.js';
import type { InspectServer } from '../trace/inspectServer.js';
import { formatRun } from '../trace/pretty.js';
import { runScenario, type ScenarioRun } from '../trace/runScenario.js';
import type { RunTrace } from '../trace/schema.js';
import { parseScenario, type Scenario } from '../input/scenario.js';
import { parseCommandLine, UsageError } from './usage.js';

const USAGE = `usage: zkos run [scenario.json] [options]

Executes a scenario (pre-state, block, transactions; see docs/scenario.md) and prints the frame tree with
each frame actor's states, then the transaction results, logs and state changes. Without a file it runs the
built-in 'flow' scenario: the seed's flow diagram (an EOA calls a factory that deploys a child, then calls it).

options:
  --builtin NAME          run a built-in scenario: ${'flow'} (default), flow-revert (a reverted sub-frame),
                          zksync-fees (BALANCE(0x8001) during execution), zksync-deposit (L1→L2, type 0xff),
                          zksync-upgrade (type 0xfe through 0x8006), zksync-pubdata, zksync-out-of-native
  --profile NAME          override the scenario's profile: ethereum or zksync
  --out FILE              write the whole run as JSON (docs/trace-schema.md)
  --html FILE             write a self-contained offline viewer (one HTML file, no network)
  --record-steps          keep each frame's opcode steps in --out / --html (bounded; on with --trace)
  --trace FILE|-          write EIP-3155 step traces as JSON lines (- = stdout; the report goes to stderr)
  --trace-returndata      add "returnData" to each step line
  --inspect               serve the run to the Stately inspector on a local WebSocket relay
  --inspect-port N        port of the relay (default 8080; 0 = any free port)
  --inspect-ui URL        inspector UI embedded by the relay's page (default https://stately.ai/inspect)
  --inspect-timeout SEC   stop serving after SEC seconds (default: until Ctrl-C)
  --step                  step through each transaction from stdin (typed or piped): n next runner event,
                          s next instruction, f finish the current frame, c continue, q quit
  --color / --no-color    force colours on or off (default: on for a terminal, off with NO_COLOR)
  -q, --quiet             print nothing but errors
  -h, --help              this text`;

const BUILTINS = [
  'flow',
  'flow-revert',
  'zksync-fees',
  'zksync-deposit',
  'zksync-upgrade',
  'zksync-pubdata',
  'zksync-out-of-native',
] as const;

interface Options {
  file?: string;
  builtin?: string;
  profile?: 'ethereum' | 'zksync';
  out?: string;
  html?: string;
  trace?: string;
  traceReturnData: boolean;
  steps: boolean;
  inspect: boolean;
  inspectPort: number;
  inspectUi?: string;
  inspectTimeout?: number;
  color?: boolean;
  quiet: boolean;
  help: boolean;
  step: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = {
    traceReturnData: false,
    steps: false,
    inspect: false,
    inspectPort: 8080,
    quiet: false,
    help: false,
    step: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || (v.startsWith('-') && v !== '-')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    const int = (what: string): number => {
      const v = value();
      if (!/^[0-9]+$/.test(v)) throw new UsageError(`${a}: ${what} must be a non-negative integer, got '${v}'`);
      return Number(v);
    };
    switch (a) {
      case '--builtin': {
        const v = value();
        if (!(BUILTINS as readonly string[]).includes(v))
          throw new UsageError(`--builtin: unknown scenario '${v}' (have: ${BUILTINS.join(', ')})`);
        o.builtin = v;
        break;
      }
      case '--profile': {
        const v = value();
        if (v !== 'ethereum' && v !== 'zksync')
          throw new UsageError(`--profile: expected ethereum or zksync, got '${v}'`);
        o.profile = v;
        break;
      }
      case '--out':
        o.out = value();
        break;
      case '--html':
        o.html = value();
        break;
      case '--trace':
        o.trace = value();
        break;
      case '--trace-returndata':
        o.traceReturnData = true;
        break;
      case '--record-steps':
        o.steps = true;
        break;
      case '--inspect':
        o.inspect = true;
        break;
      case '--inspect-port':
        o.inspectPort = int('port');
        if (o.inspectPort > 65535) throw new UsageError(`--inspect-port: ${o.inspectPort} is not a port`);
        break;
      case '--inspect-ui':
        o.inspectUi = value();
        break;
      case '--inspect-timeout':
        o.inspectTimeout = int('timeout');
        break;
      case '--step':
        o.step = true;
        break;
      case '--color':
        o.color = true;
        break;
      case '--no-color':
        o.color = false;
        break;
      case '-q':
      case '--quiet':
        o.quiet = true;
        break;
      case '-h':
      case '--help':
        o.help = true;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
        if (o.file !== undefined) throw new UsageError(`only one scenario file, got '${o.file}' and '${a}'`);
        o.file = a;
    }
  }
  if (o.file !== undefined && o.builtin !== undefined)
    throw new UsageError('give a scenario file or --builtin, not both');
  if (o.step && (o.inspect || o.trace !== undefined || o.out !== undefined || o.html !== undefined))
    throw new UsageError('--step runs alone (without --inspect, --trace, --out, --html)');
  return o;
}

/** Path of a built-in scenario file (next to the package: scenarios/NAME.json). */
export function builtinScenarioPath(name: string): string {
  // From src/cli (vitest) it is ../../scenarios, from dist/src/cli (built) ../../../scenarios.
  for (const rel of [`../../scenarios/${name}.json`, `../../../scenarios/${name}.json`]) {
    const p = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(p)) return p;
  }
  throw new Error(`built-in scenario '${name}' is missing from the package (scenarios/${name}.json)`);
}

/** A file sink that writes synchronously (no buffering surprises when the process exits). */
function fileSink(path: string): TextSink & { close(): void } {
  if (path === '-') return { write: (s: string) => process.stdout.write(s), close: () => {} };
  const fd = openSync(path, 'w');
  return { write: (s: string) => writeSync(fd, s), close: () => closeSync(fd) };
}

/** Opens `path` for writing (created or truncated); throws an Error whose message names `flag` and the path. */
function openOutput(flag: string, path: string): number {
  try {
    return openSync(path, 'w');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new Error(`${flag} ${path}: cannot write: ${err.message}`);
  }
}

/** Where the human report goes: stdout, or stderr when stdout carries the step trace. */
interface Report {
  (s: string): void;
  readonly color: boolean;
}

/** Runs `zkos run`; resolves to the exit code (0 ok, 1 a transaction was rejected, 2 bad usage or input). */
export async function runCommand(argv: readonly string[]): Promise<number> {
  const opts = parseOptions(argv);
  if (typeof opts === 'number') return opts;
  const scenario = loadScenario(opts);
  if (typeof scenario === 'number') return scenario;
  if (opts.step) return stepThrough(scenario);
  const report = openReport(opts);
  const trace = openStepTrace(opts);
  if (typeof trace === 'number') return trace;
  const outputs = openOutputs(opts, trace);
  if (typeof outputs === 'number') return outputs;
  const server = await startInspector(opts, report);
  if (typeof server === 'number') {
    closeOutputs(outputs, trace);
    return server;
  }

  const run = execute(scenario, opts.steps, trace?.writer, server);
  trace?.sink.close();
  const html = writeOutputs(run.trace!, opts, outputs, report, server !== undefined);
  if (server) await serveUntilStopped(server, html, opts, report);
  return run.results.every((r) => r.valid) ? 0 : 1;
}

/** `--step`: the step debugger on stdin (typed or piped) instead of phases 3–8. */
async function stepThrough(scenario: Scenario): Promise<number> {
  const { runStepSession } = await import('./step.js');
  return runStepSession(scenario, process.stdin, (s) => process.stdout.write(s), Boolean(process.stdin.isTTY));
}

/** Phase 1 — options: the parsed command line, or an exit code (help printed, or a usage error). */
function parseOptions(argv: readonly string[]): Options | number {
  return parseCommandLine('run', USAGE, argv, parseArgs);
}

/** Phase 2 — the scenario, from its file or a built-in, with the profile override applied; exit 2 on bad input. */
function loadScenario(opts: Options): Scenario | number {
  let scenario: Scenario;
  const file = opts.file ?? builtinScenarioPath(opts.builtin ?? 'flow');
  const shown = opts.file ?? `${opts.builtin ?? 'flow'} (built-in)`;
  try {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new InputError(shown, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    scenario = parseScenario(text, opts.file !== undefined ? opts.file : shown);
  } catch (e) {
    if (e instanceof InputError) {
      console.error(`zkos run: ${e.message}`);
      return 2;
    }
    throw e;
  }
  if (opts.profile) {
    const profile = opts.profile === 'zksync' ? zksync : ethereum;
    // A fork the new profile cannot run (zksync: Cancun only) falls back to the profile's own.
    const { fork, ...rest } = scenario;
    scenario = { ...rest, profile, ...(fork !== undefined && profile.forks.includes(fork) ? { fork } : {}) };
  }
  return scenario;
}

/** Phase 3 — the human report's destination and colouring. */
function openReport(opts: Options): Report {
  const stream = opts.trace === '-' ? process.stderr : process.stdout;
  const write = (s: string): void => {
    if (!opts.quiet) stream.write(s);
  };
  return Object.assign(write, { color: opts.color ?? (Boolean(stream.isTTY) && !process.env.NO_COLOR) });
}

/** Phase 4 — the EIP-3155 step trace sink (`--trace`), opened before the run; exit 2 if it cannot be. */
function openStepTrace(
  opts: Options,
): { sink: TextSink & { close(): void }; writer: Eip3155Writer } | undefined | number {
  if (opts.trace === undefined) return undefined;
  let sink: TextSink & { close(): void };
  try {
    sink = fileSink(opts.trace);
  } catch (e) {
    console.error(`zkos run: --trace ${opts.trace}: ${(e as Error).message}`);
    return 2;
  }
  return { sink, writer: createEip3155Writer(sink, { returnData: opts.traceReturnData }) };
}

/** Files opened for `--out` and `--html`. */
interface Outputs {
  readonly out?: number;
  readonly html?: number;
}

/**
 * Phase 5 — `--out` and `--html`, opened before the run so that an unwritable path is a usage error (exit 2,
 * nothing runs); on failure the step trace opened before is closed too.
 */
function openOutputs(opts: Options, trace: { sink: { close(): void } } | undefined): Outputs | number {
  let out: number | undefined;
  try {
    if (opts.out !== undefined) out = openOutput('--out', opts.out);
    const html = opts.html !== undefined ? openOutput('--html', opts.html) : undefined;
    return { ...(out !== undefined ? { out } : {}), ...(html !== undefined ? { html } : {}) };
  } catch (e) {
    if (out !== undefined) closeSync(out);
    trace?.sink.close();
    console.error(`zkos run: ${(e as Error).message}`);
    return 2;
  }
}

/** Closes what the phases before the run opened (a failure after them, e.g. of the inspector). */
function closeOutputs(outputs: Outputs, trace: { sink: { close(): void } } | undefined): void {
  if (outputs.out !== undefined) closeSync(outputs.out);
  if (outputs.html !== undefined) closeSync(outputs.html);
  trace?.sink.close();
}

/** Phase 6 — the Stately inspector relay (`--inspect`), started before the run; exit 2 if it cannot be. */
async function startInspector(opts: Options, report: Report): Promise<InspectServer | undefined | number> {
  if (!opts.inspect) return undefined;
  const { startInspectServer } = await import('../trace/inspectServer.js');
  let server: InspectServer;
  try {
    server = await startInspectServer({
      port: opts.inspectPort,
      ...(opts.inspectUi ? { uiUrl: opts.inspectUi } : {}),
    });
  } catch (e) {
    console.error(
      `zkos run: --inspect: cannot start the inspection server on port ${opts.inspectPort}: ${(e as Error).message}`,
    );
    return 2;
  }
  report(
    `Inspection server on ${server.wsUrl} (actor/event/snapshot events of the runner and every frame actor).\n` +
      `  Stately inspector: open ${server.httpUrl} in a browser (embeds ${opts.inspectUi ?? 'https://stately.ai/inspect'}, needs that site)\n` +
      `  Offline viewer of this run: ${server.httpUrl}trace.html\n` +
      `  Programmatic: createWebSocketReceiver({ server: '${server.wsUrl}' }) from @statelyai/inspect\n\n`,
  );
  return server;
}

/** Phase 7 — run the scenario (keeping opcode steps per frame with `--record-steps`), closing each transaction's step
 * trace with its summary line. */
function execute(
  scenario: Scenario,
  steps: boolean,
  writer: Eip3155Writer | undefined,
  server: InspectServer | undefined,
): ScenarioRun {
  const run = runScenario(scenario, {
    ...(writer ? { tracer: writer } : {}),
    ...(steps ? { steps: true } : {}),
    ...(server ? { inspect: server.inspect } : {}),
    afterTransaction: (_tx, result) => {
      if (!writer) return;
      if (result.valid) {
        writer.summary({
          output: result.returnData,
          gasUsed: result.gasUsed,
          ...(result.status !== 'success'
            ? { error: result.haltReason ?? (result.status === 'revert' ? 'execution reverted' : 'halted') }
            : {}),
        });
      } else writer.summary({ output: '', gasUsed: 0n, error: `${result.error.code}: ${result.error.message}` });
    },
  });
  writer?.flush();
  return run;
}

/** Phase 8 — print the report and write `--out` and `--html`; returns the viewer HTML when one is needed. */
function writeOutputs(trace: RunTrace, opts: Options, outputs: Outputs, report: Report, needHtml: boolean): string {
  report(formatRun(trace, { color: report.color }));
  if (outputs.out !== undefined) {
    writeFileSync(outputs.out, `${JSON.stringify(trace, null, 1)}\n`);
    closeSync(outputs.out);
    report(`\nwrote trace JSON to ${opts.out}\n`);
  }
  const html = opts.html !== undefined || needHtml ? renderTraceHtml(trace) : '';
  if (outputs.html !== undefined) {
    writeFileSync(outputs.html, html);
    closeSync(outputs.html);
    report(`wrote trace viewer to ${opts.html}\n`);
  }
  return html;
}

/** Phase 9 — keep serving the inspector (and the viewer) until Ctrl-C or `--inspect-timeout`. */
async function serveUntilStopped(server: InspectServer, html: string, opts: Options, report: Report): Promise<void> {
  server.setTraceHtml(html);
  await server.drain();
  report(
    `\n${server.relayed} inspection events relayed. Serving ${server.httpUrl} ` +
      (opts.inspectTimeout !== undefined ? `for ${opts.inspectTimeout} s.\n` : '— press Ctrl-C to stop.\n'),
  );
  await new Promise<void>((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    if (opts.inspectTimeout !== undefined) setTimeout(done, opts.inspectTimeout * 1000).unref();
  });
  await server.close();
}
