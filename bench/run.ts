// `npm run bench`: zkos-runner against @ethereumjs/evm, Hardhat's EDR and anvil on the six fixture workloads and
// the synthetic ones (each engine isolated in its own worker thread, then all in one thread), the shared
// state-test set against @ethereumjs/vm, and the scaling probes. See docs/performance.md.
//
// Options: --reps N (timed repetitions, default 5)  --warmup N (default 2)  --fixtures DIR
//          --only a,b (workload names, `fixtures`, `synthetic`, `statetests`, `probes`)
//          --engines zkos,ethereumjs,edr,anvil (default all; a peer that cannot start is skipped with the reason)
//          --no-isolated (skip the worker-thread run)  --no-same-process (skip the one-thread run)
//          --statetests-sample N (every Nth file, default 8; 1 = all)  --statetests DIR  --no-statetests
//          --statetests-include-perf (also VMTests/vmPerformance: very long)
//          --no-probes  --no-synthetic  --json FILE
//          --ours-only (skip @ethereumjs/evm timing: for `node --cpu-prof`; fixtures are still checked)
import { writeFileSync } from 'node:fs';
import { runEthereumjs } from './ethereumjs.js';
import { ENGINE_LABELS, ENGINE_NAMES, REPORTS_GAS, type EngineName } from './engines.js';
import { closeEngines, openEngines } from './isolated.js';
import type { PeerEngine } from './peers/peer.js';
import { emptyWorkload } from './peers/rpc.js';
import { countInstructionsOurs, type RunResult } from './ours.js';
import { formatProbes, frameProbe, storageProbe, type FrameProbe, type StorageProbe } from './probes.js';
import { runStateTestComparison, type StateTestPhase, type StateTestReport } from './statetests.js';
import { syntheticWorkloads } from './synthetic.js';
import { bytesToHex, fmt, geomean, median, table } from './util.js';
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
  engines: EngineName[];
  isolated: boolean;
  sameProcess: boolean;
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
    engines: [...ENGINE_NAMES],
    isolated: true,
    sameProcess: true,
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
    else if (k === '--engines') {
      const list = val().split(',');
      for (const e of list) {
        if (!(ENGINE_NAMES as readonly string[]).includes(e)) {
          throw new Error(`--engines: unknown engine ${e} (known: ${ENGINE_NAMES.join(', ')})`);
        }
      }
      a.engines = ['zkos', ...(list as EngineName[]).filter((e) => e !== 'zkos')];
    } else if (k === '--no-isolated') a.isolated = false;
    else if (k === '--no-same-process') a.sameProcess = false;
    else throw new Error(`unknown option ${k}`);
  }
  if (a.oursOnly) {
    a.engines = ['zkos'];
    a.isolated = false;
    a.sameProcess = true;
  }
  return a;
}

