// Arithmetic opcodes 0x05-0x0b on 256-bit words (Yellow Paper §9.4.1 / Appendix H); ADD, MUL, SUB, DIV and SDIV are
// inlined in the step loops (scripts/interpreter-ops.mjs), with div256 from here.
import type { Frame } from '../frame.js';
import { Status } from '../status.js';
import { byteLength, GAS_EXP_BYTE } from '../gas.js';
import { SIGN_BIT, TWO_256, U256_MAX } from '../../../encoding/limits.js';
import { SMALL } from '../words.js';

/** 2^k for k = 0..255, to recognise power-of-two divisors exactly. */
const POW2: readonly bigint[] = Array.from({ length: 256 }, (_, k) => 1n << BigInt(k));

/**
 * Unsigned a / b with x/0 = 0. A divisor below the dividend gives 0 and a power-of-two divisor
 * (Solidity's and sha1's shifts by division) becomes a right shift, both cheaper than bigint division.
 * `Number(b)` of a power of two is exact and so is its log2; the POW2 compare rejects everything else.
 */
export function div256(a: bigint, b: bigint): bigint {
  if (b === 0n || a < b) return 0n;
  const k = Math.log2(Number(b));
  if (k === (k | 0) && POW2[k] === b) return a >> SMALL[k]!;
  return a / b;
}

/** Signed division truncating toward zero; x/0 = 0 and -2^255 / -1 wraps back to -2^255. */
export function sdiv256(a: bigint, b: bigint): bigint {
  if (a < SIGN_BIT && b < SIGN_BIT) return div256(a, b);
  if (b === 0n) return 0n;
  const q = (a >= SIGN_BIT ? a - TWO_256 : a) / (b >= SIGN_BIT ? b - TWO_256 : b);
  return q < 0n ? q + TWO_256 : q;
}

export function mod(f: Frame): Status {
  const s = f.stack;
  const a = s.pop();
  const b = s.peek();
  s.setTop(b === 0n ? 0n : a % b);
  return Status.Continue;
}

/** Signed remainder: the sign follows the dividend (as bigint `%` does); x smod 0 = 0. */
export function smod(f: Frame): Status {
  const s = f.stack;
  const a = s.pop();
  const b = s.peek();
  if (b === 0n) {
    s.setTop(0n);
    return Status.Continue;
  }
  const sa = a >= SIGN_BIT ? a - TWO_256 : a;
  const sb = b >= SIGN_BIT ? b - TWO_256 : b;
  s.setTop((sa % sb) & U256_MAX);
  return Status.Continue;
}

/** (a + b) mod n over the full 257-bit sum; n = 0 gives 0. */
export function addmod(f: Frame): Status {
  const s = f.stack;
  const a = s.pop();
  const b = s.pop();
  const n = s.peek();
  s.setTop(n === 0n ? 0n : (a + b) % n);
  return Status.Continue;
}

/** (a · b) mod n over the full 512-bit product; n = 0 gives 0. */
export function mulmod(f: Frame): Status {
  const s = f.stack;
  const a = s.pop();
  const b = s.pop();
  const n = s.peek();
  s.setTop(n === 0n ? 0n : (a * b) % n);
  return Status.Continue;
}

export function exp(f: Frame): Status {
  const s = f.stack;
  const base = s.pop();
  const exponent = s.peek();
  const bytes = byteLength(exponent);
  // arithmetic.rs `exp_cost`: native per exponent byte (0 without native), charged with the gas.
  f.native += f.table.dynamicNative.expPerByte * bytes;
  const cost = GAS_EXP_BYTE * bytes;
  if (cost > f.gas) return Status.OutOfGas;
  f.gas -= cost;
  s.setTop(powMod256(base, exponent));
  return Status.Continue;
}

/** base^exponent mod 2^256 by square-and-multiply. */
export function powMod256(base: bigint, exponent: bigint): bigint {
  if (exponent === 0n) return 1n;
  if (base < 2n) return base;
  if (base === 2n) return exponent < 256n ? 1n << exponent : 0n;
  let result = 1n;
  let b = base;
  let e = exponent;
  for (;;) {
    if ((e & 1n) === 1n) result = (result * b) & U256_MAX;
    e >>= 1n;
    if (e === 0n) return result;
    b = (b * b) & U256_MAX;
  }
}

/**
 * SIGNEXTEND(b, x): treats x as a (b+1)-byte two's-complement number and extends its sign bit
 * (bit 8b+7) through bit 255; b ≥ 31 leaves x unchanged.
 */
export function signextend(f: Frame): Status {
  const s = f.stack;
  const b = s.pop();
  if (b < 31n) {
    const x = s.peek();
    const bit = b * 8n + 7n;
    const mask = (1n << bit) - 1n;
    s.setTop(((x >> bit) & 1n) === 1n ? (x | ~mask) & U256_MAX : x & mask);
  }
  return Status.Continue;
}
