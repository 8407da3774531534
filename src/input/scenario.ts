// Scenario files for `zkos run` (docs/scenario.md): pre-state, block context and transactions that carry
// their sender directly (no signature). Parsed strictly: every error is an InputError naming the field.
import type { Address } from '../ee/types.js';
import {
  InputError,
  expectArray,
  expectObject,
  expectString,
  fieldPath,
  parseAddress,
  parseData,
  parseU256,
  parseU64,
  parseWord,
  rejectUnknownKeys,
  requireKey,
} from './parse.js';
import { type AbiEntry, parseAbi } from './abi.js';
import { ethereum, zksync, zksyncWithP256, type Profile } from '../profiles/index.js';
import { forkByName, SUPPORTED_FORKS, type ForkName } from '../forks/index.js';
import type { BlockContext } from '../ee/host.js';
import { DEFAULT_BLOCK } from '../runner/defaultBlock.js';
import type { AccountInit } from '../system/world.js';
import type { AccessListEntry, TxType } from '../tx/types.js';

/** One transaction of a scenario; `nonce` defaults to the sender's nonce when it runs. */
export interface ScenarioTx {
  readonly label?: string;
  readonly type: TxType;
  readonly from: Address;
  readonly to: Address | null;
  readonly data: Uint8Array;
  readonly value: bigint;
  readonly gasLimit: bigint;
  readonly nonce?: bigint;
  readonly gasPrice?: bigint;
  readonly maxFeePerGas?: bigint;
  readonly maxPriorityFeePerGas?: bigint;
  readonly accessList: readonly AccessListEntry[];
  /** Type 4 (EIP-7702): unsigned authorizations naming their authority; nonce undefined = the authority's. */
  readonly authorizationList?: readonly ScenarioAuthorization[];
  /** zksync L1→L2 (type 0xff) and upgrade (0xfe) transactions: the fields only they have. */
  readonly l1?: ScenarioL1Fields;
}

/** Fields of an L1→L2 or upgrade transaction (src/tx/l1.ts). */
export interface ScenarioL1Fields {
  readonly type: 0xff | 0xfe;
  /** reserved[0]: total deposited on L1. */
  readonly mint: bigint;
  /** reserved[1]: receives the unused deposit (default: `from`). */
  readonly refundRecipient: Address;
  readonly gasPerPubdataLimit: bigint;
  /** Bytecodes made known to the preimage oracle (the encoding carries their blake2s hashes). */
  readonly factoryDeps: readonly Uint8Array[];
}

/** A scenario authorization: no signature, the authority is named directly. */
export interface ScenarioAuthorization {
  readonly authority: Address;
  readonly address: Address;
  readonly chainId?: bigint;
  readonly nonce?: bigint;
}

/** A parsed scenario. */
export interface Scenario {
  readonly name: string;
  readonly description?: string;
  readonly profile: Profile;
  /** Ethereum fork as the file names it; absent: the profile's (Osaka for `ethereum`; `zksync` runs Cancun only). */
  readonly fork?: ForkName;
  readonly block: BlockContext;
  readonly pre: ReadonlyMap<Address, AccountInit>;
  readonly transactions: readonly ScenarioTx[];
  /** Display names of addresses (the frame tree and the viewer show them). */
  readonly labels: ReadonlyMap<Address, string>;
  /** zksync block metadata: price of one unit of native, gas per pubdata byte (`block.nativePrice`, `block.gasPerPubdata`). */
  readonly nativePrice?: bigint;
  /** EIP-2935 (Prague+): `block.parentHash`, stored in the history contract before the first transaction. */
  readonly parentHash?: bigint;
  readonly gasPerPubdata?: bigint;
  /** Contract ABIs for decoding calls, events and errors: for every account, and per account. */
  readonly abis?: ScenarioAbis;
}

export interface ScenarioAbis {
  readonly all: readonly AbiEntry[];
  readonly byAddress: ReadonlyMap<Address, readonly AbiEntry[]>;
}

