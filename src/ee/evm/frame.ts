// What an opcode handler sees of its frame, and the instruction-table types built on it. EvmFrame
// (interpreter.ts) implements `Frame`; handlers and the table depend on this interface, not on the
// interpreter, so src/ee/evm has no import cycle.
import type { Word } from './words.js';
import type { Host } from '../host.js';
import type { Address, LaunchParams, SpawnRequest } from '../types.js';
import type { Memory } from './memory.js';
import type { DynamicNative } from './native.js';
import type { Stack } from './stack.js';
import type { Status } from './status.js';

/** One EVM call frame as its handlers see it. */
export interface Frame {
  readonly params: LaunchParams;
  readonly host: Host;
  readonly table: InstructionTable;
  readonly stack: Stack;
  readonly memory: Memory;
  gas: number;
  /** Instructions the traced loop ran (including one that halted); the untraced loops do not count them. */
  steps: number;
  /**
   * Native resource used by this frame's instructions so far (the table's static `nativeCost` per step, summed
   * by `runLoopNative`/`runTraced`, plus what handlers add from `table.dynamicNative`); the runner charges it.
   */
  native: number;
  /** Gas beyond the exact-double window (only for limits above 2^52). */
  gasReserve: bigint;
  /** Index of the next byte to execute; handlers see it already past their opcode. */
  pc: number;
  /** The code zero-padded by 33 bytes (see analysis.ts). */
  readonly code: Uint8Array;
  readonly codeSize: number;
  readonly jumpdests: Uint8Array;
  /** Decoded PUSH2..PUSH32 immediates by pc (see analysis.ts). */
  readonly pushValues: (Word | undefined)[];
  readonly address: Address;
  readonly caller: Address;
  readonly value: bigint;
  readonly calldata: Uint8Array;
  /** DataView over `calldata`, made by the frame's first CALLDATALOAD that reads a whole word. */
  calldataView: DataView | undefined;
  readonly isStatic: boolean;
  readonly depth: number;
  /** RETURNDATA buffer (EIP-211): output of the last call or create. */
  returnData: Uint8Array;
  /** Data of RETURN/REVERT. */
  output: Uint8Array;
  /** Set by CALL-family and CREATE-family opcodes before they return `Suspend`. */
  pending: SpawnRequest | undefined;
  /** Memory range where the pending call's return data goes. */
  outOffset: number;
  outSize: number;
  /** Takes all the frame's gas (the number window and the reserve) as a bigint. */
  takeGas(): bigint;
}

/** An opcode body: does its own work and dynamic gas, returns a `Status`, never throws. */
export type Handler = (f: Frame) => Status;

/** One row of the instruction table. */
export interface OpRow {
  readonly name: string;
  readonly run: Handler;
  /** Static gas charged by the step loop before `run`. */
  readonly gas: number;
  readonly pops: number;
  readonly pushes: number;
  /** Immediate bytes following the opcode (PUSHn: n). */
  readonly imm: number;
  /** False only for the shared row of undefined bytes. */
  readonly defined: boolean;
}

/**
 * The 256 rows plus the flat arrays the step loop reads (so dispatch touches no row objects):
 * handler, static gas, and the stack-pointer window [minStack, maxStack] in which the op may run.
 */
export interface InstructionTable {
  readonly rows: readonly OpRow[];
  readonly handlers: readonly Handler[];
  readonly staticGas: Uint32Array;
  readonly minStack: Uint16Array;
  readonly maxStack: Uint16Array;
  /** Whether the profile meters native: frames of this table run `runLoopNative` (chosen once per frame). */
  readonly metersNative: boolean;
  /** Static native per opcode byte: step + the opcode's own cost (all 0 when not metered). */
  readonly nativeCost: Uint32Array;
  /** Operand-dependent native rates the handlers add (all 0 when not metered). */
  readonly dynamicNative: DynamicNative;
}
