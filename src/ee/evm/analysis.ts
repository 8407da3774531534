// Code analysis, once per code array: the JUMPDEST bitmap (PUSH data excluded), a zero-padded copy
// so PUSH past the end reads zeros and running off the end reads STOP, and a lazy PUSH-value cache.
import type { Word } from './words.js';
import { Op } from './op.js';

/** Analysis result shared by every frame running the same code array. */
export interface CodeAnalysis {
  /** The code followed by 33 zero bytes. */
  readonly padded: Uint8Array;
  /** 1 where a JUMPDEST opcode (not PUSH data) sits. */
  readonly jumpdests: Uint8Array;
  readonly length: number;
  /**
   * PUSH2..PUSH32 immediates by the pc of the PUSH, filled lazily by the PUSH handlers the first
   * time each one runs (sparse; shared by every frame running this code).
   */
  readonly pushValues: (Word | undefined)[];
}

const cache = new WeakMap<Uint8Array, CodeAnalysis>();

/** Analysis of `code`, cached by array identity. */
export function analyzeCode(code: Uint8Array): CodeAnalysis {
  let a = cache.get(code);
  if (a === undefined) {
    a = analyze(code);
    cache.set(code, a);
  }
  return a;
}

function analyze(code: Uint8Array): CodeAnalysis {
  const n = code.length;
  const padded = new Uint8Array(n + 33);
  padded.set(code);
  const jumpdests = new Uint8Array(n);
  for (let pc = 0; pc < n; pc++) {
    const op = code[pc]!;
    if (op === Op.JUMPDEST) jumpdests[pc] = 1;
    else if (op >= Op.PUSH1 && op <= Op.PUSH32) pc += op - Op.PUSH1 + 1;
  }
  return { padded, jumpdests, length: n, pushValues: new Array<Word | undefined>(n) };
}
