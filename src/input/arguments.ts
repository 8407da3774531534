// Run-time checks of library arguments (createEnvironment, makeTx, processTransaction, WorldState.fromAccounts,
// the runner's entry points). TypeScript types vanish at run time: a JavaScript caller, or `as any`, can pass a
// number where a bigint belongs, and the engine would fail deep inside with `Cannot mix BigInt and other types`.
// These checks run once per call, never per frame or instruction, and name the function and the field:
//   makeTx: field "gas" must be a bigint, got nothing (missing)
import { ADDRESS_MASK, U256_MAX, U64_MAX } from '../encoding/limits.js';
import { InputError } from './parse.js';

/** A library argument that is missing or of the wrong type; `field` is the path inside the arguments. */
export class ArgumentError extends InputError {
  /** The library function that was called. */
  readonly fn: string;

  constructor(fn: string, field: string, reason: string) {
    super(field, reason);
    this.fn = fn;
    this.message = `${fn}: field "${field}" ${reason}`;
  }
}

/** What `v` is, for messages. */
export function describeArgument(v: unknown): string {
  if (v === undefined) return 'nothing (missing)';
  if (v === null) return 'null';
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'number') return `number ${v}`;
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 42 ? v.slice(0, 40) + '…' : v)}`;
  if (Array.isArray(v)) return 'an array';
  if (v instanceof Uint8Array) return `a Uint8Array of ${v.length} bytes`;
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

/** Checks of one library call: each method throws an ArgumentError naming `fn` and the field. */
export class ArgumentChecker {
  constructor(readonly fn: string) {}

  fail(field: string, reason: string): never {
    throw new ArgumentError(this.fn, field, reason);
  }

  /** A non-null object (not an array). */
  object(v: unknown, field: string): Record<string, unknown> {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      this.fail(field, `must be an object, got ${describeArgument(v)}`);
    return v as Record<string, unknown>;
  }

  /** A bigint in [0, max]; `what` names the bound in messages. */
  bigint(v: unknown, field: string, max?: bigint, what?: string): bigint {
    if (typeof v !== 'bigint') {
      const hint = typeof v === 'number' && Number.isInteger(v) ? ` (write ${v}n)` : '';
      this.fail(field, `must be a bigint, got ${describeArgument(v)}${hint}`);
    }
    if (v < 0n) this.fail(field, `must not be negative, got ${v}n`);
    if (max !== undefined && v > max) this.fail(field, `must be at most ${what ?? `${max}n`}, got ${v}n`);
    return v;
  }

  /** A bigint that fits 64 bits (nonces, gas). */
  u64(v: unknown, field: string): bigint {
    return this.bigint(v, field, U64_MAX, '2^64-1');
  }

  /** A bigint that fits 256 bits (balances, values, words). */
  u256(v: unknown, field: string): bigint {
    return this.bigint(v, field, U256_MAX, '2^256-1');
  }

  /** An address: a bigint below 2^160. */
  address(v: unknown, field: string): bigint {
    if (typeof v === 'string' && /^0x[0-9a-fA-F]{40}$/.test(v))
      this.fail(field, `must be an address as a bigint, got ${describeArgument(v)} (write BigInt('${v}'))`);
    return this.bigint(v, field, ADDRESS_MASK, '2^160-1 (an address)');
  }

  /** Bytes. */
  bytes(v: unknown, field: string): Uint8Array {
    if (!(v instanceof Uint8Array)) {
      const hint = typeof v === 'string' && v.startsWith('0x') ? ' (convert with hexToBytes)' : '';
      this.fail(field, `must be a Uint8Array, got ${describeArgument(v)}${hint}`);
    }
    return v;
  }

  /** An array. */
  array(v: unknown, field: string, what = 'an array'): unknown[] {
    if (!Array.isArray(v)) this.fail(field, `must be ${what}, got ${describeArgument(v)}`);
    return v;
  }

  /** A function. */
  func(v: unknown, field: string): void {
    if (typeof v !== 'function') this.fail(field, `must be a function, got ${describeArgument(v)}`);
  }

  /** Present only if not undefined: runs `check` on it. */
  optional<T>(
    o: Record<string, unknown>,
    key: string,
    check: (v: unknown, field: string) => T,
    base = '',
  ): T | undefined {
    const v = o[key];
    return v === undefined ? undefined : check(v, base + key);
  }
}
