// State-test fixtures (ethereum/tests GeneralStateTests format): strict parsing into typed structures,
// and building the transaction of one post case. Errors name the path: `<file> › <test> › <field>`.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Address } from '../ee/types.js';
import type { BlockContext } from '../ee/host.js';
import {
  expectArray,
  expectObject,
  expectString,
  fieldPath,
  InputError,
  parseAddress,
  parseData,
  parseIndex,
  parseOptionalAddress,
  parseQuantity,
  parseU256,
  parseU64,
  parseWord,
  parseWordBytes,
  rejectUnknownKeys,
  requireKey,
} from '../input/parse.js';
import { blobBaseFee } from '../tx/fees.js';
import { addressFromSecretKey } from '../tx/sender.js';
import type { AccessList, AccessListEntry, Authorization, Transaction, TxType } from '../tx/types.js';

/** An account of the pre-state. */
export interface PreAccount {
  readonly balance: bigint;
  readonly nonce: bigint;
  readonly code: Uint8Array;
  readonly storage: Map<bigint, bigint>;
}

/** The fixture's `transaction`: shared fields plus the `data`/`gasLimit`/`value` alternatives. */
export interface TxTemplate {
  readonly data: readonly Uint8Array[];
  /** Parallel to `data`; a null entry means "no access list" (legacy type for that data index). */
  readonly accessLists?: readonly (AccessList | null)[];
  /** Unbounded: values wider than their field are kept for validation to reject. */
  readonly gasLimit: readonly bigint[];
  readonly value: readonly bigint[];
  readonly nonce: bigint;
  readonly to: Address | null;
  readonly gasPrice?: bigint;
  readonly maxFeePerGas?: bigint;
  readonly maxPriorityFeePerGas?: bigint;
  readonly maxFeePerBlobGas?: bigint;
  readonly blobVersionedHashes?: readonly bigint[];
  readonly secretKey?: Uint8Array;
  /** EIP-7702 list (execution-spec-tests form); present makes the transaction type 4. */
  readonly authorizationList?: readonly Authorization[];
  /** From `secretKey` (checked against `sender` when both are given), else the `sender` field. */
  readonly sender: Address;
}

/** Which alternatives of the template a case uses. */
export interface CaseIndex {
  readonly data: number;
  readonly gas: number;
  readonly value: number;
}

/** One `post.<fork>[i]` entry. */
export interface StateTestCase {
  readonly fork: string;
  /** Position within `post.<fork>`. */
  readonly position: number;
  readonly index: CaseIndex;
  /** 0x-prefixed lower-case 32-byte hex. */
  readonly expectedStateRoot: string;
  /** keccak256 of the RLP list of logs, 0x-prefixed lower-case 32-byte hex. */
  readonly expectedLogsHash: string;
  /** `TransactionException.X|TransactionException.Y` when the transaction must be rejected. */
  readonly expectException?: string;
  readonly txbytes?: Uint8Array;
}

export interface StateTest {
  readonly name: string;
  /** Label of the source file (used in error paths). */
  readonly file: string;
  readonly env: BlockContext;
  readonly pre: Map<Address, PreAccount>;
  readonly txTemplate: TxTemplate;
  /** Cases of every fork, in file order; filter on `fork`. */
  readonly cases: readonly StateTestCase[];
}

export type StateTestFile = Map<string, StateTest>;

const TEST_KEYS = ['_info', 'env', 'pre', 'transaction', 'post', 'config'];
const ACCOUNT_KEYS = ['balance', 'nonce', 'code', 'storage'];
const TX_KEYS = [
  'data',
  'gasLimit',
  'value',
  'nonce',
  'to',
  'gasPrice',
  'maxFeePerGas',
  'maxPriorityFeePerGas',
  'maxFeePerBlobGas',
  'blobVersionedHashes',
  'accessLists',
  'secretKey',
  'sender',
  'authorizationList',
];
/** `state` is the full post-state some execution-spec-tests fixtures carry; the root is what we compare. */
const CASE_KEYS = ['hash', 'logs', 'indexes', 'expectException', 'txbytes', 'state'];
const AUTHORIZATION_KEYS = ['chainId', 'address', 'nonce', 'v', 'r', 's', 'yParity', 'signer'];
const INDEX_KEYS = ['data', 'gas', 'value'];

