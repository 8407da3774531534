// 0x02 SHA256 (Yellow Paper appendix E).
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import type { Precompile, PrecompileResult } from './types.js';
import { OUT_OF_GAS, wordCount } from './util.js';

/** Yellow Paper appendix E: G_sha256 = 60 + 12 per 32-byte word of input. */
export const SHA256_BASE_GAS = 60;
export const SHA256_WORD_GAS = 12;

/** sha256(input) as 32 bytes. */
export function sha256(input: Uint8Array, gasLimit: number): PrecompileResult {
  const gas = SHA256_BASE_GAS + SHA256_WORD_GAS * wordCount(input.length);
  if (gas > gasLimit) return OUT_OF_GAS;
  return { ok: true, gasUsed: gas, output: nobleSha256(input) };
}

export const sha256Precompile: Precompile = { address: 0x02n, name: 'sha256', run: sha256 };
