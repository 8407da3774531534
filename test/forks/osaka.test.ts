// Osaka: CLZ (EIP-7939), the transaction gas cap (EIP-7825), blob limits and EIP-7918's excess rule.
import { describe, expect, it } from 'vitest';
import { asm } from '../helpers/bytecode.js';
import { cancun, osaka, prague } from '../../src/forks/index.js';
import { blobBaseFeeAt, blobScheduleAt, nextExcessBlobGas } from '../../src/forks/blob.js';
import { GAS_PER_BLOB } from '../../src/tx/fees.js';
import { ok, rejected, run, tx } from './helpers.js';

const C = 0xc0de000000000000000000000000000000000001n;
const clzProgram = (x: bigint): Uint8Array => asm().pushN(32, x).raw(0x1e).push0().op('SSTORE').op('STOP').toBytes();

describe('EIP-7939 CLZ (0x1e)', () => {
  // Vectors from the EIP's test cases: 0 → 256, 1 → 255, 2^255 → 0, 2^256−1 → 0, 0x6ff → 245.
  const vectors: [bigint, bigint][] = [
    [0n, 256n],
    [1n, 255n],
    [1n << 255n, 0n],
    [(1n << 256n) - 1n, 0n],
    [0x6ffn, 245n],
    [(1n << 128n) - 1n, 128n],
    [1n << 128n, 127n],
    [(1n << 32n) - 1n, 224n],
    [1n << 32n, 223n],
    [(1n << 64n) + 1n, 191n],
  ];
  for (const [x, want] of vectors)
    it(`CLZ(0x${x.toString(16)}) = ${want}, gas 5 (Osaka)`, () => {
      const r = run('Osaka', tx({ to: C }), [[C, { code: clzProgram(x) }]]);
      const receipt = ok(r);
      expect(receipt.status).toBe('success');
      expect(r.world.sload(C, 0n)).toBe(want);
      // 21000 + PUSH32 3 + CLZ 5 + PUSH0 2 + SSTORE (cold, 0 → non-zero 22100; 0 → 0 2200).
      expect(receipt.gasUsed).toBe(21000n + 3n + 5n + 2n + (want === 0n ? 2200n : 22100n));
    });

  it('is an undefined opcode before Osaka: the frame halts and the whole gas limit is used', () => {
    for (const fork of ['Cancun', 'Prague'] as const) {
      const receipt = ok(run(fork, tx({ to: C, gasLimit: 100_000n }), [[C, { code: clzProgram(1n) }]]));
      expect(receipt.status).toBe('halt');
      expect(receipt.gasUsed).toBe(100_000n);
    }
  });

  it('with an empty stack it underflows (halt) in Osaka', () => {
    const receipt = ok(run('Osaka', tx({ to: C, gasLimit: 50_000n }), [[C, { code: Uint8Array.of(0x1e) }]]));
    expect(receipt.status).toBe('halt');
    expect(receipt.gasUsed).toBe(50_000n);
  });
});

describe('EIP-7825 transaction gas cap 2^24', () => {
  it('Osaka accepts 2^24 and rejects 2^24 + 1 with GAS_LIMIT_EXCEEDS_MAXIMUM', () => {
    expect(ok(run('Osaka', tx({ gasLimit: 1n << 24n }))).gasUsed).toBe(21000n);
    expect(rejected(run('Osaka', tx({ gasLimit: (1n << 24n) + 1n })))).toContain('GAS_LIMIT_EXCEEDS_MAXIMUM');
  });
  it('Prague and Cancun have no cap below the block limit', () => {
    expect(ok(run('Prague', tx({ gasLimit: (1n << 24n) + 1n }))).gasUsed).toBe(21000n);
    expect(ok(run('Cancun', tx({ gasLimit: 30_000_000n }))).gasUsed).toBe(21000n);
  });
});

describe('blob limits per fork (EIP-4844, EIP-7691, EIP-7594)', () => {
  const hashes = (n: number) => Array.from({ length: n }, (_, i) => (1n << 248n) | BigInt(i + 1));
  const blobTx = (n: number) => tx({ type: 3, maxFeePerBlobGas: 10n, blobVersionedHashes: hashes(n) });
  it('Cancun: 6 blobs valid, 7 rejected', () => {
    expect(ok(run('Cancun', blobTx(6))).status).toBe('success');
    expect(rejected(run('Cancun', blobTx(7)))).toContain('TYPE_3_TX_BLOB_COUNT_EXCEEDED');
  });
  it('Prague: 9 blobs valid, 10 rejected', () => {
    expect(ok(run('Prague', blobTx(9))).status).toBe('success');
    expect(rejected(run('Prague', blobTx(10)))).toContain('TYPE_3_TX_BLOB_COUNT_EXCEEDED');
  });
  it('Osaka: at most 6 per transaction', () => {
    expect(ok(run('Osaka', blobTx(6))).status).toBe('success');
    expect(rejected(run('Osaka', blobTx(7)))).toContain('TYPE_3_TX_BLOB_COUNT_EXCEEDED');
  });
});

describe('blob fee market per fork', () => {
  it('update fractions: Cancun 3338477, Prague/Osaka 5007716, BPO1 8346193, BPO2 11684671', () => {
    const excess = 10_000_000n;
    // fake_exponential(1, 10^7, F): e^(10^7/3338477) ≈ 19.99 → 19; e^(10^7/5007716) ≈ 7.36 → 7.
    expect(blobBaseFeeAt(cancun, excess, 0n)).toBe(19n);
    expect(blobBaseFeeAt(prague, excess, 0n)).toBe(7n);
    expect(blobBaseFeeAt(osaka, excess, 1000n)).toBe(7n);
    expect(blobScheduleAt(osaka, 1765290070n)).toMatchObject({ target: 6, max: 9 }); // Osaka keeps Prague's
    expect(blobScheduleAt(osaka, 1765290071n)).toMatchObject({ name: 'BPO1', target: 10, max: 15 });
    expect(blobScheduleAt(osaka, 1767747671n)).toMatchObject({ name: 'BPO2', target: 14, max: 21 });
  });

  it('EIP-7918: below the reserve price the excess grows by used × (max − target) / max; above it, by used − target', () => {
    const parent = { excessBlobGas: 0n, blobGasUsed: 7n * GAS_PER_BLOB, timestamp: 1000n };
    // Blob base fee 1. 8192 × 17 = 139264 > 131072 × 1: reserve regime, 7 blobs × (9 − 6) / 9.
    expect(nextExcessBlobGas(osaka, { ...parent, baseFee: 17n }, 1012n)).toBe((7n * GAS_PER_BLOB * 3n) / 9n);
    // 8192 × 16 = 131072 is not greater than 131072 × 1: the normal rule, 7 − 6 blobs.
    expect(nextExcessBlobGas(osaka, { ...parent, baseFee: 16n }, 1012n)).toBe(GAS_PER_BLOB);
    // Prague has no reserve price.
    expect(nextExcessBlobGas(prague, { ...parent, baseFee: 10n ** 9n }, 1012n)).toBe(GAS_PER_BLOB);
    // Below target: 0.
    expect(nextExcessBlobGas(osaka, { ...parent, blobGasUsed: 5n * GAS_PER_BLOB, baseFee: 100n }, 1012n)).toBe(0n);
  });
});
