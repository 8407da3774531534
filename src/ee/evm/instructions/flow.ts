// Control flow and frame-ending opcodes: STOP, PC, GAS, RETURN, REVERT, INVALID (JUMP, JUMPI and JUMPDEST are
// inlined: scripts/interpreter-ops.mjs).
import type { Frame } from '../frame.js';
import { Status } from '../status.js';
import { expandMemory } from '../memory.js';

const EMPTY = new Uint8Array(0);

export function stop(_f: Frame): Status {
  return Status.Stop;
}

/** The loop has already advanced pc past this opcode. */
export function pc(f: Frame): Status {
  f.stack.pushNumber(f.pc - 1);
  return Status.Continue;
}

/** Gas left after this opcode's own charge. */
export function gas(f: Frame): Status {
  f.stack.push(f.gasReserve === 0n ? BigInt(f.gas) : BigInt(f.gas) + f.gasReserve);
  return Status.Continue;
}

/** Takes [offset, offset+size) of memory as the frame's output; shared by RETURN and REVERT. */
function takeOutput(f: Frame): boolean {
  const s = f.stack;
  const off = s.pop();
  const size = s.pop();
  if (!expandMemory(f, off, size)) return false;
  f.output = size === 0n ? EMPTY : f.memory.slice(Number(off), Number(size));
  return true;
}

export function ret(f: Frame): Status {
  return takeOutput(f) ? Status.Return : Status.OutOfGas;
}

export function revert(f: Frame): Status {
  return takeOutput(f) ? Status.Revert : Status.OutOfGas;
}

export function invalid(_f: Frame): Status {
  return Status.InvalidOpcode;
}
