// Memory opcodes: MSTORE8, MSIZE, MCOPY (EIP-5656) and KECCAK256; MLOAD and MSTORE are inlined in the step
// loops (scripts/interpreter-ops.mjs).
import type { Frame } from '../frame.js';
import { Status } from '../status.js';
import { copyCost, keccak256WordCost } from '../gas.js';
import { addCopyNative, expandMemory } from '../memory.js';
import { keccak256Word } from '../../../crypto/keccak.js';

export function mstore8(f: Frame): Status {
  const s = f.stack;
  const off = s.pop();
  const v = s.pop();
  if (!expandMemory(f, off, 1n)) return Status.OutOfGas;
  f.memory.buf[Number(off)] = Number(v & 0xffn);
  return Status.Continue;
}

export function msize(f: Frame): Status {
  f.stack.pushNumber(f.memory.words * 32);
  return Status.Continue;
}

/** MCOPY(dst, src, size): memory is expanded to cover both ranges; overlapping copies are exact. */
export function mcopy(f: Frame): Status {
  const s = f.stack;
  const dst = s.pop();
  const src = s.pop();
  const size = s.pop();
  addCopyNative(f, size); // heap.rs `mcopy`: the copy cost comes first, even for size 0
  if (size === 0n) return Status.Continue;
  if (!expandMemory(f, dst > src ? dst : src, size)) return Status.OutOfGas;
  const n = Number(size);
  const cost = copyCost(n);
  if (cost > f.gas) return Status.OutOfGas;
  f.gas -= cost;
  const start = Number(src);
  f.memory.buf.copyWithin(Number(dst), start, start + n);
  return Status.Continue;
}

export function keccak256(f: Frame): Status {
  const s = f.stack;
  const off = s.pop();
  const size = s.peek();
  if (!expandMemory(f, off, size)) return Status.OutOfGas;
  const n = Number(size);
  const cost = keccak256WordCost(n);
  if (cost > f.gas) return Status.OutOfGas;
  f.gas -= cost;
  const o = n === 0 ? 0 : Number(off);
  if (n !== 0) f.host.hashed?.(n); // ZKsync: the keccak system function's native (`sha3` in system.rs)
  s.setTop(keccak256Word(f.memory.buf.subarray(o, o + n)));
  return Status.Continue;
}
