// bigIntToBytes against a byte-at-a-time reference: every length from 0 to 40 bytes, values at the 8-byte limb
// borders, and values wider than the length (only the low `length` bytes are kept).
import { expect, it } from 'vitest';
import { bigIntToBytes } from '../../src/crypto/bytes.js';

/** The low `length` bytes of `value`, big-endian, one byte at a time. */
function reference(value: bigint, length: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < length; i++) out.unshift(Number((value >> BigInt(8 * i)) & 0xffn));
  return out;
}

it('bigIntToBytes keeps the low `length` bytes, big-endian, for every length 0..40', () => {
  const values = [0n, 1n, 0xffn, 0x100n, (1n << 64n) - 1n, 1n << 64n, (1n << 160n) - 1n, 1n << 255n, (1n << 256n) - 1n];
  values.push(0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20n, (1n << 320n) - 12345n);
  for (let length = 0; length <= 40; length++) {
    for (const v of values)
      expect(Array.from(bigIntToBytes(v, length)), `${v} in ${length} bytes`).toEqual(reference(v, length));
  }
  expect(bigIntToBytes(5n).length).toBe(32);
});
