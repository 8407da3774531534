import { describe, expect, it } from 'vitest';
import { blake2fPrecompile } from '../../../src/hooks/precompiles/09-blake2f.js';
import { checkVector, hexToBytes, type Vector } from './helpers.js';

// EIP-152 "Test Cases" (vectors 0-8), plus go-ethereum's 8,000,000-round variant of vector 8.
// The message block is "abc" and h is the BLAKE2b-512 IV xor the parameter block (RFC 7693 appendix A).
const TAIL =
  '48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d182e6ad7f520e511f6c3e2b8c68059b6bbd41fbabd9831f79217e1319cde05b' +
  '6162630000000000000000000000000000000000000000000000000000000000' +
  '0000000000000000000000000000000000000000000000000000000000000000' +
  '0000000000000000000000000000000000000000000000000000000000000000' +
  '0000000000000000000000000000000000000000000000000000000000000000' +
  '0300000000000000' +
  '0000000000000000';

const vector = (rounds: string, flag: string) => rounds + TAIL + flag;

describe('0x09 blake2f (EIP-152)', () => {
  it('has the right address', () => {
    expect(blake2fPrecompile.address).toBe(0x09n);
  });

  it('vector 0: empty input fails', () => {
    expect(blake2fPrecompile.run(new Uint8Array(0), 1_000_000).ok).toBe(false);
  });

  it('vector 1: 212 bytes fails', () => {
    const input = hexToBytes('00000c' + TAIL + '01');
    expect(input.length).toBe(212);
    expect(blake2fPrecompile.run(input, 1_000_000).ok).toBe(false);
  });

  it('vector 2: 214 bytes fails', () => {
    const input = hexToBytes('000000000c' + TAIL + '01');
    expect(input.length).toBe(214);
    expect(blake2fPrecompile.run(input, 1_000_000).ok).toBe(false);
  });

  it('vector 3: final flag 2 fails', () => {
    const input = hexToBytes(vector('0000000c', '02'));
    expect(input.length).toBe(213);
    expect(blake2fPrecompile.run(input, 1_000_000)).toEqual({ ok: false, reason: 'InvalidFinalFlag' });
    expect(blake2fPrecompile.run(hexToBytes(vector('0000000c', 'ff')), 1_000_000).ok).toBe(false);
  });

  const vectors: Vector[] = [
    {
      name: 'vector 4 (0 rounds)',
      input: vector('00000000', '01'),
      expected:
        '08c9bcf367e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d282e6ad7f520e511f6c3e2b8c68059b9442be0454267ce079217e1319cde05b',
      gas: 0,
    },
    {
      name: 'vector 5 (12 rounds, final)',
      input: vector('0000000c', '01'),
      expected:
        'ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923',
      gas: 12,
    },
    {
      name: 'vector 6 (12 rounds, not final)',
      input: vector('0000000c', '00'),
      expected:
        '75ab69d3190a562c51aef8d88f1c2775876944407270c42c9844252c26d2875298743e7f6d5ea2f2d3e8d226039cd31b4e426ac4f2d3d666a610c2116fde4735',
      gas: 12,
    },
    {
      name: 'vector 7 (1 round)',
      input: vector('00000001', '01'),
      expected:
        'b63a380cb2897d521994a85234ee2c181b5f844d2c624c002677e9703449d2fba551b3a8333bcdf5f2f7e08993d53923de3d64fcc68c034e717b9293fed7a421',
      gas: 1,
    },
    {
      name: 'geth vector 8 (8,000,000 rounds)',
      input: vector('007a1200', '01'),
      expected:
        '6d2ce9e534d50e18ff866ae92d70cceba79bbcd14c63819fe48752c8aca87a4bb7dcc230d22a4047f0486cfcfb50a17b24b2899eb8fca370f22240adb5170189',
      gas: 8_000_000,
    },
  ];
  for (const v of vectors) it(v.name, () => checkVector(blake2fPrecompile, v), 60_000);

  it('12 rounds equals BLAKE2b-512("abc") (RFC 7693 appendix A)', () => {
    // Vector 5 is the full BLAKE2b-512 of "abc": its first bytes are the RFC's digest.
    const r = blake2fPrecompile.run(hexToBytes(vector('0000000c', '01')), 12);
    expect(r.ok && Buffer.from(r.output).toString('hex').startsWith('ba80a53f981c4d0d6a2797b69f12f6e9')).toBe(true);
  });

  it('wrong length fails even with a huge gas limit; huge round counts fail with OutOfGas', () => {
    expect(blake2fPrecompile.run(hexToBytes(vector('ffffffff', '01')), 1_000_000)).toEqual({
      ok: false,
      reason: 'OutOfGas',
    });
  });

  // EIP-152 vector 8: 2^32-1 rounds takes minutes in any implementation; run with ZKOS_SLOW=1.
  it.skipIf(!process.env.ZKOS_SLOW)(
    'vector 8 (4294967295 rounds)',
    () => {
      checkVector(blake2fPrecompile, {
        name: 'vector 8',
        input: vector('ffffffff', '01'),
        expected:
          'fc59093aafa9ab43daae0e914c57635c5402d8e3d2130eb9b3cc181de7f0ecf9b22bf99a7815ce16419e200e01846e6b5df8cc7703041bbceb571de6631d2615',
        gas: 4294967295,
      });
    },
    3_600_000,
  );
});
