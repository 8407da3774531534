// 0x06 ECADD on alt_bn128 (EIP-196), priced by EIP-1108 (Istanbul).
import type { Precompile, PrecompileResult } from './types.js';
import { OUT_OF_GAS, fail } from './util.js';
import { decodeG1, encodeG1 } from './bn254.js';

/** EIP-1108: ECADD costs 150 gas (was 500 in EIP-196). */
export const BN254_ADD_GAS = 150;

/**
 * Input: x1 ‖ y1 ‖ x2 ‖ y2, right-padded with zeros to 128 bytes (longer input is ignored past
 * 128). Both points must be valid G1 points ((0, 0) = infinity), else failure. Output: 64 bytes.
 */
export function bn254Add(input: Uint8Array, gasLimit: number): PrecompileResult {
  if (BN254_ADD_GAS > gasLimit) return OUT_OF_GAS;
  const a = decodeG1(input, 0);
  if (a === null) return fail('InvalidPoint');
  const b = decodeG1(input, 64);
  if (b === null) return fail('InvalidPoint');
  return { ok: true, gasUsed: BN254_ADD_GAS, output: encodeG1(a.add(b)) };
}

export const bn254AddPrecompile: Precompile = { address: 0x06n, name: 'bn254Add', run: bn254Add };
