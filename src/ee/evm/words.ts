// Stack words: small values as numbers, the rest as bigints (the widths and masks are in src/encoding/limits.ts).
//
// Why two forms: a number below 2^31 is a V8 Smi, an immediate value. Storing it in the stack array needs no
// heap allocation and no GC write barrier, and adding two of them is one machine add, while every bigint
// result is a fresh heap object (measured in a bare loop: DUP1 POP 3.9 → 2.1 ns per instruction, PUSH1 PUSH1
// ADD POP 5.1 → 1.7–2.4 ns). Most EVM words are small: offsets, lengths, counters, jump targets, flags.
//
// The rule, relied on everywhere: a `number` word is an integer in [0, 2^31). A bigint word may hold any value
// in [0, 2^256), small ones included, so code never assumes a small value is a number: the forms are not
// canonical, every operation accepts both (the generated loops take a number fast path when both operands
// are numbers), and `big` gives the bigint of any word.
import { TWO_256, U256_MAX } from '../../encoding/limits.js';

/** One EVM stack word: a number in [0, 2^31), or a bigint in [0, 2^256). */
export type Word = number | bigint;

/** Numbers on the stack stay below this (so that bitwise operators on them are exact, and sums fit 2^32). */
export const SMALL_LIMIT = 0x8000_0000;
const SMALL_LIMIT_BIG = 0x8000_0000n;

/** Precomputed bigints 0..255 so that converting a small word allocates nothing. */
export const SMALL: readonly bigint[] = Object.freeze(Array.from({ length: 256 }, (_, i) => BigInt(i)));

/** The bigint of a word. */
export function big(w: Word): bigint {
  if (typeof w === 'bigint') return w;
  return w < 256 ? SMALL[w]! : BigInt(w);
}

/** The first `n` words of `items` as bigints (trace output). */
export function bigints(items: readonly Word[], n: number): bigint[] {
  const out = new Array<bigint>(n);
  for (let i = 0; i < n; i++) out[i] = big(items[i]!);
  return out;
}

/** A bigint result as a word: a number when it is small (so later operations take the number paths). */
export function small(v: bigint): Word {
  return v < SMALL_LIMIT_BIG ? Number(v) : v;
}

/** ADD of any two words, mod 2^256 (the loops inline the two-number and two-bigint cases). */
export function addWords(a: Word, b: Word): Word {
  const r = big(a) + big(b);
  return r > U256_MAX ? r - TWO_256 : r;
}

/** SUB a − b of any two words, mod 2^256. */
export function subWords(a: Word, b: Word): Word {
  const r = big(a) - big(b);
  return r < 0n ? r + TWO_256 : r;
}

/** MUL of any two words, mod 2^256. */
export function mulWords(a: Word, b: Word): Word {
  const r = big(a) * big(b);
  return r > U256_MAX ? BigInt.asUintN(256, r) : r;
}

/** EQ of any two words, whichever forms they have. */
export function eqWords(a: Word, b: Word): boolean {
  return typeof a === typeof b ? a === b : big(a) === big(b);
}

/** AND of any two words: with a number operand the result is below it, so it is returned as a number. */
export function andWords(a: Word, b: Word): Word {
  if (typeof a === 'number') return typeof b === 'number' ? a & b : Number(BigInt(a) & b);
  if (typeof b === 'number') return Number(a & BigInt(b));
  return a & b;
}

/** SHL: `value` shifted left by `shift`, mod 2^256 (a shift of 256 or more gives 0). */
export function shlWords(shift: Word, value: Word): Word {
  if (shift >= 256) return 0;
  const r = big(value) << big(shift);
  return r > U256_MAX ? r & U256_MAX : r;
}

/** SHR: `value` shifted right by `shift` (256 or more gives 0); a small result becomes a number. */
export function shrWords(shift: Word, value: Word): Word {
  if (shift >= 256) return 0;
  if (typeof value === 'number') return shift >= 31 ? 0 : value >>> Number(shift);
  return small(value >> big(shift));
}
