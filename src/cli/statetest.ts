// `zkos statetest`: runs Ethereum GeneralStateTests post entries of the supported forks and compares state roots.
import { createWriteStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../input/parse.js';
import type { WorldState } from '../system/world.js';
import {
  casesForFork,
  loadStateTestFile,
  type StateTest,
  type StateTestCase,
  type StateTestFile,
} from '../statetest/fixture.js';
import { DEFAULT_FORKS, SUPPORTED_FORKS } from '../statetest/forks.js';
import { formatPostStateDiff, postStateDiff, type AccountDiff } from '../statetest/postStateDiff.js';
import { runStateTestCase, type CaseResult } from '../statetest/runCase.js';
import { createEip3155Writer } from '../trace/eip3155.js';
import { reportUsageError, UsageError } from './usage.js';

const USAGE = `usage: zkos statetest [options] <file-or-dir>...

  --fork NAME            fork of the post entries to run (default ${DEFAULT_FORKS.join(', ')}; supported: ${SUPPORTED_FORKS.join(', ')})
  --json                 one JSON object per case, nothing else
  --run REGEX            only tests whose 'file › name' matches REGEX
  -d N, -g N, -v N       only cases with data / gas / value index N (retesteth's flags; any subset)
  --index D:G:V          one case by its indexes, same as -d D -g G -v V
  --known-failures FILE  JSON list of case ids ("file › name › d/g/v") allowed to fail, with causes
  --trace FILE|-         EIP-3155 step traces of every case, each closed by a {"stateRoot",…} line naming the
                         case; with -, stdout carries only trace lines and everything else goes to stderr
  --dump                 for each failing case, print the post-state difference to the pre-state
                         (accounts, balances, nonces, code, storage); with --json, a "dump" field

exit: 0 all passed, 1 a case failed, 2 bad usage or input, or no case selected`;

interface Options {
  forks: readonly string[];
  json: boolean;
  run?: RegExp;
  index: { data?: number; gas?: number; value?: number };
  knownFailures?: string;
  trace?: string;
  dump: boolean;
  paths: string[];
}

/** A fork name as the fixtures spell it; case-insensitive on input, a UsageError naming the flag otherwise. */
function parseFork(v: string): string {
  const fork = SUPPORTED_FORKS.find((f) => f.toLowerCase() === v.toLowerCase());
  if (fork === undefined)
    throw new UsageError(`--fork: unknown fork '${v}' (supported: ${SUPPORTED_FORKS.join(', ')})`);
  return fork;
}

function parseIndexValue(flag: string, v: string): number {
  if (!/^[0-9]+$/.test(v)) throw new UsageError(`${flag}: expected a non-negative integer index, got '${v}'`);
  return Number(v);
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { forks: DEFAULT_FORKS, json: false, index: {}, dump: false, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--fork') o.forks = [parseFork(value())];
    else if (a === '--json') o.json = true;
    else if (a === '--dump') o.dump = true;
    else if (a === '--run') {
      const src = value();
      try {
        o.run = new RegExp(src);
      } catch {
        throw new UsageError(`--run: invalid regular expression '${src}'`);
      }
    } else if (a === '-d') o.index.data = parseIndexValue(a, value());
    else if (a === '-g') o.index.gas = parseIndexValue(a, value());
    else if (a === '-v') o.index.value = parseIndexValue(a, value());
    else if (a === '--index') {
      const v = value();
      const parts = v.split(':');
      if (parts.length !== 3) throw new UsageError(`--index: expected D:G:V (e.g. 0:1:0), got '${v}'`);
      o.index = {
        data: parseIndexValue('--index', parts[0]!),
        gas: parseIndexValue('--index', parts[1]!),
        value: parseIndexValue('--index', parts[2]!),
      };
    } else if (a === '--known-failures') o.knownFailures = value();
    else if (a === '--trace') o.trace = value();
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else o.paths.push(a);
  }
  if (o.paths.length === 0) throw new UsageError('no test file or directory given');
  return o;
}

/** Every .json file under the given paths, sorted; throws a UsageError naming an unreadable path. */
export function collectFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (p: string): void => {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch {
      throw new UsageError(`${p}: no such file or directory`);
    }
    if (st.isDirectory()) for (const f of readdirSync(p).sort()) walk(join(p, f));
    else if (p.endsWith('.json')) out.push(p);
  };
  for (const p of paths) walk(p);
  return out;
}

