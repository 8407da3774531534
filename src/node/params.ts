// Parsing of JSON-RPC parameters (execution-apis shapes). Every failure is an InputError naming the
// parameter, turned into -32602 by `param`.
import {
  expectArray,
  expectObject,
  InputError,
  parseAddress,
  parseData,
  parseU256,
  parseU64,
  parseWord,
} from '../input/parse.js';
import type { AccessList } from '../tx/types.js';

/** A boolean JSON value. */
export function parseBoolean(v: unknown, field: string): boolean {
  if (typeof v !== 'boolean') throw new InputError(field, `expected a boolean, got ${v === null ? 'null' : typeof v}`);
  return v;
}

/** A block reference: a tag, a number, or (EIP-1898) a hash. */
export type BlockRef =
  | { readonly tag: 'latest' | 'pending' | 'earliest' | 'safe' | 'finalized' }
  | { readonly number: bigint }
  | { readonly hash: bigint };

const TAGS = new Set(['latest', 'pending', 'earliest', 'safe', 'finalized']);

export function parseBlockRef(v: unknown, field: string, dflt: BlockRef = { tag: 'latest' }): BlockRef {
  if (v === undefined || v === null) return dflt;
  if (typeof v === 'string') {
    if (TAGS.has(v)) return { tag: v as 'latest' };
    return { number: parseU64(v, field) };
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (o.blockHash !== undefined) return { hash: parseWord(o.blockHash, `${field}.blockHash`) };
    if (o.blockNumber !== undefined) return parseBlockRef(o.blockNumber, `${field}.blockNumber`);
  }
  throw new InputError(
    field,
    'expected a block number, a tag (latest, pending, earliest, safe, finalized) or {blockHash}',
  );
}

/** A call or transaction request (eth_call, eth_estimateGas, eth_sendTransaction). */
export interface CallRequest {
  from?: bigint;
  to?: bigint | null;
  gas?: bigint;
  gasPrice?: bigint;
  maxFeePerGas?: bigint;
  maxPriorityFeePerGas?: bigint;
  maxFeePerBlobGas?: bigint;
  blobVersionedHashes?: bigint[];
  value?: bigint;
  data?: Uint8Array;
  nonce?: bigint;
  accessList?: AccessList;
  type?: number;
  chainId?: bigint;
}

function parseAccessList(v: unknown, field: string): AccessList {
  return expectArray(v, field).map((e, i) => {
    const o = expectObject(e, `${field}[${i}]`);
    return {
      address: parseAddress(o.address, `${field}[${i}].address`),
      storageKeys: expectArray(o.storageKeys ?? [], `${field}[${i}].storageKeys`).map((k, j) =>
        parseWord(k, `${field}[${i}].storageKeys[${j}]`),
      ),
    };
  });
}

export function parseCallRequest(v: unknown, field: string): CallRequest {
  const o = expectObject(v, field);
  const r: CallRequest = {};
  const f = (k: string): string => `${field}.${k}`;
  if (o.from != null) r.from = parseAddress(o.from, f('from'));
  if (o.to !== undefined) r.to = o.to === null ? null : parseAddress(o.to, f('to'));
  if (o.gas != null) r.gas = parseU64(o.gas, f('gas'));
  if (o.gasPrice != null) r.gasPrice = parseU256(o.gasPrice, f('gasPrice'));
  if (o.maxFeePerGas != null) r.maxFeePerGas = parseU256(o.maxFeePerGas, f('maxFeePerGas'));
  if (o.maxPriorityFeePerGas != null)
    r.maxPriorityFeePerGas = parseU256(o.maxPriorityFeePerGas, f('maxPriorityFeePerGas'));
  if (o.maxFeePerBlobGas != null) r.maxFeePerBlobGas = parseU256(o.maxFeePerBlobGas, f('maxFeePerBlobGas'));
  if (o.blobVersionedHashes != null)
    r.blobVersionedHashes = expectArray(o.blobVersionedHashes, f('blobVersionedHashes')).map((h, i) =>
      parseWord(h, `${f('blobVersionedHashes')}[${i}]`),
    );
  if (o.value != null) r.value = parseU256(o.value, f('value'));
  // geth: `input` wins; `data` is the older name. Both given and different is an error.
  if (o.input != null && o.data != null && o.input !== o.data)
    throw new InputError(f('input'), 'both "data" and "input" are set and not equal');
  const d = o.input ?? o.data;
  if (d != null) r.data = parseData(d, f(o.input != null ? 'input' : 'data'));
  if (o.nonce != null) r.nonce = parseU64(o.nonce, f('nonce'));
  if (o.accessList != null) r.accessList = parseAccessList(o.accessList, f('accessList'));
  if (o.type != null) {
    const t = Number(parseU64(o.type, f('type')));
    if (t > 3) throw new InputError(f('type'), `transaction type ${t} not supported`);
    r.type = t;
  }
  if (o.chainId != null) r.chainId = parseU64(o.chainId, f('chainId'));
  return r;
}

/** One account's state override (eth_call / eth_estimateGas third parameter). */
export interface AccountOverride {
  balance?: bigint;
  nonce?: bigint;
  code?: Uint8Array;
  /** Replaces the whole storage. */
  state?: [bigint, bigint][];
  /** Changes only these slots. */
  stateDiff?: [bigint, bigint][];
}

