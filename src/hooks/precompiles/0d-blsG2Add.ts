// 0x0d BLS12_G2ADD (EIP-2537, Prague).
import type { Precompile, PrecompileResult } from './types.js';
import { OUT_OF_GAS, fail } from './util.js';
import { BLS_GAS, G2_BYTES, decodeG2, encodeG2 } from './bls12381.js';

/**
 * Input exactly 512 bytes: two G2 points. Each must be on the twist or infinity; there is no
 * subgroup check (EIP-2537). Output: their sum, 256 bytes.
 */
export function blsG2Add(input: Uint8Array, gasLimit: number): PrecompileResult {
  if (BLS_GAS.g2Add > gasLimit) return OUT_OF_GAS;
  if (input.length !== 2 * G2_BYTES) return fail('InvalidInputLength');
  const a = decodeG2(input, 0, false);
  if (a === null) return fail('InvalidPoint');
  const b = decodeG2(input, G2_BYTES, false);
  if (b === null) return fail('InvalidPoint');
  return { ok: true, gasUsed: BLS_GAS.g2Add, output: encodeG2(a.add(b)) };
}

export const blsG2AddPrecompile: Precompile = { address: 0x0dn, name: 'blsG2Add', run: blsG2Add };