/** geth's default base fee for fixtures without `currentBaseFee`. */
const DEFAULT_BASE_FEE = 0x0an;

/** Reads and parses a fixture file; `label` (default: the file's base name) starts error paths. */
export function loadStateTestFile(path: string, label: string = basename(path)): StateTestFile {
  const text = readFileSync(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(label, `invalid JSON: ${(e as Error).message}`);
  }
  return parseStateTestFile(json, label);
}

/** Parses the JSON of a fixture file (an object of tests). */
export function parseStateTestFile(json: unknown, file: string): StateTestFile {
  const root = expectObject(json, file);
  const out: StateTestFile = new Map();
  for (const [name, value] of Object.entries(root)) out.set(name, parseStateTest(name, value, file));
  return out;
}

/** Parses one test object. */
export function parseStateTest(name: string, json: unknown, file: string): StateTest {
  const base = `${file} › ${name} › `;
  const t = expectObject(json, `${file} › ${name}`);
  rejectUnknownKeys(t, TEST_KEYS, base);
  let chainId = 1n;
  if (t['config'] !== undefined) {
    const config = expectObject(t['config'], base + 'config');
    if (config['chainid'] !== undefined) chainId = parseU256(config['chainid'], base + 'config.chainid');
  }
  const env = parseEnv(requireKey(t, 'env', base), base + 'env', chainId);
  const pre = parsePre(requireKey(t, 'pre', base), base + 'pre');
  const txTemplate = parseTxTemplate(requireKey(t, 'transaction', base), base + 'transaction');
  const cases = parsePost(requireKey(t, 'post', base), base + 'post', txTemplate);
  return { name, file, env, pre, txTemplate, cases };
}

function optional<T>(obj: Record<string, unknown>, key: string, parse: (v: unknown) => T): T | undefined {
  const v = obj[key];
  return v === undefined ? undefined : parse(v);
}

/**
 * `env` → BlockContext. Optional keys default as geth's state-test runner does (base fee 10,
 * PREVRANDAO = difficulty before the merge, excess blob gas 0). Keys this engine does not use
 * (e.g. a parent beacon root) are ignored rather than rejected.
 */
function parseEnv(json: unknown, path: string, chainId: bigint): BlockContext {
  const e = expectObject(json, path);
  const f = (k: string): string => fieldPath(path, k);
  const difficulty = parseU256(requireKey(e, 'currentDifficulty', path), f('currentDifficulty'));
  const excessBlobGas = optional(e, 'currentExcessBlobGas', (v) => parseU64(v, f('currentExcessBlobGas'))) ?? 0n;
  return {
    coinbase: parseAddress(requireKey(e, 'currentCoinbase', path), f('currentCoinbase')),
    number: parseU64(requireKey(e, 'currentNumber', path), f('currentNumber')),
    timestamp: parseU64(requireKey(e, 'currentTimestamp', path), f('currentTimestamp')),
    gasLimit: parseU64(requireKey(e, 'currentGasLimit', path), f('currentGasLimit')),
    baseFee: optional(e, 'currentBaseFee', (v) => parseU256(v, f('currentBaseFee'))) ?? DEFAULT_BASE_FEE,
    prevRandao: optional(e, 'currentRandom', (v) => parseU256(v, f('currentRandom'))) ?? difficulty,
    difficulty,
    chainId,
    excessBlobGas,
    blobBaseFee: blobBaseFee(excessBlobGas),
  };
}

function parsePre(json: unknown, path: string): Map<Address, PreAccount> {
  const p = expectObject(json, path);
  const pre = new Map<Address, PreAccount>();
  for (const [key, value] of Object.entries(p)) {
    const apath = fieldPath(path, key);
    const address = parseAddress(key, apath);
    if (pre.has(address)) throw new InputError(apath, 'duplicate address');
    const a = expectObject(value, apath);
    rejectUnknownKeys(a, ACCOUNT_KEYS, apath);
    const spath = fieldPath(apath, 'storage');
    const s = expectObject(requireKey(a, 'storage', apath), spath);
    const storage = new Map<bigint, bigint>();
    for (const [k, v] of Object.entries(s)) {
      const kpath = fieldPath(spath, k);
      const slot = parseU256(k, kpath);
      if (storage.has(slot)) throw new InputError(kpath, 'duplicate storage key');
      storage.set(slot, parseU256(v, kpath));
    }
    pre.set(address, {
      balance: parseU256(requireKey(a, 'balance', apath), fieldPath(apath, 'balance')),
      nonce: parseU64(requireKey(a, 'nonce', apath), fieldPath(apath, 'nonce')),
      code: parseData(requireKey(a, 'code', apath), fieldPath(apath, 'code')),
      storage,
    });
  }
  return pre;
}