function slots(v: unknown, field: string): [bigint, bigint][] {
  const o = expectObject(v, field);
  return Object.entries(o).map(([k, x]) => [parseWord(k, `${field} key`), parseWord(x, `${field}.${k}`)]);
}

export function parseStateOverrides(v: unknown, field: string): Map<bigint, AccountOverride> {
  const out = new Map<bigint, AccountOverride>();
  if (v === undefined || v === null) return out;
  for (const [k, x] of Object.entries(expectObject(v, field))) {
    const a = parseAddress(k, `${field} key`);
    const o = expectObject(x, `${field}.${k}`);
    const ov: AccountOverride = {};
    if (o.balance != null) ov.balance = parseU256(o.balance, `${field}.${k}.balance`);
    if (o.nonce != null) ov.nonce = parseU64(o.nonce, `${field}.${k}.nonce`);
    if (o.code != null) ov.code = parseData(o.code, `${field}.${k}.code`);
    if (o.state != null && o.stateDiff != null)
      throw new InputError(`${field}.${k}`, 'both "state" and "stateDiff" are set');
    if (o.state != null) ov.state = slots(o.state, `${field}.${k}.state`);
    if (o.stateDiff != null) ov.stateDiff = slots(o.stateDiff, `${field}.${k}.stateDiff`);
    out.set(a, ov);
  }
  return out;
}

/** A log filter (eth_getLogs, eth_newFilter, eth_subscribe logs). */
export interface LogFilter {
  fromBlock?: BlockRef;
  toBlock?: BlockRef;
  blockHash?: bigint;
  addresses: bigint[] | null;
  /** Per position: null = any, else one of these topics. */
  topics: (bigint[] | null)[];
}

export function parseLogFilter(v: unknown, field: string): LogFilter {
  const o = v === undefined || v === null ? {} : expectObject(v, field);
  const filter: LogFilter = { addresses: null, topics: [] };
  if (o.blockHash != null) {
    if (o.fromBlock != null || o.toBlock != null)
      throw new InputError(`${field}.blockHash`, 'cannot be combined with fromBlock/toBlock');
    filter.blockHash = parseWord(o.blockHash, `${field}.blockHash`);
  }
  if (o.fromBlock != null) filter.fromBlock = parseBlockRef(o.fromBlock, `${field}.fromBlock`);
  if (o.toBlock != null) filter.toBlock = parseBlockRef(o.toBlock, `${field}.toBlock`);
  if (o.address != null)
    filter.addresses = Array.isArray(o.address)
      ? o.address.map((a, i) => parseAddress(a, `${field}.address[${i}]`))
      : [parseAddress(o.address, `${field}.address`)];
  if (o.topics != null) {
    const topics = expectArray(o.topics, `${field}.topics`);
    if (topics.length > 4) throw new InputError(`${field}.topics`, 'at most 4 topic positions');
    filter.topics = topics.map((t, i) => {
      if (t === null) return null;
      if (Array.isArray(t)) return t.length === 0 ? null : t.map((x, j) => parseWord(x, `${field}.topics[${i}][${j}]`));
      return [parseWord(t, `${field}.topics[${i}]`)];
    });
  }
  return filter;
}

/** debug_trace* options. */
export interface TraceOptions {
  tracer?: 'callTracer' | 'prestateTracer';
  onlyTopCall: boolean;
  withLog: boolean;
  diffMode: boolean;
  disableStack: boolean;
  disableStorage: boolean;
  enableMemory: boolean;
  enableReturnData: boolean;
}

export function parseTraceOptions(v: unknown, field: string): TraceOptions {
  const o = v === undefined || v === null ? {} : expectObject(v, field);
  const cfg = o.tracerConfig == null ? {} : expectObject(o.tracerConfig, `${field}.tracerConfig`);
  const bool = (x: unknown, name: string): boolean => (x == null ? false : parseBoolean(x, name));
  const opts: TraceOptions = {
    onlyTopCall: bool(cfg.onlyTopCall, `${field}.tracerConfig.onlyTopCall`),
    withLog: bool(cfg.withLog, `${field}.tracerConfig.withLog`),
    diffMode: bool(cfg.diffMode, `${field}.tracerConfig.diffMode`),
    disableStack: bool(o.disableStack, `${field}.disableStack`),
    disableStorage: bool(o.disableStorage, `${field}.disableStorage`),
    enableMemory: bool(o.enableMemory, `${field}.enableMemory`),
    enableReturnData: bool(o.enableReturnData, `${field}.enableReturnData`),
  };
  if (o.tracer != null) {
    if (o.tracer !== 'callTracer' && o.tracer !== 'prestateTracer')
      throw new InputError(
        `${field}.tracer`,
        `unsupported tracer ${JSON.stringify(o.tracer)} (callTracer, prestateTracer)`,
      );
    opts.tracer = o.tracer;
  }
  return opts;
}

/** A JSON-RPC positional parameter list (absent = empty). */
export function paramList(params: unknown): unknown[] {
  if (params === undefined) return [];
  if (!Array.isArray(params)) throw new InputError('params', 'expected an array of positional parameters');
  return params;
}