const TOP_KEYS = [
  '$schema',
  'description',
  'profile',
  'fork',
  'block',
  'pre',
  'transactions',
  'labels',
  'abi',
  'compiled',
  'comment',
];
const BLOCK_KEYS = [
  'coinbase',
  'number',
  'timestamp',
  'gasLimit',
  'baseFee',
  'prevRandao',
  'difficulty',
  'chainId',
  'blobBaseFee',
  'excessBlobGas',
  'nativePrice',
  'gasPerPubdata',
  'parentHash',
];
const ACCOUNT_KEYS = ['balance', 'nonce', 'code', 'storage', 'abi'];
const TX_KEYS = [
  'label',
  'from',
  'to',
  'data',
  'input',
  'value',
  'gasLimit',
  'gas',
  'nonce',
  'gasPrice',
  'maxFeePerGas',
  'maxPriorityFeePerGas',
  'accessList',
  'authorizationList',
  'type',
  'mint',
  'refundRecipient',
  'gasPerPubdataLimit',
  'factoryDeps',
];

const q = { decimal: true } as const;
const opt = (o: Record<string, unknown>, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);

/** A storage key or value: a quantity or a 32-byte word. */
function parseSlot(v: unknown, field: string): bigint {
  if (typeof v === 'string' && /^0x[0-9a-fA-F]{64}$/.test(v)) return parseWord(v, field);
  return parseU256(v, field, q);
}

function parseBlock(v: unknown, base: string): BlockContext {
  if (v === undefined) return DEFAULT_BLOCK;
  const o = expectObject(v, base);
  rejectUnknownKeys(o, BLOCK_KEYS, base);
  const get = (k: keyof BlockContext, p: (v: unknown, f: string) => bigint): bigint => {
    const x = opt(o, k);
    return x === undefined ? DEFAULT_BLOCK[k] : p(x, fieldPath(base, k));
  };
  const u64 = (x: unknown, f: string) => parseU64(x, f, q);
  const u256 = (x: unknown, f: string) => parseU256(x, f, q);
  return {
    coinbase: get('coinbase', parseAddress),
    number: get('number', u64),
    timestamp: get('timestamp', u64),
    gasLimit: get('gasLimit', u64),
    baseFee: get('baseFee', u256),
    prevRandao: get('prevRandao', parseSlot),
    difficulty: get('difficulty', u256),
    chainId: get('chainId', u64),
    blobBaseFee: get('blobBaseFee', u256),
    excessBlobGas: get('excessBlobGas', u64),
  };
}

function parseAccount(v: unknown, base: string): AccountInit {
  const o = expectObject(v, base);
  rejectUnknownKeys(o, ACCOUNT_KEYS, base);
  const init: { balance?: bigint; nonce?: bigint; code?: Uint8Array; storage?: [bigint, bigint][] } = {};
  if (opt(o, 'balance') !== undefined) init.balance = parseU256(o.balance, fieldPath(base, 'balance'), q);
  if (opt(o, 'nonce') !== undefined) init.nonce = parseU64(o.nonce, fieldPath(base, 'nonce'), q);
  if (opt(o, 'code') !== undefined) init.code = parseData(o.code, fieldPath(base, 'code'));
  if (opt(o, 'storage') !== undefined) {
    const sbase = fieldPath(base, 'storage');
    const s = expectObject(o.storage, sbase);
    init.storage = Object.entries(s).map(([k, val]) => [
      parseSlot(k, `${sbase}[${k}]`),
      parseSlot(val, fieldPath(sbase, k)),
    ]);
  }
  return init;
}

function parseAccessList(v: unknown, base: string): AccessListEntry[] {
  return expectArray(v, base).map((e, i) => {
    const b = fieldPath(base, i);
    const o = expectObject(e, b);
    rejectUnknownKeys(o, ['address', 'storageKeys'], b);
    return {
      address: parseAddress(requireKey(o, 'address', b), fieldPath(b, 'address')),
      storageKeys: expectArray(opt(o, 'storageKeys') ?? [], fieldPath(b, 'storageKeys')).map((k, j) =>
        parseSlot(k, fieldPath(fieldPath(b, 'storageKeys'), j)),
      ),
    };
  });
}

