// Runs one state-test case: pre-state → transaction → post-state root and logs hash, compared with the
// fixture (../shared/fixtures/README.md). Follows geth's state-test runner conventions.
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { bigIntToBytes, bytesToHex } from '../crypto/bytes.js';
import { keccak256Word } from '../crypto/keccak.js';
import type { StepTracer } from '../ee/evm/interpreter.js';
import { ethereum } from '../profiles/ethereum.js';
import type { Profile } from '../profiles/types.js';
import { createEnvironment } from '../runner/environment.js';
import { logsHash, stateRoot, type AccountForRoot } from '../system/stateRoot.js';
import { WorldState, type Log } from '../system/world.js';
import { matchesExpectedException } from '../tx/errors.js';
import { processTransaction } from '../tx/process.js';
import { buildTransaction, type StateTest, type StateTestCase } from './fixture.js';
import { forkByName } from '../forks/index.js';
import { blobBaseFeeAt } from '../forks/blob.js';

/** The outcome of one case, in the shape of `zkos statetest --json`. */
export interface CaseResult {
  readonly file: string;
  readonly name: string;
  readonly fork: string;
  readonly index: { readonly data: number; readonly gas: number; readonly value: number };
  readonly pass: boolean;
  readonly stateRoot: string;
  readonly expectedStateRoot: string;
  readonly logsHash: string;
  readonly expectedLogsHash: string;
  readonly error?: string;
  readonly ms: number;
  /** Gas used by the transaction (0 when rejected); for trace summaries, not part of the JSON line. */
  readonly gasUsed?: bigint;
  readonly output?: Uint8Array;
}

/** geth's state tests hash the block number's decimal string for BLOCKHASH. */
export function stateTestBlockHash(n: bigint): bigint {
  return keccak256Word(utf8ToBytes(n.toString(10)));
}

/** The Ethereum state root of the committed world. */
export function worldStateRoot(world: WorldState): Uint8Array {
  const accounts: AccountForRoot[] = [];
  for (const [address, { account, storage }] of world.committedAccounts()) {
    accounts.push({
      address,
      nonce: account.nonce,
      balance: account.balance,
      codeHash: bigIntToBytes(account.codeHash, 32),
      storage,
    });
  }
  return stateRoot(accounts);
}

export interface RunCaseOptions {
  readonly profile?: Profile;
  readonly tracer?: StepTracer;
  /** Called with the committed post-state world (e.g. for `zkos statetest --dump`). */
  readonly onPostState?: (world: WorldState) => void;
}

/** Executes the case and compares the post-state root, the logs hash and the expected exception. */
export function runStateTestCase(test: StateTest, c: StateTestCase, opts: RunCaseOptions = {}): CaseResult {
  const t0 = performance.now();
  const world = WorldState.fromAccounts(test.pre);
  let logs: readonly Log[] = [];
  let gasUsed = 0n;
  let output: Uint8Array = new Uint8Array(0);
  let error: string | undefined;
  let exceptionOk = c.expectException === undefined;
  try {
    const tx = buildTransaction(test, c.index);
    const fork = forkByName(c.fork);
    if (fork === undefined) throw new RangeError(`unsupported fork ${c.fork}`);
    // The blob base fee follows the fork's update fraction (EIP-7691 changed it). A state test names its fork,
    // not a chain: the fork's own schedule applies whatever the timestamp (mainnet's BPO dates do not).
    const block = { ...test.env, blobBaseFee: blobBaseFeeAt(fork, test.env.excessBlobGas, 0n) };
    const env = createEnvironment({
      profile: opts.profile ?? ethereum,
      fork,
      world,
      block,
      blockHashes: stateTestBlockHash,
      tracer: opts.tracer,
    });
    const result = processTransaction(env, tx);
    if (result.valid) {
      logs = result.logs;
      gasUsed = result.gasUsed;
      output = result.returnData;
      if (c.expectException !== undefined)
        error = `expected exception ${c.expectException}, but the transaction was valid`;
    } else if (c.expectException === undefined) {
      error = `transaction rejected: ${result.error.code}: ${result.error.message}`;
    } else {
      exceptionOk = matchesExpectedException(result.errors, c.expectException);
      if (!exceptionOk) error = `rejected with ${result.error.code}, expected ${c.expectException}`;
    }
  } catch (e) {
    world.discard();
    error = `host error: ${(e as Error).stack ?? String(e)}`;
    exceptionOk = false;
  }
  // geth's runner pays the coinbase a zero reward after every case, touching it (EIP-161).
  world.touch(test.env.coinbase);
  world.commit(true);
  const root = bytesToHex(worldStateRoot(world));
  opts.onPostState?.(world);
  const lh = bytesToHex(logsHash(logs));
  const pass = exceptionOk && error === undefined && root === c.expectedStateRoot && lh === c.expectedLogsHash;
  if (error === undefined && !pass) error = root !== c.expectedStateRoot ? 'state root mismatch' : 'logs hash mismatch';
  return {
    file: test.file,
    name: test.name,
    fork: c.fork,
    index: c.index,
    pass,
    stateRoot: root,
    expectedStateRoot: c.expectedStateRoot,
    logsHash: lh,
    expectedLogsHash: c.expectedLogsHash,
    ...(error !== undefined ? { error } : {}),
    ms: performance.now() - t0,
    gasUsed,
    output,
  };
}
