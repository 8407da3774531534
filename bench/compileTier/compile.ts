// Compile-tier prototype (dev-only, issue #15): each basic block becomes one JavaScript function built with
// `new Function` once per contract. A block charges its static gas and checks its stack window once on entry,
// holds stack words in JS locals and writes back only what is live at its end, and returns the next block's
// index (static jumps resolved at compile time, dynamic ones through a pc -> block table of JUMPDESTs).
// Anything the block cannot do exactly hands the frame to the interpreter (`runLoop`) at that pc ("deopt"):
// a failing entry check (out of gas or a stack error: the interpreter finds the exact instruction), or a
// dynamic charge leaving less gas than the rest of the block's static gas. Opcodes without an inline body
// call their table handler with the stack written back and `f.gas` set to what the interpreter would hold.
import type { Frame, InstructionTable } from '../../src/ee/evm/frame.js';
import { Op } from '../../src/ee/evm/op.js';
import { Status } from '../../src/ee/evm/status.js';
import { runLoop } from '../../src/ee/evm/generated/runLoop.js';
import { div256 } from '../../src/ee/evm/instructions/arithmetic.js';
import { expandMemory } from '../../src/ee/evm/memory.js';
import { SIGN_BIT, TWO_256, U256_MAX } from '../../src/encoding/limits.js';
import { big } from '../../src/ee/evm/words.js';
import { type Block, splitBlocks } from './blocks.js';

/**
 * A chunk of blocks: runs from block `b` until control leaves the chunk (returns that block's index) or the
 * frame stops (returns `~status`, also when the interpreter finished the frame).
 */
type ChunkFn = (f: Frame, b: number) => number;

/** A contract compiled once: run it on any frame executing that code. */
export interface CompiledCode {
  readonly run: (f: Frame) => Status;
  readonly blocks: number;
  /** Generated functions. */
  readonly chunks: number;
  /** Bytes of generated JavaScript source. */
  readonly sourceBytes: number;
  /** Opcodes (by name) that run through their table handler instead of an inline body, with their static count. */
  readonly viaHandler: ReadonlyMap<string, number>;
}

/** One stack word as the compiler sees it: a JS expression, the entry slot it was loaded from, a known value. */
interface Word {
  readonly expr: string;
  /** Slot relative to the block's entry sp (negative), when the word still sits there unchanged. */
  readonly slot?: number;
  readonly konst?: bigint;
}

const BINARY: Partial<Record<number, (a: string, b: string, t: string) => string>> = {
  [Op.ADD]: (a, b, t) => `let ${t} = ${a} + ${b}; if (${t} > U256_MAX) ${t} -= TWO_256;`,
  [Op.MUL]: (a, b, t) => `let ${t} = ${a} * ${b}; if (${t} > U256_MAX) ${t} = BigInt.asUintN(256, ${t});`,
  [Op.SUB]: (a, b, t) => `let ${t} = ${a} - ${b}; if (${t} < 0n) ${t} += TWO_256;`,
  [Op.DIV]: (a, b, t) => `const ${t} = div256(${a}, ${b});`,
  [Op.MOD]: (a, b, t) => `const ${t} = ${b} === 0n ? 0n : ${a} % ${b};`,
  [Op.LT]: (a, b, t) => `const ${t} = ${a} < ${b} ? 1n : 0n;`,
  [Op.GT]: (a, b, t) => `const ${t} = ${a} > ${b} ? 1n : 0n;`,
  [Op.EQ]: (a, b, t) => `const ${t} = ${a} === ${b} ? 1n : 0n;`,
  [Op.AND]: (a, b, t) => `const ${t} = ${a} & ${b};`,
  [Op.OR]: (a, b, t) => `const ${t} = ${a} | ${b};`,
  [Op.XOR]: (a, b, t) => `const ${t} = ${a} ^ ${b};`,
  [Op.SHL]: (a, b, t) => `const ${t} = ${a} < 256n ? (${b} << ${a}) & U256_MAX : 0n;`,
  [Op.SHR]: (a, b, t) => `const ${t} = ${a} < 256n ? ${b} >> ${a} : 0n;`,
  // Signed order without allocating: equal signs compare unsigned, else the negative one is smaller.
  [Op.SLT]: (a, b, t) =>
    `const ${t} = (${a} >= SIGN_BIT) === (${b} >= SIGN_BIT) ? (${a} < ${b} ? 1n : 0n) : ${a} >= SIGN_BIT ? 1n : 0n;`,
  [Op.SGT]: (a, b, t) =>
    `const ${t} = (${a} >= SIGN_BIT) === (${b} >= SIGN_BIT) ? (${a} > ${b} ? 1n : 0n) : ${b} >= SIGN_BIT ? 1n : 0n;`,
  [Op.SDIV]: (a, b, t) =>
    `const ${t} = ${b} === 0n ? 0n : ((${a} >= SIGN_BIT ? ${a} - TWO_256 : ${a}) / (${b} >= SIGN_BIT ? ${b} - TWO_256 : ${b})) & U256_MAX;`,
};
const UNARY: Partial<Record<number, (a: string, t: string) => string>> = {
  [Op.ISZERO]: (a, t) => `const ${t} = ${a} === 0n ? 1n : 0n;`,
  [Op.NOT]: (a, t) => `const ${t} = ${a} ^ U256_MAX;`,
};

