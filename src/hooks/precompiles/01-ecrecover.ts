// 0x01 ECRECOVER: recover the signer address of a secp256k1 signature (Yellow Paper appendix E).
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak256 } from '../../crypto/keccak.js';
import type { Precompile, PrecompileResult } from './types.js';
import { OUT_OF_GAS, readPadded, readWord } from './util.js';

/** Yellow Paper appendix E (G_ecrec), unchanged since Frontier. */
export const ECRECOVER_GAS = 3000;

/** secp256k1 group order n. */
const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

const EMPTY = new Uint8Array(0);

/**
 * Input (right-padded/truncated to 128 bytes): hash ‖ v ‖ r ‖ s, each a 32-byte word.
 * v must be exactly 27 or 28, r and s in [1, n-1] (no low-s rule here). Any invalid signature or
 * failed recovery is a *successful* call with empty output; output otherwise is 12 zero bytes ‖
 * the 20-byte address keccak256(pubkey)[12:].
 */
export function ecrecover(input: Uint8Array, gasLimit: number): PrecompileResult {
  if (ECRECOVER_GAS > gasLimit) return OUT_OF_GAS;
  const invalid: PrecompileResult = { ok: true, gasUsed: ECRECOVER_GAS, output: EMPTY };
  const v = readWord(input, 32);
  if (v !== 27n && v !== 28n) return invalid;
  const r = readWord(input, 64);
  const s = readWord(input, 96);
  if (r === 0n || r >= SECP256K1_N || s === 0n || s >= SECP256K1_N) return invalid;
  const hash = readPadded(input, 0, 32);
  let pub: Uint8Array;
  try {
    const sig = new secp256k1.Signature(r, s, Number(v - 27n));
    pub = sig.recoverPublicKey(hash).toBytes(false); // 0x04 ‖ X ‖ Y
  } catch {
    return invalid; // r is not the x of a curve point, or the recovered key is infinity
  }
  const digest = keccak256(pub.subarray(1));
  const output = new Uint8Array(32);
  output.set(digest.subarray(12), 12);
  return { ok: true, gasUsed: ECRECOVER_GAS, output };
}

export const ecrecoverPrecompile: Precompile = { address: 0x01n, name: 'ecrecover', run: ecrecover };
