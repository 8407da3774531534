// The EVM execution environment: one resumable frame per call (brief §3.1, §4). The step loop makes
// the generic checks (undefined op via its row, stack bounds, static gas); handlers do the rest and
// CALL-family and CREATE-family opcodes suspend the frame with a spawn request that the runner answers.
import type {
  Address,
  CallResult,
  DeploymentResult,
  ExecutionEnvironment,
  FrameEnd,
  LaunchParams,
  PreemptionPoint,
  SpawnRequest,
} from '../types.js';
import type { Host } from '../host.js';
import type { Frame, InstructionTable } from './frame.js';
import { analyzeCode } from './analysis.js';
import { MAX_CODE_SIZE } from './gas.js';
import { Memory, expandMemory } from './memory.js';
import { Stack } from './stack.js';
import { Op } from './op.js';
import { decodePush } from './instructions/stack.js';
import { div256 } from './instructions/arithmetic.js';
import { TWO_256, U256_MAX } from '../../encoding/limits.js';
import { SMALL } from './words.js';
import { FIRST_HALT, Status, haltReasonOf } from './status.js';
import { runTraced, type StepTracer } from './trace.js';

export type { StepInfo, StepTracer } from './trace.js';

const EMPTY = new Uint8Array(0);
/** Largest gas the hot loop holds as a number; the rest stays in `gasReserve`. */
const GAS_WINDOW = 1n << 52n;
const GAS_WINDOW_NUMBER = Number(GAS_WINDOW);
/** EIP-3541: new code may not start with the 0xEF byte reserved for EOF. */
const EOF_PREFIX = 0xef;
/** Offsets and jump targets at most this large convert to exact numbers (larger ones fail anyway). */
const MAX_JUMP = 0xffffffffn;

/** One EVM call frame; construct with the launch parameters, then `start()`. */
export class EvmFrame implements ExecutionEnvironment, Frame {
  readonly stack = new Stack();
  readonly memory = new Memory();
  gas: number;
  /** Instructions executed (including one that halted), for the native resource. */
  steps = 0;
  /** Gas beyond the exact-double window (only for limits above 2^52; see `setGas`). */
  gasReserve = 0n;
  /** Index of the next byte to execute; handlers see it already past their opcode. */
  pc = 0;
  /** The code zero-padded by 33 bytes (see analysis.ts). */
  readonly code: Uint8Array;
  readonly codeSize: number;
  readonly jumpdests: Uint8Array;
  /** Decoded PUSH2..PUSH32 immediates by pc (see analysis.ts). */
  readonly pushValues: (bigint | undefined)[];
  readonly address: Address;
  readonly caller: Address;
  readonly value: bigint;
  readonly calldata: Uint8Array;
  readonly isStatic: boolean;
  readonly depth: number;
  /** RETURNDATA buffer (EIP-211): output of the last call or create. */
  returnData: Uint8Array = EMPTY;
  /** Data of RETURN/REVERT. */
  output: Uint8Array = EMPTY;
  /** Set by CALL-family and CREATE-family opcodes before they return `Suspend`. */
  pending: SpawnRequest | undefined = undefined;
  /** Memory range where the pending call's return data goes. */
  outOffset = 0;
  outSize = 0;
  private phase: 'new' | 'running' | 'awaitingCall' | 'awaitingDeployment' | 'ended' = 'new';

  constructor(
    readonly params: LaunchParams,
    readonly host: Host,
    readonly table: InstructionTable,
    private readonly tracer?: StepTracer,
  ) {
    if (!pinning) pinFrameClasses(table);
    const analysis = analyzeCode(params.code);
    this.code = analysis.padded;
    this.codeSize = analysis.length;
    this.jumpdests = analysis.jumpdests;
    this.pushValues = analysis.pushValues;
    this.gas = 0;
    this.setGas(params.gas);
    this.address = params.address;
    this.caller = params.caller;
    this.value = params.value;
    this.calldata = params.calldata;
    this.isStatic = params.isStatic;
    this.depth = params.depth;
  }

  start(): PreemptionPoint {
    this.expectPhase('new');
    return this.execute();
  }

