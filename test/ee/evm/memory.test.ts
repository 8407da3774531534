// Memory opcodes: expansion cost (3·w + w²/512), MLOAD/MSTORE/MSTORE8/MSIZE, MCOPY overlap,
// KECCAK256, and huge offsets turning into out-of-gas halts.
import { expect, it } from 'vitest';
import { asm } from '../../helpers/bytecode.js';
import { returnedWord, run, describeBothLoops } from '../../helpers/evm.js';
import { bytesToHex } from '../../../src/crypto/bytes.js';

const MAX = (1n << 256n) - 1n;

describeBothLoops('memory expansion', () => {
  // [description, program, expected gas]
  const cases: [string, ReturnType<typeof asm>, number][] = [
    ['MSTORE at 0 (1 word)', asm().mstore(0, 1), 3 + 3 + 3 + 3],
    ['MSTORE8 at 31 (1 word)', asm().mstore8(31, 1), 3 + 3 + 3 + 3],
    ['MSTORE8 at 32 (2 words)', asm().mstore8(32, 1), 3 + 3 + 3 + 6],
    ['MLOAD at 32 (2 words)', asm().push(32).op('MLOAD'), 3 + 3 + 6],
    ['MSTORE ending at 1024 words', asm().mstore(32 * 1023, 1), 9 + 3 * 1024 + 2048],
    ['second MSTORE in the same word is free of expansion', asm().mstore(0, 1).mstore(16, 1), 12 + 9 + 3],
    ['MSIZE after MSTORE8 at 33', asm().mstore8(33, 1).op('MSIZE'), 9 + 6 + 2],
  ];
  it.each(cases)('%s', (_name, code, gas) => {
    const r = run(code);
    expect(r.end.status).toBe('success');
    expect(r.gasUsed).toBe(BigInt(gas));
  });

  it('MSIZE reports whole words', () => {
    const r = run(asm().mstore8(33, 1).op('MSIZE'));
    expect(r.frame.stack.peek()).toBe(64n);
  });

  it('MSTORE then MLOAD round-trips words of one to four limbs, aligned and not, and reads across them', () => {
    const values = [0n, 1n, (1n << 64n) - 1n, 1n << 64n, (1n << 128n) - 1n, 1n << 128n, (1n << 160n) - 1n];
    values.push((1n << 192n) - 1n, 1n << 192n, MAX, 0xdeadbeefn << 100n);
    for (const v of values) {
      for (const at of [0, 32, 7, 100]) {
        expect(returnedWord(run(asm().mstore(at, v).push(at).op('MLOAD').retTop())), `${v} at ${at}`).toBe(v);
      }
      // A word read 8 bytes into v: v's low 24 bytes, then 8 zero bytes.
      const shifted = (v << 64n) & MAX;
      expect(returnedWord(run(asm().mstore(0, v).push(8).op('MLOAD').retTop())), `${v} at 8`).toBe(shifted);
      // 8 bytes before v: zero, then v's top 24 bytes.
      expect(returnedWord(run(asm().mstore(40, v).push(32).op('MLOAD').retTop())), `${v} at 32`).toBe(v >> 64n);
    }
  });

  it('MSTORE then MLOAD round-trips a full word', () => {
    const v = 0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1fn;
    expect(returnedWord(run(asm().mstore(5, v).push(5).op('MLOAD').retTop()))).toBe(v);
    expect(returnedWord(run(asm().mstore(0, MAX).push(0).op('MLOAD').retTop()))).toBe(MAX);
  });

  it.each([
    [
      'MSTORE at 2^64',
      asm()
        .push(1)
        .push(1n << 64n)
        .op('MSTORE'),
    ],
    [
      'MLOAD at 2^255',
      asm()
        .push(1n << 255n)
        .op('MLOAD'),
    ],
    [
      'MSTORE at 2^32 - 16',
      asm()
        .push(1)
        .push(2n ** 32n - 16n)
        .op('MSTORE'),
    ],
    [
      'RETURN of 2^40 bytes',
      asm()
        .push(1n << 40n)
        .push(0)
        .op('RETURN'),
    ],
    ['KECCAK256 at MAX', asm().push(1).push(MAX).op('KECCAK256')],
    ['CALLDATACOPY size MAX', asm().push(MAX).push(0).push(0).op('CALLDATACOPY')],
  ])('%s is an out-of-gas halt, not an exception', (_name, code) => {
    const r = run(code, { gas: 10_000_000n });
    expect(r.end).toMatchObject({ status: 'halt', haltReason: 'OutOfGas', gasLeft: 0n });
    expect(r.end.returnData.length).toBe(0);
  });

  it.each([
    ['RETURN', asm().push(0).push(MAX).op('RETURN'), 6],
    ['KECCAK256', asm().push(0).push(MAX).op('KECCAK256'), 6 + 30],
    ['CALLDATACOPY', asm().push(0).push(MAX).push(MAX).op('CALLDATACOPY'), 9 + 3],
    ['CODECOPY', asm().push(0).push(MAX).push(MAX).op('CODECOPY'), 9 + 3],
    ['MCOPY', asm().push(0).push(MAX).push(MAX).op('MCOPY'), 9 + 3],
    ['LOG0', asm().push(0).push(MAX).op('LOG0'), 6 + 375],
  ])('zero-size %s at a huge offset does not expand memory', (_name, code, gas) => {
    const r = run(code);
    expect(r.end.status).toBe('success');
    expect(r.gasUsed).toBe(BigInt(gas));
    expect(r.frame.memory.words).toBe(0);
  });

  it('MSTORE boundary pair', () => {
    const code = asm().mstore(0, 1);
    expect(run(code, { gas: 12n }).end.status).toBe('success');
    expect(run(code, { gas: 11n }).end).toMatchObject({ status: 'halt', haltReason: 'OutOfGas' });
  });
});

