// ABI decoding for what people read: function names and arguments from call data, event names and
// arguments from logs, revert reasons (Error(string), Panic(uint256) with the panic's name, custom errors).
// Lookup is per account first (the scenario's `abi` for that address), then every ABI the scenario gives.
// Decoding never throws: data that does not fit the ABI is simply not decoded.
import type { AbiEntry, AbiParam } from '../input/abi.js';
import { bytesToHex, hexToBytes } from '../crypto/bytes.js';
import { keccak256 } from '../crypto/keccak.js';
import type { Decoded, DecodedArg, DecodedRevert } from './schema.js';

/** Solidity's panic codes (docs.soliditylang.org, "Panic via assert and Error via require"). */
export const PANIC_NAMES: Readonly<Record<number, string>> = {
  0: 'generic compiler panic',
  1: 'assert(false)',
  17: 'arithmetic overflow or underflow',
  18: 'division or modulo by zero',
  33: 'invalid enum value',
  34: 'bad storage byte array encoding',
  49: 'pop() on an empty array',
  50: 'array index out of bounds',
  65: 'too much memory allocated',
  81: 'call to a zero-initialized internal function',
};

const ERROR_STRING: AbiEntry = { type: 'error', name: 'Error', inputs: [{ name: 'reason', type: 'string' }] };
const PANIC: AbiEntry = { type: 'error', name: 'Panic', inputs: [{ name: 'code', type: 'uint256' }] };

/** Canonical type of a parameter (tuples spelled out). */
function canonicalType(p: AbiParam): string {
  if (!p.type.startsWith('tuple')) return p.type;
  return `(${(p.components ?? []).map(canonicalType).join(',')})${p.type.slice(5)}`;
}

/** `name(type,type)`. */
function signatureOf(e: AbiEntry): string {
  return `${e.name}(${e.inputs.map(canonicalType).join(',')})`;
}

/** keccak256 of the signature as 0x-hex (topic 0 of an event; its first 4 bytes are a selector). */
export function signatureHash(signature: string): string {
  return bytesToHex(keccak256(new TextEncoder().encode(signature)));
}

// ---- ABI decoding (head/tail layout) ----

class Malformed extends Error {}
const MAX_ITEMS = 256;

function word(data: Uint8Array, at: number): bigint {
  if (at < 0 || at + 32 > data.length) throw new Malformed('out of range');
  let v = 0n;
  for (let i = 0; i < 32; i++) v = (v << 8n) | BigInt(data[at + i]!);
  return v;
}

function smallWord(data: Uint8Array, at: number): number {
  const v = word(data, at);
  if (v > BigInt(data.length)) throw new Malformed('offset or length beyond the data');
  return Number(v);
}

/** Element type and length (-1: dynamic) of an array type, or undefined. */
function arrayOf(p: AbiParam): { inner: AbiParam; length: number } | undefined {
  const m = /^(.*)\[([0-9]*)\]$/.exec(p.type);
  if (!m) return undefined;
  return { inner: { ...p, type: m[1]! }, length: m[2] === '' ? -1 : Number(m[2]) };
}

function isDynamic(p: AbiParam): boolean {
  if (p.type === 'string' || p.type === 'bytes') return true;
  const a = arrayOf(p);
  if (a) return a.length < 0 || isDynamic(a.inner);
  if (p.type === 'tuple') return (p.components ?? []).some(isDynamic);
  return false;
}

function headSize(p: AbiParam): number {
  if (isDynamic(p)) return 32;
  const a = arrayOf(p);
  if (a) return a.length * headSize(a.inner);
  if (p.type === 'tuple') return (p.components ?? []).reduce((s, c) => s + headSize(c), 0);
  return 32;
}

