// Create-heavy contract: n iterations (calldata word 0), each a CREATE and a CREATE2 (salt = counter)
// of an initcode that deploys 32 bytes of runtime code. The initcode is the last `INIT.length` bytes of
// this contract, copied to memory once. 2n deployment frames.
import { assemble, bytes, concat, label, push, ref, type AsmItem } from '../asm.js';

/** Deployed runtime: 32 bytes, `PUSH1 1 PUSH0 MSTORE PUSH1 32 PUSH0 RETURN` padded with STOPs. */
const RUNTIME = new Uint8Array(32);
RUNTIME.set([0x60, 0x01, 0x5f, 0x52, 0x60, 0x20, 0x5f, 0xf3]);

/** Initcode: PUSH32 runtime, PUSH0 MSTORE, PUSH1 32 PUSH0 RETURN (41 bytes). */
export const INIT: Uint8Array = concat(
  Uint8Array.from([0x7f]),
  RUNTIME,
  Uint8Array.from([0x5f, 0x52, 0x60, 0x20, 0x5f, 0xf3]),
);

function source(initOffset: number): AsmItem[] {
  return [
    push(INIT.length),
    push(initOffset),
    push(0),
    'CODECOPY', // mem[0..41) = INIT
    push(0),
    'CALLDATALOAD', // counter n
    label('loop'),
    'DUP1',
    'ISZERO',
    ref('end'),
    'JUMPI',
    push(INIT.length),
    push(0),
    push(0),
    'CREATE',
    'POP', // CREATE(value 0, offset 0, size)
    'DUP1',
    push(INIT.length),
    push(0),
    push(0),
    'CREATE2',
    'POP', // CREATE2(0, 0, size, salt = counter)
    push(1),
    'SWAP1',
    'SUB',
    ref('loop'),
    'JUMP',
    label('end'),
    'STOP',
  ];
}

// The body does not depend on the offset's value beyond its PUSH width (PUSH1: the body is under 256 bytes): assemble once to measure it.
const bodyLength = assemble(source(0xff)).length;
export const createsSource: readonly AsmItem[] = [...source(bodyLength), bytes(INIT)];
export const createsCode: Uint8Array = assemble(createsSource);
if (createsCode.length !== bodyLength + INIT.length) throw new Error('creates: initcode offset drifted');
