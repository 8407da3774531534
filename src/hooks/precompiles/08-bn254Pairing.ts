// 0x08 pairing check on alt_bn128 (EIP-197), priced by EIP-1108 (Istanbul).
import type { Precompile, PrecompileResult } from './types.js';
import { OUT_OF_GAS, fail, readWord } from './util.js';
import { BN254_P } from './bn254.js';
import { bn254PairingCheck, type G1Coordinates, type G2Coordinates } from '../../crypto/bn254Pairing.js';

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
  const pairs: { g1: G1Coordinates; g2: G2Coordinates }[] = [];
  for (let off = 0; off < input.length; off += PAIR_BYTES) {
    // G1 is x ‖ y; G2 is x_im ‖ x_re ‖ y_im ‖ y_re (EIP-197 puts the imaginary coefficient first).
    const g1 = { x: readWord(input, off), y: readWord(input, off + 32) };
    const g2 = {
      xIm: readWord(input, off + 64),
      xRe: readWord(input, off + 96),
      yIm: readWord(input, off + 128),
      yRe: readWord(input, off + 160),
    };
    if (g1.x >= BN254_P || g1.y >= BN254_P) return fail('InvalidPoint');
    if (g2.xIm >= BN254_P || g2.xRe >= BN254_P || g2.yIm >= BN254_P || g2.yRe >= BN254_P) return fail('InvalidPoint');
    pairs.push({ g1, g2 });
  }
  const isOne = bn254PairingCheck(pairs);
  if (isOne === null) return fail('InvalidPoint');
  const output = new Uint8Array(32);
  if (isOne) output[31] = 1;
  return { ok: true, gasUsed: gas, output };
}

export const bn254PairingPrecompile: Precompile = { address: 0x08n, name: 'bn254Pairing', run: bn254Pairing };
