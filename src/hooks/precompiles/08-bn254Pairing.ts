// 0x08 pairing check on alt_bn128 (EIP-197), priced by EIP-1108 (Istanbul).
import type { Precompile, PrecompileResult } from './types.js';
import { OUT_OF_GAS, fail } from './util.js';
import { decodeG1, decodeG2, pairingProductIsOne, type G1Point, type G2Point } from './bn254.js';

/** EIP-1108: 45000 base (was 100000 in EIP-197). */
export const BN254_PAIRING_BASE_GAS = 45000;
/** EIP-1108: 34000 per (G1, G2) pair (was 80000 in EIP-197). */
export const BN254_PAIRING_PER_PAIR_GAS = 34000;
/** EIP-197: each pair is a 64-byte G1 point then a 128-byte G2 point. */
const PAIR_BYTES = 192;

/**
 * Input: k pairs (G1 ‖ G2), exactly k·192 bytes (else failure; k = 0 is allowed). Every point must
 * be valid (coordinates < p, on its curve, G2 in the order-n subgroup; all zeros = infinity).
 * Output: 32-byte word 1 if Π e(g1_i, g2_i) = 1, else 0.
 */
export function bn254Pairing(input: Uint8Array, gasLimit: number): PrecompileResult {
  const k = Math.floor(input.length / PAIR_BYTES);
  const gas = BN254_PAIRING_BASE_GAS + BN254_PAIRING_PER_PAIR_GAS * k;
  if (gas > gasLimit) return OUT_OF_GAS;
  if (input.length % PAIR_BYTES !== 0) return fail('InvalidInputLength');
  const pairs: { g1: G1Point; g2: G2Point }[] = [];
  for (let off = 0; off < input.length; off += PAIR_BYTES) {
    const g1 = decodeG1(input, off);
    if (g1 === null) return fail('InvalidPoint');
    const g2 = decodeG2(input, off + 64);
    if (g2 === null) return fail('InvalidPoint');
    pairs.push({ g1, g2 });
  }
  const output = new Uint8Array(32);
  if (pairingProductIsOne(pairs)) output[31] = 1;
  return { ok: true, gasUsed: gas, output };
}

export const bn254PairingPrecompile: Precompile = { address: 0x08n, name: 'bn254Pairing', run: bn254Pairing };
