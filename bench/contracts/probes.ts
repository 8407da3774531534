// Probe contracts. `callLoop`: calldata [callee, n] → n × CALL(gas, callee, 0, 0, 0, 0, 0).
// `storeTarget`: calldata [slot, value, revertFlag] → SSTORE(slot, value), then REVERT if the flag is set.
// `storeDriver`: calldata [target, n, revertFlag, slotBase] → n × CALL(target, [slotBase + i, i, flag]).
import { assemble, label, push, ref } from '../asm.js';

export const callLoopCode: Uint8Array = assemble([
  push(32),
  'CALLDATALOAD', // n
  label('loop'),
  'DUP1',
  'ISZERO',
  ref('end'),
  'JUMPI',
  push(0),
  push(0),
  push(0),
  push(0),
  push(0),
  push(0),
  'CALLDATALOAD',
  'GAS',
  'CALL',
  'POP',
  push(1),
  'SWAP1',
  'SUB',
  ref('loop'),
  'JUMP',
  label('end'),
  'STOP',
]);

/** Callee of the per-frame probe: one STOP (so a frame and its actor are created and run). */
export const stopCode: Uint8Array = Uint8Array.from([0x00]);

export const storeTargetCode: Uint8Array = assemble([
  push(32),
  'CALLDATALOAD',
  push(0),
  'CALLDATALOAD',
  'SSTORE',
  push(64),
  'CALLDATALOAD',
  ref('revert'),
  'JUMPI',
  'STOP',
  label('revert'),
  push(0),
  push(0),
  'REVERT',
]);

export const storeDriverCode: Uint8Array = assemble([
  push(64),
  'CALLDATALOAD',
  push(64),
  'MSTORE', // mem[64] = flag
  push(32),
  'CALLDATALOAD', // i = n
  label('loop'),
  'DUP1',
  'ISZERO',
  ref('end'),
  'JUMPI',
  'DUP1',
  push(96),
  'CALLDATALOAD',
  'ADD',
  push(0),
  'MSTORE', // mem[0] = slotBase + i
  'DUP1',
  push(32),
  'MSTORE', // mem[32] = i
  push(0),
  push(0),
  push(96),
  push(0),
  push(0),
  push(0),
  'CALLDATALOAD',
  'GAS',
  'CALL',
  'POP',
  push(1),
  'SWAP1',
  'SUB',
  ref('loop'),
  'JUMP',
  label('end'),
  'STOP',
]);