/** Generates the source of one block function. */
class BlockWriter {
  private readonly out: string[] = [];
  private v: Word[] = [];
  /** Entry-stack words consumed below the virtual stack's bottom. */
  private popped = 0;
  private tmp = 0;
  /** The last instruction left the block on every path (no fall-through code needed). */
  private ended = false;

  constructor(
    private readonly block: Block,
    private readonly table: InstructionTable,
    private readonly jumpBlock: Int32Array,
    private readonly blockAt: Map<number, number>,
    private readonly viaHandler: Map<string, number>,
  ) {}

  private fresh(): string {
    return `t${this.tmp++}`;
  }

  /** Makes at least n words visible on the virtual stack, loading entry words from `items` as needed. */
  private ensure(n: number): void {
    while (this.v.length < n) {
      const slot = -this.popped - 1;
      const t = this.fresh();
      this.out.push(`const ${t} = big(items[sp - ${-slot}]);`);
      this.v.unshift({ expr: t, slot });
      this.popped++;
    }
  }

  private pop(): Word {
    this.ensure(1);
    return this.v.pop()!;
  }

  /** Code writing the virtual stack back to `items` and moving `sp` (the compile-time state is unchanged). */
  private flushCode(): string {
    let s = '';
    for (let i = 0; i < this.v.length; i++) {
      const rel = i - this.popped;
      const w = this.v[i]!;
      if (w.slot !== rel) s += `items[sp + ${rel}] = ${w.expr}; `;
    }
    const delta = this.v.length - this.popped;
    if (delta !== 0) s += `sp += ${delta}; `;
    return s;
  }

  /** Flushes and resets the virtual stack (after this, `sp` is the real stack pointer again). */
  private flush(): void {
    this.out.push(this.flushCode());
    this.v = [];
    this.popped = 0;
  }

  /** Hands the frame to the interpreter at `pc` with `remGas` of this block's static gas not yet spent. */
  private deoptCode(pc: number, remGas: number): string {
    return `{ ${this.flushCode()}f.pc = ${pc}; f.gas = gas + ${remGas}; f.stack.sp = sp; return ~runLoop(f); }`;
  }

