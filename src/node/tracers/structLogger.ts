// geth's default tracer (eth/tracers/logger): one struct log per executed instruction.
import type { StepInfo, StepTracer } from '../../ee/evm/trace.js';
import type { RunObserver } from '../../runner/context.js';
import type { FrameInfo } from '../../runner/frameActor.js';
import type { WorldState } from '../../system/world.js';

export interface StructLog {
  pc: number;
  op: string;
  gas: number;
  gasCost: number;
  depth: number;
  stack?: string[];
  memory?: string[];
  returnData?: string;
  storage?: Record<string, string>;
  refund?: number;
}

export interface StructLoggerConfig {
  readonly disableStack: boolean;
  readonly disableStorage: boolean;
  readonly enableMemory: boolean;
  readonly enableReturnData: boolean;
}

const hex64 = (v: bigint): string => v.toString(16).padStart(64, '0');
const SLOAD = 0x54;
const SSTORE = 0x55;

/**
 * Collects struct logs. Storage (on SLOAD / SSTORE only, as geth) is the contract's slots seen so far;
 * the SLOAD value is read from the world before the instruction runs. Memory needs the frame's bytes,
 * which the step does not carry: `enableMemory` is reported as unsupported by the caller.
 */
export class StructLogger implements StepTracer, RunObserver {
  readonly logs: StructLog[] = [];
  private readonly addresses: bigint[] = [];
  private readonly storage = new Map<bigint, Map<string, string>>();

  constructor(
    private readonly world: WorldState,
    private readonly cfg: StructLoggerConfig,
  ) {}

  frameOpened(info: FrameInfo): void {
    this.addresses.push(info.address);
  }

  frameClosed(): void {
    this.addresses.pop();
  }

  step(s: StepInfo): void {
    const log: StructLog = { pc: s.pc, op: s.opName, gas: Number(s.gas), gasCost: s.gasCost, depth: s.depth + 1 };
    if (!this.cfg.disableStack) log.stack = s.stack.map((v) => '0x' + v.toString(16));
    if (this.cfg.enableReturnData && s.returnData.length > 0)
      log.returnData = '0x' + Buffer.from(s.returnData).toString('hex');
    if (!this.cfg.disableStorage && (s.op === SLOAD || s.op === SSTORE)) {
      const addr = this.addresses[this.addresses.length - 1] ?? 0n;
      let slots = this.storage.get(addr);
      if (!slots) {
        slots = new Map();
        this.storage.set(addr, slots);
      }
      const n = s.stack.length;
      if (s.op === SLOAD && n >= 1) {
        const key = s.stack[n - 1]!;
        slots.set(hex64(key), hex64(this.world.sload(addr, key)));
      } else if (s.op === SSTORE && n >= 2) slots.set(hex64(s.stack[n - 1]!), hex64(s.stack[n - 2]!));
      log.storage = Object.fromEntries(slots);
    }
    if (s.refund !== 0) log.refund = s.refund;
    this.logs.push(log);
  }
}
