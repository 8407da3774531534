// 0x03 RIPEMD160 (Yellow Paper appendix E).
import { ripemd160 as nobleRipemd160 } from '@noble/hashes/legacy.js';
import type { Precompile, PrecompileResult } from './types.js';
import { OUT_OF_GAS, wordCount } from './util.js';

/** Yellow Paper appendix E: G_ripemd160 = 600 + 120 per 32-byte word of input. */
export const RIPEMD160_BASE_GAS = 600;
export const RIPEMD160_WORD_GAS = 120;

/** ripemd160(input) left-padded with 12 zero bytes to 32 bytes. */
export function ripemd160(input: Uint8Array, gasLimit: number): PrecompileResult {
  const gas = RIPEMD160_BASE_GAS + RIPEMD160_WORD_GAS * wordCount(input.length);
  if (gas > gasLimit) return OUT_OF_GAS;
  const output = new Uint8Array(32);
  output.set(nobleRipemd160(input), 12);
  return { ok: true, gasUsed: gas, output };
}

export const ripemd160Precompile: Precompile = { address: 0x03n, name: 'ripemd160', run: ripemd160 };
