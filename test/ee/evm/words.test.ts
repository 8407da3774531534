// Stack words come in two forms (src/ee/evm/words.ts): numbers below 2^31 from PUSH and the loops' number paths,
// and bigints from handlers (SLOAD here: a storage value always comes back as a bigint), small values included.
// Every inlined opcode must give the same result for every mix of forms; the reference below is plain 256-bit
// bigint arithmetic.
import { expect, it } from 'vitest';
import { asm } from '../../helpers/bytecode.js';
import { describeBothLoops, run, THIS } from '../../helpers/evm.js';
import { MockHost } from '../../helpers/mockHost.js';
import type { OpName } from '../../../src/ee/evm/opcodes.js';
import { big, small, SMALL_LIMIT } from '../../../src/ee/evm/words.js';

const MOD = 1n << 256n;
const MAX = MOD - 1n;
const S = 1n << 255n;
const signed = (x: bigint): bigint => (x >= S ? x - MOD : x);
const wrap = (x: bigint): bigint => ((x % MOD) + MOD) % MOD;

/** Values around the number/bigint border, the 32-bit and 53-bit borders and the sign bit. */
const VALUES = [
  0n,
  1n,
  2n,
  3n,
  31n,
  32n,
  255n,
  256n,
  0x7fff_fffen,
  0x7fff_ffffn,
  0x8000_0000n,
  0xffff_ffffn,
  1n << 53n,
  S - 1n,
  S,
  MAX,
];

const REFERENCE: Partial<Record<OpName, (a: bigint, b: bigint) => bigint>> = {
  ADD: (a, b) => wrap(a + b),
  MUL: (a, b) => wrap(a * b),
  SUB: (a, b) => wrap(a - b),
  DIV: (a, b) => (b === 0n ? 0n : a / b),
  SDIV: (a, b) => (b === 0n ? 0n : wrap(signed(a) / signed(b))),
  LT: (a, b) => (a < b ? 1n : 0n),
  GT: (a, b) => (a > b ? 1n : 0n),
  SLT: (a, b) => (signed(a) < signed(b) ? 1n : 0n),
  SGT: (a, b) => (signed(a) > signed(b) ? 1n : 0n),
  EQ: (a, b) => (a === b ? 1n : 0n),
  AND: (a, b) => a & b,
  OR: (a, b) => a | b,
  XOR: (a, b) => a ^ b,
  SHL: (shift, v) => (shift >= 256n ? 0n : wrap(v << shift)),
  SHR: (shift, v) => (shift >= 256n ? 0n : v >> shift),
};

type Form = 'push' | 'sload';
const FORMS: [Form, Form][] = [
  ['push', 'push'],
  ['push', 'sload'],
  ['sload', 'push'],
  ['sload', 'sload'],
];

/** A host whose storage at THIS holds `values` in slots 0, 1, …: SLOAD pushes them as bigints. */
const storing = (...values: bigint[]): MockHost =>
  new MockHost().setAccount(THIS, { storage: new Map(values.map((v, i) => [BigInt(i), v])) });

/** Code that puts `b` then `a` on the stack in the given forms, runs `op`, and returns the top word. */
function binary(
  op: OpName,
  a: bigint,
  b: bigint,
  forms: [Form, Form],
): { code: ReturnType<typeof asm>; host: MockHost } {
  const code = asm();
  if (forms[1] === 'push') code.push(b);
  else code.push(1).op('SLOAD');
  if (forms[0] === 'push') code.push(a);
  else code.push(0).op('SLOAD');
  code.op(op).push(0).op('MSTORE').push(32).push(0).op('RETURN');
  return { code, host: storing(a, b) };
}

const word = (bytes: Uint8Array): bigint => bytes.reduce((v, x) => (v << 8n) | BigInt(x), 0n);

describeBothLoops('number and bigint stack words', () => {
  for (const [name, ref] of Object.entries(REFERENCE) as [OpName, (a: bigint, b: bigint) => bigint][]) {
    it(`${name} gives the bigint result for every mix of forms`, () => {
      for (const a of VALUES) {
        for (const b of VALUES) {
          for (const forms of FORMS) {
            const { code, host } = binary(name, a, b, forms);
            const r = run(code, { host });
            expect(r.end.status, `${name}(${a}, ${b}) ${forms}`).toBe('success');
            expect(word(r.end.returnData), `${name}(${a}, ${b}) ${forms}`).toBe(ref(a, b));
          }
        }
      }
    });
  }

  it('ISZERO, NOT and JUMPI conditions see a zero in either form', () => {
    for (const form of ['push', 'sload'] as const) {
      for (const v of [0n, 1n, 0x8000_0000n, MAX]) {
        const load = (c: ReturnType<typeof asm>): ReturnType<typeof asm> =>
          form === 'push' ? c.push(v) : c.push(0).op('SLOAD');
        const host = storing(v);
        const iszero = run(load(asm()).op('ISZERO').push(0).op('MSTORE').push(32).push(0).op('RETURN'), { host });
        expect(word(iszero.end.returnData)).toBe(v === 0n ? 1n : 0n);
        const not = run(load(asm()).op('NOT').push(0).op('MSTORE').push(32).push(0).op('RETURN'), { host: storing(v) });
        expect(word(not.end.returnData)).toBe(MAX ^ v);
        // JUMPI to the JUMPDEST after STOP when the condition is non-zero (then 32 bytes are returned).
        const dest = load(asm()).toBytes().length + 4; // the load, PUSH1 dest, JUMPI, STOP
        const jumpi = load(asm()).push(dest).op('JUMPI', 'STOP', 'JUMPDEST').push(32).push(0).op('RETURN');
        const r = run(jumpi, { host: storing(v) });
        expect(r.end.status).toBe('success');
        expect(r.end.returnData.length).toBe(v === 0n ? 0 : 32);
      }
    }
  });

  it('JUMP, MLOAD and MSTORE take small offsets in bigint form', () => {
    // storage holds 0x40 (an offset) and the JUMPDEST's pc, loaded as bigints.
    const code = asm()
      .push(0)
      .op('SLOAD') // 0x40, bigint form
      .push(0x1234)
      .op('DUP2', 'MSTORE') // mem[0x40] = 0x1234
      .op('MLOAD') // reads it back through the bigint offset
      .push(1)
      .op('SLOAD', 'JUMP', 'INVALID', 'JUMPDEST')
      .push(0)
      .op('MSTORE')
      .push(32)
      .push(0)
      .op('RETURN');
    const bytes = code.toBytes();
    const dest = bytes.indexOf(0x5b);
    const r = run(bytes, { host: storing(0x40n, BigInt(dest)) });
    expect(r.end.status).toBe('success');
    expect(word(r.end.returnData)).toBe(0x1234n);
  });
});

it('big and small convert between the forms at the border', () => {
  expect(SMALL_LIMIT).toBe(2 ** 31);
  expect(small(0x7fff_ffffn)).toBe(0x7fff_ffff);
  expect(small(0x8000_0000n)).toBe(0x8000_0000n);
  for (const n of [0, 1, 255, 256, 0x7fff_ffff]) expect(big(n)).toBe(BigInt(n));
  expect(big(MAX)).toBe(MAX);
});
