import { describe, expect, it } from 'vitest';
import {
  expectArray,
  expectObject,
  fieldPath,
  InputError,
  parseAddress,
  parseData,
  parseIndex,
  parseOptionalAddress,
  parseQuantity,
  parseU256,
  parseU64,
  parseWord,
  requireKey,
  withFieldPrefix,
} from '../../src/input/parse.js';
import { U256_MAX, U64_MAX } from '../../src/encoding/limits.js';

function err(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('quantities', () => {
  it('accepts hex with and without leading zeros', () => {
    expect(parseQuantity('0x0a', 'f')).toBe(10n);
    expect(parseQuantity('0x00', 'f')).toBe(0n);
    expect(parseQuantity('0x0', 'f')).toBe(0n);
    expect(parseQuantity('0xABcd', 'f')).toBe(0xabcdn);
    expect(parseU256('0x' + 'f'.repeat(64), 'f')).toBe(U256_MAX);
    expect(parseU64('0xffffffffffffffff', 'f')).toBe(U64_MAX);
  });

  it("accepts retesteth's 0x:bigint form, unbounded unless a max is given", () => {
    expect(parseQuantity('0x:bigint 0x10000000000000000000000000000000000000000000000000000000000000001', 'f')).toBe(
      (1n << 256n) + 1n,
    );
    expect(err(() => parseU256('0x:bigint 0x1' + '0'.repeat(64), 'v')).message).toMatch(
      /^v: quantity exceeds 2\^256-1/,
    );
  });

  it('accepts decimal only when asked', () => {
    expect(parseQuantity('123', 'f', { decimal: true })).toBe(123n);
    expect(err(() => parseQuantity('123', 'f')).message).toMatch(/^f: not a hex quantity \(missing 0x prefix\)/);
  });

  it.each<[unknown, RegExp]>([
    ['', /empty string/],
    ['0x', /empty hex quantity/],
    ['-0x1', /negative quantity/],
    ['-5', /negative quantity/],
    ['0xg1', /not a hex quantity/],
    ['0x 1', /not a hex quantity/],
    ['0X01', /not a hex quantity/],
    [1, /expected a hex quantity string, got a number/],
    [null, /got null/],
    [undefined, /got nothing \(missing\)/],
    [['0x1'], /got an array/],
    [10n, /got a bigint/],
  ])('rejects %s', (v, re) => {
    const e = err(() => parseQuantity(v, 'pre.0xab.balance'));
    expect(e.field).toBe('pre.0xab.balance');
    expect(e.message).toMatch(/^pre\.0xab\.balance: /);
    expect(e.message).toMatch(re);
  });

  it('enforces bit widths', () => {
    expect(err(() => parseU64('0x010000000000000000', 'gas')).message).toMatch(/^gas: quantity exceeds 2\^64-1/);
    expect(err(() => parseU256('0x1' + '0'.repeat(64), 'bal')).message).toMatch(/^bal: quantity exceeds 2\^256-1/);
    expect(err(() => parseQuantity('0x10', 'x', { max: 15n })).message).toMatch(/exceeds 0xf/);
  });
});

describe('data, addresses, words', () => {
  it('parses hex data', () => {
    expect(parseData('0x', 'd')).toEqual(new Uint8Array(0));
    expect(parseData('0x00fF10', 'd')).toEqual(Uint8Array.of(0, 255, 16));
  });

  it.each<[unknown, RegExp]>([
    ['0x0', /^code: odd-length hex data/],
    ['00', /^code: hex data must start with 0x/],
    ['0xzz', /^code: not hex data/],
    [':raw 0x00', /^code: hex data must start with 0x/],
    [7, /^code: expected hex data string, got a number/],
  ])('rejects data %j', (v, re) => {
    expect(err(() => parseData(v, 'code')).message).toMatch(re);
  });

  it('addresses are exactly 20 bytes', () => {
    expect(parseAddress('0x' + '00'.repeat(19) + '01', 'a')).toBe(1n);
    expect(parseOptionalAddress('', 'to')).toBeNull();
    expect(err(() => parseAddress('0x' + '11'.repeat(19), 'to')).message).toMatch(
      /^to: address must be 20 bytes, got 19/,
    );
    expect(err(() => parseAddress('0x' + '11'.repeat(21), 'to')).message).toMatch(/got 21/);
    expect(err(() => parseAddress('', 'from')).message).toMatch(/^from: empty string is not an address/);
    expect(err(() => parseAddress('0x1', 'a')).message).toMatch(/odd-length/);
  });

  it('words are exactly 32 bytes', () => {
    expect(parseWord('0x' + '00'.repeat(31) + '05', 'w')).toBe(5n);
    expect(err(() => parseWord('0x05', 'w')).message).toMatch(/^w: word must be 32 bytes, got 1/);
  });
});

describe('structure helpers', () => {
  it('build paths and check shapes', () => {
    expect(fieldPath('pre', '0xab')).toBe('pre.0xab');
    expect(fieldPath('data', 2)).toBe('data[2]');
    expect(fieldPath('', 'env')).toBe('env');
    expect(fieldPath('f.json › t › ', 'env')).toBe('f.json › t › env');
    expect(err(() => expectObject(null, 'o')).message).toBe('o: expected an object, got null');
    expect(err(() => expectArray({}, 'a')).message).toBe('a: expected an array, got a object');
    expect(err(() => requireKey({}, 'k', 'obj')).message).toBe('obj.k: missing field');
    expect(err(() => parseIndex(1.5, 'i')).message).toMatch(/^i: expected a non-negative integer/);
  });

  it('withFieldPrefix prepends to the path', () => {
    const e = err(() => withFieldPrefix('file › ', () => parseU64('0x', 'nonce')));
    expect(e.field).toBe('file › nonce');
    expect(e.message).toBe('file › nonce: empty hex quantity ("0x")');
    expect(() =>
      withFieldPrefix('p', () => {
        throw new RangeError('other');
      }),
    ).toThrow(RangeError);
  });
});