describeBothLoops('MCOPY (EIP-5656)', () => {
  const word = 0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1fn;

  it('copies forward over an overlapping range', () => {
    // dst 1, src 0, size 8: bytes 0..7 land at 1..8.
    const r = run(asm().mstore(0, word).push(8).push(0).push(1).op('MCOPY').ret(0, 32));
    expect(bytesToHex(r.end.returnData)).toBe(
      '0x' + '00' + '0001020304050607' + '090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f',
    );
    // pushes 6 + MSTORE 3 + mem 3, pushes 9 + MCOPY 3 + copy 3, RETURN pushes 6
    expect(r.gasUsed).toBe(BigInt(12 + 15 + 6));
  });

  it('copies backward over an overlapping range', () => {
    const r = run(asm().mstore(0, word).push(8).push(1).push(0).op('MCOPY').ret(0, 32));
    expect(bytesToHex(r.end.returnData)).toBe(
      '0x' + '0102030405060708' + '08090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f',
    );
  });

  it('expands memory to cover the source range and charges copy words', () => {
    // MCOPY(dst 0, src 32, size 32) on empty memory: 2 words of memory, 1 word copied.
    const r = run(asm().push(32).push(32).push(0).op('MCOPY'));
    expect(r.gasUsed).toBe(BigInt(9 + 3 + 3 + 6));
    expect(r.frame.memory.words).toBe(2);
  });

  it('boundary pair', () => {
    const code = asm().push(32).push(32).push(0).op('MCOPY');
    expect(run(code, { gas: 21n }).end.status).toBe('success');
    expect(run(code, { gas: 20n }).end.status).toBe('halt');
  });
});

describeBothLoops('KECCAK256', () => {
  it('hashes 32 zero bytes for 30 + 6 + memory', () => {
    const r = run(asm().push(32).push(0).op('KECCAK256'));
    expect(r.frame.stack.peek()).toBe(0x290decd9548b62a8d60345a988386fc84ba6bc95484008f6362f93160ef3e563n);
    expect(r.gasUsed).toBe(BigInt(6 + 30 + 6 + 3));
  });

  it('hashes the empty string', () => {
    const r = run(asm().push(0).push(0).op('KECCAK256'));
    expect(r.frame.stack.peek()).toBe(0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470n);
    expect(r.gasUsed).toBe(36n);
  });
});
