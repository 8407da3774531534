// Sender address derivation: keccak256 of the uncompressed secp256k1 public key, last 20 bytes.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak256 } from '../crypto/keccak.js';
import { bytesToBigInt } from '../crypto/bytes.js';

/** Address of a 65-byte uncompressed (0x04 ‖ x ‖ y) public key. */
export function addressFromPublicKey(publicKey: Uint8Array): bigint {
  if (publicKey.length !== 65 || publicKey[0] !== 0x04) {
    throw new TypeError('expected a 65-byte uncompressed secp256k1 public key');
  }
  return bytesToBigInt(keccak256(publicKey.subarray(1)).subarray(12));
}

/** Address controlled by the 32-byte secp256k1 secret key `sk` (throws for an invalid key). */
export function addressFromSecretKey(sk: Uint8Array): bigint {
  if (sk.length !== 32) throw new TypeError(`secret key must be 32 bytes, got ${sk.length}`);
  return addressFromPublicKey(secp256k1.getPublicKey(sk, false));
}
