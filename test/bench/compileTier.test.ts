// The compile-tier prototype (bench/compileTier) must end every frame exactly as the interpreter does: same status,
// output and gas used, including the paths it hands to the interpreter (out of gas inside a block,
// bad jumps, stack errors) and opcodes it runs through their handlers (GAS, SSTORE, SLOAD, KECCAK256, CALLDATALOAD).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemble, bytes, label, push, ref } from '../../bench/asm.js';
import { compileCode } from '../../bench/compileTier/compile.js';
import { benchTable, type FrameOutcome, runFrame, topFrame } from '../../bench/compileTier/frames.js';
import { bytesToHex } from '../../bench/util.js';
import { DEFAULT_CALLER, DEFAULT_TARGET, loadFixture, type Workload } from '../../bench/workloads.js';
import { Status } from '../../src/ee/evm/status.js';
import { BENCH_FIXTURES_DIR, haveFixture } from '../helpers/fixtures.js';

const SDIV = bytes(Uint8Array.of(0x05));
const SLT = bytes(Uint8Array.of(0x12));

/** Loops n (calldata word 0) times over arithmetic, signed ops, growing memory, GAS and storage; returns a hash. */
const LOOP = assemble([
  push(0),
  'CALLDATALOAD',
  push(0),
  label('loop'), // [n, acc]
  'DUP2',
  'ISZERO',
  ref('end'),
  'JUMPI',
  'DUP2',
  'DUP1',
  'MUL',
  'ADD',
  push(7),
  'DUP3',
  SDIV,
  'ADD',
  push(0),
  'NOT',
  'DUP3',
  SLT,
  'ADD',
  'DUP1',
  'DUP3',
  push(32),
  'MUL',
  'MSTORE', // mem[32n] = acc: expands memory on every iteration
  push(32),
  'MLOAD',
  'ADD',
  'GAS',
  'ADD',
  'GAS',
  push(0),
  'SSTORE',
  push(0),
  'SLOAD',
  'ADD',
  'SWAP1',
  push(1),
  'SWAP1',
  'SUB',
  'SWAP1',
  ref('loop'),
  'JUMP',
  label('end'),
  push(0),
  'MSTORE',
  push(32),
  push(0),
  'KECCAK256',
  push(0),
  'MSTORE',
  push(32),
  push(0),
  'RETURN',
]);

function workload(code: Uint8Array, gasLimit: number, n = 0): Workload {
  const calldata = new Uint8Array(32);
  calldata[31] = n;
  return {
    name: 'tiny',
    kind: 'synthetic',
    code,
    calldata,
    caller: DEFAULT_CALLER,
    to: DEFAULT_TARGET,
    value: 0n,
    gasLimit,
  };
}

function both(w: Workload): { interp: FrameOutcome; compiled: FrameOutcome } {
  const compiled = compileCode(w.code, benchTable());
  return { interp: runFrame(w, topFrame(w)), compiled: runFrame(w, topFrame(w), compiled.run) };
}

function expectSame(a: FrameOutcome, b: FrameOutcome): void {
  expect({ ...b, output: bytesToHex(b.output) }).toEqual({ ...a, output: bytesToHex(a.output) });
}

describe('compile-tier prototype', () => {
  it('runs a loop like the interpreter: output and gas used', () => {
    const { interp, compiled } = both(workload(LOOP, 10_000_000, 40));
    expect(interp.status).toBe(Status.Return);
    // Each of the 40 rounds does an SSTORE and an SLOAD of a warm slot, at least 200 gas.
    expect(interp.gasUsed).toBeGreaterThan(40 * 200);
    expectSame(interp, compiled);
  });

  it('runs out of gas at the same instruction for every gas limit in a range', () => {
    const full = both(workload(LOOP, 10_000_000, 3)).interp;
    expect(full.status).toBe(Status.Return);
    // Every limit below what the run needs, in steps small enough to land inside blocks and inside SSTORE.
    for (let gas = 50; gas < full.gasUsed; gas += 97) {
      const { interp, compiled } = both(workload(LOOP, gas, 3));
      expect(interp.status).not.toBe(Status.Return);
      expectSame(interp, compiled);
    }
  });

  it('stops on a bad jump and on a stack underflow as the interpreter does', () => {
    for (const code of [
      assemble([push(1), push(2), 'ADD', push(3), 'JUMP']),
      assemble([push(1), 'ADD']),
      assemble([push(0), 'CALLDATALOAD', 'JUMP']),
    ]) {
      const { interp, compiled } = both(workload(code, 100_000, 4));
      expect(interp.status).toBeGreaterThanOrEqual(32);
      expectSame(interp, compiled);
    }
  });
});

describe.skipIf(!haveFixture(join(BENCH_FIXTURES_DIR, 'structarray_alloc.json'), 'bench fixture structarray_alloc'))(
  'compile-tier prototype on structarray_alloc',
  () => {
    it('reproduces the interpreter and the fixture', () => {
      const w = loadFixture(BENCH_FIXTURES_DIR, 'structarray_alloc');
      const { interp, compiled } = both(w);
      expectSame(interp, compiled);
      expect(compiled.gasUsed).toBe(w.expectedGasUsed);
      expect(bytesToHex(compiled.output)).toBe(bytesToHex(w.expectedOutput!));
    });
  },
);