function parseAccessList(json: unknown, path: string): AccessList {
  return expectArray(json, path).map((item, i): AccessListEntry => {
    const ipath = fieldPath(path, i);
    const o = expectObject(item, ipath);
    rejectUnknownKeys(o, ['address', 'storageKeys'], ipath);
    const kpath = fieldPath(ipath, 'storageKeys');
    return {
      address: parseAddress(requireKey(o, 'address', ipath), fieldPath(ipath, 'address')),
      storageKeys: expectArray(requireKey(o, 'storageKeys', ipath), kpath).map((k, j) =>
        parseWord(k, fieldPath(kpath, j)),
      ),
    };
  });
}

/**
 * One execution-spec-tests authorization: chainId, address, nonce, v (= yParity), r, s; `signer` is
 * informational (the authority is always recovered from the signature). Numbers stay unbounded for validation.
 */
function parseAuthorization(json: unknown, path: string): Authorization {
  const o = expectObject(json, path);
  rejectUnknownKeys(o, AUTHORIZATION_KEYS, path);
  const f = (k: string): string => fieldPath(path, k);
  const yParityRaw = o['yParity'] ?? o['v'];
  if (yParityRaw === undefined) throw new InputError(f('yParity'), 'missing field (neither yParity nor v given)');
  const yParity = parseQuantity(yParityRaw, f(o['yParity'] !== undefined ? 'yParity' : 'v'));
  if (o['yParity'] !== undefined && o['v'] !== undefined && parseQuantity(o['v'], f('v')) !== yParity)
    throw new InputError(f('v'), 'differs from yParity');
  return {
    chainId: parseQuantity(requireKey(o, 'chainId', path), f('chainId')),
    address: parseAddress(requireKey(o, 'address', path), f('address')),
    nonce: parseQuantity(requireKey(o, 'nonce', path), f('nonce')),
    yParity,
    r: parseQuantity(requireKey(o, 'r', path), f('r')),
    s: parseQuantity(requireKey(o, 's', path), f('s')),
  };
}

function nonEmptyArray(json: unknown, path: string): unknown[] {
  const a = expectArray(json, path);
  if (a.length === 0) throw new InputError(path, 'empty array');
  return a;
}

