// 0x11 BLS12_MAP_FP2_TO_G2 (EIP-2537, Prague).
import type { Precompile, PrecompileResult } from './types.js';
import { OUT_OF_GAS, fail } from './util.js';
import { BLS_GAS, FP_BYTES, decodeFp2, encodeG2, mapFp2ToG2 } from './bls12381.js';

/** Input exactly 128 bytes: one Fp2 element c0 ‖ c1 (each < p). Output: the mapped G2 point, 256 bytes. */
export function blsMapFp2ToG2(input: Uint8Array, gasLimit: number): PrecompileResult {
  if (BLS_GAS.mapFp2ToG2 > gasLimit) return OUT_OF_GAS;
  if (input.length !== 2 * FP_BYTES) return fail('InvalidInputLength');
  const u = decodeFp2(input, 0);
  if (u === null) return fail('InvalidFieldElement');
  return { ok: true, gasUsed: BLS_GAS.mapFp2ToG2, output: encodeG2(mapFp2ToG2(u)) };
}

export const blsMapFp2ToG2Precompile: Precompile = { address: 0x11n, name: 'blsMapFp2ToG2', run: blsMapFp2ToG2 };