  /** Resume after a nested call: copy its output, set RETURNDATA, push 1/0 (brief §2.5, §4.3). */
  continueAfterCall(result: CallResult): PreemptionPoint {
    this.expectPhase('awaitingCall');
    this.setGas(result.gasReturned);
    if (result.status === 'failedToExecute') {
      // The runner could not pay the call's preparation charges: that is this frame's out-of-gas.
      this.phase = 'ended';
      return this.halt(Status.CallFailedToExecute);
    }
    const data = result.returnData;
    const n = Math.min(data.length, this.outSize);
    if (n > 0) this.memory.buf.set(data.subarray(0, n), this.outOffset);
    this.returnData = data;
    this.stack.push(result.status === 'success' ? 1n : 0n);
    return this.execute();
  }

  /** Resume after CREATE/CREATE2: RETURNDATA is empty on success, else the child's data (EIP-211). */
  continueAfterDeployment(result: DeploymentResult): PreemptionPoint {
    this.expectPhase('awaitingDeployment');
    this.setGas(result.gasReturned);
    const ok = result.status === 'success';
    this.returnData = ok ? EMPTY : result.returnData;
    this.stack.push(ok ? result.address : 0n);
    return this.execute();
  }

  /**
   * Loads the frame's gas. The hot loop counts in a double, exact below 2^53: anything above
   * GAS_WINDOW waits in `gasReserve` (no single instruction can cost that much without also
   * expanding memory past its 4 GiB cap, so the window never runs dry before the reserve would).
   */
  private setGas(total: bigint): void {
    if (total <= GAS_WINDOW) {
      this.gas = Number(total);
      this.gasReserve = 0n;
    } else {
      this.gas = GAS_WINDOW_NUMBER;
      this.gasReserve = total - GAS_WINDOW;
    }
  }

  /** Hands out all remaining gas (at a spawn or the frame's end) and leaves the frame with none. */
  takeGas(): bigint {
    const total = this.gasReserve === 0n ? BigInt(this.gas) : BigInt(this.gas) + this.gasReserve;
    this.gas = 0;
    this.gasReserve = 0n;
    return total;
  }

  private expectPhase(phase: EvmFrame['phase']): void {
    if (this.phase !== phase) throw new Error(`EvmFrame: expected phase ${phase}, is ${this.phase}`);
  }

  private execute(): PreemptionPoint {
    this.phase = 'running';
    const status = this.tracer === undefined ? run(this) : runTraced(this, this.tracer);
    if (status === Status.Suspend) {
      const request = this.pending!;
      this.pending = undefined;
      this.phase = request.type === 'call' ? 'awaitingCall' : 'awaitingDeployment';
      return { type: 'spawn', request };
    }
    this.phase = 'ended';
    return this.finish(status);
  }

  private finish(status: Status): FrameEnd {
    // Every end (halts included) passes here or through halt: the memory is no longer needed.
    this.memory.release();
    if (status >= FIRST_HALT) return this.halt(status);
    if (status === Status.Revert) {
      return { type: 'end', status: 'revert', gasLeft: this.takeGas(), returnData: this.output };
    }
    const data = status === Status.Return ? this.output : EMPTY;
    if (!this.params.isConstructor)
      return { type: 'end', status: 'success', gasLeft: this.takeGas(), returnData: data };
    // A constructor's output is the code to deploy (EIP-170 size limit, EIP-3541 0xEF prefix); on
    // those halts the code goes to returnData so the runner can apply its profile's rule (brief §9).
    if (data.length > MAX_CODE_SIZE) return this.haltWithCode('CodeSizeLimit', data);
    if (data.length > 0 && data[0] === EOF_PREFIX) return this.haltWithCode('InvalidCodePrefix', data);
    return { type: 'end', status: 'success', gasLeft: this.takeGas(), returnData: EMPTY, deployedCode: data };
  }

  private halt(status: Status): FrameEnd {
    this.memory.release();
    this.takeGas();
    return { type: 'end', status: 'halt', gasLeft: 0n, returnData: EMPTY, haltReason: haltReasonOf(status) };
  }

  private haltWithCode(reason: 'CodeSizeLimit' | 'InvalidCodePrefix', code: Uint8Array): FrameEnd {
    this.memory.release();
    this.takeGas();
    return { type: 'end', status: 'halt', gasLeft: 0n, returnData: code, haltReason: reason };
  }
}

