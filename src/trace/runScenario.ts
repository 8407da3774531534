// Runs a parsed scenario (src/input/scenario.ts): loads the pre-state, executes each transaction through
// `processTransaction` and optionally records it (TraceRecorder), step-traces it (EIP-3155) and forwards
// xstate inspection to the runner and every frame actor.
import type { InspectionEvent, Observer } from 'xstate';
import type { Scenario, ScenarioTx } from '../input/scenario.js';
import type { StepInfo, StepTracer } from '../ee/evm/trace.js';
import { addressToHex } from '../crypto/bytes.js';
import { createEnvironment } from '../runner/environment.js';
import { WorldState } from '../system/world.js';
import { processTransaction, type TxResult } from '../tx/process.js';
import type { Transaction } from '../tx/types.js';
import { AbiRegistry } from './abi.js';
import { annotateTrace } from './annotate.js';
import { TraceRecorder } from './recorder.js';
import type { RunTrace } from './schema.js';

export interface RunScenarioOptions {
  /** Record the run into a `RunTrace` (default true). */
  readonly record?: boolean;
  /** EIP-3155 step tracer; `afterTransaction` is called after each transaction (summary line). */
  readonly tracer?: StepTracer;
  /** Keep each frame's opcode steps in the trace (bounded, STEP_LIMITS); default: on when `tracer` is given. */
  readonly steps?: boolean;
  readonly afterTransaction?: (tx: Transaction, result: TxResult, index: number) => void;
  /** xstate inspection observer, e.g. `createBrowserInspector().inspect`. */
  readonly inspect?: Observer<InspectionEvent> | ((event: InspectionEvent) => void);
}

export interface ScenarioRun {
  readonly world: WorldState;
  readonly transactions: readonly Transaction[];
  readonly results: readonly TxResult[];
  /** Present when recording. */
  readonly trace?: RunTrace;
  readonly recorder?: TraceRecorder;
}

/** The transaction a scenario entry describes; the nonce defaults to the sender's current nonce. */
export function toTransaction(t: ScenarioTx, world: WorldState, chainId: bigint): Transaction {
  return {
    type: t.type,
    chainId,
    nonce: t.nonce ?? world.getAccount(t.from).nonce,
    gasLimit: t.gasLimit,
    to: t.to,
    value: t.value,
    data: t.data,
    ...(t.gasPrice !== undefined ? { gasPrice: t.gasPrice } : {}),
    ...(t.maxFeePerGas !== undefined ? { maxFeePerGas: t.maxFeePerGas } : {}),
    ...(t.maxPriorityFeePerGas !== undefined ? { maxPriorityFeePerGas: t.maxPriorityFeePerGas } : {}),
    accessList: t.accessList,
    blobVersionedHashes: [],
    ...(t.authorizationList !== undefined
      ? {
          authorizationList: t.authorizationList.map((a) => ({
            chainId: a.chainId ?? chainId,
            address: a.address,
            // Default: the authority's nonce when it applies (after the sender's own bump).
            nonce: a.nonce ?? world.getAccount(a.authority).nonce + (a.authority === t.from ? 1n : 0n),
            yParity: 0n,
            r: 0n,
            s: 0n,
            authority: a.authority,
          })),
        }
      : {}),
    sender: t.from,
  };
}

/** Executes every transaction of `scenario` in order against its pre-state. */
export function runScenario(scenario: Scenario, opts: RunScenarioOptions = {}): ScenarioRun {
  const world = WorldState.fromAccounts(scenario.pre);
  const record = opts.record ?? true;
  const recorder = record
    ? new TraceRecorder(
        {
          name: scenario.name,
          ...(scenario.description !== undefined ? { description: scenario.description } : {}),
          profile: scenario.profile.name,
          block: { ...scenario.block },
        },
        scenario.labels,
      )
    : undefined;
  if (recorder) recorder.attach(world);
  const keepSteps = recorder !== undefined && (opts.steps ?? opts.tracer !== undefined);
  const tracer = keepSteps ? (opts.tracer ? tee(recorder, opts.tracer) : recorder) : opts.tracer;
  const env = createEnvironment({
    profile: scenario.profile,
    fork: scenario.fork,
    world,
    block: scenario.block,
    ...(recorder ? { observer: recorder } : {}),
    ...(tracer ? { tracer } : {}),
    ...(opts.inspect ? { inspect: opts.inspect } : {}),
  });
  const transactions: Transaction[] = [];
  const results: TxResult[] = [];
  scenario.transactions.forEach((st, i) => {
    const tx = toTransaction(st, world, scenario.block.chainId);
    recorder?.beginTransaction({ ...tx, from: tx.sender, ...(st.label !== undefined ? { label: st.label } : {}) });
    const result = processTransaction(env, tx);
    if (recorder) {
      if (result.valid) {
        recorder.endTransaction({
          valid: true,
          status: result.status,
          ...(result.haltReason !== undefined ? { haltReason: result.haltReason } : {}),
          gasUsed: result.gasUsed,
          gasRefunded: result.gasRefunded,
          returnData: result.returnData,
          ...(result.createdAddress !== undefined ? { createdAddress: result.createdAddress } : {}),
          logs: result.logs,
        });
      } else {
        recorder.endTransaction({ valid: false, error: `${result.error.code}: ${result.error.message}` });
      }
    }
    transactions.push(tx);
    results.push(result);
    opts.afterTransaction?.(tx, result, i);
  });
  const trace = recorder ? annotateTrace(recorder.toJSON(), scenarioAbis(scenario)) : undefined;
  return { world, transactions, results, ...(recorder && trace ? { trace, recorder } : {}) };
}

function tee(a: StepTracer, b: StepTracer): StepTracer {
  return {
    step(info: StepInfo): void {
      a.step(info);
      b.step(info);
    },
  };
}

/** The scenario's ABIs as a registry (Error(string) and Panic(uint256) are always known). */
function scenarioAbis(scenario: Scenario): AbiRegistry {
  const abis = scenario.abis ?? { all: [], byAddress: new Map() };
  const byAddress = new Map([...abis.byAddress].map(([a, entries]) => [addressToHex(a), entries] as const));
  return new AbiRegistry(abis.all, byAddress);
}
