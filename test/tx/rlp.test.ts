import { RLP } from '@ethereumjs/rlp';
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '../../src/crypto/bytes.js';
import { RlpError, rlpDecode, rlpEncode, type RlpInput, type RlpValue } from '../../src/encoding/rlp.js';

const te = new TextEncoder();
const s = (str: string): Uint8Array => te.encode(str);
const LOREM55 = 'Lorem ipsum dolor sit amet, consectetur adipisicing eli';
const LOREM56 = 'Lorem ipsum dolor sit amet, consectetur adipisicing elit';
const LOREM_LONG =
  'Lorem ipsum dolor sit amet, consectetur adipisicing elit. Curabitur mauris magna, suscipit sed vehicula non, iaculis faucibus tortor. Proin suscipit ultricies malesuada. Duis tortor elit, dictum quis tristique eu, ultrices at risus. Morbi a est imperdiet mi ullamcorper aliquet suscipit nec lorem. Aenean quis leo mollis, vulputate elit varius, consequat enim. Nulla ultrices turpis justo, et posuere urna consectetur nec. Proin non convallis metus. Donec tempor ipsum in mauris congue sollicitudin. Vestibulum ante ipsum primis in faucibus orci luctus et ultrices posuere cubilia Curae; Suspendisse convallis sem vel massa faucibus, eget lacinia lacus tempor. Nulla quis ultricies purus. Proin auctor rhoncus nibh condimentum mollis. Aliquam consequat enim at metus luctus, a eleifend purus egestas. Curabitur at nibh metus. Nam bibendum, neque at auctor tristique, lorem libero aliquet arcu, non interdum tellus lectus sit amet eros. Cras rhoncus, metus ac ornare cursus, dolor justo ultrices metus, at ullamcorper volutpat';

/** Vectors from the Ethereum wiki and ethereum/tests RLPTests/rlptest.json. */
const VECTORS: Array<[name: string, input: RlpInput, hex: string]> = [
  ['emptystring', s(''), '0x80'],
  ['bytestring00', Uint8Array.of(0), '0x00'],
  ['bytestring01', Uint8Array.of(1), '0x01'],
  ['bytestring7F', Uint8Array.of(0x7f), '0x7f'],
  ['bytestring80', Uint8Array.of(0x80), '0x8180'],
  ['shortstring dog', s('dog'), '0x83646f67'],
  ['shortstring2 (55 bytes)', s(LOREM55), '0xb7' + bytesToHex(s(LOREM55)).slice(2)],
  ['longstring (56 bytes)', s(LOREM56), '0xb838' + bytesToHex(s(LOREM56)).slice(2)],
  [
    'longstring2 (1024+ bytes)',
    s(LOREM_LONG),
    '0xb9' + s(LOREM_LONG).length.toString(16).padStart(4, '0') + bytesToHex(s(LOREM_LONG)).slice(2),
  ],
  ['zero', 0, '0x80'],
  ['zero bigint', 0n, '0x80'],
  ['smallint 1', 1, '0x01'],
  ['smallint 16', 16, '0x10'],
  ['smallint 79', 79, '0x4f'],
  ['smallint 127', 127, '0x7f'],
  ['mediumint 128', 128, '0x8180'],
  ['mediumint 1000', 1000, '0x8203e8'],
  ['1024', 1024, '0x820400'],
  ['1024n', 1024n, '0x820400'],
  ['mediumint 100000', 100000, '0x830186a0'],
  ['mediumint4', 83729609699884896815286331701780722n, '0x8f102030405060708090a0b0c0d0e0f2'],
  [
    'mediumint5',
    105315505618206987246253880190783558935785933862974822347068935681n,
    '0x9c0100020003000400050006000700080009000a000b000c000d000e01',
  ],
  ['bigint 2^256', 1n << 256n, '0xa1010000000000000000000000000000000000000000000000000000000000000000'],
  ['max safe integer', Number.MAX_SAFE_INTEGER, '0x871fffffffffffff'],
  ['2^53 as bigint', 1n << 53n, '0x8720000000000000'],
  ['2^64 - 1', (1n << 64n) - 1n, '0x88ffffffffffffffff'],
  ['emptylist', [], '0xc0'],
  ['stringlist', [s('dog'), s('god'), s('cat')], '0xcc83646f6783676f6483636174'],
  ['cat dog', [s('cat'), s('dog')], '0xc88363617483646f67'],
  ['multilist', [s('zw'), [4], 1], '0xc6827a77c10401'],
  [
    'shortListMax1',
    ['asdf', 'qwer', 'zxcv', 'asdf', 'qwer', 'zxcv', 'asdf', 'qwer', 'zxcv', 'asdf', 'qwer'].map(s),
    '0xf784617364668471776572847a78637684617364668471776572847a78637684617364668471776572847a78637684617364668471776572',
  ],
  [
    'longList1',
    [
      ['asdf', 'qwer', 'zxcv'].map(s),
      ['asdf', 'qwer', 'zxcv'].map(s),
      ['asdf', 'qwer', 'zxcv'].map(s),
      ['asdf', 'qwer', 'zxcv'].map(s),
    ],
    '0xf840cf84617364668471776572847a786376cf84617364668471776572847a786376cf84617364668471776572847a786376cf84617364668471776572847a786376',
  ],
  ['listsoflists', [[[], []], []], '0xc4c2c0c0c0'],
  ['listsoflists2 (set-theoretic 3)', [[], [[]], [[], [[]]]], '0xc7c0c1c0c3c0c1c0'],
  [
    'dictTest1',
    [
      [s('key1'), s('val1')],
      [s('key2'), s('val2')],
      [s('key3'), s('val3')],
      [s('key4'), s('val4')],
    ],
    '0xecca846b6579318476616c31ca846b6579328476616c32ca846b6579338476616c33ca846b6579348476616c34',
  ],
];

