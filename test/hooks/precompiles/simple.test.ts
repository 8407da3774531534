import { describe, expect, it } from 'vitest';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { ecrecoverPrecompile } from '../../../src/hooks/precompiles/01-ecrecover.js';
import { sha256Precompile } from '../../../src/hooks/precompiles/02-sha256.js';
import { ripemd160Precompile } from '../../../src/hooks/precompiles/03-ripemd160.js';
import { identityPrecompile } from '../../../src/hooks/precompiles/04-identity.js';
import { keccak256 } from '../../../src/crypto/keccak.js';
import { bytesToHex, checkVector, hexToBytes, okOutput, type Vector } from './helpers.js';

const ascii = (s: string) => new TextEncoder().encode(s);
const hexAscii = (s: string) => bytesToHex(ascii(s)).slice(2);

describe('0x01 ecrecover', () => {
  const HASH = '18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c';
  const R = '73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a75f';
  const S = 'eeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549';
  const word = (n: bigint) => n.toString(16).padStart(64, '0');
  const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

  // go-ethereum core/vm/testdata/precompiles/ecRecover.json
  const vectors: Vector[] = [
    {
      name: 'ValidKey',
      input: HASH + word(28n) + R + S,
      expected: '000000000000000000000000a94f5374fce5edbc8e2a8697c15331677e6ebf0b',
      gas: 3000,
    },
    {
      name: 'CallEcrecoverUnrecoverableKey',
      input:
        'a8b53bdf3306a35a7103ab5504a0c9b492295564b6202b1942a84ef300107281' +
        '000000000000000000000000000000000000000000000000000000000000001b' +
        '3078356531653033663533636531386237373263636230303933666637316633' +
        '6635336635633735623734646362333161383561613862383839326234653862' +
        '1122334455667788991011121314151617181920212223242526272829303132',
      expected: '',
      gas: 3000,
    },
    {
      name: 'InvalidHighV-bits-1',
      input: HASH + '100000000000000000000000000000000000000000000000000000000000001c' + R + S,
      expected: '',
      gas: 3000,
    },
    {
      name: 'InvalidHighV-bits-2',
      input: HASH + '000000000000000000000000000000000000001000000000000000000000001c' + R + S,
      expected: '',
      gas: 3000,
    },
    {
      name: 'InvalidHighV-bits-3',
      input: HASH + '000000000000000000000000000000000000001000000000000000000000011c' + R + S,
      expected: '',
      gas: 3000,
    },
  ];
  for (const v of vectors) it(v.name, () => checkVector(ecrecoverPrecompile, v));

  it('invalid signatures succeed with empty output and still cost 3000', () => {
    const cases = [
      HASH + word(0n) + R + S, // v = 0
      HASH + word(1n) + R + S, // v = 1
      HASH + word(29n) + R + S, // v = 29
      HASH + word(28n) + word(0n) + S, // r = 0
      HASH + word(28n) + R + word(0n), // s = 0
      HASH + word(28n) + word(N) + S, // r = n
      HASH + word(28n) + R + word(N), // s = n
      HASH + word(28n) + word(2n ** 256n - 1n) + S, // r huge
      HASH + word(28n) + R, // s missing: padded to 0
      '', // everything zero
    ];
    for (const c of cases)
      expect(ecrecoverPrecompile.run(hexToBytes(c), 3000)).toEqual({
        ok: true,
        gasUsed: 3000,
        output: new Uint8Array(0),
      });
  });

  it('input is right-padded / truncated to 128 bytes', () => {
    const long = hexToBytes(HASH + word(28n) + R + S + 'deadbeef'.repeat(20));
    expect(okOutput(ecrecoverPrecompile.run(long, 3000))).toBe(
      '0x000000000000000000000000a94f5374fce5edbc8e2a8697c15331677e6ebf0b',
    );
  });

  it('recovers the signer of fresh signatures, including high-s ones', () => {
    const sk = hexToBytes('0x4646464646464646464646464646464646464646464646464646464646464646');
    const pub = secp256k1.getPublicKey(sk, false);
    const addr = bytesToHex(keccak256(pub.subarray(1)).subarray(12));
    for (let i = 0; i < 8; i++) {
      const hash = keccak256(ascii('message ' + i));
      const sig = secp256k1.Signature.fromBytes(
        secp256k1.sign(hash, sk, { prehash: false, format: 'recovered' }),
        'recovered',
      );
      const low = ecrecoverPrecompile.run(
        hexToBytes(bytesToHex(hash) + word(27n + BigInt(sig.recovery!)) + word(sig.r) + word(sig.s)),
        3000,
      );
      expect(okOutput(low)).toBe('0x' + '00'.repeat(12) + addr.slice(2));
      // (r, n - s) with the other parity recovers the same key: no low-s rule in the precompile.
      const high = ecrecoverPrecompile.run(
        hexToBytes(bytesToHex(hash) + word(28n - BigInt(sig.recovery!)) + word(sig.r) + word(N - sig.s)),
        3000,
      );
      expect(okOutput(high)).toBe('0x' + '00'.repeat(12) + addr.slice(2));
    }
  });
});

