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

describe('keccak256Word memo (inputs of 1..64 bytes)', () => {
  it('gives the oracle digest on repeats, after the caller reuses its buffer, and across entry collisions', () => {
    const buf = new Uint8Array(64);
    let seed = 99;
    // 5,000 distinct 64-byte and 32-byte inputs in a 1,024-entry memo: entries are overwritten many times.
    const inputs: Uint8Array[] = [];
    for (let k = 0; k < 5000; k++) {
      const len = k % 2 === 0 ? 64 : 32;
      const d = new Uint8Array(len);
      for (let i = 0; i < len; i++) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        d[i] = seed >>> 24;
      }
      inputs.push(d);
    }
    for (let round = 0; round < 3; round++) {
      for (const d of inputs) {
        // Hash through one reused buffer, as the EVM hashes a memory range: the memo must keep its own copy.
        const view = buf.subarray(0, d.length);
        view.set(d);
        expect(keccak256Word(view)).toBe(toWord(keccak_256(d)));
        view.fill(0xee);
      }
    }
  });

  it('tells apart inputs that differ only in length or in their last byte', () => {
    const a = new Uint8Array(64).fill(7);
    const b = a.slice(0, 63);
    const c = a.slice();
    c[63] = 8;
    for (const d of [a, b, c, a, b, c]) expect(keccak256Word(d)).toBe(toWord(keccak_256(d)));
  });
});
