// Runs one EvmFrame over a MockHost for opcode tests and reports the end, gas used and state.
import type { FrameEnd, LaunchParams, PreemptionPoint } from '../../src/ee/types.js';
import { EvmFrame, type StepTracer } from '../../src/ee/evm/interpreter.js';
import { buildInstructionTable } from '../../src/ee/evm/opcodes.js';
import type { InstructionTable } from '../../src/ee/evm/frame.js';
import { CANCUN_CONFIG } from '../../src/ee/evm/config.js';
import { MockHost } from './mockHost.js';
import { ZKSYNC_EVM_NATIVE_COSTS } from '../../src/profiles/zksyncEvmNative.js';
import type { Asm } from './bytecode.js';
import { afterAll, beforeAll, describe } from 'vitest';

export const CANCUN_TABLE: InstructionTable = buildInstructionTable(CANCUN_CONFIG);
/** Cancun with ZKsync OS's per-opcode native: its frames run `runLoopNative`. */
const CANCUN_NATIVE_TABLE: InstructionTable = buildInstructionTable({
  ...CANCUN_CONFIG,
  native: ZKSYNC_EVM_NATIVE_COSTS,
});
export const NO_REFUND_TABLE: InstructionTable = buildInstructionTable({
  sstoreRefunds: false,
  blobOpcodesStubbed: false,
});

export const THIS = 0xc0den;
export const CALLER = 0xca11e4n;

/** Which step loop `launch` and `run` use when the test gives no tracer of its own. */
export type LoopMode = 'untraced' | 'traced' | 'native';
let loopMode: LoopMode = 'untraced';

/** Counts the steps the traced loop reports and checks nothing else (the no-op tracer of the traced mode). */
class CountingTracer implements StepTracer {
  steps = 0;
  step(): void {
    this.steps++;
  }
}

/**
 * `describe` three times: on the untraced loop, on the traced loop (with a no-op tracer) and on the untraced loop
 * of a table that meters native (`runLoopNative`, for tests that pass no table), so every opcode test checks
 * every generated loop. In the traced mode `run` also checks that the tracer saw exactly the
 * frame's step count.
 */
export function describeBothLoops(name: string, body: () => void): void {
  describe.each(['untraced', 'traced', 'native'] as const)(`${name} (%s loop)`, (mode) => {
    beforeAll(() => {
      loopMode = mode;
    });
    afterAll(() => {
      loopMode = 'untraced';
    });
    body();
  });
}

export interface RunOptions extends Partial<Omit<LaunchParams, 'code'>> {
  host?: MockHost;
  table?: InstructionTable;
  tracer?: StepTracer;
}

export function launch(
  code: Uint8Array | Asm,
  o: RunOptions = {},
): { frame: EvmFrame; host: MockHost; params: LaunchParams } {
  const host = o.host ?? new MockHost();
  const params: LaunchParams = {
    address: o.address ?? THIS,
    codeAddress: o.codeAddress ?? o.address ?? THIS,
    caller: o.caller ?? CALLER,
    value: o.value ?? 0n,
    calldata: o.calldata ?? new Uint8Array(0),
    code: code instanceof Uint8Array ? code : code.toBytes(),
    gas: o.gas ?? 1_000_000n,
    isStatic: o.isStatic ?? false,
    isConstructor: o.isConstructor ?? false,
    depth: o.depth ?? 0,
  };
  const tracer = o.tracer ?? (loopMode === 'traced' ? new CountingTracer() : undefined);
  const table = o.table ?? (loopMode === 'native' ? CANCUN_NATIVE_TABLE : CANCUN_TABLE);
  return { frame: new EvmFrame(params, host, table, tracer), host, params };
}

export interface RunResult {
  end: FrameEnd;
  host: MockHost;
  frame: EvmFrame;
  /** Launch gas minus `end.gasLeft` (bigint, like all gas at the EE boundary). */
  gasUsed: bigint;
}

function expectEnd(p: PreemptionPoint): FrameEnd {
  if (p.type !== 'end') throw new Error(`expected the frame to end, got a ${p.request.type} request`);
  return p;
}

/** Runs code that makes no calls to completion. */
export function run(code: Uint8Array | Asm, o: RunOptions = {}): RunResult {
  const counter = o.tracer === undefined && loopMode === 'traced' ? new CountingTracer() : undefined;
  const { frame, host, params } = launch(code, counter === undefined ? o : { ...o, tracer: counter });
  const end = expectEnd(frame.start());
  if (counter !== undefined && counter.steps !== frame.steps) {
    throw new Error(`traced loop reported ${counter.steps} steps, the frame counted ${frame.steps}`);
  }
  return { end, host, frame, gasUsed: params.gas - end.gasLeft };
}

/** Runs code that ends with the top of the stack returned as a word; returns that word. */
export function returnedWord(r: RunResult): bigint {
  if (r.end.status !== 'success') throw new Error(`frame ended with ${r.end.status} ${r.end.haltReason ?? ''}`);
  let v = 0n;
  for (const b of r.end.returnData) v = (v << 8n) | BigInt(b);
  return v;
}
