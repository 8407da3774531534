// Runs one EvmFrame over a MockHost for opcode tests and reports the end, gas used and state.
import type { FrameEnd, LaunchParams, PreemptionPoint } from '../../src/ee/types.js';
import { EvmFrame, type StepTracer } from '../../src/ee/evm/interpreter.js';
import { buildInstructionTable } from '../../src/ee/evm/opcodes.js';
import type { InstructionTable } from '../../src/ee/evm/frame.js';
import { CANCUN_CONFIG } from '../../src/ee/evm/config.js';
import { MockHost } from './mockHost.js';
import type { Asm } from './bytecode.js';

export const CANCUN_TABLE: InstructionTable = buildInstructionTable(CANCUN_CONFIG);
export const NO_REFUND_TABLE: InstructionTable = buildInstructionTable({
  sstoreRefunds: false,
  blobOpcodesStubbed: false,
});

export const THIS = 0xc0den;
export const CALLER = 0xca11e4n;

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
  return { frame: new EvmFrame(params, host, o.table ?? CANCUN_TABLE, o.tracer), host, params };
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
  const { frame, host, params } = launch(code, o);
  const end = expectEnd(frame.start());
  return { end, host, frame, gasUsed: params.gas - end.gasLeft };
}

/** Runs code that ends with the top of the stack returned as a word; returns that word. */
export function returnedWord(r: RunResult): bigint {
  if (r.end.status !== 'success') throw new Error(`frame ended with ${r.end.status} ${r.end.haltReason ?? ''}`);
  let v = 0n;
  for (const b of r.end.returnData) v = (v << 8n) | BigInt(b);
  return v;
}