function parseAuthorizationList(v: unknown, base: string): ScenarioAuthorization[] {
  return expectArray(v, base).map((e, i) => {
    const b = fieldPath(base, i);
    const o = expectObject(e, b);
    rejectUnknownKeys(o, ['authority', 'address', 'chainId', 'nonce'], b);
    return {
      authority: parseAddress(requireKey(o, 'authority', b), fieldPath(b, 'authority')),
      address: parseAddress(requireKey(o, 'address', b), fieldPath(b, 'address')),
      ...(opt(o, 'chainId') !== undefined ? { chainId: parseU256(o.chainId, fieldPath(b, 'chainId'), q) } : {}),
      ...(opt(o, 'nonce') !== undefined ? { nonce: parseU64(o.nonce, fieldPath(b, 'nonce'), q) } : {}),
    };
  });
}

function parseTx(v: unknown, base: string): ScenarioTx {
  const o = expectObject(v, base);
  rejectUnknownKeys(o, TX_KEYS, base);
  const f = (k: string) => fieldPath(base, k);
  const from = parseAddress(requireKey(o, 'from', base), f('from'));
  const toRaw = opt(o, 'to');
  const to = toRaw === undefined || toRaw === null || toRaw === '' ? null : parseAddress(toRaw, f('to'));
  const dataKey = opt(o, 'data') !== undefined ? 'data' : 'input';
  const data = opt(o, dataKey) === undefined ? new Uint8Array(0) : parseData(o[dataKey], f(dataKey));
  const value = opt(o, 'value') === undefined ? 0n : parseU256(o.value, f('value'), q);
  const gasKey = opt(o, 'gasLimit') !== undefined ? 'gasLimit' : 'gas';
  const gasLimit = opt(o, gasKey) === undefined ? 1_000_000n : parseU64(o[gasKey], f(gasKey), q);
  const nonce = opt(o, 'nonce') === undefined ? undefined : parseU64(o.nonce, f('nonce'), q);
  const gasPrice = opt(o, 'gasPrice') === undefined ? undefined : parseU256(o.gasPrice, f('gasPrice'), q);
  const maxFeePerGas =
    opt(o, 'maxFeePerGas') === undefined ? undefined : parseU256(o.maxFeePerGas, f('maxFeePerGas'), q);
  const maxPriorityFeePerGas =
    opt(o, 'maxPriorityFeePerGas') === undefined
      ? undefined
      : parseU256(o.maxPriorityFeePerGas, f('maxPriorityFeePerGas'), q);
  if (gasPrice !== undefined && (maxFeePerGas !== undefined || maxPriorityFeePerGas !== undefined)) {
    throw new InputError(f('gasPrice'), 'give either gasPrice or maxFeePerGas/maxPriorityFeePerGas, not both');
  }
  const accessList = opt(o, 'accessList') === undefined ? [] : parseAccessList(o.accessList, f('accessList'));
  const authorizationList =
    opt(o, 'authorizationList') === undefined
      ? undefined
      : parseAuthorizationList(o.authorizationList, f('authorizationList'));
  if (authorizationList !== undefined && gasPrice !== undefined)
    throw new InputError(f('gasPrice'), 'a set-code transaction (authorizationList) takes maxFeePerGas, not gasPrice');
  let type: TxType = authorizationList !== undefined ? 4 : gasPrice !== undefined ? (accessList.length > 0 ? 1 : 0) : 2;
  let l1: ScenarioL1Fields | undefined;
  if (opt(o, 'type') !== undefined) {
    const t = Number(parseU64(o.type, f('type'), q));
    if ((t === 4) !== (authorizationList !== undefined))
      throw new InputError(f('type'), 'type 4 goes with an authorizationList, and only type 4');
    if (t === 0xff || t === 0xfe) {
      if (to === null) throw new InputError(f('to'), 'L1→L2 and upgrade transactions need a recipient');
      l1 = {
        type: t,
        mint: opt(o, 'mint') === undefined ? 0n : parseU256(o.mint, f('mint'), q),
        refundRecipient:
          opt(o, 'refundRecipient') === undefined ? from : parseAddress(o.refundRecipient, f('refundRecipient')),
        gasPerPubdataLimit:
          opt(o, 'gasPerPubdataLimit') === undefined
            ? 800n
            : parseU64(o.gasPerPubdataLimit, f('gasPerPubdataLimit'), q),
        factoryDeps: expectArray(opt(o, 'factoryDeps') ?? [], f('factoryDeps')).map((c, i) =>
          parseData(c, fieldPath(f('factoryDeps'), i)),
        ),
      };
    } else if (t !== 0 && t !== 1 && t !== 2 && t !== 4)
      throw new InputError(f('type'), `scenario transactions are of type 0, 1, 2, 4, 0xff or 0xfe, got ${t}`);
    else type = t;
  }
  for (const k of ['mint', 'refundRecipient', 'gasPerPubdataLimit', 'factoryDeps'])
    if (l1 === undefined && opt(o, k) !== undefined)
      throw new InputError(f(k), 'only L1→L2 (type 0xff) and upgrade (type 0xfe) transactions have this field');
  const label = opt(o, 'label') === undefined ? undefined : expectString(o.label, f('label'));
  return {
    ...(label !== undefined ? { label } : {}),
    type,
    from,
    to,
    data,
    value,
    gasLimit,
    ...(nonce !== undefined ? { nonce } : {}),
    ...(type < 2
      ? { gasPrice: gasPrice ?? 10n }
      : { maxFeePerGas: maxFeePerGas ?? 10n, maxPriorityFeePerGas: maxPriorityFeePerGas ?? 1n }),
    accessList,
    ...(authorizationList !== undefined ? { authorizationList } : {}),
    ...(l1 !== undefined ? { l1 } : {}),
  };
}

