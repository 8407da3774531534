// Memory opcodes against a plain byte model: MLOAD of a word after every kind of write over part of it (MSTORE
// at overlapping and aliased offsets, MSTORE8, CALLDATACOPY, CODECOPY, EXTCODECOPY, MCOPY, a call's output,
// RETURNDATACOPY), a callee's memory kept apart from its caller's, and 200 random programs of MSTORE, MSTORE8,
// MLOAD, MCOPY and KECCAK256 whose whole memory must equal the model. (Written for a word cache that was measured
// and dropped, docs/performance.md; it guards any future caching of memory words.)
import { keccak_256 } from '@noble/hashes/sha3.js';
import { expect, it } from 'vitest';
import { type Asm, asm } from '../../helpers/bytecode.js';
import { MockHost } from '../../helpers/mockHost.js';
import { describeBothLoops, launch, returnedWord, run } from '../../helpers/evm.js';
import type { PreemptionPoint } from '../../../src/ee/types.js';

/** The word's offset: not a multiple of 32, with room for writes on both sides. */
const P = 200;
const A = 0xa1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0n;
const B = 0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20n;
const OTHER = 0xdeadn;
const CALLDATA = Uint8Array.from({ length: 40 }, (_, i) => 0x40 + i);
const EXT_CODE = Uint8Array.from({ length: 20 }, (_, i) => 0xe0 + (i % 16));

const bytesOf = (v: bigint): number[] =>
  Array.from({ length: 32 }, (_, i) => Number((v >> BigInt(8 * (31 - i))) & 0xffn));
const wordAt = (mem: number[], o: number): bigint => mem.slice(o, o + 32).reduce((w, b) => (w << 8n) | BigInt(b), 0n);

/** A byte model of memory for the expected word. */
class Model {
  readonly mem: number[] = new Array<number>(1024).fill(0);
  store(o: number, v: bigint): void {
    this.mem.splice(o, 32, ...bytesOf(v));
  }
  write(o: number, bytes: ArrayLike<number>, n = bytes.length): void {
    for (let i = 0; i < n; i++) this.mem[o + i] = i < bytes.length ? bytes[i]! : 0;
  }
}

/** MSTORE A at P, MLOAD P, a word elsewhere, then `write`, then MLOAD P returned. */
function program(write: (a: Asm) => Asm): Asm {
  const a = asm().mstore(P, A).push(P).op('MLOAD', 'POP').mstore(600, OTHER);
  return write(a).push(P).op('MLOAD').retTop();
}

