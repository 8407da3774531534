// Arithmetic opcodes: results on edge values and exact gas (pushes + static + dynamic).
import { expect, it } from 'vitest';
import { asm } from '../../helpers/bytecode.js';
import { run, describeBothLoops } from '../../helpers/evm.js';
import type { OpName } from '../../../src/ee/evm/opcodes.js';

const MAX = (1n << 256n) - 1n;
const S = 1n << 255n;
const neg = (x: bigint): bigint => ((1n << 256n) - x) & MAX;

/** Runs `OP` on args (first = top of stack) and returns the top and the gas used. */
function exec(op: OpName, args: bigint[]): { top: bigint; gasUsed: bigint } {
  const a = asm();
  for (let i = args.length - 1; i >= 0; i--) a.push(args[i]!);
  const r = run(a.op(op));
  expect(r.end.status).toBe('success');
  return { top: r.frame.stack.peek(), gasUsed: r.gasUsed };
}

// [op, args (top first), expected, static + dynamic gas of the op]
const cases: [OpName, bigint[], bigint, number][] = [
  ['ADD', [1n, 2n], 3n, 3],
  ['ADD', [MAX, 1n], 0n, 3],
  ['ADD', [MAX, MAX], MAX - 1n, 3],
  ['MUL', [3n, 5n], 15n, 5],
  ['MUL', [1n << 128n, 1n << 128n], 0n, 5],
  ['MUL', [MAX, MAX], 1n, 5],
  ['SUB', [5n, 3n], 2n, 3],
  ['SUB', [0n, 1n], MAX, 3],
  ['DIV', [7n, 2n], 3n, 5],
  ['DIV', [1n, 0n], 0n, 5],
  ['DIV', [MAX, 1n], MAX, 5],
  ['SDIV', [S, MAX], S, 5], // -2^255 / -1 overflows back to -2^255
  ['SDIV', [neg(7n), 2n], neg(3n), 5],
  ['SDIV', [7n, neg(2n)], neg(3n), 5],
  ['SDIV', [neg(7n), neg(2n)], 3n, 5],
  ['SDIV', [5n, 0n], 0n, 5],
  ['SDIV', [neg(5n), 0n], 0n, 5],
  ['SDIV', [neg(1n), 2n], 0n, 5], // truncation toward zero gives 0, not -0 wrapped
  ['SDIV', [S - 1n, 2n], (S - 1n) / 2n, 5],
  ['SDIV', [S, 1n], S, 5],
  ['SDIV', [S, neg(2n)], 1n << 254n, 5],
  ['MOD', [7n, 3n], 1n, 5],
  ['MOD', [7n, 0n], 0n, 5],
  ['SMOD', [neg(7n), 2n], neg(1n), 5],
  ['SMOD', [7n, neg(2n)], 1n, 5],
  ['SMOD', [S, MAX], 0n, 5],
  ['SMOD', [neg(8n), neg(3n)], neg(2n), 5],
  ['SMOD', [5n, 0n], 0n, 5],
  ['ADDMOD', [MAX, 2n, 2n], 1n, 8], // the 257-bit sum is kept
  ['ADDMOD', [1n, 2n, 0n], 0n, 8],
  ['ADDMOD', [MAX, MAX, MAX], 0n, 8],
  ['ADDMOD', [MAX, 1n, 7n], (MAX + 1n) % 7n, 8],
  ['MULMOD', [MAX, MAX, 12n], (MAX * MAX) % 12n, 8], // the 512-bit product is kept
  ['MULMOD', [1n, 2n, 0n], 0n, 8],
  ['MULMOD', [MAX, MAX, MAX - 1n], (MAX * MAX) % (MAX - 1n), 8],
  ['EXP', [2n, 255n], S, 10 + 50],
  ['EXP', [2n, 256n], 0n, 10 + 100],
  ['EXP', [0n, 0n], 1n, 10],
  ['EXP', [0n, 5n], 0n, 10 + 50],
  ['EXP', [MAX, 2n], 1n, 10 + 50],
  ['EXP', [6n, 0x100n], 0n, 10 + 100],
  ['SIGNEXTEND', [0n, 0xffn], MAX, 5],
  ['SIGNEXTEND', [0n, 0x7fn], 0x7fn, 5],
  ['SIGNEXTEND', [0n, 0x1ffn], MAX, 5],
  ['SIGNEXTEND', [1n, 0x8000n], MAX - 0x7fffn, 5],
  ['SIGNEXTEND', [1n, 0x1237fffn], 0x7fffn, 5],
  ['SIGNEXTEND', [30n, S >> 8n], MAX - ((S >> 8n) - 1n), 5],
  ['SIGNEXTEND', [31n, 0xffn], 0xffn, 5],
  ['SIGNEXTEND', [32n, 0xffn], 0xffn, 5],
  ['SIGNEXTEND', [MAX, 0xffn], 0xffn, 5],
];

/** Reference mod-2^256 power for the large EXP case. */
function pow(b: bigint, e: bigint): bigint {
  let r = 1n;
  let x = b;
  while (e > 0n) {
    if (e & 1n) r = (r * x) & MAX;
    x = (x * x) & MAX;
    e >>= 1n;
  }
  return r;
}

describeBothLoops('arithmetic', () => {
  it.each(cases)('%s(%s)', (op, args, expected, opGas) => {
    const { top, gasUsed } = exec(op, args);
    expect(top).toBe(expected);
    expect(gasUsed).toBe(BigInt(3 * args.length + opGas));
  });

  it('EXP with a 32-byte exponent costs 10 + 50·32 and wraps mod 2^256', () => {
    const { top, gasUsed } = exec('EXP', [3n, MAX]);
    expect(top).toBe(pow(3n, MAX));
    expect(gasUsed).toBe(BigInt(6 + 10 + 50 * 32));
  });

  it('EXP boundary: exact gas passes, one less halts', () => {
    const code = asm().push(256n).push(2n).op('EXP');
    expect(run(code, { gas: 116n }).end.status).toBe('success');
    const r = run(code, { gas: 115n });
    expect(r.end).toMatchObject({ status: 'halt', haltReason: 'OutOfGas', gasLeft: 0n });
  });
});