/**
 * The untraced step loop: no allocation and no calls besides the handler. pc, gas and the stack
 * pointer live in locals; the hottest simple opcodes (stack, arithmetic incl. DIV, bitwise, jumps, word
 * memory access) run inline with exactly their handlers' semantics, everything else goes through
 * the table with the locals written back to the frame around the call.
 */
function run(f: EvmFrame): Status {
  const code = f.code;
  const table = f.table;
  const handlers = table.handlers;
  const staticGas = table.staticGas;
  const minStack = table.minStack;
  const maxStack = table.maxStack;
  const stack = f.stack;
  const items = stack.items;
  const pushValues = f.pushValues;
  const jumpdests = f.jumpdests;
  const memory = f.memory;
  let pc = f.pc;
  let gas = f.gas;
  let sp = stack.sp;
  // Instructions are counted in a local and stored once per exit: the native resource (brief §4.2)
  // charges per step without a field write per opcode.
  let steps = 0;
  let s: Status = Status.Continue;
  for (;;) {
    const op = code[pc]!;
    steps++;
    if (sp < minStack[op]!) {
      s = Status.StackUnderflow;
      break;
    }
    if (sp > maxStack[op]!) {
      s = Status.StackOverflow;
      break;
    }
    const g = staticGas[op]!;
    if (gas < g) {
      s = Status.OutOfGas;
      break;
    }
    gas -= g;
    pc++;
    if (op >= Op.PUSH2) {
      if (op <= Op.PUSH32) {
        let v = pushValues[pc];
        if (v === undefined) {
          v = decodePush(code, pc, op - Op.PUSH1 + 1);
          pushValues[pc] = v;
        }
        items[sp++] = v;
        pc += op - Op.PUSH1 + 1;
        continue;
      }
      if (op <= Op.DUP16) {
        items[sp] = items[sp - (op - Op.DUP1 + 1)]!;
        sp++;
        continue;
      }
      if (op <= Op.SWAP16) {
        const top = sp - 1;
        const other = top - (op - Op.SWAP1 + 1);
        const t = items[top]!;
        items[top] = items[other]!;
        items[other] = t;
        continue;
      }
    }
    switch (op) {
      case Op.ADD: {
        const r = items[--sp]! + items[sp - 1]!;
        items[sp - 1] = r > U256_MAX ? r - TWO_256 : r;
        continue;
      }
      case Op.MUL: {
        const r = items[--sp]! * items[sp - 1]!;
        items[sp - 1] = r > U256_MAX ? BigInt.asUintN(256, r) : r;
        continue;
      }
      case Op.SUB: {
        const r = items[--sp]! - items[sp - 1]!;
        items[sp - 1] = r < 0n ? r + TWO_256 : r;
        continue;
      }
      case Op.DIV: {
        const a = items[--sp]!;
        items[sp - 1] = div256(a, items[sp - 1]!);
        continue;
      }
      case Op.LT: {
        const a = items[--sp]!;
        items[sp - 1] = a < items[sp - 1]! ? 1n : 0n;
        continue;
      }
      case Op.GT: {
        const a = items[--sp]!;
        items[sp - 1] = a > items[sp - 1]! ? 1n : 0n;
        continue;
      }
      case Op.EQ: {
        const a = items[--sp]!;
        items[sp - 1] = a === items[sp - 1]! ? 1n : 0n;
        continue;
      }
      case Op.ISZERO:
        items[sp - 1] = items[sp - 1]! === 0n ? 1n : 0n;
        continue;
      case Op.AND: {
        const a = items[--sp]!;
        items[sp - 1] = a & items[sp - 1]!;
        continue;
      }
      case Op.OR: {
        const a = items[--sp]!;
        items[sp - 1] = a | items[sp - 1]!;
        continue;
      }
      case Op.XOR: {
        const a = items[--sp]!;
        items[sp - 1] = a ^ items[sp - 1]!;
        continue;
      }
      case Op.NOT:
        items[sp - 1] = items[sp - 1]! ^ U256_MAX;
        continue;
      case Op.SHL: {
        const shift = items[--sp]!;
        if (shift < 256n) {
          const r = items[sp - 1]! << shift;
          items[sp - 1] = r > U256_MAX ? r & U256_MAX : r;
        } else items[sp - 1] = 0n;
        continue;
      }
      case Op.SHR: {
        const shift = items[--sp]!;
        items[sp - 1] = shift < 256n ? items[sp - 1]! >> shift : 0n;
        continue;
      }
      case Op.POP:
        sp--;
        continue;
      case Op.PUSH1:
        items[sp++] = SMALL[code[pc]!]!;
        pc++;
        continue;
      case Op.PUSH0:
        items[sp++] = 0n;
        continue;
      case Op.JUMPDEST:
        continue;
      case Op.JUMP: {
        const dest = items[--sp]!;
        if (dest <= MAX_JUMP && jumpdests[Number(dest)] === 1) {
          pc = Number(dest);
          continue;
        }
        s = Status.InvalidJump;
        break;
      }
      case Op.JUMPI: {
        const dest = items[--sp]!;
        if (items[--sp]! === 0n) continue;
        if (dest <= MAX_JUMP && jumpdests[Number(dest)] === 1) {
          pc = Number(dest);
          continue;
        }
        s = Status.InvalidJump;
        break;
      }
      case Op.MLOAD: {
        const off = items[sp - 1]!;
        // Fast path: the word lies inside memory already paid for (no expansion, no gas).
        if (off <= MAX_JUMP) {
          const o = Number(off);
          if (o + 32 <= memory.words * 32) {
            items[sp - 1] = memory.readWord(o);
            continue;
          }
        }
        f.gas = gas;
        const ok = expandMemory(f, off, 32n);
        gas = f.gas;
        if (!ok) {
          s = Status.OutOfGas;
          break;
        }
        items[sp - 1] = memory.readWord(Number(off));
        continue;
      }
      case Op.MSTORE: {
        const off = items[--sp]!;
        const v = items[--sp]!;
        if (off <= MAX_JUMP) {
          const o = Number(off);
          if (o + 32 <= memory.words * 32) {
            memory.writeWord(o, v);
            continue;
          }
        }
        f.gas = gas;
        const ok = expandMemory(f, off, 32n);
        gas = f.gas;
        if (!ok) {
          s = Status.OutOfGas;
          break;
        }
        memory.writeWord(Number(off), v);
        continue;
      }
      default:
        f.pc = pc;
        f.gas = gas;
        stack.sp = sp;
        s = handlers[op]!(f);
        pc = f.pc;
        gas = f.gas;
        sp = stack.sp;
        if (s === Status.Continue) continue;
    }
    break;
  }
  f.pc = pc;
  f.gas = gas;
  stack.sp = sp;
  f.steps += steps;
  return s;
}