/**
 * Parses a scenario from JSON text. `name` prefixes every error path
 * (`flow.json › transactions[0].value: not a hex quantity ("0xzz")`).
 */
export function parseScenario(text: string, name: string): Scenario {
  const prefix = `${name} › `;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(name, `not valid JSON (${(e as Error).message})`);
  }
  const o = expectObject(json, name);
  rejectUnknownKeys(o, TOP_KEYS, prefix);
  let profile: Profile = ethereum;
  if (opt(o, 'profile') !== undefined) {
    const p = expectString(o.profile, prefix + 'profile');
    if (p === 'ethereum') profile = ethereum;
    else if (p === 'zksync') profile = zksync;
    else if (p === 'zksync-p256') profile = zksyncWithP256;
    else
      throw new InputError(
        prefix + 'profile',
        `expected "ethereum", "zksync" or "zksync-p256", got ${JSON.stringify(p)}`,
      );
  }
  let fork: ForkName | undefined;
  if (opt(o, 'fork') !== undefined) {
    const name = expectString(o.fork, prefix + 'fork');
    const found = forkByName(name);
    if (found === undefined)
      throw new InputError(
        prefix + 'fork',
        `expected one of ${SUPPORTED_FORKS.join(', ')}, got ${JSON.stringify(name)}`,
      );
    if (!profile.forks.includes(found.name))
      throw new InputError(prefix + 'fork', `the ${profile.name} profile runs ${profile.forks.join(', ')} only`);
    fork = found.name;
  }
  const block = parseBlock(opt(o, 'block'), prefix + 'block');
  const zkBlock = zksyncBlockFields(opt(o, 'block'), prefix + 'block');
  if (profile.native === null && (zkBlock.nativePrice !== undefined || zkBlock.gasPerPubdata !== undefined))
    throw new InputError(prefix + 'block', 'nativePrice and gasPerPubdata need a zksync profile');
  const txsRaw = opt(o, 'transactions');
  if (profile.native === null && Array.isArray(txsRaw))
    txsRaw.forEach((t, i) => {
      const ty = typeof t === 'object' && t !== null ? (t as Record<string, unknown>).type : undefined;
      if (ty === 255 || ty === 254 || ty === '0xff' || ty === '0xfe')
        throw new InputError(
          fieldPath(prefix + 'transactions', i) + '.type',
          'L1→L2 and upgrade transactions need a zksync profile',
        );
    });
  const pre = new Map<Address, AccountInit>();
  const byAddress = new Map<Address, AbiEntry[]>();
  if (opt(o, 'pre') !== undefined) {
    const p = expectObject(o.pre, prefix + 'pre');
    for (const [k, v] of Object.entries(p)) {
      const addr = parseAddress(k, `${prefix}pre[${k}]`);
      const field = fieldPath(prefix + 'pre', k);
      pre.set(addr, parseAccount(v, field));
      const abi = opt(v as Record<string, unknown>, 'abi');
      if (abi !== undefined) byAddress.set(addr, parseAbi(abi, fieldPath(field, 'abi')));
    }
  }
  // `abi`: one ABI for every account (an array), or ABIs by address (also of contracts created by the run).
  let all: AbiEntry[] = [];
  if (opt(o, 'abi') !== undefined) {
    if (Array.isArray(o.abi)) all = parseAbi(o.abi, prefix + 'abi');
    else {
      const a = expectObject(o.abi, prefix + 'abi');
      for (const [k, v] of Object.entries(a)) {
        const addr = parseAddress(k, `${prefix}abi[${k}]`);
        byAddress.set(addr, [...(byAddress.get(addr) ?? []), ...parseAbi(v, fieldPath(prefix + 'abi', k))]);
      }
    }
  }
  const txs = expectArray(requireKey(o, 'transactions', prefix), prefix + 'transactions').map((t, i) =>
    parseTx(t, fieldPath(prefix + 'transactions', i)),
  );
  const labels = new Map<Address, string>();
  if (opt(o, 'labels') !== undefined) {
    const l = expectObject(o.labels, prefix + 'labels');
    for (const [k, v] of Object.entries(l))
      labels.set(parseAddress(k, `${prefix}labels[${k}]`), expectString(v, fieldPath(prefix + 'labels', k)));
  }
  const description =
    opt(o, 'description') === undefined ? undefined : expectString(o.description, prefix + 'description');
  return {
    name,
    ...(description !== undefined ? { description } : {}),
    profile,
    ...(fork !== undefined ? { fork } : {}),
    block,
    pre,
    transactions: txs,
    labels,
    ...zkBlock,
    ...parentHashOf(opt(o, 'block'), prefix + 'block'),
    abis: { all, byAddress },
  };
}

