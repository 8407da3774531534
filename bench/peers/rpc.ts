// What the JSON-RPC peers share: the eth_call of a workload with a state override that places its code (and
// balances) in the pre-state, the empty call that measures the transport, and the reply's decoding.
import type { RunResult } from '../ours.js';
import type { Workload } from '../workloads.js';
import { bytesToHex, hexToBytes } from '../util.js';

const hexAddr = (a: bigint): string => `0x${a.toString(16).padStart(40, '0')}`;
const hexQty = (n: bigint | number): string => `0x${n.toString(16)}`;

/** The eth_call params: from/to/data/value/gas, 'latest', and the state override (EIP: geth's stateOverride). */
export function ethCallParams(w: Workload): unknown[] {
  const override: Record<string, { code?: string; balance?: string }> = {
    [hexAddr(w.to)]: { code: bytesToHex(w.code), balance: hexQty(w.toBalance ?? 0n) },
  };
  for (const a of w.extraAccounts ?? []) {
    override[hexAddr(a.address)] = { code: bytesToHex(a.code), balance: hexQty(a.balance ?? 0n) };
  }
  if (w.value !== 0n) override[hexAddr(w.caller)] = { balance: hexQty(w.value) };
  const tx = {
    from: hexAddr(w.caller),
    to: hexAddr(w.to),
    data: bytesToHex(w.calldata),
    value: hexQty(w.value),
    gas: hexQty(w.gasLimit),
  };
  return [tx, 'latest', override];
}

/** A workload whose code is a single STOP: its eth_call time is the peer's fixed cost per call (transport). */
export function emptyWorkload(): Workload {
  return {
    name: 'empty',
    kind: 'synthetic',
    code: new Uint8Array([0]),
    calldata: new Uint8Array(0),
    caller: 0x1000000000000000000000000000000000000001n,
    to: 0xbe7c43a580000000000000000000000000000001n,
    value: 0n,
    gasLimit: 1_000_000,
  };
}

/** eth_call reports no gas: peers are checked on status and output only (gasUsed/refund NaN). */
export function resultOf(reply: unknown, ms: number): RunResult {
  const r = reply as { result?: string; error?: { message?: string; data?: unknown } };
  if (typeof r.result === 'string') {
    return { ms, status: 'success', output: hexToBytes(r.result), gasUsed: NaN, refund: NaN };
  }
  return {
    ms,
    status: `error: ${r.error?.message ?? JSON.stringify(reply).slice(0, 200)}`,
    output: new Uint8Array(0),
    gasUsed: NaN,
    refund: NaN,
  };
}
