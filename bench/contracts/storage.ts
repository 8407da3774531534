// Storage-heavy contract, calldata word 0 = n. Slot i is key(i) = i · K (mod 2^256), spread over the
// key space. Phase 1: SSTORE key(i) = i for i = n..1 (fresh slots). Phase 2: sum of SLOAD key(i) (warm).
// Phase 3: SSTORE key(i) = 0 for every i (clears, refunds). Returns the sum (n(n+1)/2).
import { assemble, label, push, ref, type AsmItem } from '../asm.js';

const K = 0x9e3779b97f4a7c15f39cc0605cedc834_1082276bf3a27251f86c6a11d0c18e95n;

function loop(name: string, body: AsmItem[]): AsmItem[] {
  // stack: [n]  → loops i = n..1 with i on top of n; leaves [n]
  return [
    'DUP1',
    label(name),
    'DUP1',
    'ISZERO',
    ref(`${name}_end`),
    'JUMPI',
    ...body,
    push(1),
    'SWAP1',
    'SUB',
    ref(name),
    'JUMP',
    label(`${name}_end`),
    'POP',
  ];
}

export const storageSource: readonly AsmItem[] = [
  push(0),
  'CALLDATALOAD', // [n]
  // i in n..1: SSTORE(i·K, i)
  ...loop('store', ['DUP1', 'DUP1', push(K), 'MUL', 'SSTORE']),
  push(0),
  'SWAP1', // [sum=0, n]
  // sum += SLOAD(i·K)   stack in body: [i, n, sum]
  ...loop('load', ['DUP1', push(K), 'MUL', 'SLOAD', 'DUP4', 'ADD', 'SWAP3', 'POP']),
  // SSTORE(i·K, 0)
  ...loop('clear', [push(0), 'DUP2', push(K), 'MUL', 'SSTORE']),
  'POP',
  push(0),
  'MSTORE',
  push(32),
  push(0),
  'RETURN',
];

export const storageCode: Uint8Array = assemble(storageSource);
