// Basic blocks of EVM code for the compile-tier prototype: a block starts at pc 0, at every JUMPDEST
// and after every block end; it ends at a jump, a halt, a call or create, or just before a JUMPDEST.
import type { InstructionTable } from '../../src/ee/evm/frame.js';
import { Op } from '../../src/ee/evm/op.js';

/** One instruction of a block. */
export interface Instr {
  readonly pc: number;
  readonly op: number;
  /** PUSH1..PUSH32: the immediate; PUSH0: 0n. */
  readonly imm: bigint | undefined;
}

/** A straight-line run of instructions with its statically known cost and stack window. */
export interface Block {
  readonly start: number;
  readonly instrs: readonly Instr[];
  /** pc after the last instruction (the fall-through block's start), or -1 when the block never falls through. */
  readonly next: number;
  /** Sum of the instructions' static gas. */
  readonly gas: number;
  /** The block runs without a stack error iff minSp <= sp at entry <= maxSp (the step loop's checks, summed). */
  readonly minSp: number;
  readonly maxSp: number;
}

/** Opcodes after which control does not fall through to the next instruction (or leaves the frame). */
const NO_FALLTHROUGH = new Set<number>([Op.STOP, Op.JUMP, Op.RETURN, Op.REVERT, Op.INVALID, Op.SELFDESTRUCT]);
/** Opcodes that end a block but may fall through: JUMPI, and the calls and creates that suspend the frame. */
const ENDS_BLOCK = new Set<number>([
  Op.JUMPI,
  Op.CALL,
  Op.CALLCODE,
  Op.DELEGATECALL,
  Op.STATICCALL,
  Op.CREATE,
  Op.CREATE2,
]);

function readImmediate(code: Uint8Array, pc: number, n: number): bigint {
  let v = 0n;
  for (let i = 0; i < n; i++) v = (v << 8n) | BigInt(code[pc + 1 + i] ?? 0);
  return v;
}

/** Splits `code` (unpadded) into blocks; running past the end executes an implicit STOP, as in the interpreter. */
export function splitBlocks(code: Uint8Array, table: InstructionTable): Block[] {
  const blocks: Block[] = [];
  let pc = 0;
  for (;;) {
    const start = pc;
    const instrs: Instr[] = [];
    let gas = 0;
    let height = 0;
    let minSp = 0;
    let maxSp = 1024;
    let next = -1;
    for (;;) {
      const op = pc < code.length ? code[pc]! : Op.STOP;
      if (op === Op.JUMPDEST && instrs.length > 0) {
        next = pc;
        break;
      }
      const row = table.rows[op]!;
      const imm = op >= Op.PUSH1 && op <= Op.PUSH32 ? readImmediate(code, pc, op - Op.PUSH1 + 1) : undefined;
      instrs.push({ pc, op, imm: op === Op.PUSH0 ? 0n : imm });
      gas += table.staticGas[op]!;
      minSp = Math.max(minSp, table.minStack[op]! - height);
      maxSp = Math.min(maxSp, table.maxStack[op]! - height);
      height += row.pushes - row.pops;
      pc += 1 + row.imm;
      if (NO_FALLTHROUGH.has(op) || !row.defined) break;
      if (ENDS_BLOCK.has(op) || pc >= code.length) {
        next = pc;
        break;
      }
    }
    blocks.push({ start, instrs, next, gas, minSp, maxSp });
    // Past the end only the implicit STOP block remains (built by the next round, which then stops).
    if (pc >= code.length && (next === -1 || start >= code.length)) break;
  }
  return blocks;
}