export interface WorkloadReport {
  name: string;
  kind: 'fixture' | 'synthetic';
  /** Median ms per engine. */
  ms: Partial<Record<EngineName, number>>;
  runsMs: Partial<Record<EngineName, number[]>>;
  /** Peers: median of an empty eth_call made right after each timed run (transport under the same load). */
  transportMs: Partial<Record<EngineName, number>>;
  mgasPerSec: number;
  mips: number;
  gasUsed: number;
  instructions: number;
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

/** Peers (eth_call) are checked on status and output; they report no gas. */
function checkEngine(engine: EngineName, w: Workload, r: RunResult): void {
  if (REPORTS_GAS[engine]) {
    check(ENGINE_LABELS[engine], w, r);
    return;
  }
  const problems: string[] = [];
  if (r.status !== 'success') problems.push(`status ${r.status}`);
  if (w.expectedOutput !== undefined && !eq(r.output, w.expectedOutput)) {
    problems.push(`output ${bytesToHex(r.output).slice(0, 66)} ≠ ${bytesToHex(w.expectedOutput).slice(0, 66)}`);
  }
  if (problems.length) throw new Error(`${w.name} on ${ENGINE_LABELS[engine]}: ${problems.join('; ')}`);
}

/** Synthetic workloads: @ethereumjs/evm defines the expectation; instructions are counted with our tracer. */
async function prepareSynthetic(w: Workload): Promise<void> {
  const e0 = await runEthereumjs(w);
  if (e0.status !== 'success') throw new Error(`${w.name}: ethereumjs ${e0.status}`);
  w.expectedOutput = e0.output;
  w.expectedGasUsed = e0.gasUsed;
  w.expectedRefund = e0.refund;
  w.instructions = countInstructionsOurs(w);
}

/**
 * Correctness first (every engine), then warm-up, then `reps` timed rounds; each round runs every engine once,
 * starting with a different engine each round. Each run is preceded by a forced GC in the engine's thread.
 */
async function benchWorkload(
  w: Workload,
  engines: Map<EngineName, PeerEngine>,
  args: Args,
  log: (s: string) => void,
): Promise<WorkloadReport> {
  const names = [...engines.keys()];
  let gasUsed = w.expectedGasUsed ?? NaN;
  for (const n of names) {
    const r = await engines.get(n)!.run(w);
    checkEngine(n, w, r);
    if (n === 'zkos') gasUsed = r.gasUsed;
    for (let i = 1; i < args.warmup; i++) await engines.get(n)!.run(w);
  }
  const runs = new Map<EngineName, number[]>(names.map((n) => [n, []]));
  const empty = emptyWorkload();
  const emptyRuns = new Map<EngineName, number[]>();
  for (let round = 0; round < args.reps; round++) {
    for (let k = 0; k < names.length; k++) {
      const n = names[(round + k) % names.length]!;
      const r = await engines.get(n)!.run(w);
      if (n === 'zkos') checkEngine(n, w, r);
      runs.get(n)!.push(r.ms);
      // Peers: an empty call right after, so the transport is measured under the same load as the figure.
      if (!REPORTS_GAS[n]) emptyRuns.set(n, [...(emptyRuns.get(n) ?? []), (await engines.get(n)!.run(empty)).ms]);
    }
  }
  const ms = Object.fromEntries(names.map((n) => [n, median(runs.get(n)!)])) as Partial<Record<EngineName, number>>;
  const oursMs = ms.zkos ?? NaN;
  const instructions = w.instructions ?? 0;
  log(`  ${w.name}: ${names.map((n) => `${n} ${fmt(ms[n]!)} ms`).join(', ')}`);
  return {
    name: w.name,
    kind: w.kind,
    ms,
    runsMs: Object.fromEntries(runs) as Partial<Record<EngineName, number[]>>,
    transportMs: Object.fromEntries([...emptyRuns].map(([n, t]) => [n, median(t)])) as Partial<
      Record<EngineName, number>
    >,
    mgasPerSec: gasUsed / oursMs / 1000,
    mips: instructions / oursMs / 1000,
    gasUsed,
    instructions,
  };
}

/** Median time of an empty eth_call (code STOP) per peer: the transport and per-call overhead. */
async function transportMs(
  engines: Map<EngineName, PeerEngine>,
  args: Args,
): Promise<Partial<Record<EngineName, number>>> {
  const out: Partial<Record<EngineName, number>> = {};
  const w = emptyWorkload();
  for (const [n, e] of engines) {
    const times: number[] = [];
    for (let i = 0; i < args.warmup + Math.max(args.reps, 21); i++) {
      const r = await e.run(w);
      if (r.status !== 'success') throw new Error(`empty call on ${n}: ${r.status}`);
      if (i >= args.warmup) times.push(r.ms);
    }
    out[n] = median(times);
  }
  return out;
}

interface ModeReport {
  mode: 'isolated' | 'same-process';
  engines: EngineName[];
  transportMs: Partial<Record<EngineName, number>>;
  fixtures: WorkloadReport[];
  synthetic: WorkloadReport[];
}

async function benchMode(
  isolated: boolean,
  names: readonly EngineName[],
  fixtures: Workload[],
  synthetic: Workload[],
  args: Args,
  log: (s: string) => void,
): Promise<ModeReport> {
  log(isolated ? 'isolated: each engine in its own worker thread' : 'same process: all engines in this thread');
  const engines = await openEngines(names, isolated, log);
  try {
    const transport = await transportMs(engines, args);
    const fx: WorkloadReport[] = [];
    for (const w of fixtures) fx.push(await benchWorkload(w, engines, args, log));
    const syn: WorkloadReport[] = [];
    for (const w of synthetic) syn.push(await benchWorkload(w, engines, args, log));
    return {
      mode: isolated ? 'isolated' : 'same-process',
      engines: [...engines.keys()],
      transportMs: transport,
      fixtures: fx,
      synthetic: syn,
    };
  } finally {
    await closeEngines(engines);
  }
}

const ratio = (r: WorkloadReport, n: EngineName): number => (r.ms[n] ?? NaN) / (r.ms.zkos ?? NaN);

function workloadTable(m: ModeReport, rows: WorkloadReport[]): string {
  const others = m.engines.filter((n) => n !== 'zkos');
  const header = ['workload', 'zkos ms'];
  for (const n of others) header.push(REPORTS_GAS[n] ? `${n} ms` : `${n} ms (empty)`, `${n}/zkos`);
  header.push('Mgas/s', 'MIPS');
  const body = rows.map((r) => {
    const cells = [r.name, fmt(r.ms.zkos ?? NaN)];
    for (const n of others) {
      const t = r.transportMs[n];
      cells.push(
        t === undefined ? fmt(r.ms[n] ?? NaN) : `${fmt(r.ms[n] ?? NaN)} (${fmt(t, 3)})`,
        `${fmt(ratio(r, n))}×`,
      );
    }
    cells.push(fmt(r.mgasPerSec), fmt(r.mips));
    return cells;
  });
  const gm = ['geomean', ''];
  for (const n of others) gm.push('', `${fmt(geomean(rows.map((r) => ratio(r, n))))}×`);
  gm.push('', '');
  return table(header, [...body, gm]);
}

function modeText(m: ModeReport, reps: number): string[] {
  const out: string[] = [];
  const what =
    m.mode === 'isolated'
      ? 'each engine in its own worker thread (own heap and type feedback)'
      : 'all engines in one thread, interleaved';
  const peers = m.engines.filter((n) => !REPORTS_GAS[n]);
  const transport = peers.map((n) => `${n} ${fmt(m.transportMs[n] ?? NaN, 3)} ms`).join(', ');
  for (const [title, rows] of [
    ['Fixture workloads', m.fixtures],
    ['Synthetic workloads', m.synthetic],
  ] as const) {
    if (rows.length === 0) continue;
    out.push(`${title}, ${m.mode}: ${what}; median of ${reps}; X/zkos = X's time / ours (> 1: we are faster)`);
    out.push(workloadTable(m, rows));
    if (peers.length) {
      out.push('(empty) = median empty eth_call (code STOP) right after each timed run: the transport, included in');
      out.push(`the peer's figure. Measured once before the workloads: ${transport}`);
      for (const n of peers) {
        const net = rows.map(
          (r) => `${r.name} ${fmt(((r.ms[n] ?? NaN) - (r.transportMs[n] ?? 0)) / (r.ms.zkos ?? NaN))}×`,
        );
        out.push(`  ${n}/zkos without transport: ${net.join(', ')}`);
      }
    }
    out.push('');
  }
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = (s: string): void => void process.stderr.write(s + '\n');
  if (!(globalThis as { gc?: unknown }).gc) log('note: run node with --expose-gc for a GC between timed runs');
  const selected = (name: string, kind?: string): boolean =>
    args.only === null || args.only.includes(name) || (kind !== undefined && args.only.includes(kind));

  const fixtures = loadFixtures(args.fixtures).filter((w) => selected(w.name, 'fixtures'));
  const synthetic = args.synthetic ? syntheticWorkloads().filter((w) => selected(w.name, 'synthetic')) : [];
  log(
    `zkos-runner bench: ${fixtures.length} fixtures, ${synthetic.length} synthetic, ${args.reps} reps after ${args.warmup} warm-up (node ${process.version})`,
  );

  for (const w of synthetic) if (!args.oursOnly) await prepareSynthetic(w);
  const modes: ModeReport[] = [];
  if (args.isolated) modes.push(await benchMode(true, args.engines, fixtures, synthetic, args, log));
  if (args.sameProcess) {
    // Same process: zkos-runner beside the in-process engines (the embedding case). EDR's native context is
    // per process and already exists when the isolated run opened it in a worker, so it is isolated-only then.
    const here = args.engines.filter((n) => n !== 'anvil' && !(n === 'edr' && args.isolated));
    modes.push(await benchMode(false, here, fixtures, synthetic, args, log));
  }

  const wantStateTests = args.statetests && (args.only === null || args.only.includes('statetests'));
  const wantProbes = args.probes && (args.only === null || args.only.includes('probes'));
  let st: StateTestReport | null = null;
  if (wantStateTests) {
    log(`state tests: every ${args.statetestsSample}th file…`);
    st = await runStateTestComparison({
      dir: args.statetestsDir,
      sample: args.statetestsSample,
      includePerf: args.includePerf,
      isolated: args.isolated,
      sameProcess: args.sameProcess,
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
  for (const m of modes) out.push(...modeText(m, args.reps));
  if (st) {
    out.push(
      `State tests (${st.filesRun}/${st.filesTotal} files = ${fmt((100 * st.filesRun) / st.filesTotal, 1)}%, every ${st.sample}th; ${st.cases} Cancun cases, end to end):`,
    );
    const phases: [string, StateTestPhase | undefined][] = [
      ['isolated (each engine alone in its own worker thread)', st.isolated],
      ['same process (both engines in this thread, alternating per case)', st.sameProcess],
    ];
    for (const [label, p] of phases) {
      if (p === undefined) continue;
      out.push(`${label}:`);
      out.push(
        table(
          ['engine', 'cases', 'passed', 'total ms', 'cases/s'],
          [
            ['zkos-runner', String(p.ours.cases), String(p.ours.passed), fmt(p.ours.ms, 0), fmt(p.ours.casesPerSec)],
            [
              '@ethereumjs/vm',
              String(p.ethereumjs.cases),
              String(p.ethereumjs.passed),
              fmt(p.ethereumjs.ms, 0),
              fmt(p.ethereumjs.casesPerSec),
            ],
          ],
        ),
      );
      out.push(`ratio (ethereumjs time / ours): ${fmt(p.ratio)}× (target ≥ 15×)`);
      out.push('  the files that took us longest: ours ms / ethereumjs ms (ratio)');
      for (const h of p.heaviest)
        out.push(`    ${h.file}: ${fmt(h.oursMs, 0)} / ${fmt(h.ethereumjsMs, 0)} (${fmt(h.ethereumjsMs / h.oursMs)}×)`);
    }
    if (st.sameProcess) out.push(`peak RSS of the same-process phase: ${fmt(st.peakRssMb, 0)} MB`);
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
    const json = {
      modes,
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
