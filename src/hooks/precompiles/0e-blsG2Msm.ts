// 0x0e BLS12_G2MSM (EIP-2537, Prague): multi-scalar multiplication in G2.
import type { Precompile, PrecompileResult } from './types.js';
import { OUT_OF_GAS, fail } from './util.js';
import {
  BLS_GAS,
  G2_BYTES,
  G2_MSM_DISCOUNT,
  SCALAR_BYTES,
  decodeG2,
  decodeScalar,
  encodeG2,
  msmG2,
  msmGas,
  type BlsG2Point,
} from './bls12381.js';

/** EIP-2537: each MSM pair is a G2 point then a 32-byte scalar. */
export const G2_MSM_PAIR_BYTES = G2_BYTES + SCALAR_BYTES;

/** Price of a G2 MSM of `k` ≥ 1 pairs. */
export function blsG2MsmGas(k: number): number {
  return msmGas(k, G2_MSM_DISCOUNT, BLS_GAS.g2Mul);
}

/**
 * Input k·288 bytes with k ≥ 1 (empty input is an error). Every point must be on the twist and in
 * the order-q subgroup (or infinity); scalars may exceed q. Output: Σ sᵢ·Pᵢ, 256 bytes.
 */
export function blsG2Msm(input: Uint8Array, gasLimit: number): PrecompileResult {
  if (input.length === 0 || input.length % G2_MSM_PAIR_BYTES !== 0) return fail('InvalidInputLength');
  const k = input.length / G2_MSM_PAIR_BYTES;
  const gas = blsG2MsmGas(k);
  if (gas > gasLimit) return OUT_OF_GAS;
  const points: BlsG2Point[] = [];
  const scalars: bigint[] = [];
  for (let off = 0; off < input.length; off += G2_MSM_PAIR_BYTES) {
    const p = decodeG2(input, off, true);
    if (p === null) return fail('InvalidPoint');
    points.push(p);
    scalars.push(decodeScalar(input, off + G2_BYTES));
  }
  return { ok: true, gasUsed: gas, output: encodeG2(msmG2(points, scalars)) };
}

export const blsG2MsmPrecompile: Precompile = { address: 0x0en, name: 'blsG2Msm', run: blsG2Msm };
