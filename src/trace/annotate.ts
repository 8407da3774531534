// Adds what people read to a recorded trace: the function each frame and transaction calls, return values,
// revert reasons and event names (src/trace/abi.ts). Pure: returns a new trace.
import type { AbiRegistry } from './abi.js';
import type { FrameTrace, LogEntry, RunTrace, TxTrace } from './schema.js';

const isCreate = (k: FrameTrace['kind']): boolean => k === 'create' || k === 'create2';

/** The trace with `call`, `returns`, `revertReason` and log `event` fields filled in where an ABI fits. */
export function annotateTrace(trace: RunTrace, abis: AbiRegistry): RunTrace {
  const log = (l: LogEntry): LogEntry => {
    const event = abis.decodeEvent(l.address, l.topics, l.data);
    return event ? { ...l, event } : l;
  };
  const frames = trace.frames.map((f): FrameTrace => {
    const call = isCreate(f.kind) || f.kind === 'hook' ? undefined : abis.decodeCall(f.codeAddress, f.input);
    const returns =
      call && f.outcome === 'success' ? abis.decodeReturn(f.codeAddress, f.input, f.returnData) : undefined;
    const revertReason = f.outcome === 'revert' ? abis.decodeRevert(f.codeAddress, f.returnData) : undefined;
    return {
      ...f,
      ...(call ? { call } : {}),
      ...(returns ? { returns } : {}),
      ...(revertReason ? { revertReason } : {}),
      logs: f.logs.map(log),
    };
  });
  const transactions = trace.transactions.map((t): TxTrace => {
    const call = t.to === null ? undefined : abis.decodeCall(t.to, t.data);
    const root = t.rootFrame === null ? undefined : frames[t.rootFrame];
    const revertReason =
      t.status === 'revert' && t.returnData !== undefined
        ? abis.decodeRevert(root?.codeAddress ?? t.to ?? undefined, t.returnData)
        : undefined;
    return { ...t, ...(call ? { call } : {}), ...(revertReason ? { revertReason } : {}), logs: t.logs.map(log) };
  });
  return { ...trace, frames, transactions };
}