describeBothLoops('memory model: MLOAD after every kind of write over part of the word', () => {
  const cases: [string, (a: Asm) => Asm, (m: Model) => void][] = [
    ['MSTORE 8 bytes after', (a) => a.mstore(P + 8, B), (m) => m.store(P + 8, B)],
    ['MSTORE 8 bytes before', (a) => a.mstore(P - 8, B), (m) => m.store(P - 8, B)],
    ['MSTORE 31 bytes after', (a) => a.mstore(P + 31, B), (m) => m.store(P + 31, B)],
    ['MSTORE 31 bytes before', (a) => a.mstore(P - 31, B), (m) => m.store(P - 31, B)],
    ['MSTORE 32 bytes after (no overlap)', (a) => a.mstore(P + 32, B), (m) => m.store(P + 32, B)],
    ['MSTORE 32 bytes before (no overlap)', (a) => a.mstore(P - 32, B), (m) => m.store(P - 32, B)],
    ['MSTORE at P + 2048 (no overlap)', (a) => a.mstore(P + 2048, B), (m) => m.store(P + 2048, B)],
    ['MSTORE8 at P', (a) => a.mstore8(P, 0x11), (m) => m.write(P, [0x11])],
    ['MSTORE8 at P + 31', (a) => a.mstore8(P + 31, 0x22), (m) => m.write(P + 31, [0x22])],
    [
      'CALLDATACOPY into the middle',
      (a) =>
        a
          .push(6)
          .push(3)
          .push(P + 10)
          .op('CALLDATACOPY'),
      (m) => m.write(P + 10, CALLDATA.subarray(3, 9)),
    ],
    [
      'CALLDATACOPY past the calldata end (zero fill)',
      (a) =>
        a
          .push(8)
          .push(36)
          .push(P + 20)
          .op('CALLDATACOPY'),
      (m) => m.write(P + 20, CALLDATA.subarray(36), 8),
    ],
    [
      'CALLDATACOPY from beyond the calldata (all zeros)',
      (a) =>
        a
          .push(4)
          .push(1000)
          .push(P + 1)
          .op('CALLDATACOPY'),
      (m) => m.write(P + 1, [], 4),
    ],
    [
      'CODECOPY over the start',
      (a) =>
        a
          .push(5)
          .push(0)
          .push(P - 2)
          .op('CODECOPY'),
      (m) =>
        m.write(
          P - 2,
          program((x) =>
            x
              .push(5)
              .push(0)
              .push(P - 2)
              .op('CODECOPY'),
          )
            .toBytes()
            .subarray(0, 5),
        ),
    ],
    [
      'EXTCODECOPY into the end',
      (a) =>
        a
          .push(4)
          .push(2)
          .push(P + 30)
          .push(0xec0den)
          .op('EXTCODECOPY'),
      (m) => m.write(P + 30, EXT_CODE.subarray(2, 6)),
    ],
    [
      'MCOPY of another word over the middle',
      (a) =>
        a
          .push(8)
          .push(600 + 24)
          .push(P + 12)
          .op('MCOPY'),
      (m) => m.write(P + 12, m.mem.slice(600 + 24, 600 + 32)),
    ],
  ];

  it.each(cases)('%s', (_name, write, model) => {
    const host = new MockHost().setAccount(0xec0den, { code: EXT_CODE });
    const m = new Model();
    m.store(P, A);
    m.store(600, OTHER);
    model(m);
    const r = run(program(write), { host, calldata: CALLDATA });
    expect(returnedWord(r)).toBe(wordAt(m.mem, P));
  });
});

describeBothLoops('memory model: call output and RETURNDATACOPY', () => {
  /** The caller loads P, calls with its output range given, then MLOADs P (and, with `then`, more). */
  function afterCall(outOff: number, outSize: number, then: (a: Asm) => Asm): Asm {
    const a = asm()
      .mstore(P, A)
      .push(P)
      .op('MLOAD', 'POP')
      .push(outSize)
      .push(outOff)
      .push(0)
      .push(0)
      .push(0)
      .push(0xbeef)
      .push(5000)
      .op('CALL', 'POP');
    return then(a).push(P).op('MLOAD').retTop();
  }
  const expectCall = (p: PreemptionPoint): void => {
    if (p.type !== 'spawn') throw new Error('expected a call request');
  };
  const output = Uint8Array.from({ length: 12 }, (_, i) => 0x90 + i);

  it("the callee's output written over part of the word", () => {
    const { frame } = launch(afterCall(P + 4, 12, (a) => a));
    expectCall(frame.start());
    const end = frame.continueAfterCall({ status: 'success', gasReturned: 100_000n, returnData: output });
    if (end.type !== 'end') throw new Error('expected the end');
    const m = new Model();
    m.store(P, A);
    m.write(P + 4, output);
    expect(returnedWord({ end, host: new MockHost(), frame, gasUsed: 0n })).toBe(wordAt(m.mem, P));
  });

  it('RETURNDATACOPY over part of the word', () => {
    const { frame } = launch(
      afterCall(0, 0, (a) =>
        a
          .push(P)
          .op('MLOAD', 'POP')
          .push(7)
          .push(2)
          .push(P + 20)
          .op('RETURNDATACOPY'),
      ),
    );
    expectCall(frame.start());
    const end = frame.continueAfterCall({ status: 'success', gasReturned: 100_000n, returnData: output });
    if (end.type !== 'end') throw new Error('expected the end');
    const m = new Model();
    m.store(P, A);
    m.write(P + 20, output.subarray(2, 9));
    expect(returnedWord({ end, host: new MockHost(), frame, gasUsed: 0n })).toBe(wordAt(m.mem, P));
  });
});

