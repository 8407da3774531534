// Control flow and frame-ending opcodes: STOP, JUMP, JUMPI, PC, GAS, JUMPDEST, RETURN, REVERT, INVALID.
import type { Frame } from '../frame.js';
import { Status } from '../status.js';
import { expandMemory } from '../memory.js';

const EMPTY = new Uint8Array(0);

export function stop(_f: Frame): Status {
  return Status.Stop;
}

/** A jump target must be inside the code on a JUMPDEST that is not PUSH data. */
function jumpTo(f: Frame, dest: bigint): Status {
  if (dest >= BigInt(f.codeSize)) return Status.InvalidJump;
  const d = Number(dest);
  if (f.jumpdests[d] !== 1) return Status.InvalidJump;
  f.pc = d;
  return Status.Continue;
}

export function jump(f: Frame): Status {
  return jumpTo(f, f.stack.pop());
}

export function jumpi(f: Frame): Status {
  const s = f.stack;
  const dest = s.pop();
  if (s.pop() === 0n) return Status.Continue;
  return jumpTo(f, dest);
}

/** The loop has already advanced pc past this opcode. */
export function pc(f: Frame): Status {
  f.stack.push(BigInt(f.pc - 1));
  return Status.Continue;
}

/** Gas left after this opcode's own charge. */
export function gas(f: Frame): Status {
  f.stack.push(f.gasReserve === 0n ? BigInt(f.gas) : BigInt(f.gas) + f.gasReserve);
  return Status.Continue;
}

export function jumpdest(_f: Frame): Status {
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
