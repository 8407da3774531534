// Scaling probes: per-frame overhead of an empty CALL (inspector off / no-op inspector, and
// @ethereumjs/evm for reference); CALL + SSTORE (+ REVERT) cost against storage and world size;
// peak memory of a 10^6-slot world.
import { ethereum } from '../src/profiles/ethereum.js';
import { createEnvironment } from '../src/runner/environment.js';
import { runSingleInteraction } from '../src/runner/runner.js';
import { WorldState, type AccountInit } from '../src/system/world.js';
import { concat, word } from './asm.js';
import { callLoopCode, stopCode, storeDriverCode, storeTargetCode } from './contracts/probes.js';
import { runEthereumjs } from './ethereumjs.js';
import { BENCH_BLOCK, runOurs } from './ours.js';
import { fmt, gc, median, now, table } from './util.js';
import { DEFAULT_CALLER, DEFAULT_TARGET, type Workload } from './workloads.js';

const CALLEE = 0xca11ee0000000000000000000000000000000001n;

export interface FrameProbe {
  readonly calls: number;
  /** µs per empty CALL (caller loop + CALL + callee frame and actor + return). */
  readonly usPerFrameInspectorOff: number;
  readonly usPerFrameInspectorOn: number;
  readonly usPerFrameEthereumjs: number;
  /** ms of the same run with n = 0 (entry frame, setup), subtracted above. */
  readonly fixedMs: number;
  readonly inspectorEventsPerFrame: number;
}

function callLoopWorkload(n: number, callee: bigint): Workload {
  return {
    name: 'empty_call_loop',
    kind: 'synthetic',
    code: callLoopCode,
    calldata: concat(word(callee), word(n)),
    caller: DEFAULT_CALLER,
    to: DEFAULT_TARGET,
    value: 0n,
    gasLimit: 1_000_000_000,
    extraAccounts: [{ address: CALLEE, code: stopCode }],
  };
}

export async function frameProbe(n: number, reps: number): Promise<FrameProbe> {
  const w = callLoopWorkload(n, CALLEE);
  // Fixed cost (entry frame, setup) = the same contract with n = 0; per frame = (t(n) - t(0)) / n, which
  // includes the caller's loop and CALL opcode (about 20 instructions per iteration).
  const base = callLoopWorkload(0, CALLEE);
  const o = runOurs(w);
  const e = await runEthereumjs(w);
  if (o.gasUsed !== e.gasUsed || o.status !== 'success')
    throw new Error(`frame probe: gas ${o.gasUsed} vs ${e.gasUsed}`);
  let events = 0;
  const counting = runOurs(w, { inspect: () => void events++ });
  if (counting.gasUsed !== o.gasUsed) throw new Error('frame probe: inspector changed gas');
  const off: number[] = [];
  const on: number[] = [];
  const ejs: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < reps + 1; i++) {
    gc();
    const t1 = runOurs(w).ms;
    gc();
    const t2 = runOurs(w, { inspect: () => {} }).ms;
    gc();
    const t3 = (await runEthereumjs(w)).ms;
    const t4 = runOurs(base).ms;
    if (i === 0) continue; // warm-up
    off.push(t1);
    on.push(t2);
    ejs.push(t3);
    b.push(t4);
  }
  const baseMs = median(b);
  return {
    calls: n,
    usPerFrameInspectorOff: ((median(off) - baseMs) / n) * 1000,
    usPerFrameInspectorOn: ((median(on) - baseMs) / n) * 1000,
    usPerFrameEthereumjs: (median(ejs) / n) * 1000,
    fixedMs: baseMs,
    inspectorEventsPerFrame: events / (n + 1),
  };
}

// ---- storage / world scaling ----

export interface StorageProbeRow {
  readonly accounts: number;
  readonly slots: number;
  /** µs per CALL + SSTORE of a fresh slot (frame commits). */
  readonly usCallSstore: number;
  /** µs per CALL + SSTORE + REVERT (frame snapshot restored). */
  readonly usCallSstoreRevert: number;
}

export interface StorageProbe {
  readonly writes: number;
  readonly rows: StorageProbeRow[];
  /** Largest/smallest per-operation time across all rows (target ≤ 1.5). */
  readonly maxRatioCommit: number;
  readonly maxRatioRevert: number;
  /** RSS growth for the 10^6-account world holding a 10^6-slot contract (MB). */
  readonly bigWorldMb: number;
  readonly peakRssMb: number;
}

const TARGET_BASE = 0x5107a6e000000000000000000000000000000000n;
const DRIVER = 0xd71e400000000000000000000000000000000001n;
const SLOT_SIZES = [10, 10_000, 1_000_000];
const FRESH_SLOT_BASE = 1n << 128n;