function decodeOne(p: AbiParam, data: Uint8Array, at: number, depth: number): string {
  if (depth > 8) throw new Malformed('nested too deep');
  const a = arrayOf(p);
  if (a) {
    let base = at;
    let n = a.length;
    if (n < 0) {
      n = smallWord(data, at);
      base = at + 32;
    }
    if (n > MAX_ITEMS) throw new Malformed('array too long to show');
    return `[${decodeList(Array(n).fill(a.inner) as AbiParam[], data, base, depth + 1).join(', ')}]`;
  }
  if (p.type === 'tuple') return `(${decodeList(p.components ?? [], data, at, depth + 1).join(', ')})`;
  if (p.type === 'string' || p.type === 'bytes') {
    const len = smallWord(data, at);
    if (at + 32 + len > data.length) throw new Malformed('bytes beyond the data');
    const bytes = data.subarray(at + 32, at + 32 + len);
    return p.type === 'bytes' ? bytesToHex(bytes) : JSON.stringify(new TextDecoder().decode(bytes));
  }
  const v = word(data, at);
  if (p.type === 'address') {
    if (v >> 160n) throw new Malformed('address with high bits');
    return '0x' + v.toString(16).padStart(40, '0');
  }
  if (p.type === 'bool') {
    if (v > 1n) throw new Malformed('bool other than 0 or 1');
    return v === 1n ? 'true' : 'false';
  }
  const bytesN = /^bytes([0-9]+)$/.exec(p.type);
  if (bytesN)
    return (
      '0x' +
      v
        .toString(16)
        .padStart(64, '0')
        .slice(0, Number(bytesN[1]) * 2)
    );
  const int = /^(u?)int([0-9]+)$/.exec(p.type);
  if (int) {
    const bits = BigInt(int[2]!);
    if (int[1] === 'u') {
      if (v >> bits) throw new Malformed('uint out of range');
      return v.toString();
    }
    return BigInt.asIntN(Number(bits), v).toString();
  }
  throw new Malformed(`type ${p.type}`);
}

function decodeList(params: readonly AbiParam[], data: Uint8Array, base: number, depth: number): string[] {
  const out: string[] = [];
  let head = base;
  for (const p of params) {
    if (isDynamic(p)) out.push(decodeOne(p, data, base + smallWord(data, head), depth));
    else out.push(decodeOne(p, data, head, depth));
    head += headSize(p);
  }
  return out;
}

/** Decodes ABI-encoded `data` as `params`; undefined when it does not fit. */
export function decodeParams(params: readonly AbiParam[], data: Uint8Array): DecodedArg[] | undefined {
  try {
    const values = decodeList(params, data, 0, 0);
    return params.map((p, i) => ({ name: p.name, type: canonicalType(p), value: values[i]! }));
  } catch (e) {
    if (e instanceof Malformed) return undefined;
    throw e;
  }
}

// ---- the registry ----

interface Indexed {
  readonly entry: AbiEntry;
  readonly signature: string;
}

class AbiIndex {
  readonly bySelector = new Map<string, Indexed>();
  readonly byTopic = new Map<string, Indexed>();
  constructor(entries: readonly AbiEntry[]) {
    for (const entry of entries) {
      const signature = signatureOf(entry);
      const hash = signatureHash(signature);
      if (entry.type === 'event') {
        if (!entry.anonymous && !this.byTopic.has(hash)) this.byTopic.set(hash, { entry, signature });
      } else if (!this.bySelector.has(hash.slice(0, 10))) this.bySelector.set(hash.slice(0, 10), { entry, signature });
    }
  }
}

/** The ABIs of a run: per account (lowercase 0x address) first, then all of them; the first entry wins. */
export class AbiRegistry {
  private readonly all: AbiIndex;
  private readonly byAddress = new Map<string, AbiIndex>();

  constructor(global: readonly AbiEntry[] = [], perAddress: ReadonlyMap<string, readonly AbiEntry[]> = new Map()) {
    const every = [...global];
    for (const [a, entries] of perAddress) {
      this.byAddress.set(a.toLowerCase(), new AbiIndex(entries));
      every.push(...entries);
    }
    this.all = new AbiIndex(every);
  }

  private find(address: string | undefined, key: string, table: 'bySelector' | 'byTopic'): Indexed | undefined {
    const own = address === undefined ? undefined : this.byAddress.get(address.toLowerCase());
    return own?.[table].get(key) ?? this.all[table].get(key);
  }

