// `zkos statetest`: runs Ethereum GeneralStateTests post entries of one fork and compares state roots.
import { createWriteStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../input/parse.js';
import { forkByName, SUPPORTED_FORKS, type ForkName } from '../forks/index.js';
import { casesForFork, loadStateTestFile, type StateTestFile } from '../statetest/fixture.js';
import { runStateTestCase, type CaseResult } from '../statetest/runCase.js';
import { createEip3155Writer } from '../trace/eip3155.js';

const USAGE = `usage: zkos statetest [--fork NAME] [--json] [--run REGEX] [--known-failures FILE] [--trace FILE|-] <file-or-dir>...

  --fork NAME            run only this fork's post entries (${SUPPORTED_FORKS.join(', ')}; default: every one of them the file has)
  --json                 one JSON object per case on stdout, nothing else
  --run REGEX            only tests whose 'file › name' matches REGEX
  --known-failures FILE  JSON list of case ids ("file › name › d/g/v") allowed to fail, with causes
  --trace FILE|-         write EIP-3155 step traces of every case (to stdout with -)`;

interface Options {
  /** Undefined: every supported fork. */
  fork?: ForkName;
  json: boolean;
  run?: RegExp;
  knownFailures?: string;
  trace?: string;
  paths: string[];
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { json: false, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--fork') {
      const name = value();
      const fork = forkByName(name);
      if (fork === undefined)
        throw new UsageError(`--fork: unknown fork '${name}' (supported: ${SUPPORTED_FORKS.join(', ')})`);
      o.fork = fork.name;
    } else if (a === '--json') o.json = true;
    else if (a === '--run') {
      const src = value();
      try {
        o.run = new RegExp(src);
      } catch {
        throw new UsageError(`--run: invalid regular expression '${src}'`);
      }
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

/** Runs `zkos statetest`; resolves to the exit code (0 all passed, 1 failures, 2 bad usage/input). */
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
    if (e instanceof UsageError) {
      console.error(`zkos statetest: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
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
  const jobs: { test: ReturnType<StateTestFile['get']> & object; c: ReturnType<typeof casesForFork>[number] }[] = [];
  for (const [, tests] of loaded)
    for (const test of tests.values()) {
      if (opts.run && !opts.run.test(`${test.file} › ${test.name}`)) continue;
      for (const fork of opts.fork !== undefined ? [opts.fork] : SUPPORTED_FORKS)
        for (const c of casesForFork(test, fork)) jobs.push({ test, c });
    }

  if (jobs.length === 0 && !opts.json)
    console.error(`zkos statetest: no post entries for ${opts.fork ?? SUPPORTED_FORKS.join(', ')} in the given files`);
  const tracer = opts.trace ? await openTracer(opts.trace) : undefined;
  const progress = !opts.json && process.stderr.isTTY;
  let passed = 0;
  let failed = 0;
  let knownFailed = 0;
  const failures: CaseResult[] = [];
  const t0 = performance.now();
  for (let i = 0; i < jobs.length; i++) {
    const { test, c } = jobs[i]!;
    if (known.skip.has(caseId({ file: test.file, name: test.name, index: c.index }))) {
      knownFailed++;
      continue;
    }
    const r = runStateTestCase(test, c, { tracer: tracer?.tracer });
    tracer?.summary(r);
    if (r.pass) passed++;
    else if (known.ids.has(caseId(r))) knownFailed++;
    else {
      failed++;
      failures.push(r);
    }
    if (opts.json) process.stdout.write(jsonLine(r) + '\n');
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
    for (const r of failures) {
      console.log(`FAIL ${caseId(r)} [${r.fork}]`);
      console.log(`  expected state root ${r.expectedStateRoot}`);
      console.log(`  actual   state root ${r.stateRoot}`);
      if (r.logsHash !== r.expectedLogsHash) console.log(`  logs hash ${r.logsHash}, expected ${r.expectedLogsHash}`);
      if (r.error) console.log(`  ${r.error.split('\n')[0]}`);
    }
    if (knownFailed > 0) console.log(`${knownFailed} known failures (listed in ${opts.knownFailures})`);
    console.log(`${jobs.length} cases in ${seconds.toFixed(1)} s (${(jobs.length / seconds).toFixed(0)} cases/s)`);
    console.log(`${passed} passed, ${failed} failed`);
  }
  return failed > 0 ? 1 : 0;
}

/** The `--json` line: exactly the documented fields. */
function jsonLine(r: CaseResult): string {
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
