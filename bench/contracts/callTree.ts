// Call-heavy contract: a CALL tree into itself. Calldata words: [depth, width, topWidth].
// A frame with depth d > 0 makes topWidth CALLs to itself, each with [d-1, width, width] and all its
// gas (63/64 rule); depth 0 stops. Frames = 1 + t·(1 + w + … + w^(d-1)).
//   call_tree_wide:  d=3,   w=16, t=16 → 4,369 frames, max depth 3
//   call_chain_deep: d=400, w=1,  t=10 → 4,001 frames, max depth 400
import { assemble, label, push, ref, type AsmItem } from '../asm.js';

export const callTreeSource: readonly AsmItem[] = [
  push(0),
  'CALLDATALOAD', // d
  'DUP1',
  'ISZERO',
  ref('end'),
  'JUMPI',
  push(1),
  'SWAP1',
  'SUB',
  push(0),
  'MSTORE', // mem[0] = d-1
  push(32),
  'CALLDATALOAD',
  'DUP1',
  push(32),
  'MSTORE',
  push(64),
  'MSTORE', // mem[32] = mem[64] = w
  push(64),
  'CALLDATALOAD', // loop counter = topWidth
  label('loop'),
  'DUP1',
  'ISZERO',
  ref('end'),
  'JUMPI',
  // CALL(gas, address, 0, argsOffset 0, argsSize 96, retOffset 0, retSize 0)
  push(0),
  push(0),
  push(96),
  push(0),
  push(0),
  'ADDRESS',
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
];

export const callTreeCode: Uint8Array = assemble(callTreeSource);
