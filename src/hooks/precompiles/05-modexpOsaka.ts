// 0x05 MODEXP from Osaka: EIP-7823 input bounds and EIP-7883 repricing over the same EIP-198 semantics.
import type { Precompile, PrecompileResult } from './types.js';
import { bitLength, runModexp } from './05-modexp.js';

/** EIP-7823: Blen, Elen and Mlen may each be at most 1024 bytes; above that the call fails, burning all gas. */
export const MODEXP_OSAKA_MAX_LENGTH = 1024n;
/** EIP-7883: minimum price (EIP-2565: 200). */
export const MODEXP_OSAKA_MIN_GAS = 500n;
/** EIP-7883: multiplication complexity when max(Blen, Mlen) ≤ 32 bytes. */
const SMALL_COMPLEXITY = 16n;
/** EIP-7883: each exponent byte past the first 32 counts 16 iterations (EIP-2565: 8). */
const EXP_BYTE_ITERATIONS = 16n;

/**
 * The EIP-7883 price: complexity = 16 if max(Blen, Mlen) ≤ 32 else 2·ceil(max/8)²; iterations as
 * EIP-2565 with 16 per exponent byte past 32; gas = max(500, complexity × iterations), no divisor.
 */
export function modexpOsakaGas(baseLen: bigint, expLen: bigint, modLen: bigint, expHead: bigint): bigint {
  const maxLen = baseLen > modLen ? baseLen : modLen;
  const words = (maxLen + 7n) / 8n;
  const complexity = maxLen > 32n ? 2n * words * words : SMALL_COMPLEXITY;
  const headBits = bitLength(expHead);
  const headIterations = headBits === 0n ? 0n : headBits - 1n;
  const count = expLen <= 32n ? headIterations : EXP_BYTE_ITERATIONS * (expLen - 32n) + headIterations;
  const iterations = count > 1n ? count : 1n;
  const gas = complexity * iterations;
  return gas > MODEXP_OSAKA_MIN_GAS ? gas : MODEXP_OSAKA_MIN_GAS;
}

/** MODEXP under Osaka rules. */
export function modexpOsaka(input: Uint8Array, gasLimit: number): PrecompileResult {
  return runModexp(input, gasLimit, modexpOsakaGas, MODEXP_OSAKA_MAX_LENGTH);
}

export const modexpOsakaPrecompile: Precompile = { address: 0x05n, name: 'modexp', run: modexpOsaka };