it('memory model: a callee frame has its own memory', () => {
  // Two frames, one after the other, both MLOAD offset P: the second has never written there.
  const first = run(program((a) => a));
  expect(returnedWord(first)).toBe(A);
  const second = run(asm().push(P).op('MLOAD').retTop());
  expect(returnedWord(second)).toBe(0n);
  // Interleaved: the caller stores P, a callee frame reads its own memory, the caller reads P again.
  const { frame } = launch(
    asm()
      .mstore(P, A)
      .push(0)
      .push(0)
      .push(0)
      .push(0)
      .push(0)
      .push(0xbeef)
      .push(5000)
      .op('CALL', 'POP')
      .push(P)
      .op('MLOAD')
      .retTop(),
  );
  const p = frame.start();
  if (p.type !== 'spawn') throw new Error('expected a call request');
  const callee = run(asm().mstore(P, B).push(P).op('MLOAD').retTop());
  expect(returnedWord(callee)).toBe(B);
  const end = frame.continueAfterCall({ status: 'success', gasReturned: 100_000n, returnData: new Uint8Array(0) });
  if (end.type !== 'end') throw new Error('expected the end');
  expect(returnedWord({ end, host: new MockHost(), frame, gasUsed: 0n })).toBe(A);
});

describeBothLoops('memory model: random programs', () => {
  // Each program mixes wide, 64-bit and small MSTOREs, MSTORE8, MLOADs (each loaded word is stored to a log area),
  // MCOPY and KECCAK256 (the hash is logged too) over 1 KiB and its alias 2 KiB higher (same table slots), then
  // returns all of memory, which must equal the model byte for byte.
  const LOG = 3200;
  it('200 programs of 40 operations', () => {
    let seed = 0x2545f491;
    const rnd = (n: number): number => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    const wide = (): bigint => {
      let v = 0n;
      for (let i = 0; i < 8; i++) v = (v << 32n) | BigInt(rnd(0x1_0000_0000));
      return v | (1n << 200n);
    };
    const offset = (): number => {
      const base = [0, 32, 64, 96, 8, 16, 24, 40, 100, 1000, 2048, 2080, 2056][rnd(13)]!;
      return rnd(3) === 0 ? rnd(1000) : base;
    };
    for (let p = 0; p < 200; p++) {
      const mem = new Uint8Array(4096);
      const store = (o: number, v: bigint): void => mem.set(bytesOf(v), o);
      const code = asm();
      let logAt = LOG;
      for (let i = 0; i < 40; i++) {
        const kind = rnd(7);
        if (kind <= 2) {
          const o = offset();
          // wide (≥ 2^192), small, below 2^64, or below 2^192 (a zero top limb: addresses, packed lanes)
          const v =
            kind === 0
              ? rnd(2) === 0
                ? wide()
                : wide() >> BigInt(64 + rnd(128))
              : kind === 1
                ? BigInt(rnd(1000))
                : (BigInt(rnd(0x1_0000_0000)) << 32n) | 7n;
          code.mstore(o, v);
          store(o, v);
        } else if (kind === 3) {
          const o = offset() + rnd(32);
          const b = rnd(256);
          code.mstore8(o, b);
          mem[o] = b;
        } else if (kind === 4) {
          const o = offset();
          code.push(o).op('MLOAD').push(logAt).op('MSTORE');
          store(logAt, wordAt(Array.from(mem), o));
          logAt = logAt === LOG + 32 * 24 ? LOG : logAt + 32;
        } else if (kind === 5) {
          const dst = offset();
          const src = offset();
          const n = 1 + rnd(70);
          code.push(n).push(src).push(dst).op('MCOPY');
          mem.copyWithin(dst, src, src + n);
        } else {
          const o = offset();
          const n = 1 + rnd(80);
          code.push(n).push(o).op('KECCAK256').push(logAt).op('MSTORE');
          store(logAt, BigInt(`0x${Buffer.from(keccak_256(mem.subarray(o, o + n))).toString('hex')}`));
          logAt = logAt === LOG + 32 * 24 ? LOG : logAt + 32;
        }
      }
      code.ret(0, 4096);
      const r = run(code, { gas: 10_000_000n });
      expect(r.end.status, `program ${p}`).toBe('success');
      expect(Buffer.from(r.end.returnData).equals(Buffer.from(mem)), `program ${p}`).toBe(true);
    }
  });
});
