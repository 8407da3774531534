import { describe, expect, it } from 'vitest';
import { modexpGas, modexpPrecompile, modPow } from '../../../src/hooks/precompiles/05-modexp.js';
import { bytesToHex, checkVector, hexToBytes, okOutput, type Vector } from './helpers.js';

const word = (n: bigint) => n.toString(16).padStart(64, '0');
const header = (b: bigint, e: bigint, m: bigint) => word(b) + word(e) + word(m);
const hexOfLen = (n: bigint, len: number) => n.toString(16).padStart(2 * len, '0');

const N1_BASE =
  'e09ad9675465c53a109fac66a445c91b292d2bb2c5268addb30cd82f80fcb0033ff97c80a5fc6f39193ae969c6ede6710a6b7ac27078a06d90ef1c72e5c85fb5';
const N1_MOD =
  'fc9e1f6beb81516545975218075ec2af118cd8798df6e08a147c60fd6095ac2bb02c2908cf4dd7c81f11c289e4bce98f3553768f392a80ce22bf5c4f4a248c6b';
const N2_BASE =
  'cad7d991a00047dd54d3399b6b0b937c718abddef7917c75b6681f40cc15e2be0003657d8d4c34167b2f0bbbca0ccaa407c2a6a07d50f1517a8f22979ce12a81' +
  'dcaf707cc0cebfc0ce2ee84ee7f77c38b9281b9822a8d3de62784c089c9b18dcb9a2a5eecbede90ea788a862a9ddd9d609c2c52972d63e289e28f6a590ffbf51';
const N2_MOD =
  'e6d893b80aeed5e6e9ce9afa8a5d5675c93a32ac05554cb20e9951b2c140e3ef4e433068cf0fb73bc9f33af1853f64aa27a0028cbf570d7ac9048eae5dc7b28c' +
  '87c31e5810f1e7fa2cda6adf9f1076dbc1ec1238560071e7efc4e9565c49be9e7656951985860a558a754594115830bcdb421f741408346dd5997bb01c287087';

// EIP-198 examples and the nagydani vectors, priced by EIP-2565 (go-ethereum
// core/vm/testdata/precompiles/modexp_eip2565.json).
const vectors: Vector[] = [
  {
    name: 'eip_example1: 3^(p-1) mod p = 1',
    input:
      header(1n, 32n, 32n) +
      '03' +
      'fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e' +
      'fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f',
    expected: '0000000000000000000000000000000000000000000000000000000000000001',
    gas: 1360,
  },
  {
    name: 'eip_example2: 0^(p-1) mod p = 0 (empty base)',
    input:
      header(0n, 32n, 32n) +
      'fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e' +
      'fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f',
    expected: '0000000000000000000000000000000000000000000000000000000000000000',
    gas: 1360,
  },
  {
    name: 'nagydani-1-square',
    input: header(64n, 1n, 64n) + N1_BASE + '02' + N1_MOD,
    expected:
      '60008f1614cc01dcfb6bfb09c625cf90b47d4468db81b5f8b7a39d42f332eab9b2da8f2d95311648a8f243f4bb13cfb3d8f7f2a3c014122ebb3ed41b02783adc',
    gas: 200,
  },
  {
    name: 'nagydani-1-qube',
    input: header(64n, 1n, 64n) + N1_BASE + '03' + N1_MOD,
    expected:
      '4834a46ba565db27903b1c720c9d593e84e4cbd6ad2e64b31885d944f68cd801f92225a8961c952ddf2797fa4701b330c85c4b363798100b921a1a22a46a7fec',
    gas: 200,
  },
  {
    name: 'nagydani-1-pow0x10001',
    input: header(64n, 3n, 64n) + N1_BASE + '010001' + N1_MOD,
    expected:
      'c36d804180c35d4426b57b50c5bfcca5c01856d104564cd513b461d3c8b8409128a5573e416d0ebe38f5f736766d9dc27143e4da981dfa4d67f7dc474cbee6d2',
    gas: 341,
  },
  {
    name: 'nagydani-2-square',
    input: header(128n, 1n, 128n) + N2_BASE + '02' + N2_MOD,
    expected:
      '981dd99c3b113fae3e3eaa9435c0dc96779a23c12a53d1084b4f67b0b053a27560f627b873e3f16ad78f28c94f14b6392def26e4d8896c5e3c984e50fa0b3aa4' +
      '4f1da78b913187c6128baa9340b1e9c9a0fd02cb78885e72576da4a8f7e5a113e173a7a2889fde9d407bd9f06eb05bc8fc7b4229377a32941a02bf4edcc06d70',
    gas: 200,
  },
  {
    name: 'nagydani-2-qube',
    input: header(128n, 1n, 128n) + N2_BASE + '03' + N2_MOD,
    expected:
      'd89ceb68c32da4f6364978d62aaa40d7b09b59ec61eb3c0159c87ec3a91037f7dc6967594e530a69d049b64adfa39c8fa208ea970cfe4b7bcd359d34574440' +
      '5afe1cbf761647e32b3184c7fbe87cee8c6c7ff3b378faba6c68b83b6889cb40f1603ee68c56b4c03d48c595c826c041112dc941878f8c5be828154afd4a16311f',
    gas: 200,
  },
  {
    name: 'nagydani-2-pow0x10001',
    input: header(128n, 3n, 128n) + N2_BASE + '010001' + N2_MOD,
    expected:
      'ad85e8ef13fd1dd46eae44af8b91ad1ccae5b7a1c92944f92a19f21b0b658139e0cabe9c1f679507c2de354bf2c91ebd965d1e633978a830d517d2f6f8dd5f' +
      'd58065d58559de7e2334a878f8ec6992d9b9e77430d4764e863d77c0f87beede8f2f7f2ab2e7222f85cc9d98b8467f4bb72e87ef2882423ebdb6daf02dddac6db2',
    gas: 1365,
  },
];