describe('0x02 sha256', () => {
  const vectors: Vector[] = [
    { name: 'empty', input: '', expected: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', gas: 60 },
    {
      name: 'abc',
      input: hexAscii('abc'),
      expected: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      gas: 72,
    },
    {
      name: 'FIPS 180-2 two-block message (56 bytes)',
      input: hexAscii('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'),
      expected: '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
      gas: 84,
    },
  ];
  for (const v of vectors) it(v.name, () => checkVector(sha256Precompile, v));

  it('charges 60 + 12 per started word', () => {
    for (const [len, gas] of [
      [1, 72],
      [32, 72],
      [33, 84],
      [64, 84],
      [65, 96],
      [1024, 60 + 12 * 32],
    ] as const) {
      expect(sha256Precompile.run(new Uint8Array(len), 1e9)).toMatchObject({ ok: true, gasUsed: gas });
      expect(sha256Precompile.run(new Uint8Array(len), gas - 1)).toEqual({ ok: false, reason: 'OutOfGas' });
    }
  });
});

describe('0x03 ripemd160', () => {
  const vectors: Vector[] = [
    {
      name: 'empty',
      input: '',
      expected: '0000000000000000000000009c1185a5c5e9fc54612808977ee8f548b2258d31',
      gas: 600,
    },
    {
      name: 'abc',
      input: hexAscii('abc'),
      expected: '0000000000000000000000008eb208f7e05d987a9b044a8e98c6b087f15a0bfc',
      gas: 720,
    },
    {
      name: 'message digest',
      input: hexAscii('message digest'),
      expected: '0000000000000000000000005d0689ef49d2fae572b881b123a85ffa21595f36',
      gas: 720,
    },
    {
      name: 'a..z (26 bytes)',
      input: hexAscii('abcdefghijklmnopqrstuvwxyz'),
      expected: '000000000000000000000000f71c27109c692c1b56bbdceb5b9d2865b3708dbc',
      gas: 720,
    },
  ];
  for (const v of vectors) it(v.name, () => checkVector(ripemd160Precompile, v));

  it('charges 600 + 120 per started word', () => {
    expect(ripemd160Precompile.run(new Uint8Array(33), 1e9)).toMatchObject({ ok: true, gasUsed: 840 });
    expect(ripemd160Precompile.run(new Uint8Array(33), 839)).toEqual({ ok: false, reason: 'OutOfGas' });
  });
});

describe('0x04 identity', () => {
  it('returns the input and charges 15 + 3 per word', () => {
    for (const [len, gas] of [
      [0, 15],
      [1, 18],
      [32, 18],
      [33, 21],
      [100, 27],
    ] as const) {
      const input = Uint8Array.from({ length: len }, (_, i) => (i * 7 + 1) & 0xff);
      checkVector(identityPrecompile, {
        name: `len ${len}`,
        input: bytesToHex(input),
        expected: bytesToHex(input).slice(2),
        gas,
      });
    }
  });

  it('returns the input array itself (the call owns it; test/runner/special.test.ts checks RETURNDATA)', () => {
    const input = new Uint8Array([1, 2, 3]);
    const r = identityPrecompile.run(input, 100);
    expect(r.ok && r.output).toBe(input);
  });
});
