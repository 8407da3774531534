// 0x10 BLS12_MAP_FP_TO_G1 (EIP-2537, Prague).
import type { Precompile, PrecompileResult } from './types.js';
import { OUT_OF_GAS, fail } from './util.js';
import { BLS_GAS, FP_BYTES, decodeFp, encodeG1, mapFpToG1 } from './bls12381.js';

/** Input exactly 64 bytes: one Fp element (< p, top 16 bytes zero). Output: the mapped G1 point, 128 bytes. */
export function blsMapFpToG1(input: Uint8Array, gasLimit: number): PrecompileResult {
  if (BLS_GAS.mapFpToG1 > gasLimit) return OUT_OF_GAS;
  if (input.length !== FP_BYTES) return fail('InvalidInputLength');
  const u = decodeFp(input, 0);
  if (u === null) return fail('InvalidFieldElement');
  return { ok: true, gasUsed: BLS_GAS.mapFpToG1, output: encodeG1(mapFpToG1(u)) };
}

export const blsMapFpToG1Precompile: Precompile = { address: 0x10n, name: 'blsMapFpToG1', run: blsMapFpToG1 };
