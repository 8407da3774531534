// Contract address derivation for CREATE (keccak of RLP [deployer, nonce]) and CREATE2 (EIP-1014).
import type { Address } from '../types.js';
import { keccak256 } from '../../crypto/keccak.js';
import { bigIntToBytes, bigIntToMinimalBytes, bytesToBigInt } from '../../crypto/bytes.js';

/** Last 20 bytes of a 32-byte hash as an address. */
function hashToAddress(hash: Uint8Array): Address {
  return bytesToBigInt(hash.subarray(12, 32));
}

/**
 * CREATE address: keccak256(rlp([deployer, nonce]))[12:]. The RLP is written inline: a 20-byte string
 * (0x94 ‖ address) and the nonce as a minimal big-endian integer (0 → 0x80, < 0x80 → itself).
 */
export function createAddress(deployer: Address, nonce: bigint): Address {
  const nonceBytes = bigIntToMinimalBytes(nonce);
  const nonceLen = nonceBytes.length === 1 && nonceBytes[0]! < 0x80 ? 1 : 1 + nonceBytes.length;
  const payloadLen = 21 + nonceLen;
  const out = new Uint8Array(1 + payloadLen);
  out[0] = 0xc0 + payloadLen; // a list shorter than 56 bytes
  out[1] = 0x80 + 20;
  out.set(bigIntToBytes(deployer, 20), 2);
  if (nonceLen === 1) {
    out[22] = nonceBytes.length === 0 ? 0x80 : nonceBytes[0]!;
  } else {
    out[22] = 0x80 + nonceBytes.length;
    out.set(nonceBytes, 23);
  }
  return hashToAddress(keccak256(out));
}

/** CREATE2 address (EIP-1014): keccak256(0xff ‖ deployer ‖ salt ‖ keccak256(initcode))[12:]. */
export function create2Address(deployer: Address, salt: bigint, initcode: Uint8Array): Address {
  const buf = new Uint8Array(85);
  buf[0] = 0xff;
  buf.set(bigIntToBytes(deployer, 20), 1);
  buf.set(bigIntToBytes(salt, 32), 21);
  buf.set(keccak256(initcode), 53);
  return hashToAddress(keccak256(buf));
}