  write(): string {
    const b = this.block;
    const n = b.instrs.length;
    const o = this.out;
    o.push(
      `if (gas < ${b.gas} || sp < ${b.minSp} || sp > ${b.maxSp}) { f.pc = ${b.start}; f.gas = gas; f.stack.sp = sp; return ~runLoop(f); }`,
      `gas -= ${b.gas};`,
    );
    let remGas = b.gas;
    for (let i = 0; i < n; i++) {
      const ins = b.instrs[i]!;
      const op = ins.op;
      remGas -= this.table.staticGas[op]!;
      const nextPc = ins.pc + 1 + this.table.rows[op]!.imm;
      if (this.inline(op, ins.imm, nextPc, remGas)) continue;
      this.viaHandler.set(this.table.rows[op]!.name, (this.viaHandler.get(this.table.rows[op]!.name) ?? 0) + 1);
      this.flush();
      const s = this.fresh();
      o.push(
        `f.pc = ${nextPc}; f.gas = gas + ${remGas}; f.stack.sp = sp;`,
        `const ${s} = H[${op}](f);`,
        `if (${s} !== 0) { return ~${s}; }`,
        `gas = f.gas - ${remGas}; sp = f.stack.sp;`,
        `if (gas < 0) ${this.deoptCode(nextPc, remGas)}`,
      );
    }
    // Fell off the last instruction without leaving: continue with the next block.
    if (b.next >= 0 && !this.ended) {
      this.flush();
      o.push(`b = ${this.blockAt.get(b.next)!}; continue;`);
    } else if (!this.ended) {
      // Only a handler that always stops the frame (RETURN, REVERT, INVALID) gets here; never fall into the next case.
      const last = b.instrs[n - 1]!;
      o.push(`f.pc = ${last.pc + 1}; f.gas = gas; f.stack.sp = sp; return ~runLoop(f);`);
    }
    return o.join('\n');
  }

  /** Emits an inline body for `op`, or returns false when it must go through its handler. */
  private inline(op: number, imm: bigint | undefined, nextPc: number, remGas: number): boolean {
    const o = this.out;
    if (imm !== undefined) {
      this.v.push({ expr: `0x${imm.toString(16)}n`, konst: imm });
      return true;
    }
    if (op >= Op.DUP1 && op <= Op.DUP16) {
      const k = op - Op.DUP1 + 1;
      this.ensure(k);
      this.v.push(this.v[this.v.length - k]!);
      return true;
    }
    if (op >= Op.SWAP1 && op <= Op.SWAP16) {
      const k = op - Op.SWAP1 + 1;
      this.ensure(k + 1);
      const top = this.v.length - 1;
      const t = this.v[top]!;
      this.v[top] = this.v[top - k]!;
      this.v[top - k] = t;
      return true;
    }
    const bin = BINARY[op];
    if (bin !== undefined) {
      const a = this.pop().expr;
      const b = this.pop().expr;
      const t = this.fresh();
      o.push(bin(a, b, t));
      this.v.push({ expr: t });
      return true;
    }
    const un = UNARY[op];
    if (un !== undefined) {
      const a = this.pop().expr;
      const t = this.fresh();
      o.push(un(a, t));
      this.v.push({ expr: t });
      return true;
    }
    switch (op) {
      case Op.JUMPDEST:
        return true;
      case Op.POP:
        this.pop();
        return true;
      case Op.STOP:
        this.flush();
        o.push(`f.gas = gas; f.stack.sp = sp; return ~${Status.Stop};`);
        this.ended = true;
        return true;
      case Op.JUMP: {
        const d = this.pop();
        this.flush();
        o.push(this.jumpCode(d));
        o.push(`f.gas = gas; f.stack.sp = sp; return ~${Status.InvalidJump};`);
        this.ended = true;
        return true;
      }
      case Op.JUMPI: {
        const d = this.pop();
        const c = this.pop();
        this.flush();
        o.push(
          `if (${c.expr} !== 0n) { ${this.jumpCode(d)} f.gas = gas; f.stack.sp = sp; return ~${Status.InvalidJump}; }`,
        );
        o.push(`b = ${this.blockAt.get(nextPc)!}; continue;`);
        this.ended = true;
        return true;
      }
      case Op.MLOAD: {
        const off = this.pop().expr;
        const t = this.fresh();
        o.push(
          `let ${t}; if (${off} <= 0xffffffffn && Number(${off}) + 32 <= memory.words * 32) ${t} = big(memory.readWord(Number(${off})));`,
          `else { f.gas = gas + ${remGas}; if (!expandMemory(f, ${off}, 32n)) { return ~${Status.OutOfGas}; }`,
          `gas = f.gas - ${remGas}; ${t} = big(memory.readWord(Number(${off}))); }`,
        );
        this.v.push({ expr: t });
        o.push(`if (gas < 0) ${this.deoptCode(nextPc, remGas)}`);
        return true;
      }
      case Op.MSTORE: {
        const off = this.pop().expr;
        const val = this.pop().expr;
        o.push(
          `if (${off} <= 0xffffffffn && Number(${off}) + 32 <= memory.words * 32) memory.writeWord(Number(${off}), ${val});`,
          `else { f.gas = gas + ${remGas}; if (!expandMemory(f, ${off}, 32n)) { return ~${Status.OutOfGas}; }`,
          `gas = f.gas - ${remGas}; memory.writeWord(Number(${off}), ${val}); }`,
        );
        o.push(`if (gas < 0) ${this.deoptCode(nextPc, remGas)}`);
        return true;
      }
      default:
        return false;
    }
  }