function buildStorageWorld(accounts: number): WorldState {
  const w = new WorldState();
  w.putCommitted(DRIVER, { code: storeDriverCode });
  SLOT_SIZES.forEach((slots, i) => {
    const storage = function* (): Iterable<[bigint, bigint]> {
      for (let s = 1; s <= slots; s++) yield [BigInt(s) * 0x9e3779b97f4a7c15n, BigInt(s)];
    };
    w.putCommitted(TARGET_BASE + BigInt(i), { code: storeTargetCode, storage: storage() } as AccountInit);
  });
  for (let i = w.size; i < accounts; i++)
    w.putCommitted(0xacc0000000000000000000000000000000000000n + BigInt(i), { balance: 1n, nonce: 1n });
  return w;
}

function storageRun(world: WorldState, target: bigint, n: number, revert: boolean): number {
  const env = createEnvironment({ profile: ethereum, world, block: BENCH_BLOCK });
  const t0 = now();
  const out = runSingleInteraction(env, {
    caller: DEFAULT_CALLER,
    callee: DRIVER,
    calldata: concat(word(target), word(n), word(revert ? 1 : 0), word(FRESH_SLOT_BASE)),
    value: 0n,
    gas: 1_000_000_000n,
  });
  const ms = now() - t0;
  world.discard(); // drop the overlay: the next run starts from the same committed world
  if (out.status !== 'success') throw new Error(`storage probe: ${out.status}`);
  return ms;
}

export function storageProbe(n: number, reps: number): StorageProbe {
  gc();
  const rss0 = process.memoryUsage().rss;
  const small = buildStorageWorld(10);
  gc();
  const rss1 = process.memoryUsage().rss;
  const big = buildStorageWorld(1_000_000);
  gc();
  const rss2 = process.memoryUsage().rss;
  const bigWorldMb = (rss2 - rss1) / 2 ** 20;
  void rss0;
  let peak = rss2;
  const configs = [small, big].flatMap((world) =>
    SLOT_SIZES.map((slots, i) => ({
      world,
      accounts: world === small ? 10 : 1_000_000,
      slots,
      target: TARGET_BASE + BigInt(i),
      commit: [] as number[],
      rev: [] as number[],
    })),
  );
  // Round robin over the six configurations so that JIT warm-up and machine load hit them alike.
  for (let r = 0; r < reps + 2; r++) {
    for (const c of configs) {
      const a = storageRun(c.world, c.target, n, false);
      const b = storageRun(c.world, c.target, n, true);
      if (r < 2) continue; // warm-up
      c.commit.push(a);
      c.rev.push(b);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const rows: StorageProbeRow[] = configs.map((c) => ({
    accounts: c.accounts,
    slots: c.slots,
    usCallSstore: (median(c.commit) / n) * 1000,
    usCallSstoreRevert: (median(c.rev) / n) * 1000,
  }));
  const ratio = (xs: number[]): number => Math.max(...xs) / Math.min(...xs);
  return {
    writes: n,
    rows,
    maxRatioCommit: ratio(rows.map((r) => r.usCallSstore)),
    maxRatioRevert: ratio(rows.map((r) => r.usCallSstoreRevert)),
    bigWorldMb,
    peakRssMb: peak / 2 ** 20,
  };
}

export function formatProbes(f: FrameProbe, s: StorageProbe): string {
  const lines: string[] = [];
  lines.push(
    `Per-frame overhead (${f.calls} empty CALLs to a STOP contract, fixed ${fmt(f.fixedMs, 3)} ms subtracted; caller loop included):`,
  );
  lines.push(`  inspector off: ${fmt(f.usPerFrameInspectorOff)} µs/frame   (target < 20 µs)`);
  lines.push(
    `  no-op inspect: ${fmt(f.usPerFrameInspectorOn)} µs/frame   (${fmt(f.inspectorEventsPerFrame, 1)} inspection events/frame)`,
  );
  lines.push(`  @ethereumjs/evm: ${fmt(f.usPerFrameEthereumjs)} µs/frame (loop included)`);
  lines.push('');
  lines.push(`CALL + SSTORE of a fresh slot (${s.writes} per run), µs per operation:`);
  lines.push(
    table(
      ['accounts', 'slots in target', 'CALL+SSTORE', 'CALL+SSTORE+REVERT'],
      s.rows.map((r) => [
        r.accounts.toLocaleString('en'),
        r.slots.toLocaleString('en'),
        fmt(r.usCallSstore),
        fmt(r.usCallSstoreRevert),
      ]),
    ),
  );
  lines.push(
    `  max/min across worlds: commit ${fmt(s.maxRatioCommit)}×, revert ${fmt(s.maxRatioRevert)}× (target ≤ 1.5×)`,
  );
  lines.push(
    `  10^6-account world with a 10^6-slot contract: +${fmt(s.bigWorldMb, 0)} MB RSS; peak RSS ${fmt(s.peakRssMb, 0)} MB`,
  );
  return lines.join('\n');
}