/** Stable id of a case, as used in the known-failures file. */
export function caseId(r: Pick<CaseResult, 'file' | 'name' | 'index'>): string {
  return `${r.file} › ${r.name} › ${r.index.data}/${r.index.gas}/${r.index.value}`;
}

interface KnownFailures {
  readonly ids: Set<string>;
  /** Cases not even run (e.g. minutes of compute); they count as known failures. */
  readonly skip: Set<string>;
}

function loadKnownFailures(path: string): KnownFailures {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`${path}: ${(e as Error).message}`);
  }
  if (!Array.isArray(json)) throw new UsageError(`${path}: expected a JSON array of {id, cause}`);
  const ids = new Set<string>();
  const skip = new Set<string>();
  json.forEach((entry, i) => {
    if (typeof entry !== 'object' || entry === null || typeof entry.id !== 'string' || typeof entry.cause !== 'string')
      throw new UsageError(`${path} [${i}]: expected {"id": string, "cause": string, "skip"?: boolean}`);
    ids.add(entry.id);
    if (entry.skip === true) skip.add(entry.id);
  });
  return { ids, skip };
}

/** What the filters were, for the "no case selected" message. */
function describeFilters(o: Options): string {
  const parts = [`fork ${o.forks.join(', ')}`];
  if (o.run) parts.push(`--run '${o.run.source}'`);
  const { data, gas, value } = o.index;
  if (data !== undefined || gas !== undefined || value !== undefined)
    parts.push(`d/g/v ${data ?? '*'}/${gas ?? '*'}/${value ?? '*'}`);
  return parts.join(', ');
}

interface Job {
  readonly test: StateTest;
  readonly c: StateTestCase;
}