// ---- hidden-class pinning ----
// V8 holds the hidden classes (maps) of an object layout only weakly through its transition tree.
// Between two transactions every EvmFrame, Stack and Memory can die; a full GC then collects their
// maps and deoptimizes `run` and the word accessors compiled against them ("weak objects"), so the
// next frames run in the slower tiers until TurboFan has recompiled them. Measured with a forced GC
// between runs (as `npm run bench` does): sha1_divs 17 → 35–48 ms. One idle frame, built like any
// other and never run, keeps those maps alive; it holds no world or host. It is built by the first
// frame's constructor, not at import, and borrows that frame's instruction table (the table does not
// shape the frame), so importing the library builds neither a table nor a frame.

/** Keeps the pinned frame reachable (a module-level holder no bundler drops). */
const pinnedForV8: EvmFrame[] = [];
let pinning = false;

function pinFrameClasses(table: InstructionTable): void {
  pinning = true;
  const frame = new EvmFrame(
    {
      address: 1n,
      codeAddress: 1n,
      caller: 1n,
      value: 0n,
      calldata: EMPTY,
      code: new Uint8Array(1),
      // A gas above the small-integer range, so the pinned layout already stores gas as a double.
      gas: 1n << 40n,
      isStatic: false,
      isConstructor: false,
      depth: 0,
    },
    {} as Host,
    table,
  );
  frame.memory.reserve(32);
  frame.stack.push(0n);
  pinnedForV8.push(frame);
}
