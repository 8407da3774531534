// Comparison and bitwise opcodes, including BYTE and the EIP-145 shifts on edge values.
import { expect, it } from 'vitest';
import { asm } from '../../helpers/bytecode.js';
import { run, describeBothLoops } from '../../helpers/evm.js';
import type { OpName } from '../../../src/ee/evm/opcodes.js';

const MAX = (1n << 256n) - 1n;
const S = 1n << 255n;
const neg = (x: bigint): bigint => ((1n << 256n) - x) & MAX;

// [op, args (top first), expected]; every op here costs 3 gas.
const cases: [OpName, bigint[], bigint][] = [
  ['LT', [1n, 2n], 1n],
  ['LT', [2n, 1n], 0n],
  ['LT', [MAX, 0n], 0n],
  ['GT', [1n, 2n], 0n],
  ['GT', [MAX, 0n], 1n],
  ['SLT', [MAX, 0n], 1n],
  ['SLT', [S, MAX], 1n],
  ['SLT', [0n, S], 0n],
  ['SGT', [MAX, 0n], 0n],
  ['SGT', [1n, MAX], 1n],
  // Equal signs compare as unsigned; different signs: the negative one is less.
  ['SLT', [neg(2n), neg(1n)], 1n],
  ['SLT', [neg(1n), neg(2n)], 0n],
  ['SLT', [neg(1n), neg(1n)], 0n],
  ['SLT', [2n, 3n], 1n],
  ['SLT', [S - 1n, S], 0n],
  ['SGT', [neg(1n), neg(2n)], 1n],
  ['SGT', [neg(2n), neg(1n)], 0n],
  ['SGT', [3n, 3n], 0n],
  ['SGT', [S - 1n, S], 1n],
  ['SGT', [S, S - 1n], 0n],
  ['EQ', [MAX, MAX], 1n],
  ['EQ', [MAX, 0n], 0n],
  ['ISZERO', [0n], 1n],
  ['ISZERO', [S], 0n],
  ['AND', [0xf0n, 0x3cn], 0x30n],
  ['OR', [0xf0n, 0x0fn], 0xffn],
  ['XOR', [MAX, S], S - 1n],
  ['NOT', [0n], MAX],
  ['NOT', [MAX], 0n],
  ['BYTE', [0n, 0xffn << 248n], 0xffn],
  ['BYTE', [31n, 0x1234n], 0x34n],
  ['BYTE', [30n, 0x1234n], 0x12n],
  ['BYTE', [32n, MAX], 0n],
  ['BYTE', [MAX, MAX], 0n],
  ['SHL', [1n, 1n], 2n],
  ['SHL', [255n, 1n], S],
  ['SHL', [256n, 1n], 0n],
  ['SHL', [1n, MAX], MAX - 1n],
  ['SHL', [1n << 64n, 1n], 0n],
  ['SHL', [0n, MAX], MAX],
  ['SHR', [1n, 2n], 1n],
  ['SHR', [255n, S], 1n],
  ['SHR', [256n, MAX], 0n],
  ['SHR', [MAX, MAX], 0n],
  ['SAR', [1n, 4n], 2n],
  ['SAR', [1n, neg(2n)], MAX],
  ['SAR', [1n, S], S | (S >> 1n)],
  ['SAR', [4n, neg(17n)], neg(2n)],
  ['SAR', [255n, S], MAX],
  ['SAR', [256n, S], MAX],
  ['SAR', [MAX, S], MAX],
  ['SAR', [256n, S - 1n], 0n],
  ['SAR', [254n, S - 1n], 1n],
  ['SAR', [0n, neg(1n)], MAX],
];

describeBothLoops('comparison and bitwise', () => {
  it.each(cases)('%s(%s)', (op, args, expected) => {
    const a = asm();
    for (let i = args.length - 1; i >= 0; i--) a.push(args[i]!);
    const r = run(a.op(op));
    expect(r.end.status).toBe('success');
    expect(r.frame.stack.peek()).toBe(expected);
    expect(r.gasUsed).toBe(BigInt(3 * args.length + 3));
  });

  it('SHL boundary pair', () => {
    const code = asm().push(1).push(1).op('SHL');
    expect(run(code, { gas: 9n }).end.status).toBe('success');
    expect(run(code, { gas: 8n }).end).toMatchObject({ status: 'halt', haltReason: 'OutOfGas' });
  });
});