/** `block.parentHash` (a 32-byte word or a quantity), for the EIP-2935 block-start call. */
function parentHashOf(v: unknown, base: string): { parentHash?: bigint } {
  if (v === undefined || typeof v !== 'object' || v === null) return {};
  const x = opt(v as Record<string, unknown>, 'parentHash');
  return x === undefined ? {} : { parentHash: parseSlot(x, fieldPath(base, 'parentHash')) };
}

/** The zksync block metadata in `block`: native price and gas per pubdata (both optional). */
function zksyncBlockFields(v: unknown, base: string): { nativePrice?: bigint; gasPerPubdata?: bigint } {
  if (v === undefined || typeof v !== 'object' || v === null) return {};
  const o = v as Record<string, unknown>;
  const out: { nativePrice?: bigint; gasPerPubdata?: bigint } = {};
  if (opt(o, 'nativePrice') !== undefined) {
    out.nativePrice = parseU256(o.nativePrice, fieldPath(base, 'nativePrice'), q);
    if (out.nativePrice === 0n) throw new InputError(fieldPath(base, 'nativePrice'), 'must be positive');
  }
  if (opt(o, 'gasPerPubdata') !== undefined)
    out.gasPerPubdata = parseU64(o.gasPerPubdata, fieldPath(base, 'gasPerPubdata'), q);
  return out;
}
