import { describe, expect, it } from 'vitest';
import { hexToBytes } from '../../src/crypto/bytes.js';
import { addressFromPublicKey, addressFromSecretKey } from '../../src/tx/sender.js';

describe('addressFromSecretKey', () => {
  it('derives the address of the standard state-test key', () => {
    const sk = hexToBytes('0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8');
    expect(addressFromSecretKey(sk)).toBe(0xa94f5374fce5edbc8e2a8697c15331677e6ebf0bn);
  });

  it('derives the address of secret key 1', () => {
    const sk = new Uint8Array(32);
    sk[31] = 1;
    expect(addressFromSecretKey(sk)).toBe(0x7e5f4552091a69125d5dfcb7b8c2659029395bdfn);
  });

  it('rejects invalid keys', () => {
    expect(() => addressFromSecretKey(new Uint8Array(32))).toThrow();
    expect(() => addressFromSecretKey(new Uint8Array(31).fill(1))).toThrow(/32 bytes/);
    expect(() => addressFromSecretKey(new Uint8Array(32).fill(0xff))).toThrow();
  });

  it('rejects compressed public keys', () => {
    expect(() => addressFromPublicKey(new Uint8Array(33))).toThrow(/uncompressed/);
  });
});