/** Canonical form of an input as the decoder returns it (integers → minimal bytes). */
function toValue(input: RlpInput): RlpValue {
  if (input instanceof Uint8Array) return input;
  if (typeof input === 'number' || typeof input === 'bigint') {
    let v = BigInt(input);
    const out: number[] = [];
    while (v > 0n) {
      out.unshift(Number(v & 0xffn));
      v >>= 8n;
    }
    return Uint8Array.from(out);
  }
  return (input as readonly RlpInput[]).map(toValue);
}

describe('rlpEncode', () => {
  it.each(VECTORS)('%s', (_name, input, hex) => {
    expect(bytesToHex(rlpEncode(input))).toBe(hex);
  });

  it('agrees with @ethereumjs/rlp on every vector', () => {
    for (const [, input] of VECTORS) {
      expect(bytesToHex(rlpEncode(input))).toBe(bytesToHex(RLP.encode(input as never)));
    }
  });

  it('encodes the long-string header with two length bytes', () => {
    const data = new Uint8Array(1024).fill(0x61);
    const enc = rlpEncode(data);
    expect(bytesToHex(enc.subarray(0, 3))).toBe('0xb90400');
    expect(enc.length).toBe(1027);
    const list = rlpEncode([data, data]); // payload 2 * 1027 = 2054 = 0x0806
    expect(bytesToHex(list.subarray(0, 3))).toBe('0xf90806');
  });

  it('rejects negative, fractional and unsafe integers', () => {
    expect(() => rlpEncode(-1)).toThrow(RlpError);
    expect(() => rlpEncode(-1n)).toThrow(/negative/);
    expect(() => rlpEncode(1.5)).toThrow(/safe integer/);
    expect(() => rlpEncode(2 ** 60)).toThrow(/safe integer/);
    expect(() => rlpEncode(['x' as never])).toThrow(/unsupported/);
  });
});

describe('rlpDecode', () => {
  it.each(VECTORS)('round-trips %s', (_name, input, hex) => {
    expect(rlpDecode(hexToBytes(hex))).toEqual(toValue(input));
  });

  it('round-trips random nested structures (against @ethereumjs/rlp)', () => {
    let seed = 12345;
    const rnd = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const gen = (depth: number): RlpValue => {
      if (depth > 4 || rnd(3) === 0) {
        const lens = [0, 1, 1, 2, 20, 55, 56, 57, 300];
        const b = new Uint8Array(lens[rnd(lens.length)]!);
        for (let i = 0; i < b.length; i++) b[i] = rnd(256);
        return b;
      }
      const n = depth === 0 && rnd(4) === 0 ? 20 : rnd(4);
      return Array.from({ length: n }, () => gen(depth + 1));
    };
    for (let i = 0; i < 300; i++) {
      const v = gen(0);
      const enc = rlpEncode(v);
      expect(bytesToHex(enc)).toBe(bytesToHex(RLP.encode(v as never)));
      expect(rlpDecode(enc)).toEqual(v);
    }
  });

  it('returns copies, not views into the input', () => {
    const enc = hexToBytes('0x83646f67');
    const dec = rlpDecode(enc) as Uint8Array;
    enc[1] = 0;
    expect(bytesToHex(dec)).toBe('0x646f67');
  });

  const INVALID: Array<[name: string, hex: string, message: RegExp]> = [
    ['empty input', '0x', /empty input/],
    ['bytesShouldBeSingleByte00', '0x8100', /non-canonical single byte 0x00/],
    ['bytesShouldBeSingleByte01', '0x8101', /non-canonical single byte 0x01/],
    ['bytesShouldBeSingleByte7F', '0x817f', /non-canonical single byte 0x7f/],
    ['single byte in a list', '0xc28105', /non-canonical single byte 0x05/],
    ['nonOptimalLongLengthArray1', '0xb810' + '00'.repeat(16), /long-form length 16/],
    ['nonOptimalLongLengthArray2 (55)', '0xb837' + '61'.repeat(55), /long-form length 55/],
    ['nonOptimalLongLengthList1', '0xf810' + '80'.repeat(16), /long-form length 16/],
    ['leadingZerosInLongLengthArray1', '0xb90040' + '61'.repeat(64), /leading zero/],
    ['leadingZerosInLongLengthArray2', '0xb800', /leading zero/],
    ['leadingZerosInLongLengthList1', '0xfb00000040' + '80'.repeat(64), /leading zero/],
    ['leadingZerosInLongLengthList2', '0xf800', /leading zero/],
    ['trailing bytes', '0x8080', /1 trailing byte/],
    ['trailing bytes after a list', '0xc0c0c0', /2 trailing byte/],
    ['lessThanShortLengthArray1', '0x81', /overruns/],
    ['lessThanShortLengthArray2', '0xa0' + '61'.repeat(31), /overruns/],
    ['lessThanShortLengthList1', '0xc5010203', /overruns/],
    ['lessThanLongLengthArray1', '0xba010000' + '61'.repeat(10), /overruns/],
    ['lessThanLongLengthList1', '0xf90100' + '80'.repeat(10), /overruns/],
    ['length of length overruns', '0xbb0102', /length-of-length/],
    ['int32Overflow', '0xbf0fffffffffffffff' + '61', /overruns/],
    ['wrongSizeList (item overruns its list)', '0xc28300ff', /overruns/],
    ['wrongSizeList2 (list shorter than its items)', '0xc183646f67', /overruns/],
  ];

  it.each(INVALID)('rejects %s', (_name, hex, message) => {
    expect(() => rlpDecode(hexToBytes(hex))).toThrow(RlpError);
    expect(() => rlpDecode(hexToBytes(hex))).toThrow(message);
  });
});
