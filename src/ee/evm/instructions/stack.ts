// Stack opcodes: POP, PUSH0 (EIP-3855), PUSH1..PUSH32, DUP1..DUP16, SWAP1..SWAP16.
import type { Frame, Handler } from '../frame.js';
import { Status } from '../status.js';
import { SMALL } from '../words.js';

export function pop(f: Frame): Status {
  f.stack.sp--;
  return Status.Continue;
}

export function push0(f: Frame): Status {
  f.stack.push(0n);
  return Status.Continue;
}

export function push1(f: Frame): Status {
  f.stack.push(SMALL[f.code[f.pc]!]!);
  f.pc++;
  return Status.Continue;
}

/** Decodes the n-byte immediate at `pc` (the code is zero-padded, so reads past the end give zeros). */
export function decodePush(code: Uint8Array, pc: number, n: number): bigint {
  let i = pc;
  const end = i + n;
  let v = 0n;
  // Bytes are gathered six at a time into a double (exact below 2^53) to limit bigint work.
  const head = n % 6;
  if (head !== 0) {
    let chunk = 0;
    for (const stop = i + head; i < stop; i++) chunk = chunk * 256 + code[i]!;
    v = BigInt(chunk);
  }
  for (; i < end; i += 6) {
    const chunk =
      code[i]! * 0x10000000000 +
      code[i + 1]! * 0x100000000 +
      code[i + 2]! * 0x1000000 +
      ((code[i + 3]! << 16) | (code[i + 4]! << 8) | code[i + 5]!);
    v = (v << 48n) | BigInt(chunk);
  }
  return v;
}

/**
 * PUSHn reads n immediate bytes; the code is zero-padded by analysis, so a PUSH running past the end
 * of the code reads zeros (Yellow Paper). The value is decoded once per code and pc, then cached in
 * the analysis (`pushValues`), so later executions are one array load.
 */
export function makePush(n: number): Handler {
  return function pushN(f: Frame): Status {
    const pc = f.pc;
    let v = f.pushValues[pc];
    if (v === undefined) {
      v = decodePush(f.code, pc, n);
      f.pushValues[pc] = v;
    }
    f.stack.push(v);
    f.pc = pc + n;
    return Status.Continue;
  };
}

export function makeDup(n: number): Handler {
  return function dupN(f: Frame): Status {
    f.stack.dup(n);
    return Status.Continue;
  };
}

export function makeSwap(n: number): Handler {
  return function swapN(f: Frame): Status {
    f.stack.swap(n);
    return Status.Continue;
  };
}
