// 0x07 ECMUL on alt_bn128 (EIP-196), priced by EIP-1108 (Istanbul).
import type { Precompile, PrecompileResult } from './types.js';
import { OUT_OF_GAS, fail, readWord } from './util.js';
import { BN254_N, decodeG1, encodeG1 } from './bn254.js';

/** EIP-1108: ECMUL costs 6000 gas (was 40000 in EIP-196). */
export const BN254_MUL_GAS = 6000;

/**
 * Input: x ‖ y ‖ s, right-padded with zeros to 96 bytes. The point must be a valid G1 point
 * ((0, 0) = infinity), else failure; s is any 256-bit integer (reduced mod the group order, which
 * is exact since G1 has prime order n). Output: s·P as 64 bytes.
 */
export function bn254Mul(input: Uint8Array, gasLimit: number): PrecompileResult {
  if (BN254_MUL_GAS > gasLimit) return OUT_OF_GAS;
  const p = decodeG1(input, 0);
  if (p === null) return fail('InvalidPoint');
  const s = readWord(input, 64) % BN254_N;
  return { ok: true, gasUsed: BN254_MUL_GAS, output: encodeG1(p.multiplyUnsafe(s)) };
}

export const bn254MulPrecompile: Precompile = { address: 0x07n, name: 'bn254Mul', run: bn254Mul };
