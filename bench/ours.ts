// Runs a workload on zkos-runner: a fresh WorldState with the code at the target, then
// runSingleInteraction (the entry frame pays no intrinsic gas, so gas used = gasLimit - gasLeft).
import type { InspectionEvent } from 'xstate';
import { ethereum } from '../src/profiles/ethereum.js';
import { createEnvironment } from '../src/runner/environment.js';
import { runSingleInteraction, type RunOutcome } from '../src/runner/runner.js';
import type { BlockContext } from '../src/ee/host.js';
import { WorldState, type AccountInit } from '../src/system/world.js';
import type { StepTracer } from '../src/ee/evm/interpreter.js';
import type { Workload } from './workloads.js';
import { now } from './util.js';

/** A neutral Cancun block (the workloads do not read it). */
export const BENCH_BLOCK: BlockContext = Object.freeze({
  coinbase: 0n,
  number: 1n,
  timestamp: 1n,
  gasLimit: 30_000_000_000n,
  baseFee: 0n,
  prevRandao: 0n,
  difficulty: 0n,
  chainId: 1n,
  excessBlobGas: 0n,
  blobBaseFee: 1n,
});

export interface RunResult {
  readonly ms: number;
  readonly status: string;
  readonly output: Uint8Array;
  readonly gasUsed: number;
  readonly refund: number;
}

export interface OursOptions {
  readonly inspect?: (e: InspectionEvent) => void;
  readonly tracer?: StepTracer;
}

/** The pre-state of a workload. */
export function buildWorld(w: Workload): WorldState {
  const accounts: [bigint, AccountInit][] = [[w.to, { code: w.code, balance: w.toBalance ?? 0n }]];
  for (const a of w.extraAccounts ?? []) accounts.push([a.address, { code: a.code, balance: a.balance ?? 0n }]);
  if (w.value !== 0n) accounts.push([w.caller, { balance: w.value }]);
  return WorldState.fromAccounts(accounts);
}

/** One fresh-state run; only the call itself is timed. */
export function runOurs(w: Workload, opts: OursOptions = {}): RunResult {
  const world = buildWorld(w);
  const env = createEnvironment({
    profile: ethereum,
    world,
    block: BENCH_BLOCK,
    inspect: opts.inspect,
    tracer: opts.tracer,
  });
  const t0 = now();
  const out: RunOutcome = runSingleInteraction(env, {
    caller: w.caller,
    callee: w.to,
    calldata: w.calldata,
    value: w.value,
    gas: BigInt(w.gasLimit),
  });
  const ms = now() - t0;
  return {
    ms,
    status: out.status,
    output: out.returnData,
    gasUsed: w.gasLimit - Number(out.gasLeft),
    refund: world.refund,
  };
}

/** Executed instructions, counted with the step tracer (slow; run once). */
export function countInstructionsOurs(w: Workload): number {
  let n = 0;
  runOurs(w, { tracer: { step: () => void n++ } });
  return n;
}