  /** The function `calldata` calls on the code at `address`, with its arguments. */
  decodeCall(address: string | undefined, calldata: string): Decoded | undefined {
    if (calldata.length < 10) return undefined;
    const hit = this.find(address, calldata.slice(0, 10).toLowerCase(), 'bySelector');
    if (hit?.entry.type !== 'function') return undefined;
    return withArgs(hit, decodeParams(hit.entry.inputs, hexToBytes(calldata).subarray(4)));
  }

  /** The return values of a successful call to `calldata`'s function. */
  decodeReturn(address: string | undefined, calldata: string, returnData: string): DecodedArg[] | undefined {
    if (calldata.length < 10) return undefined;
    const hit = this.find(address, calldata.slice(0, 10).toLowerCase(), 'bySelector');
    if (!hit?.entry.outputs?.length) return undefined;
    return decodeParams(hit.entry.outputs, hexToBytes(returnData));
  }

  /** The event a log emits: topic 0 names it; indexed arguments come from the topics, the rest from data. */
  decodeEvent(address: string, topics: readonly string[], data: string): Decoded | undefined {
    const t0 = topics[0];
    if (t0 === undefined) return undefined;
    const hit = this.find(address, t0.toLowerCase(), 'byTopic');
    if (!hit) return undefined;
    const inputs = hit.entry.inputs;
    const indexed = inputs.filter((p) => p.indexed);
    if (indexed.length !== topics.length - 1) return withArgs(hit, undefined);
    const plain = decodeParams(
      inputs.filter((p) => !p.indexed),
      hexToBytes(data),
    );
    if (!plain) return withArgs(hit, undefined);
    let ti = 1;
    let pi = 0;
    const args = inputs.map((p): DecodedArg => {
      if (!p.indexed) return plain[pi++]!;
      const topic = hexToBytes(topics[ti++]!);
      // Dynamic indexed values are stored as their hash: show the hash.
      const value = isDynamic(p) ? bytesToHex(topic) : (decodeParams([p], topic)?.[0]?.value ?? bytesToHex(topic));
      return { name: p.name, type: canonicalType(p), value };
    });
    return withArgs(hit, args);
  }

  /** A revert reason: Error(string), Panic(uint256), or a custom error of the ABIs. */
  decodeRevert(address: string | undefined, returnData: string): DecodedRevert | undefined {
    if (returnData.length < 10) return undefined;
    const selector = returnData.slice(0, 10).toLowerCase();
    const body = hexToBytes(returnData).subarray(4);
    if (selector === ERROR_SELECTOR) {
      const args = decodeParams(ERROR_STRING.inputs, body);
      if (!args) return undefined;
      return { kind: 'Error', name: 'Error', signature: 'Error(string)', args, text: `Error(${args[0]!.value})` };
    }
    if (selector === PANIC_SELECTOR) {
      const args = decodeParams(PANIC.inputs, body);
      if (!args) return undefined;
      const code = BigInt(args[0]!.value);
      const name = code < 0x100n ? PANIC_NAMES[Number(code)] : undefined;
      const text = `Panic(0x${code.toString(16).padStart(2, '0')}: ${name ?? 'unknown panic code'})`;
      return { kind: 'Panic', name: 'Panic', signature: 'Panic(uint256)', args, text };
    }
    const hit = this.find(address, selector, 'bySelector');
    if (hit?.entry.type !== 'error') return undefined;
    const args = decodeParams(hit.entry.inputs, body);
    const shown = args ? args.map((a) => (a.name ? `${a.name}: ${a.value}` : a.value)).join(', ') : '…';
    return { kind: 'custom', ...withArgs(hit, args), text: `${hit.entry.name}(${shown})` };
  }
}

const ERROR_SELECTOR = signatureHash('Error(string)').slice(0, 10); // 0x08c379a0
const PANIC_SELECTOR = signatureHash('Panic(uint256)').slice(0, 10); // 0x4e487b71

function withArgs(hit: Indexed, args: DecodedArg[] | undefined): Decoded {
  return { name: hit.entry.name, signature: hit.signature, ...(args ? { args } : {}) };
}
