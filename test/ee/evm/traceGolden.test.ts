// The traced loop's EIP-3155 output, pinned: a sample program covering every inlined opcode family plus
// table-dispatched ones (a golden file, readable in review) and the structarray_alloc bench fixture (190k
// steps, pinned by line count and SHA-256). The golden data was written by the hand-written traced loop
// before the loops were generated (scripts/gen-interpreter.mjs); regenerate only for an intended change
// with ZKOS_UPDATE_GOLDEN=1.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { asm } from '../../helpers/bytecode.js';
import { run } from '../../helpers/evm.js';
import { MockHost } from '../../helpers/mockHost.js';
import { formatStep } from '../../../src/trace/eip3155.js';
import { hexToBytes } from '../../../src/crypto/bytes.js';
import type { StepTracer } from '../../../src/ee/evm/interpreter.js';

const GOLDEN = fileURLToPath(new URL('./golden/sample.trace.jsonl', import.meta.url));
const STRUCTARRAY = fileURLToPath(new URL('../../../../shared/fixtures/bench/structarray_alloc.json', import.meta.url));
const UPDATE = process.env.ZKOS_UPDATE_GOLDEN === '1';

function collector(): { tracer: StepTracer; lines: string[] } {
  const lines: string[] = [];
  return { tracer: { step: (s) => lines.push(formatStep(s, true)) }, lines };
}

/** A countdown loop doing arithmetic, bitwise, memory, hashing, storage, a log and a return. */
function sampleProgram() {
  const a = asm();
  for (let i = 1; i <= 16; i++) a.push(i);
  a.op('DUP16', 'SWAP16');
  for (let i = 0; i < 17; i++) a.op('POP');
  // The counter stays on the stack; every segment below leaves only it.
  a.push(3).label('loop');
  a.op('DUP1').push(7).op('MUL').push(2).op('EXP', 'DUP2', 'ADD').push(5).op('SWAP1', 'DIV');
  a.push(3).op('SWAP1', 'SDIV').push(0x40).op('MSTORE');
  a.push(0x40).op('MLOAD').push(1).op('SHL').push(2).op('SHR').push(3).op('SAR', 'NOT', 'DUP2', 'XOR');
  a.push(31).op('BYTE').push(0xff).op('AND').push(0x10).op('OR').push(0).op('MSTORE8');
  a.push(0x20).push(0).op('KECCAK256', 'DUP2', 'SSTORE', 'DUP1', 'SLOAD', 'POP', 'PUSH0', 'ISZERO', 'POP');
  a.op('DUP1').push(9).op('LT', 'DUP2').push(9).op('GT', 'EQ', 'POP');
  a.pushN(32, (1n << 255n) + 12345n)
    .push(0)
    .op('SIGNEXTEND', 'POP');
  a.push(1).op('SWAP1', 'SUB', 'DUP1').pushLabel('loop').op('JUMPI', 'POP');
  a.push(0x60).push(0).op('LOG0', 'MSIZE', 'GAS', 'PC', 'POP', 'POP', 'POP').push(32).push(0x40).op('RETURN');
  return a;
}

function checkGolden(lines: string[]): void {
  const text = lines.join('\n') + '\n';
  if (UPDATE) writeFileSync(GOLDEN, text);
  expect(text).toBe(readFileSync(GOLDEN, 'utf8'));
}

describe('EIP-3155 output of the traced loop', () => {
  it('is unchanged for the sample program (golden file)', () => {
    const { tracer, lines } = collector();
    const r = run(sampleProgram(), { tracer, gas: 200_000n, depth: 1 });
    expect(r.end.status).toBe('success');
    // Halts are traced too: underflow, out of gas inside a memory expansion, an invalid jump.
    for (const [code, gas] of [
      [asm().push(1).op('ADD'), 100n],
      [
        asm()
          .push(1)
          .push(1n << 20n)
          .op('MSTORE'),
        10_000n,
      ],
      [asm().push(4).op('JUMP'), 100n],
      [asm().raw(0x0c), 100n],
    ] as const) {
      const end = run(code, { tracer, gas }).end;
      lines.push(`{"status":"${end.status}","haltReason":"${end.haltReason ?? ''}"}`);
    }
    checkGolden(lines);
  });

  it.skipIf(!existsSync(STRUCTARRAY))('is unchanged for structarray_alloc (190,192 steps, SHA-256)', () => {
    const fx = JSON.parse(readFileSync(STRUCTARRAY, 'utf8')) as { code: string; calldata: string };
    const hash = createHash('sha256');
    let count = 0;
    const tracer: StepTracer = {
      step: (s) => {
        hash.update(formatStep(s, true));
        hash.update('\n');
        count++;
      },
    };
    const r = run(hexToBytes(fx.code), {
      tracer,
      calldata: hexToBytes(fx.calldata),
      gas: 1_000_000_000n,
      host: new MockHost(),
    });
    expect(r.gasUsed).toBe(1_737_676n);
    expect(count).toBe(190_192);
    expect(hash.digest('hex')).toBe('2075b9daffae41bfe6d0888ee72def413e43121422928ab579c55b1baec1113b');
  });
});
