// 0x0f BLS12_PAIRING_CHECK (EIP-2537, Prague).
import type { Precompile, PrecompileResult } from './types.js';
import { OUT_OF_GAS, fail } from './util.js';
import {
  BLS_GAS,
  G1_BYTES,
  G2_BYTES,
  blsPairingProductIsOne,
  decodeG1,
  decodeG2,
  type BlsG1Point,
  type BlsG2Point,
} from './bls12381.js';

/** EIP-2537: each pairing slice is a G1 point then a G2 point. */
export const PAIRING_PAIR_BYTES = G1_BYTES + G2_BYTES;

/** Price of a pairing check over `k` ≥ 1 pairs: 32600·k + 37700. */
export function blsPairingGas(k: number): number {
  return BLS_GAS.pairingPerPair * k + BLS_GAS.pairingBase;
}

/**
 * Input k·384 bytes with k ≥ 1 (empty input is an error). Every point must be on its curve and in
 * the order-q subgroup, or infinity. Output: 32-byte word 1 if Π e(Pᵢ, Qᵢ) = 1, else 0.
 */
export function blsPairing(input: Uint8Array, gasLimit: number): PrecompileResult {
  if (input.length === 0 || input.length % PAIRING_PAIR_BYTES !== 0) return fail('InvalidInputLength');
  const gas = blsPairingGas(input.length / PAIRING_PAIR_BYTES);
  if (gas > gasLimit) return OUT_OF_GAS;
  const pairs: { g1: BlsG1Point; g2: BlsG2Point }[] = [];
  for (let off = 0; off < input.length; off += PAIRING_PAIR_BYTES) {
    const g1 = decodeG1(input, off, true);
    if (g1 === null) return fail('InvalidPoint');
    const g2 = decodeG2(input, off + G1_BYTES, true);
    if (g2 === null) return fail('InvalidPoint');
    pairs.push({ g1, g2 });
  }
  const output = new Uint8Array(32);
  if (blsPairingProductIsOne(pairs)) output[31] = 1;
  return { ok: true, gasUsed: gas, output };
}

export const blsPairingPrecompile: Precompile = { address: 0x0fn, name: 'blsPairing', run: blsPairing };
