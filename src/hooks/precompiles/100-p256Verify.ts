// 0x100 P256VERIFY: ECDSA verification over secp256r1 (EIP-7951, Osaka; RIP-7212 on rollups), on @noble/curves.
import { p256 } from '@noble/curves/nist.js';
import { bytesToBigInt } from '../../crypto/bytes.js';
import type { Precompile, PrecompileResult } from './types.js';
import { OUT_OF_GAS } from './util.js';

/** EIP-7951: gas of every call, whatever the input (Osaka). */
export const P256VERIFY_GAS = 6900;
/** RIP-7212: the rollup price of the same precompile. */
export const RIP7212_P256VERIFY_GAS = 3450;
/** EIP-7951: hash ‖ r ‖ s ‖ qx ‖ qy, 32 bytes each. */
export const P256VERIFY_INPUT_LENGTH = 160;
/** secp256r1 group order n. */
export const P256_N: bigint = p256.Point.Fn.ORDER;
/** secp256r1 base field modulus p. */
export const P256_P: bigint = p256.Point.Fp.ORDER;

const SUCCESS = (() => {
  const out = new Uint8Array(32);
  out[31] = 1;
  return out;
})();

/**
 * True when the 160-byte input holds a valid signature (r, s) of `hash` under the key (qx, qy):
 * 0 < r, s < n; qx, qy < p; (qx, qy) on the curve and not infinity; then ECDSA verification on the
 * 32-byte hash as given (no hashing, high s allowed).
 */
export function p256VerifyInput(input: Uint8Array): boolean {
  if (input.length !== P256VERIFY_INPUT_LENGTH) return false;
  const r = bytesToBigInt(input.subarray(32, 64));
  const s = bytesToBigInt(input.subarray(64, 96));
  if (r === 0n || r >= P256_N || s === 0n || s >= P256_N) return false;
  const qx = bytesToBigInt(input.subarray(96, 128));
  const qy = bytesToBigInt(input.subarray(128, 160));
  if (qx >= P256_P || qy >= P256_P) return false;
  if (qx === 0n && qy === 0n) return false;
  const publicKey = new Uint8Array(65);
  publicKey[0] = 0x04; // SEC 1 uncompressed point
  publicKey.set(input.subarray(96, 160), 1);
  try {
    // noble checks the key is on the curve (and not infinity) while decoding it.
    return p256.verify(input.subarray(32, 96), input.subarray(0, 32), publicKey, { prehash: false, lowS: false });
  } catch {
    return false;
  }
}

/** A P256VERIFY run at `gas`: success returns the word 1; any failure returns empty output and still costs `gas`. */
function p256VerifyAt(gas: number): (input: Uint8Array, gasLimit: number) => PrecompileResult {
  return (input, gasLimit) => {
    if (gas > gasLimit) return OUT_OF_GAS;
    return { ok: true, gasUsed: gas, output: p256VerifyInput(input) ? SUCCESS.slice() : new Uint8Array(0) };
  };
}

/** EIP-7951 P256VERIFY (Osaka), 6900 gas. */
export const p256VerifyPrecompile: Precompile = {
  address: 0x100n,
  name: 'p256Verify',
  run: p256VerifyAt(P256VERIFY_GAS),
};

/** RIP-7212 P256VERIFY (rollups, the ZKsync profile), 3450 gas, the same semantics. */
export const rip7212P256VerifyPrecompile: Precompile = {
  address: 0x100n,
  name: 'p256VerifyRip7212',
  run: p256VerifyAt(RIP7212_P256VERIFY_GAS),
};