/** Runs `zkos statetest`; resolves to the exit code (0 all passed, 1 failures, 2 bad usage/input or nothing selected). */
export async function statetestCommand(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let opts: Options;
  let files: string[];
  let known: KnownFailures = { ids: new Set(), skip: new Set() };
  try {
    opts = parseArgs(argv);
    files = collectFiles(opts.paths);
    if (opts.knownFailures) known = loadKnownFailures(opts.knownFailures);
  } catch (e) {
    return reportUsageError('statetest', USAGE, e);
  }

  // Load every file first: unreadable input is a usage error (exit 2) before anything runs.
  const loaded: [string, StateTestFile][] = [];
  for (const f of files) {
    try {
      loaded.push([f, loadStateTestFile(f)]);
    } catch (e) {
      const msg = e instanceof InputError || e instanceof SyntaxError ? e.message : String((e as Error).message ?? e);
      console.error(`zkos statetest: ${f}: ${msg}`);
      return 2;
    }
  }
  const jobs: Job[] = [];
  const forksPresent = new Set<string>();
  const { data, gas, value } = opts.index;
  for (const [, tests] of loaded)
    for (const test of tests.values()) {
      for (const c of test.cases) forksPresent.add(c.fork);
      if (opts.run && !opts.run.test(`${test.file} › ${test.name}`)) continue;
      for (const fork of opts.forks)
        for (const c of casesForFork(test, fork)) {
          if (data !== undefined && c.index.data !== data) continue;
          if (gas !== undefined && c.index.gas !== gas) continue;
          if (value !== undefined && c.index.value !== value) continue;
          jobs.push({ test, c });
        }
    }
  if (jobs.length === 0) {
    const present = forksPresent.size > 0 ? `; forks in the input: ${[...forksPresent].sort().join(', ')}` : '';
    console.error(
      `zkos statetest: no case selected (${describeFilters(opts)}) in ${files.length} file${files.length === 1 ? '' : 's'}${present}`,
    );
    return 2;
  }

  // With `--trace -` stdout carries only trace lines: the report and `--json` lines go to stderr.
  const toStderr = opts.trace === '-';
  const say = (line: string): void => void (toStderr ? process.stderr : process.stdout).write(line + '\n');
  const tracer = opts.trace ? await openTracer(opts.trace) : undefined;
  const progress = !opts.json && !toStderr && process.stderr.isTTY;
  let passed = 0;
  let failed = 0;
  let knownFailed = 0;
  const failures: { r: CaseResult; known: boolean; dump?: Record<string, AccountDiff> }[] = [];
  const t0 = performance.now();
  for (let i = 0; i < jobs.length; i++) {
    const { test, c } = jobs[i]!;
    if (known.skip.has(caseId({ file: test.file, name: test.name, index: c.index }))) {
      knownFailed++;
      continue;
    }
    let post: WorldState | undefined;
    const r = runStateTestCase(test, c, {
      ...(tracer ? { tracer: tracer.tracer } : {}),
      ...(opts.dump
        ? {
            onPostState: (w: WorldState) => {
              post = w;
            },
          }
        : {}),
    });
    tracer?.summary(r);
    const dump = opts.dump && !r.pass && post ? postStateDiff(test.pre, post) : undefined;
    if (r.pass) passed++;
    else if (known.ids.has(caseId(r))) {
      knownFailed++;
      if (dump) failures.push({ r, known: true, dump });
    } else {
      failed++;
      failures.push({ r, known: false, ...(dump ? { dump } : {}) });
    }
    if (opts.json) say(jsonLine(r, dump));
    else if (progress && (i % 25 === 0 || i === jobs.length - 1)) {
      const width = 30;
      const done = Math.round(((i + 1) / jobs.length) * width);
      process.stderr.write(
        `\r[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${i + 1}/${jobs.length} ${failed} failed`,
      );
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  if (progress) process.stderr.write('\n');
  await tracer?.close();
  if (!opts.json) {
    for (const { r, known: isKnown, dump } of failures) {
      say(`${isKnown ? 'KNOWN FAIL' : 'FAIL'} ${caseId(r)}`);
      say(`  expected state root ${r.expectedStateRoot}`);
      say(`  actual   state root ${r.stateRoot}`);
      if (r.logsHash !== r.expectedLogsHash) say(`  logs hash ${r.logsHash}, expected ${r.expectedLogsHash}`);
      if (r.error) say(`  ${r.error.split('\n')[0]}`);
      if (dump) {
        say('  post-state difference to the pre-state:');
        for (const line of formatPostStateDiff(dump)) say(line);
      }
    }
    if (knownFailed > 0) say(`${knownFailed} known failures (listed in ${opts.knownFailures})`);
    say(`${jobs.length} cases in ${seconds.toFixed(1)} s (${(jobs.length / seconds).toFixed(0)} cases/s)`);
    say(`${passed} passed, ${failed} failed`);
  }
  return failed > 0 ? 1 : 0;
}

/** The `--json` line: exactly the documented fields (and `dump` for a failing case under `--dump`). */
function jsonLine(r: CaseResult, dump?: Record<string, AccountDiff>): string {
  const { file, name, fork, index, pass, stateRoot, expectedStateRoot, logsHash, expectedLogsHash, error, ms } = r;
  return JSON.stringify({
    file,
    name,
    fork,
    index,
    pass,
    stateRoot,
    expectedStateRoot,
    logsHash,
    expectedLogsHash,
    ...(error !== undefined ? { error } : {}),
    ms,
    ...(dump !== undefined ? { dump } : {}),
  });
}

async function openTracer(target: string) {
  const stream = target === '-' ? process.stdout : createWriteStream(target);
  const writer = createEip3155Writer(stream);
  return {
    tracer: writer,
    summary(r: CaseResult): void {
      writer.summary({
        stateRoot: r.stateRoot,
        output: r.output ?? new Uint8Array(0),
        gasUsed: r.gasUsed ?? 0n,
        pass: r.pass,
        fork: r.fork,
        file: r.file,
        name: r.name,
        index: r.index,
        ...(r.error ? { error: r.error.split('\n')[0]! } : {}),
      });
    },
    close: async (): Promise<void> => {
      writer.flush();
      if (stream !== process.stdout)
        await new Promise<void>((res) => (stream as ReturnType<typeof createWriteStream>).end(res));
    },
  };
}
