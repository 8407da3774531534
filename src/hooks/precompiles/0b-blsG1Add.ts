// 0x0b BLS12_G1ADD (EIP-2537, Prague).
import type { Precompile, PrecompileResult } from './types.js';
import { OUT_OF_GAS, fail } from './util.js';
import { BLS_GAS, G1_BYTES, decodeG1, encodeG1 } from './bls12381.js';

/**
 * Input exactly 256 bytes: two G1 points. Each must be on the curve or infinity; there is no
 * subgroup check (EIP-2537). Output: their sum, 128 bytes.
 */
export function blsG1Add(input: Uint8Array, gasLimit: number): PrecompileResult {
  if (BLS_GAS.g1Add > gasLimit) return OUT_OF_GAS;
  if (input.length !== 2 * G1_BYTES) return fail('InvalidInputLength');
  const a = decodeG1(input, 0, false);
  if (a === null) return fail('InvalidPoint');
  const b = decodeG1(input, G1_BYTES, false);
  if (b === null) return fail('InvalidPoint');
  return { ok: true, gasUsed: BLS_GAS.g1Add, output: encodeG1(a.add(b)) };
}

export const blsG1AddPrecompile: Precompile = { address: 0x0bn, name: 'blsG1Add', run: blsG1Add };
