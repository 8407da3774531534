// 0x0c BLS12_G1MSM (EIP-2537, Prague): multi-scalar multiplication in G1.
import type { Precompile, PrecompileResult } from './types.js';
import { OUT_OF_GAS, fail } from './util.js';
import {
  BLS_GAS,
  G1_BYTES,
  G1_MSM_DISCOUNT,
  SCALAR_BYTES,
  decodeG1,
  decodeScalar,
  encodeG1,
  msmG1,
  msmGas,
  type BlsG1Point,
} from './bls12381.js';

/** EIP-2537: each MSM pair is a G1 point then a 32-byte scalar. */
export const G1_MSM_PAIR_BYTES = G1_BYTES + SCALAR_BYTES;

/** Price of a G1 MSM of `k` ≥ 1 pairs. */
export function blsG1MsmGas(k: number): number {
  return msmGas(k, G1_MSM_DISCOUNT, BLS_GAS.g1Mul);
}

/**
 * Input k·160 bytes with k ≥ 1 (empty input is an error). Every point must be on the curve and in
 * the order-q subgroup (or infinity); scalars may exceed q. Output: Σ sᵢ·Pᵢ, 128 bytes.
 */
export function blsG1Msm(input: Uint8Array, gasLimit: number): PrecompileResult {
  if (input.length === 0 || input.length % G1_MSM_PAIR_BYTES !== 0) return fail('InvalidInputLength');
  const k = input.length / G1_MSM_PAIR_BYTES;
  const gas = blsG1MsmGas(k);
  if (gas > gasLimit) return OUT_OF_GAS;
  const points: BlsG1Point[] = [];
  const scalars: bigint[] = [];
  for (let off = 0; off < input.length; off += G1_MSM_PAIR_BYTES) {
    const p = decodeG1(input, off, true);
    if (p === null) return fail('InvalidPoint');
    points.push(p);
    scalars.push(decodeScalar(input, off + G1_BYTES));
  }
  return { ok: true, gasUsed: gas, output: encodeG1(msmG1(points, scalars)) };
}

export const blsG1MsmPrecompile: Precompile = { address: 0x0cn, name: 'blsG1Msm', run: blsG1Msm };