function parseTxTemplate(json: unknown, path: string): TxTemplate {
  const t = expectObject(json, path);
  rejectUnknownKeys(t, TX_KEYS, path);
  const f = (k: string): string => fieldPath(path, k);
  // Transaction numbers are unbounded here: validation reports fields wider than their encoding.
  const quantity = (k: string) => (v: unknown) => parseQuantity(v, f(k));

  const data = nonEmptyArray(requireKey(t, 'data', path), f('data')).map((v, i) =>
    parseData(v, fieldPath(f('data'), i)),
  );
  const gasLimit = nonEmptyArray(requireKey(t, 'gasLimit', path), f('gasLimit')).map((v, i) =>
    parseQuantity(v, fieldPath(f('gasLimit'), i)),
  );
  const value = nonEmptyArray(requireKey(t, 'value', path), f('value')).map((v, i) =>
    parseQuantity(v, fieldPath(f('value'), i)),
  );

  let accessLists: (AccessList | null)[] | undefined;
  if (t['accessLists'] !== undefined) {
    const ap = f('accessLists');
    accessLists = expectArray(t['accessLists'], ap).map((al, i) =>
      al === null ? null : parseAccessList(al, fieldPath(ap, i)),
    );
    if (accessLists.length !== data.length) {
      throw new InputError(ap, `has ${accessLists.length} entries but data has ${data.length}`);
    }
  }

  const gasPrice = optional(t, 'gasPrice', quantity('gasPrice'));
  const maxFeePerGas = optional(t, 'maxFeePerGas', quantity('maxFeePerGas'));
  const maxPriorityFeePerGas = optional(t, 'maxPriorityFeePerGas', quantity('maxPriorityFeePerGas'));
  const maxFeePerBlobGas = optional(t, 'maxFeePerBlobGas', quantity('maxFeePerBlobGas'));
  const blobVersionedHashes = optional(t, 'blobVersionedHashes', (v) =>
    expectArray(v, f('blobVersionedHashes')).map((h, i) => parseWord(h, fieldPath(f('blobVersionedHashes'), i))),
  );
  if (gasPrice !== undefined && (maxFeePerGas !== undefined || maxPriorityFeePerGas !== undefined)) {
    throw new InputError(f('gasPrice'), 'cannot be combined with maxFeePerGas/maxPriorityFeePerGas');
  }
  if (gasPrice === undefined && maxFeePerGas === undefined) {
    throw new InputError(f('gasPrice'), 'missing field (neither gasPrice nor maxFeePerGas given)');
  }
  if (maxFeePerGas !== undefined && maxPriorityFeePerGas === undefined) {
    throw new InputError(f('maxPriorityFeePerGas'), 'missing field (required with maxFeePerGas)');
  }
  if (maxFeePerGas === undefined && maxPriorityFeePerGas !== undefined) {
    throw new InputError(f('maxFeePerGas'), 'missing field (required with maxPriorityFeePerGas)');
  }
  if ((blobVersionedHashes === undefined) !== (maxFeePerBlobGas === undefined)) {
    const missing = blobVersionedHashes === undefined ? 'blobVersionedHashes' : 'maxFeePerBlobGas';
    throw new InputError(f(missing), 'missing field (blob transactions need maxFeePerBlobGas and blobVersionedHashes)');
  }
  if (blobVersionedHashes !== undefined && maxFeePerGas === undefined) {
    throw new InputError(f('maxFeePerGas'), 'missing field (required for a blob transaction)');
  }

  const authorizationList = optional(t, 'authorizationList', (v) =>
    expectArray(v, f('authorizationList')).map((a, i) => parseAuthorization(a, fieldPath(f('authorizationList'), i))),
  );
  if (authorizationList !== undefined && maxFeePerGas === undefined) {
    throw new InputError(f('maxFeePerGas'), 'missing field (required for a set-code transaction)');
  }
  const secretKey = optional(t, 'secretKey', (v) => parseWordBytes(v, f('secretKey')));
  const givenSender = optional(t, 'sender', (v) => parseAddress(v, f('sender')));
  let sender: Address;
  if (secretKey !== undefined) {
    try {
      sender = addressFromSecretKey(secretKey);
    } catch (e) {
      throw new InputError(f('secretKey'), `invalid secp256k1 secret key (${(e as Error).message})`);
    }
    if (givenSender !== undefined && givenSender !== sender) {
      throw new InputError(
        f('sender'),
        `does not match secretKey (derived 0x${sender.toString(16).padStart(40, '0')})`,
      );
    }
  } else if (givenSender !== undefined) {
    sender = givenSender;
  } else {
    throw new InputError(f('secretKey'), 'missing field (neither secretKey nor sender given)');
  }

  return {
    data,
    gasLimit,
    value,
    nonce: parseQuantity(requireKey(t, 'nonce', path), f('nonce')),
    to: parseOptionalAddress(requireKey(t, 'to', path), f('to')),
    sender,
    ...(accessLists !== undefined && { accessLists }),
    ...(gasPrice !== undefined && { gasPrice }),
    ...(maxFeePerGas !== undefined && { maxFeePerGas }),
    ...(maxPriorityFeePerGas !== undefined && { maxPriorityFeePerGas }),
    ...(maxFeePerBlobGas !== undefined && { maxFeePerBlobGas }),
    ...(blobVersionedHashes !== undefined && { blobVersionedHashes }),
    ...(secretKey !== undefined && { secretKey }),
    ...(authorizationList !== undefined && { authorizationList }),
  };
}

function parseHash(v: unknown, path: string): string {
  return '0x' + parseWord(v, path).toString(16).padStart(64, '0');
}

