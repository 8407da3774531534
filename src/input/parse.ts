// Strict parsers for JSON input (state-test fixtures, CLI arguments). Every failure is an `InputError`
// that names the field path, e.g. `add.json › add_d0 › pre.0x1000….balance: not a hex quantity ("0xzz")`.

import { U256_MAX, U64_MAX } from '../encoding/limits.js';

/** Bad input at `field`; the message is `<field>: <reason>`. */
export class InputError extends Error {
  override readonly name = 'InputError';
  /** Path of the offending field (`<file> › <test> › pre.0x….balance`). */
  readonly field: string;
  /** What is wrong with it, without the path. */
  readonly reason: string;

  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.field = field;
    this.reason = reason;
  }
}

/** `base.key` for object keys, `base[i]` for array indexes; `base` may be empty. */
export function fieldPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (base === '' || base.endsWith(' › ')) return base + key;
  return `${base}.${key}`;
}

/** Short quoted rendering of a bad value for error messages. */
export function describeValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 42 ? v.slice(0, 40) + '…' : v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'bigint') return `${v}n`;
  return `${typeof v} ${String(v)}`;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing (missing)';
  if (Array.isArray(v)) return 'an array';
  return `a ${typeof v}`;
}

/** A JSON object (not null, not an array). */
export function expectObject(v: unknown, field: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new InputError(field, `expected an object, got ${typeName(v)}`);
  }
  return v as Record<string, unknown>;
}

/** A JSON array. */
export function expectArray(v: unknown, field: string): unknown[] {
  if (!Array.isArray(v)) throw new InputError(field, `expected an array, got ${typeName(v)}`);
  return v;
}

/** A JSON string. */
export function expectString(v: unknown, field: string): string {
  if (typeof v !== 'string') throw new InputError(field, `expected a string, got ${typeName(v)}`);
  return v;
}

/** `obj[key]`, throwing `missing field` when absent (undefined). */
export function requireKey(obj: Record<string, unknown>, key: string, base: string): unknown {
  const v = Object.hasOwn(obj, key) ? obj[key] : undefined;
  if (v === undefined) throw new InputError(fieldPath(base, key), 'missing field');
  return v;
}

/** Throws for any key of `obj` not in `allowed`. */
export function rejectUnknownKeys(obj: Record<string, unknown>, allowed: readonly string[], base: string): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) throw new InputError(fieldPath(base, k), 'unknown field');
  }
}

/** A non-negative safe integer given as a JSON number (array indexes in fixtures). */
export function parseIndex(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    throw new InputError(field, `expected a non-negative integer, got ${describeValue(v)}`);
  }
  return v;
}

export interface QuantityOptions {
  /** Inclusive upper bound; omit for an unbounded value (tx fields that validation must reject). */
  readonly max?: bigint;
  /** Also accept plain decimal digits (CLI input). Fixtures always use hex. */
  readonly decimal?: boolean;
}

const HEX_QUANTITY = /^0x[0-9a-fA-F]+$/;
const DECIMAL = /^[0-9]+$/;
/** retesteth's encoding of values wider than their field: `0x:bigint 0x…`. */
const BIGINT_FORM = '0x:bigint ';

function boundName(max: bigint): string {
  if (max === U256_MAX) return '2^256-1';
  if (max === U64_MAX) return '2^64-1';
  return `0x${max.toString(16)}`;
}

/**
 * A hex quantity ("0x0a", leading zeros allowed) as a bigint. Also accepts retesteth's
 * `0x:bigint 0x…` form, and decimal digits when `opts.decimal`. Rejects non-strings, empty
 * strings, "0x" with no digits, signs, non-hex characters and values above `opts.max`.
 */
