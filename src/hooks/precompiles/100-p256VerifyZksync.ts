// 0x100 P256 verify as ZKsync OS runs it with its `p256_precompile` feature (RIP-7212 address; semantics of
// basic_system/src/system_functions/p256_verify.rs at 0a82da0, which differ from RIP-7212's):
// - input not exactly 160 bytes: `InvalidInput`, so the precompile hook burns every erg (a halt);
// - 5000 gas (`P256_VERIFY_COST_ERGS`), charged in ergs only (no native);
// - r or s outside [1, n) (`Signature::from_scalars`) or (qx, qy) not a curve point: success, empty output;
// - otherwise one byte: 1 if the signature verifies over the 32-byte prehash (high s allowed), else 0.
// The curve arithmetic is @noble/curves p256 (shared constants with the EIP-7951 precompile).
import { p256 } from '@noble/curves/nist.js';
import { bytesToBigInt } from '../../crypto/bytes.js';
import { P256_N, P256_P, P256VERIFY_INPUT_LENGTH } from './100-p256Verify.js';
import type { Precompile, PrecompileResult } from './types.js';
import { OUT_OF_GAS } from './util.js';

/** basic_system/src/cost_constants.rs P256_VERIFY_COST_ERGS / ERGS_PER_GAS. */
export const ZKSYNC_P256_VERIFY_GAS = 5000;

/** `secp256r1_verify_inner`: null when the scalars or the point are invalid, else the verification result. */
export function zksyncP256Verify(input: Uint8Array): boolean | null {
  const r = bytesToBigInt(input.subarray(32, 64));
  const s = bytesToBigInt(input.subarray(64, 96));
  if (r === 0n || r >= P256_N || s === 0n || s >= P256_N) return null;
  const qx = bytesToBigInt(input.subarray(96, 128));
  const qy = bytesToBigInt(input.subarray(128, 160));
  if (qx >= P256_P || qy >= P256_P) return null;
  let point: ReturnType<typeof p256.Point.fromAffine>;
  try {
    point = p256.Point.fromAffine({ x: qx, y: qy });
    point.assertValidity(); // on the curve and not the identity (`AffinePoint::from_encoded_point`)
  } catch {
    return null;
  }
  return p256.verify(input.subarray(32, 96), input.subarray(0, 32), point.toBytes(false), {
    prehash: false,
    lowS: false,
  });
}

function run(input: Uint8Array, gasLimit: number): PrecompileResult {
  if (input.length !== P256VERIFY_INPUT_LENGTH) return { ok: false, reason: 'InvalidInput' };
  if (ZKSYNC_P256_VERIFY_GAS > gasLimit) return OUT_OF_GAS;
  const verified = zksyncP256Verify(input);
  const output = verified === null ? new Uint8Array(0) : Uint8Array.of(verified ? 1 : 0);
  return { ok: true, gasUsed: ZKSYNC_P256_VERIFY_GAS, output };
}

/** The ZKsync OS P256 verify hook body (address 0x100, `P256_VERIFY_PREHASH_HOOK_ADDRESS_LOW`). */
export const zksyncP256VerifyPrecompile: Precompile = { address: 0x100n, name: 'p256VerifyZksync', run };
