// The traced loop: one EIP-3155 step per instruction with the pre-state and the op's full cost,
// and identical results to the untraced loop.
import { describe, expect, it } from 'vitest';
import { asm } from '../../helpers/bytecode.js';
import { run } from '../../helpers/evm.js';
import type { StepInfo } from '../../../src/ee/evm/interpreter.js';

describe('tracer', () => {
  it('reports pc, op name, gas, cost, stack and memory size before each step', () => {
    const steps: StepInfo[] = [];
    const code = asm().push(2).push(3).op('ADD').mstore(0, 1).push(1000).op('SLOAD');
    const r = run(code, { tracer: { step: (s) => steps.push(s) }, gas: 10_000n, depth: 2 });
    expect(steps.map((s) => [s.pc, s.opName, s.gas, s.gasCost])).toEqual([
      [0, 'PUSH1', 10_000n, 3],
      [2, 'PUSH1', 9997n, 3],
      [4, 'ADD', 9994n, 3],
      [5, 'PUSH1', 9991n, 3],
      [7, 'PUSH1', 9988n, 3],
      [9, 'MSTORE', 9985n, 6],
      [10, 'PUSH2', 9979n, 3],
      [13, 'SLOAD', 9976n, 2100],
      [14, 'STOP', 7876n, 0], // running off the end is a traced STOP, as in geth
    ]);
    expect(steps[2]!.stack).toEqual([2n, 3n]);
    expect(steps[6]!.memSize).toBe(32);
    expect(steps[0]!.depth).toBe(2);
    const plain = run(code, { gas: 10_000n });
    expect(r.end).toEqual(plain.end);
  });

  it('reports the failing step of a halt', () => {
    const steps: StepInfo[] = [];
    const r = run(asm().op('ADD'), { tracer: { step: (s) => steps.push(s) } });
    expect(r.end.haltReason).toBe('StackUnderflow');
    expect(steps).toHaveLength(1);
  });
});
