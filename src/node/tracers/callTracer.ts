// geth's callTracer (eth/tracers/native/call.go): the call tree with gas, input, output, errors and,
// with `withLog`, the logs of frames that did not fail.
import { word } from '../format.js';
import { addressToHex, bytesToHex } from '../../crypto/bytes.js';
import type { FrameClose, RunObserver } from '../../runner/context.js';
import type { FrameInfo, FrameKind } from '../../runner/frameActor.js';
import { haltMessage, revertReason } from '../evmErrors.js';

export interface CallFrame {
  type: string;
  from: string;
  gas: string;
  gasUsed: string;
  to?: string;
  input: string;
  output?: string;
  error?: string;
  revertReason?: string;
  logs?: { address: string; topics: string[]; data: string; position: string }[];
  value?: string;
  calls?: CallFrame[];
}

const TYPES: Record<FrameKind, string> = {
  call: 'CALL',
  callcode: 'CALLCODE',
  delegatecall: 'DELEGATECALL',
  staticcall: 'STATICCALL',
  create: 'CREATE',
  create2: 'CREATE2',
  hook: 'CALL', // a precompile or system hook: the runner does not keep the calling opcode
};

const qty = (v: bigint | number): string => '0x' + v.toString(16);

export class CallTracer implements RunObserver {
  private readonly stack: CallFrame[] = [];
  root: CallFrame | null = null;

  constructor(private readonly opts: { onlyTopCall: boolean; withLog: boolean }) {}

  frameOpened(info: FrameInfo, _parent: number | null, calldata: Uint8Array): void {
    const f: CallFrame = {
      type: TYPES[info.kind],
      from: addressToHex(info.caller),
      gas: qty(info.gas),
      gasUsed: '0x0',
      to: addressToHex(info.kind === 'delegatecall' || info.kind === 'callcode' ? info.codeAddress : info.address),
      input: bytesToHex(calldata),
    };
    if (info.kind !== 'staticcall') f.value = qty(info.value);
    const parent = this.stack[this.stack.length - 1];
    if (!parent) this.root = f;
    else if (!this.opts.onlyTopCall) {
      parent.calls ??= [];
      parent.calls.push(f);
    }
    this.stack.push(f);
  }

  frameClosed(_id: number, end: FrameClose): void {
    const f = this.stack.pop();
    if (!f) return;
    f.gasUsed = qty(end.gasUsed);
    if (end.returnData.length > 0) f.output = bytesToHex(end.returnData);
    if (end.outcome === 'revert') {
      f.error = 'execution reverted';
      const reason = revertReason(end.returnData);
      if (reason !== undefined) f.revertReason = reason;
    } else if (end.outcome === 'halt') {
      f.error = haltMessage(end.haltReason);
      delete f.output;
    }
    if (end.outcome !== 'success') dropLogs(f);
  }

  log(address: bigint, topics: readonly bigint[], data: Uint8Array): void {
    if (!this.opts.withLog) return;
    const f = this.stack[this.stack.length - 1];
    if (!f || (this.opts.onlyTopCall && this.stack.length > 1)) return;
    f.logs ??= [];
    f.logs.push({
      address: addressToHex(address),
      topics: topics.map(word),
      data: bytesToHex(data),
      position: qty(f.calls?.length ?? 0),
    });
  }

  /** The tree with the top frame's gas and gas used taken from the transaction (as geth). */
  result(gasLimit: bigint, gasUsed: bigint): CallFrame {
    if (!this.root) throw new Error('no frame was executed');
    this.root.gas = qty(gasLimit);
    this.root.gasUsed = qty(gasUsed);
    return this.root;
  }
}

/** geth clears the logs of a failed frame and of its subcalls. */
function dropLogs(f: CallFrame): void {
  delete f.logs;
  for (const c of f.calls ?? []) dropLogs(c);
}