export function parseQuantity(v: unknown, field: string, opts: QuantityOptions = {}): bigint {
  if (typeof v !== 'string') throw new InputError(field, `expected a hex quantity string, got ${typeName(v)}`);
  let s = v;
  if (s.startsWith(BIGINT_FORM)) s = s.slice(BIGINT_FORM.length);
  let value: bigint;
  if (HEX_QUANTITY.test(s)) {
    value = BigInt(s);
  } else if (opts.decimal === true && DECIMAL.test(s)) {
    value = BigInt(s);
  } else {
    let reason = 'not a hex quantity';
    if (s === '') reason = 'empty string is not a quantity';
    else if (s === '0x' || s === '0X') reason = 'empty hex quantity';
    else if (s.startsWith('-')) reason = 'negative quantity';
    else if (!s.startsWith('0x'))
      reason = opts.decimal === true ? 'not a hex or decimal quantity' : 'not a hex quantity (missing 0x prefix)';
    throw new InputError(field, `${reason} (${describeValue(v)})`);
  }
  if (opts.max !== undefined && value > opts.max) {
    throw new InputError(field, `quantity exceeds ${boundName(opts.max)} (${describeValue(v)})`);
  }
  return value;
}

/** A quantity that fits 256 bits. */
export function parseU256(v: unknown, field: string, opts: Omit<QuantityOptions, 'max'> = {}): bigint {
  return parseQuantity(v, field, { ...opts, max: U256_MAX });
}

/** A quantity that fits 64 bits (nonces, gas, block numbers, timestamps). */
export function parseU64(v: unknown, field: string, opts: Omit<QuantityOptions, 'max'> = {}): bigint {
  return parseQuantity(v, field, { ...opts, max: U64_MAX });
}

/** 0x-prefixed even-length hex data ("0x" = empty) as bytes. */
export function parseData(v: unknown, field: string): Uint8Array {
  if (typeof v !== 'string') throw new InputError(field, `expected hex data string, got ${typeName(v)}`);
  if (!v.startsWith('0x')) throw new InputError(field, `hex data must start with 0x (${describeValue(v)})`);
  const s = v.slice(2);
  if (!/^[0-9a-fA-F]*$/.test(s)) throw new InputError(field, `not hex data (${describeValue(v)})`);
  if (s.length % 2 !== 0) throw new InputError(field, `odd-length hex data (${describeValue(v)})`);
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Hex data of exactly `length` bytes. */
export function parseFixedData(v: unknown, field: string, length: number, what = `${length}-byte value`): Uint8Array {
  const bytes = parseData(v, field);
  if (bytes.length !== length) {
    throw new InputError(field, `${what} must be ${length} bytes, got ${bytes.length} (${describeValue(v)})`);
  }
  return bytes;
}

function bytesToBigInt(bytes: Uint8Array): bigint {
  let hex = '0x0';
  for (let i = 0; i < bytes.length; i++) hex += bytes[i]!.toString(16).padStart(2, '0');
  return BigInt(hex);
}

/** An address: exactly 20 bytes of 0x-prefixed hex. */
export function parseAddress(v: unknown, field: string): bigint {
  if (v === '') throw new InputError(field, 'empty string is not an address');
  return bytesToBigInt(parseFixedData(v, field, 20, 'address'));
}

/** An address, or null for the empty string (a contract-creation `to`). */
export function parseOptionalAddress(v: unknown, field: string): bigint | null {
  if (v === '') return null;
  return parseAddress(v, field);
}

/** A 32-byte word given as exactly 64 hex digits (hashes, storage keys in access lists). */
export function parseWord(v: unknown, field: string): bigint {
  return bytesToBigInt(parseFixedData(v, field, 32, 'word'));
}

/** A 32-byte word as bytes (secret keys). */
export function parseWordBytes(v: unknown, field: string): Uint8Array {
  return parseFixedData(v, field, 32, 'word');
}

/** Runs `fn`; an `InputError` from it is rethrown with `prefix` prepended to its field path. */
export function withFieldPrefix<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof InputError) throw new InputError(prefix + e.field, e.reason);
    throw e;
  }
}