describe('0x05 modexp (EIP-198, EIP-2565)', () => {
  for (const v of vectors) it(v.name, () => checkVector(modexpPrecompile, v));

  // nagydani-3..5 prices from modexp_eip2565.json (the price only depends on the lengths and
  // the exponent); outputs are checked against an independent bigint computation.
  const sizes: [string, number, string, number][] = [
    ['nagydani-3-square', 256, '02', 341],
    ['nagydani-3-qube', 256, '03', 341],
    ['nagydani-3-pow0x10001', 256, '010001', 5461],
    ['nagydani-4-square', 512, '02', 1365],
    ['nagydani-4-qube', 512, '03', 1365],
    ['nagydani-4-pow0x10001', 512, '010001', 21845],
    ['nagydani-5-square', 1024, '02', 5461],
    ['nagydani-5-qube', 1024, '03', 5461],
    ['nagydani-5-pow0x10001', 1024, '010001', 87381],
  ];
  for (const [name, len, exp, gas] of sizes) {
    it(`${name}: gas ${gas}`, () => {
      const base = BigInt('0x' + 'c3'.repeat(len)) / 7n;
      const mod = BigInt('0x' + 'f1'.repeat(len)) - 2n;
      const input =
        header(BigInt(len), BigInt(exp.length / 2), BigInt(len)) + hexOfLen(base, len) + exp + hexOfLen(mod, len);
      // Reference: x^2, x^3 directly; x^65537 = (x^(2^16)) * x by 16 modular squarings.
      let ref: bigint;
      if (exp === '010001') {
        ref = base % mod;
        for (let i = 0; i < 16; i++) ref = (ref * ref) % mod;
        ref = (ref * base) % mod;
      } else ref = base ** BigInt('0x' + exp) % mod;
      const expected = hexOfLen(ref, len);
      checkVector(modexpPrecompile, { name, input, expected, gas });
    });
  }

  it('EIP-198: missing bytes read as zeros (base 3, exp 0xffff, mod 0x80 followed by 31 zeros)', () => {
    const r = modexpPrecompile.run(hexToBytes(header(1n, 2n, 32n) + '03' + 'ffff' + '80'), 1_000_000);
    const mod = 0x80n << 248n;
    expect(r).toMatchObject({ ok: true, gasUsed: 200 });
    expect(okOutput(r)).toBe('0x' + word(3n ** 0xffffn % mod));
  });

  it('EIP-198: huge base length fails with OutOfGas without allocating', () => {
    const input = hexToBytes(header(2n ** 256n - 1n, 1n, 1n) + '0102');
    expect(modexpPrecompile.run(input, 30_000_000)).toEqual({ ok: false, reason: 'OutOfGas' });
    const input2 = hexToBytes(header(1n, 1n, 2n ** 255n));
    expect(modexpPrecompile.run(input2, Number.MAX_SAFE_INTEGER)).toEqual({ ok: false, reason: 'OutOfGas' });
    const input3 = hexToBytes(header(1n, 2n ** 64n, 1n) + '02');
    expect(modexpPrecompile.run(input3, 30_000_000)).toEqual({ ok: false, reason: 'OutOfGas' });
  });

  it('Blen = Mlen = 0 costs the minimum and returns nothing, whatever Elen', () => {
    for (const e of [0n, 1n, 32n, 2n ** 256n - 1n]) {
      const r = modexpPrecompile.run(hexToBytes(header(0n, e, 0n) + 'ff'.repeat(40)), 200);
      expect(r).toEqual({ ok: true, gasUsed: 200, output: new Uint8Array(0) });
      expect(modexpPrecompile.run(hexToBytes(header(0n, e, 0n)), 199)).toEqual({ ok: false, reason: 'OutOfGas' });
    }
    // Empty input: all lengths zero.
    expect(modexpPrecompile.run(new Uint8Array(0), 200)).toEqual({ ok: true, gasUsed: 200, output: new Uint8Array(0) });
  });

  it('Mlen = 0 with a base returns nothing', () => {
    expect(modexpPrecompile.run(hexToBytes(header(4n, 1n, 0n) + 'ffffffff02'), 1000)).toEqual({
      ok: true,
      gasUsed: 200,
      output: new Uint8Array(0),
    });
  });

  it('modulus 0 gives Mlen zero bytes; modulus 1 gives 0; x^0 = 1', () => {
    expect(okOutput(modexpPrecompile.run(hexToBytes(header(1n, 1n, 4n) + '05' + '03' + '00000000'), 1000))).toBe(
      '0x00000000',
    );
    expect(okOutput(modexpPrecompile.run(hexToBytes(header(1n, 1n, 2n) + '05' + '03' + '0001'), 1000))).toBe('0x0000');
    expect(okOutput(modexpPrecompile.run(hexToBytes(header(1n, 1n, 2n) + '05' + '00' + '0007'), 1000))).toBe('0x0001');
    expect(okOutput(modexpPrecompile.run(hexToBytes(header(0n, 0n, 2n) + '0007'), 1000))).toBe('0x0001'); // 0^0 = 1
    expect(okOutput(modexpPrecompile.run(hexToBytes(header(1n, 1n, 1n) + '00' + '05' + '07'), 1000))).toBe('0x00'); // 0^5
  });

  it('input beyond the declared lengths is ignored', () => {
    const r = modexpPrecompile.run(hexToBytes(header(1n, 1n, 1n) + '02' + '05' + '0d' + 'ffffffff'), 1000);
    expect(okOutput(r)).toBe('0x06'); // 2^5 mod 13 = 32 mod 13 = 6
  });

  it('EIP-2565 price: adjusted exponent length for exponents longer than 32 bytes', () => {
    // Blen = Mlen = 32: mult complexity (32/8)^2 = 16.
    expect(modexpGas(32n, 64n, 32n, 0n)).toBe((16n * 256n) / 3n); // 8 * (64 - 32) + 0
    expect(modexpGas(32n, 64n, 32n, 1n)).toBe((16n * 256n) / 3n);
    expect(modexpGas(32n, 64n, 32n, 2n ** 255n)).toBe((16n * (256n + 255n)) / 3n);
    expect(modexpGas(32n, 32n, 32n, 2n ** 255n)).toBe((16n * 255n) / 3n);
    expect(modexpGas(32n, 1n, 32n, 1n)).toBe(200n); // iterations clamp to 1, price to 200
    expect(modexpGas(1n, 1n, 9n, 2n)).toBe(200n); // mult ceil(9/8)^2 = 4
    expect(modexpGas(2000n, 40n, 1n, 1n)).toBe((250n * 250n * 64n) / 3n);
  });

  it('reads the exponent head after the base, zero-padded', () => {
    // E = 64 bytes, but the input ends inside the base: head is 0, iterations = 8 * 32.
    const input = hexToBytes(header(32n, 64n, 32n) + '01');
    expect(modexpPrecompile.run(input, 10_000)).toMatchObject({ ok: true, gasUsed: 1365 });
    // Head 0x80.. counts 255 more iterations.
    const input2 = hexToBytes(header(32n, 64n, 32n) + '00'.repeat(32) + '80');
    expect(modexpPrecompile.run(input2, 10_000)).toMatchObject({ ok: true, gasUsed: 2725 });
    expect(modexpPrecompile.run(input2, 2724)).toEqual({ ok: false, reason: 'OutOfGas' });
  });

  it('modPow agrees with bigint exponentiation', () => {
    let x = 0x1234567n;
    for (let i = 0; i < 50; i++) {
      x = (x * 6364136223846793005n + 1442695040888963407n) % 2n ** 64n;
      const b = x % 100000n,
        e = (x >> 20n) % 300n,
        m = ((x >> 7n) % 99991n) + 1n;
      const eb = hexToBytes(hexOfLen(e, 4));
      expect(modPow(b, eb, m)).toBe(b ** e % m);
    }
    expect(bytesToHex(hexToBytes('00'))).toBe('0x00');
  });
});
