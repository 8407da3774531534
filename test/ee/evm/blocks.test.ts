// Per-basic-block stack checks (analysis.ts BlockBounds): a block whose entry check fails runs with
// per-instruction checks, so the halt reason and the instruction that halts stay exact.
import { expect, it } from 'vitest';
import { run, describeBothLoops } from '../../helpers/evm.js';

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'hex'));

describeBothLoops('block stack checks', () => {
  // PUSH1 1, PUSH1 1, ADD, ADD: underflow at the second ADD, inside the entry block.
  const underflow = hex('6001600101' + '01');
  it('underflow late in the entry block halts with StackUnderflow', () => {
    expect(run(underflow).end).toMatchObject({ status: 'halt', haltReason: 'StackUnderflow', gasLeft: 0n });
  });
  it('an out-of-gas before the failing instruction stays OutOfGas', () => {
    expect(run(underflow, { gas: 5n }).end).toMatchObject({ status: 'halt', haltReason: 'OutOfGas' });
  });
  it('a failing block after a JUMPDEST (jumped to) and after a JUMPI fall-through', () => {
    // PUSH1 4, JUMP, INVALID, JUMPDEST, POP (underflow: stack empty)
    expect(run(hex('600456fe5b50')).end).toMatchObject({ haltReason: 'StackUnderflow' });
    // PUSH1 0, PUSH1 0, JUMPI (not taken), POP (underflow)
    expect(run(hex('6000600057' + '50')).end).toMatchObject({ haltReason: 'StackUnderflow' });
  });
  it('overflow: 1025 pushes in one block', () => {
    expect(run(hex('5f'.repeat(1025))).end).toMatchObject({ haltReason: 'StackOverflow' });
    expect(run(hex('5f'.repeat(1024))).end).toMatchObject({ status: 'success' });
  });
  it('a block that passes its check runs normally, a later failing one halts', () => {
    // PUSH1 1, PUSH1 7, JUMP, INVALID, INVALID, JUMPDEST(7), ADD (underflow: one word)
    expect(run(hex('60016007' + '56fefe' + '5b01')).end).toMatchObject({ haltReason: 'StackUnderflow' });
    // PUSH1 1, PUSH1 1, PUSH1 7, JUMP, INVALID, JUMPDEST(7)... offsets: 0:6001 2:6001 4:6007 6:56 7:5b 8:01 9:00
    expect(run(hex('600160016007565b0100')).end).toMatchObject({ status: 'success' });
  });
});
