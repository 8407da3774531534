// Compile-tier prototype bench (issue #15): snailtracer and structarray_alloc on the interpreter and on
// compiled basic blocks, alternating in one process, on identical top frames. Checks output, gas used and
// against the interpreter (and the fixture) before timing; compile time is reported apart.
// Run: npm run build && node --expose-gc dist/bench/compileTier/run.js [--runs N] [--fixtures DIR]
import { bytesToHex, fmt, gc, median, now, table } from '../util.js';
import { defaultFixturesDir, loadFixture, type Workload } from '../workloads.js';
import { compileCode } from './compile.js';
import { benchTable, type FrameOutcome, runFrame, topFrame } from './frames.js';

const WORKLOADS = ['snailtracer', 'structarray_alloc'] as const;

function sameOutcome(a: FrameOutcome, b: FrameOutcome): boolean {
  return a.status === b.status && a.gasUsed === b.gasUsed && bytesToHex(a.output) === bytesToHex(b.output);
}

function describe(o: FrameOutcome): string {
  return `status ${o.status}, gas ${o.gasUsed}, output ${bytesToHex(o.output).slice(0, 18)}…`;
}

function argValue(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

function main(): void {
  const runs = Number(argValue('--runs', '15'));
  if (!Number.isInteger(runs) || runs < 1) {
    console.error(`--runs: expected a positive integer, got ${argValue('--runs', '')}`);
    process.exit(2);
  }
  const warmup = Number(argValue('--warmup', '5'));
  const chunk = Number(argValue('--chunk-bytes', '30000'));
  if (!Number.isInteger(warmup) || warmup < 0 || !Number.isInteger(chunk) || chunk < 1000) {
    console.error('--warmup: expected an integer >= 0; --chunk-bytes: expected an integer >= 1000');
    process.exit(2);
  }
  const dir = argValue('--fixtures', defaultFixturesDir());
  const t = benchTable();
  const rows: string[][] = [];
  for (const name of WORKLOADS) {
    const w: Workload = loadFixture(dir, name);
    const c0 = now();
    const compiled = compileCode(w.code, t, chunk);
    const compileMs = now() - c0;

    const interp = runFrame(w, topFrame(w));
    const comp = runFrame(w, topFrame(w), compiled.run);
    if (!sameOutcome(interp, comp))
      throw new Error(`${name}: compiled ${describe(comp)} != interpreter ${describe(interp)}`);
    if (interp.gasUsed !== w.expectedGasUsed || bytesToHex(interp.output) !== bytesToHex(w.expectedOutput!))
      throw new Error(`${name}: interpreter ${describe(interp)} differs from the fixture (gas ${w.expectedGasUsed})`);

    // Unmeasured runs first, so both tiers are measured after V8 has optimized them.
    for (let r = 0; r < warmup; r++) {
      runFrame(w, topFrame(w));
      runFrame(w, topFrame(w), compiled.run);
    }
    const ti: number[] = [];
    const tc: number[] = [];
    for (let r = 0; r < runs; r++) {
      // Alternate the order so neither tier always runs right after a GC or right after the other.
      const order = r % 2 === 0 ? [false, true] : [true, false];
      for (const useCompiled of order) {
        const f = topFrame(w);
        gc();
        const t0 = now();
        const o = useCompiled ? runFrame(w, f, compiled.run) : runFrame(w, f);
        const ms = now() - t0;
        if (!sameOutcome(o, interp)) throw new Error(`${name}: run ${r} differs: ${describe(o)}`);
        (useCompiled ? tc : ti).push(ms);
      }
    }
    const handlers = [...compiled.viaHandler].sort((a, b) => b[1] - a[1]);
    console.log(
      `${name}: ${compiled.blocks} blocks in ${compiled.chunks} functions, ${(compiled.sourceBytes / 1024).toFixed(0)} KiB JS; via handler: ${handlers.map(([n, k]) => `${n}×${k}`).join(' ')}`,
    );
    const mi = median(ti);
    const mc = median(tc);
    rows.push([name, fmt(compileMs), fmt(mi), fmt(mc), `${fmt(mi / mc)}×`, String(w.instructions ?? '')]);
  }
  console.log(
    `\n${runs} runs each after ${warmup} warm-up runs, alternating, medians (ms), chunks of ${chunk} source bytes;` +
      ' both tiers reproduce output and gas used:\n',
  );
  console.log(table(['workload', 'compile', 'interpreter', 'compiled', 'speedup', 'instructions'], rows));
}

main();
