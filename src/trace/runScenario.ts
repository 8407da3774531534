// Runs a parsed scenario (src/input/scenario.ts): loads the pre-state, executes each transaction through
// `processTransaction` and optionally records it (TraceRecorder), step-traces it (EIP-3155) and forwards
// xstate inspection to the runner and every frame actor.
import type { InspectionEvent, Observer } from 'xstate';
import type { Scenario, ScenarioL1Fields, ScenarioTx } from '../input/scenario.js';
import { processL1Transaction, type L1Receipt, type L1Transaction } from '../tx/l1.js';
import type { StepInfo, StepTracer } from '../ee/evm/trace.js';
import { addressToHex } from '../crypto/bytes.js';
import { createEnvironment } from '../runner/environment.js';
import { storeParentBlockHash } from '../runner/blockHashHistory.js';
import { WorldState } from '../system/world.js';
import { processTransaction, type TxResult } from '../tx/process.js';
import type { Transaction } from '../tx/types.js';
import { AbiRegistry } from './abi.js';
import { annotateTrace } from './annotate.js';
import { TraceRecorder } from './recorder.js';
import type { RunTrace, ZksyncTxInfo } from './schema.js';

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

/** An L1→L2 or upgrade transaction from its scenario entry. */
function toL1Transaction(t: ScenarioTx, l1: ScenarioL1Fields): L1Transaction {
  return {
    type: l1.type,
    from: t.from,
    to: t.to ?? 0n,
    gasLimit: t.gasLimit,
    gasPerPubdataLimit: l1.gasPerPubdataLimit,
    maxFeePerGas: t.maxFeePerGas ?? t.gasPrice ?? 0n,
    maxPriorityFeePerGas: t.maxPriorityFeePerGas ?? 0n,
    nonce: t.nonce ?? 0n,
    value: t.value,
    mint: l1.mint,
    refundRecipient: l1.refundRecipient,
    data: t.data,
    factoryDeps: l1.factoryDeps,
  };
}

const hex = (v: bigint): string => `0x${v.toString(16)}`;

/** The zksync part of a receipt as the trace records it (`TxTrace.zksync`). */
function zksyncInfo(r: TxResult): ZksyncTxInfo | undefined {
  if (!r.valid || r.pubdata === undefined || r.nativeUsed === undefined) return undefined;
  const { gasPerPubdata, ...bytes } = r.pubdata;
  const l1 = 'l1' in r ? (r as { l1: L1Receipt }).l1 : undefined;
  return {
    pubdata: { ...bytes, gasPerPubdata: hex(gasPerPubdata) },
    nativeUsed: hex(r.nativeUsed),
    ...(l1
      ? {
          l1: {
            kind: l1.kind,
            txHash: `0x${l1.txHash.toString(16).padStart(64, '0')}`,
            fee: hex(l1.fee),
            refundRecipient: `0x${l1.refundRecipient.toString(16).padStart(40, '0')}`,
            refund: hex(l1.refund),
          },
        }
      : {}),
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
    ...(scenario.nativePrice !== undefined ? { nativePrice: scenario.nativePrice } : {}),
    ...(scenario.gasPerPubdata !== undefined ? { gasPerPubdata: scenario.gasPerPubdata } : {}),
  });
  // EIP-2935: with a parent hash and the history contract deployed, the block starts with its system call.
  if (scenario.parentHash !== undefined) storeParentBlockHash(env, scenario.parentHash);
  const transactions: Transaction[] = [];
  const results: TxResult[] = [];
  scenario.transactions.forEach((st, i) => {
    const tx = toTransaction(st, world, scenario.block.chainId);
    recorder?.beginTransaction({
      ...tx,
      from: tx.sender,
      ...(st.l1 ? { type: st.l1.type } : {}),
      ...(st.label !== undefined ? { label: st.label } : {}),
    });
    const result = st.l1
      ? processL1Transaction(env, toL1Transaction(st, st.l1), { firstInBlock: i === 0 })
      : processTransaction(env, tx);
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
          ...(zksyncInfo(result) ? { zksync: zksyncInfo(result) } : {}),
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