function parsePost(json: unknown, path: string, tx: TxTemplate): StateTestCase[] {
  const post = expectObject(json, path);
  const cases: StateTestCase[] = [];
  for (const [fork, entries] of Object.entries(post)) {
    const fpath = fieldPath(path, fork);
    expectArray(entries, fpath).forEach((entry, position) => {
      const cpath = fieldPath(fpath, position);
      const c = expectObject(entry, cpath);
      rejectUnknownKeys(c, CASE_KEYS, cpath);
      const ipath = fieldPath(cpath, 'indexes');
      const idx = expectObject(requireKey(c, 'indexes', cpath), ipath);
      rejectUnknownKeys(idx, INDEX_KEYS, ipath);
      const index: CaseIndex = {
        data: parseIndex(requireKey(idx, 'data', ipath), fieldPath(ipath, 'data')),
        gas: parseIndex(requireKey(idx, 'gas', ipath), fieldPath(ipath, 'gas')),
        value: parseIndex(requireKey(idx, 'value', ipath), fieldPath(ipath, 'value')),
      };
      checkRange(index.data, tx.data.length, fieldPath(ipath, 'data'), 'data');
      checkRange(index.gas, tx.gasLimit.length, fieldPath(ipath, 'gas'), 'gasLimit');
      checkRange(index.value, tx.value.length, fieldPath(ipath, 'value'), 'value');
      const expectException = optional(c, 'expectException', (v) => {
        const s = expectString(v, fieldPath(cpath, 'expectException'));
        if (s.trim() === '') throw new InputError(fieldPath(cpath, 'expectException'), 'empty string');
        return s;
      });
      const txbytes = optional(c, 'txbytes', (v) => parseData(v, fieldPath(cpath, 'txbytes')));
      cases.push({
        fork,
        position,
        index,
        expectedStateRoot: parseHash(requireKey(c, 'hash', cpath), fieldPath(cpath, 'hash')),
        expectedLogsHash: parseHash(requireKey(c, 'logs', cpath), fieldPath(cpath, 'logs')),
        ...(expectException !== undefined && { expectException }),
        ...(txbytes !== undefined && { txbytes }),
      });
    });
  }
  return cases;
}

function checkRange(i: number, length: number, path: string, what: string): void {
  if (i >= length) throw new InputError(path, `index ${i} out of range (transaction.${what} has ${length} entries)`);
}

/** The cases of `fork` (the `post` key, exactly; default Cancun). */
export function casesForFork(test: StateTest, fork = 'Cancun'): StateTestCase[] {
  return test.cases.filter((c) => c.fork === fork);
}

/** The transaction type the template implies for data index `d`. */
export function templateTxType(tx: TxTemplate, d: number): TxType {
  if (tx.authorizationList !== undefined) return 4;
  if (tx.blobVersionedHashes !== undefined || tx.maxFeePerBlobGas !== undefined) return 3;
  if (tx.maxFeePerGas !== undefined) return 2;
  if (tx.accessLists !== undefined && tx.accessLists[d] != null) return 1;
  return 0;
}

/**
 * The transaction of a case: data[d] (with accessLists[d]), gasLimit[g], value[v]. Out-of-width
 * values are kept as they are, for `validateTransaction` to reject.
 */
export function buildTransaction(test: StateTest, index: CaseIndex): Transaction {
  const t = test.txTemplate;
  const path = `${test.file} › ${test.name} › transaction`;
  checkRange(index.data, t.data.length, `${path} index data`, 'data');
  checkRange(index.gas, t.gasLimit.length, `${path} index gas`, 'gasLimit');
  checkRange(index.value, t.value.length, `${path} index value`, 'value');
  const type = templateTxType(t, index.data);
  return {
    type,
    chainId: test.env.chainId,
    nonce: t.nonce,
    gasLimit: t.gasLimit[index.gas]!,
    to: t.to,
    value: t.value[index.value]!,
    data: t.data[index.data]!,
    ...(type <= 1 ? { gasPrice: t.gasPrice ?? 0n } : {}),
    ...(type >= 2 ? { maxFeePerGas: t.maxFeePerGas ?? 0n, maxPriorityFeePerGas: t.maxPriorityFeePerGas ?? 0n } : {}),
    ...(type === 3 ? { maxFeePerBlobGas: t.maxFeePerBlobGas ?? 0n } : {}),
    accessList: t.accessLists?.[index.data] ?? [],
    blobVersionedHashes: t.blobVersionedHashes ?? [],
    ...(type === 4 ? { authorizationList: t.authorizationList ?? [] } : {}),
    sender: t.sender,
  };
}