  /** Code that jumps to `d` if it is a JUMPDEST (resolved now when `d` is a constant) and falls through otherwise. */
  private jumpCode(d: Word): string {
    if (d.konst !== undefined) {
      const target = d.konst <= 0xffffffffn ? (this.jumpBlock[Number(d.konst)] ?? -1) : -1;
      return target >= 0 ? `b = ${target}; continue;` : '';
    }
    return `if (${d.expr} <= 0xffffffffn) { const j = JB[Number(${d.expr})]; if (j !== undefined && j >= 0) { b = j; continue; } }`;
  }
}

/**
 * Source bytes per generated function: transitions inside a chunk are a `switch` with gas and sp in locals,
 * between chunks a call. Chunks are runs of blocks in pc order (Solidity lays a function out contiguously);
 * much larger chunks compile slowly in TurboFan or not at all.
 */
const DEFAULT_CHUNK_BYTES = 30_000;

/** Compiles `code` (unpadded runtime code) for frames using `table`. */
export function compileCode(code: Uint8Array, table: InstructionTable, chunkBytes = DEFAULT_CHUNK_BYTES): CompiledCode {
  const blocks = splitBlocks(code, table);
  const blockAt = new Map<number, number>();
  for (const [i, b] of blocks.entries()) blockAt.set(b.start, i);
  const jumpBlock = new Int32Array(code.length).fill(-1);
  for (const [pc, i] of blockAt) if (pc < code.length && code[pc] === Op.JUMPDEST) jumpBlock[pc] = i;
  const viaHandler = new Map<string, number>();
  const cases = blocks.map(
    (b, i) => `case ${i}: {\n${new BlockWriter(b, table, jumpBlock, blockAt, viaHandler).write()}\n}`,
  );
  const chunkOf = new Int32Array(blocks.length);
  const chunks: string[] = [];
  let body: string[] = [];
  let bytes = 0;
  const close = (): void => {
    chunks.push(
      `function (f, b) {\nlet gas = f.gas; let sp = f.stack.sp; const items = f.stack.items; const memory = f.memory;\nfor (;;) switch (b) {\n${body.join('\n')}\ndefault: f.gas = gas; f.stack.sp = sp; return b;\n}\n}`,
    );
    body = [];
    bytes = 0;
  };
  cases.forEach((c, i) => {
    if (bytes > 0 && bytes + c.length > chunkBytes) close();
    chunkOf[i] = chunks.length;
    body.push(c);
    bytes += c.length;
  });
  close();
  const source = `return [\n${chunks.join(',\n')}\n];`;
  const build = new Function(
    'runLoop',
    'H',
    'JB',
    'div256',
    'expandMemory',
    'U256_MAX',
    'TWO_256',
    'SIGN_BIT',
    'big',
    source,
  ) as (...args: unknown[]) => ChunkFn[];
  const fns = build(runLoop, table.handlers, jumpBlock, div256, expandMemory, U256_MAX, TWO_256, SIGN_BIT, big);

  const run = (f: Frame): Status => {
    let b = blockAt.get(f.pc);
    // A pc that is no block start (a resume inside a block) runs in the interpreter.
    if (b === undefined) return runLoop(f);
    while (b >= 0) b = fns[chunkOf[b]!]!(f, b);
    return ~b as Status;
  };
  return { run, blocks: blocks.length, chunks: chunks.length, sourceBytes: source.length, viaHandler };
}
