// `npm run bench`: zkos-runner against @ethereumjs/evm on the six fixture workloads and the synthetic
// ones, the shared state-test set against @ethereumjs/vm, and the scaling probes. See docs/performance.md.
//
// Options: --reps N (timed repetitions, default 5)  --warmup N (default 2)  --only a,b  --fixtures DIR
//          --statetests-sample N (every Nth file, default 8; 1 = all)  --statetests DIR  --no-statetests
//          --statetests-include-perf (also VMTests/vmPerformance: very long)
//          --no-probes  --no-synthetic  --json FILE
//          --ours-only (skip @ethereumjs/evm timing: for `node --cpu-prof`; fixtures are still checked)
import { writeFileSync } from 'node:fs';
import { runEthereumjs } from './ethereumjs.js';
import { countInstructionsOurs, runOurs, type RunResult } from './ours.js';
import { formatProbes, frameProbe, storageProbe, type FrameProbe, type StorageProbe } from './probes.js';
import { runStateTestComparison, type StateTestReport } from './statetests.js';
import { syntheticWorkloads } from './synthetic.js';
import { bytesToHex, fmt, gc, geomean, median, table } from './util.js';
import { defaultFixturesDir, loadFixtures, type Workload } from './workloads.js';

interface Args {
  reps: number;
  warmup: number;
  only: string[] | null;
  fixtures: string;
  statetestsSample: number;
  statetestsDir: string | undefined;
  statetests: boolean;
  includePerf: boolean;
  probes: boolean;
  synthetic: boolean;
  json: string | null;
  oursOnly: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    reps: 5,
    warmup: 2,
    only: null,
    fixtures: defaultFixturesDir(),
    statetestsSample: 8,
    statetestsDir: undefined,
    statetests: true,
    includePerf: false,
    probes: true,
    synthetic: true,
    json: null,
    oursOnly: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]!;
    const val = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${k} needs a value`);
      return v;
    };
    const int = (): number => {
      const n = Number(val());
      if (!Number.isInteger(n) || n < 0) throw new Error(`${k}: expected a non-negative integer`);
      return n;
    };
    if (k === '--reps') a.reps = Math.max(1, int());
    else if (k === '--warmup') a.warmup = int();
    else if (k === '--only') a.only = val().split(',');
    else if (k === '--fixtures') a.fixtures = val();
    else if (k === '--statetests-sample') a.statetestsSample = Math.max(1, int());
    else if (k === '--statetests') a.statetestsDir = val();
    else if (k === '--no-statetests') a.statetests = false;
    else if (k === '--statetests-include-perf') a.includePerf = true;
    else if (k === '--no-probes') a.probes = false;
    else if (k === '--no-synthetic') a.synthetic = false;
    else if (k === '--json') a.json = val();
    else if (k === '--ours-only') a.oursOnly = true;
    else throw new Error(`unknown option ${k}`);
  }
  return a;
}

export interface WorkloadReport {
  name: string;
  kind: 'fixture' | 'synthetic';
  oursMs: number;
  ethereumjsMs: number;
  ratio: number;
  mgasPerSec: number;
  mips: number;
  gasUsed: number;
  instructions: number;
  oursRunsMs: number[];
  ethereumjsRunsMs: number[];
}

const eq = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** Checks a run against the workload's expectation; throws with both values on a mismatch. */
export function check(engine: string, w: Workload, r: RunResult): void {
  const problems: string[] = [];
  if (r.status !== 'success') problems.push(`status ${r.status}`);
  if (w.expectedGasUsed !== undefined && r.gasUsed !== w.expectedGasUsed)
    problems.push(`gas ${r.gasUsed} ≠ ${w.expectedGasUsed}`);
  if (w.expectedRefund !== undefined && r.refund !== w.expectedRefund)
    problems.push(`refund ${r.refund} ≠ ${w.expectedRefund}`);
  if (w.expectedOutput !== undefined && !eq(r.output, w.expectedOutput)) {
    problems.push(`output ${bytesToHex(r.output).slice(0, 66)} ≠ ${bytesToHex(w.expectedOutput).slice(0, 66)}`);
  }
  if (problems.length) throw new Error(`${w.name} on ${engine}: ${problems.join('; ')}`);
}

/** Correctness first (both engines), then warm-up, then `reps` alternating timed runs. */
async function benchWorkload(w: Workload, args: Args, log: (s: string) => void): Promise<WorkloadReport> {
  if (args.oursOnly) return benchOursOnly(w, args, log);
  const e0 = await runEthereumjs(w);
  if (w.kind === 'synthetic') {
    // synthetic workloads: @ethereumjs/evm defines the expectation
    if (e0.status !== 'success') throw new Error(`${w.name}: ethereumjs ${e0.status}`);
    w.expectedOutput = e0.output;
    w.expectedGasUsed = e0.gasUsed;
    w.expectedRefund = e0.refund;
    w.instructions = countInstructionsOurs(w);
  } else check('@ethereumjs/evm', w, e0);
  check('zkos-runner', w, runOurs(w));
  for (let i = 1; i < args.warmup; i++) {
    runOurs(w);
    await runEthereumjs(w);
  }
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let r = 0; r < args.reps; r++) {
    const oursFirst = r % 2 === 0;
    if (!oursFirst) {
      gc();
      theirs.push((await runEthereumjs(w)).ms);
    }
    gc();
    const o = runOurs(w);
    check('zkos-runner', w, o);
    ours.push(o.ms);
    if (oursFirst) {
      gc();
      theirs.push((await runEthereumjs(w)).ms);
    }
  }
  const oursMs = median(ours);
  const ethereumjsMs = median(theirs);
  const gas = w.expectedGasUsed!;
  const instructions = w.instructions ?? 0;
  log(`  ${w.name}: ours ${fmt(oursMs)} ms, ethereumjs ${fmt(ethereumjsMs)} ms`);
  return {
    name: w.name,
    kind: w.kind,
    oursMs,
    ethereumjsMs,
    ratio: ethereumjsMs / oursMs,
    mgasPerSec: gas / oursMs / 1000,
    mips: instructions / oursMs / 1000,
    gasUsed: gas,
    instructions,
    oursRunsMs: ours,
    ethereumjsRunsMs: theirs,
  };
}

/** zkos-runner alone (profiling): fixtures checked against their JSON, synthetic ones only run. */
function benchOursOnly(w: Workload, args: Args, log: (s: string) => void): WorkloadReport {
  const first = runOurs(w);
  if (w.kind === 'fixture') check('zkos-runner', w, first);
  for (let i = 1; i < args.warmup; i++) runOurs(w);
  const ours: number[] = [];
  for (let r = 0; r < args.reps; r++) {
    gc();
    ours.push(runOurs(w).ms);
  }
  const oursMs = median(ours);
  const gas = first.gasUsed;
  const instructions = w.instructions ?? 0;
  log(`  ${w.name}: ours ${fmt(oursMs)} ms`);
  return {
    name: w.name,
    kind: w.kind,
    oursMs,
    ethereumjsMs: NaN,
    ratio: NaN,
    mgasPerSec: gas / oursMs / 1000,
    mips: instructions / oursMs / 1000,
    gasUsed: gas,
    instructions,
    oursRunsMs: ours,
    ethereumjsRunsMs: [],
  };
}

function workloadTable(rows: WorkloadReport[]): string {
  return table(
    ['workload', 'ours ms', 'ethereumjs ms', 'ratio', 'Mgas/s', 'MIPS', 'gas', 'instructions'],
    rows.map((r) => [
      r.name,
      fmt(r.oursMs),
      fmt(r.ethereumjsMs),
      `${fmt(r.ratio)}×`,
      fmt(r.mgasPerSec),
      fmt(r.mips),
      r.gasUsed.toLocaleString('en'),
      r.instructions.toLocaleString('en'),
    ]),
  );
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = (s: string): void => void process.stderr.write(s + '\n');
  if (!(globalThis as { gc?: unknown }).gc) log('note: run node with --expose-gc for a GC between timed runs');
  const selected = (name: string): boolean => args.only === null || args.only.includes(name);

  const fixtures = loadFixtures(args.fixtures).filter((w) => selected(w.name));
  const synthetic = args.synthetic ? syntheticWorkloads().filter((w) => selected(w.name)) : [];
  log(
    `zkos-runner bench: ${fixtures.length} fixtures, ${synthetic.length} synthetic, ${args.reps} reps after ${args.warmup} warm-up (node ${process.version})`,
  );

  const fixtureRows: WorkloadReport[] = [];
  for (const w of fixtures) fixtureRows.push(await benchWorkload(w, args, log));
  const syntheticRows: WorkloadReport[] = [];
  for (const w of synthetic) syntheticRows.push(await benchWorkload(w, args, log));
  const gm = geomean(fixtureRows.map((r) => r.ratio));

  const wantStateTests = args.statetests && (args.only === null || args.only.includes('statetests'));
  const wantProbes = args.probes && (args.only === null || args.only.includes('probes'));
  let st: StateTestReport | null = null;
  if (wantStateTests) {
    log(`state tests: every ${args.statetestsSample}th file…`);
    st = await runStateTestComparison({
      dir: args.statetestsDir,
      sample: args.statetestsSample,
      includePerf: args.includePerf,
      log,
    });
  }
  let frame: FrameProbe | null = null;
  let storage: StorageProbe | null = null;
  if (wantProbes) {
    log('probes: per-frame overhead…');
    frame = await frameProbe(10_000, args.reps);
    log('probes: storage and world scaling…');
    storage = storageProbe(2_000, args.reps);
  }

  const out: string[] = [];
  if (fixtureRows.length) {
    out.push('Fixture workloads (median of ' + args.reps + ' runs; ratio = @ethereumjs/evm time / zkos-runner time)');
    out.push(workloadTable(fixtureRows));
    out.push(`geometric mean of ratios: ${fmt(gm)}×`);
    out.push('');
  }
  if (syntheticRows.length) {
    out.push('Synthetic workloads');
    out.push(workloadTable(syntheticRows));
    out.push(`geometric mean of ratios: ${fmt(geomean(syntheticRows.map((r) => r.ratio)))}×`);
    out.push('');
  }
  if (st) {
    out.push(
      `State tests (${st.filesRun}/${st.filesTotal} files = ${fmt((100 * st.filesRun) / st.filesTotal, 1)}%, every ${st.sample}th; ${st.cases} Cancun cases, end to end):`,
    );
    out.push(
      table(
        ['engine', 'cases', 'passed', 'total ms', 'cases/s'],
        [
          ['zkos-runner', String(st.ours.cases), String(st.ours.passed), fmt(st.ours.ms, 0), fmt(st.ours.casesPerSec)],
          [
            '@ethereumjs/vm',
            String(st.ethereumjs.cases),
            String(st.ethereumjs.passed),
            fmt(st.ethereumjs.ms, 0),
            fmt(st.ethereumjs.casesPerSec),
          ],
        ],
      ),
    );
    out.push(`ratio (ethereumjs time / ours): ${fmt(st.ratio)}×; peak RSS ${fmt(st.peakRssMb, 0)} MB`);
    if (st.excluded.length) out.push(`excluded (--statetests-include-perf to run): ${st.excluded.join(', ')}`);
    if (st.disagreementCount) {
      out.push(`engines disagree on ${st.disagreementCount} cases, e.g.:`);
      for (const d of st.disagreements) out.push('  ' + d);
    }
    out.push('');
  }
  if (frame && storage) out.push(formatProbes(frame, storage));
  process.stdout.write(out.join('\n') + '\n');

  if (args.json) {
    const pick = (r: WorkloadReport) => ({
      name: r.name,
      oursMs: r.oursMs,
      ethereumjsMs: r.ethereumjsMs,
      ratio: r.ratio,
      mgasPerSec: r.mgasPerSec,
      mips: r.mips,
      kind: r.kind,
      gasUsed: r.gasUsed,
      instructions: r.instructions,
      oursRunsMs: r.oursRunsMs,
      ethereumjsRunsMs: r.ethereumjsRunsMs,
    });
    const json = {
      workloads: fixtureRows.map(pick),
      geomean: gm,
      synthetic: syntheticRows.map(pick),
      syntheticGeomean: syntheticRows.length ? geomean(syntheticRows.map((r) => r.ratio)) : null,
      statetests: st,
      probes: frame && storage ? { frame, storage } : null,
      meta: { node: process.version, reps: args.reps, warmup: args.warmup, date: new Date().toISOString() },
    };
    writeFileSync(args.json, JSON.stringify(json, null, 2) + '\n');
    log(`wrote ${args.json}`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
