// 0x04 IDENTITY / datacopy (Yellow Paper appendix E).
import type { Precompile, PrecompileResult } from './types.js';
import { OUT_OF_GAS, wordCount } from './util.js';

/** Yellow Paper appendix E: G_identity = 15 + 3 per 32-byte word of input. */
export const IDENTITY_BASE_GAS = 15;
export const IDENTITY_WORD_GAS = 3;

/**
 * Returns the input itself: it is the call's own copy (CALL copies it out of the caller's memory), which nobody
 * changes afterwards, so a second copy would only cost (static_Call50000_identity2 moves 50,000 × 50 KB).
 */
export function identity(input: Uint8Array, gasLimit: number): PrecompileResult {
  const gas = IDENTITY_BASE_GAS + IDENTITY_WORD_GAS * wordCount(input.length);
  if (gas > gasLimit) return OUT_OF_GAS;
  return { ok: true, gasUsed: gas, output: input };
}

export const identityPrecompile: Precompile = { address: 0x04n, name: 'identity', run: identity };
