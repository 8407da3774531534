// keccak256Word (hash-wasm digest read as four 64-bit limbs) against @noble/hashes as the oracle.
import { keccak_256 } from '@noble/hashes/sha3.js';
import { describe, expect, it } from 'vitest';
import { KECCAK_EMPTY, keccak256Word } from '../../src/crypto/keccak.js';

const toWord = (b: Uint8Array): bigint => BigInt(`0x${Buffer.from(b).toString('hex')}`);

describe('keccak256Word', () => {
  it('equals @noble/hashes keccak_256 as a big-endian word for 0..200-byte inputs', () => {
    let seed = 12345;
    for (let len = 0; len <= 200; len++) {
      const data = new Uint8Array(len);
      for (let i = 0; i < len; i++) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        data[i] = seed >>> 24;
      }
      expect(keccak256Word(data)).toBe(toWord(keccak_256(data)));
    }
  });

  it('reads a digest that starts with zero bytes exactly, and the empty-input constant', () => {
    // Search for an input whose digest starts with a zero byte (limb boundaries and leading zeros).
    let found = false;
    for (let i = 0; i < 2000 && !found; i++) {
      const data = new Uint8Array([i & 0xff, i >> 8]);
      const h = keccak_256(data);
      if (h[0] === 0) {
        expect(keccak256Word(data)).toBe(toWord(h));
        expect(keccak256Word(data) < 1n << 248n).toBe(true);
        found = true;
      }
    }
    expect(found).toBe(true);
    expect(KECCAK_EMPTY).toBe(0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470n);
  });
});
