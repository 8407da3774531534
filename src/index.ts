// zkos-runner public API: the ZKsync OS runner flow over an Ethereum EVM (Cancun, Prague, Osaka), every frame an xstate actor.

// Entry points (seed "Entrypoints")
export {
  runTillCompletion,
  runSingleInteraction,
  type RunOutcome,
  type SingleInteraction,
} from './runner/runner.js';
export { createEnvironment, hooksFor, instructionTableFor, type EnvironmentOptions } from './runner/environment.js';
export type { RunEnvironment, RunObserver, FrameClose } from './runner/context.js';
export { frameLogic, type FrameInfo, type FrameKind, type FrameSnapshot } from './runner/frameActor.js';
export { runnerLogic, FrameHostError, RunPaused } from './runner/runner.js';
export { createStepper, type Stepper, type StepView, type StepFrame } from './debug/stepper.js';

// Transactions
export { processTransaction, type TxReceipt, type TxRejection, type TxResult } from './tx/process.js';
export type { Transaction, TxType, AccessList, AccessListEntry, Authorization } from './tx/types.js';
export { validateTransaction, collectValidationErrors } from './tx/validate.js';
export { TxValidationError } from './tx/errors.js';
export { intrinsicGas } from './tx/intrinsic.js';
export { addressFromSecretKey } from './tx/sender.js';
export { makeTx, type TxInit, type MakeTxContext } from './tx/makeTx.js';
export { DEFAULT_BLOCK } from './runner/defaultBlock.js';

// Profiles and forks
export { ethereum, zksync, type Profile } from './profiles/index.js';
export {
  cancun,
  prague,
  osaka,
  FORKS,
  SUPPORTED_FORKS,
  LATEST_FORK,
  forkByName,
  type Fork,
  type ForkName,
  type BlobSchedule,
} from './forks/index.js';
export { blobBaseFeeAt, blobScheduleAt, nextExcessBlobGas } from './forks/blob.js';
export { signAuthorization, recoverAuthority, authorizationHash } from './tx/authorization.js';
export { encodeSetCodeTx, decodeSetCodeTx, setCodeTxSigningHash, signSetCodeTx } from './tx/setCodeEncoding.js';
export { delegationTarget, designatorFor } from './runner/delegation.js';
export { storeParentBlockHash, HISTORY_STORAGE_ADDRESS } from './runner/blockHashHistory.js';

// World state and system
export {
  WorldState,
  AccountRecord,
  NONEXISTENT,
  type AccountInit,
  type Log,
  type L2ToL1Message,
} from './system/world.js';
export { System } from './system/system.js';
export type { BlockContext, TxContext, Host } from './ee/host.js';
export { stateRoot, storageRoot, logsHash } from './system/stateRoot.js';

// Execution environment interface and the EVM
export * from './ee/types.js';
export { EvmFrame, type StepTracer, type StepInfo } from './ee/evm/interpreter.js';

// Hooks
export { HookRegistry, type SystemHook, type HookCall, type HookResult } from './hooks/registry.js';
export {
  cancunPrecompiles,
  CANCUN_PRECOMPILES,
  PRAGUE_PRECOMPILES,
  OSAKA_PRECOMPILES,
  precompileAddresses,
  rip7212P256VerifyPrecompile,
  type Precompile,
  type PrecompileResult,
  type PrecompileSet,
} from './hooks/precompiles/index.js';

// State tests
export { loadStateTestFile, parseStateTestFile, casesForFork, buildTransaction } from './statetest/fixture.js';
export { runStateTestCase, worldStateRoot, type CaseResult, type RunCaseOptions } from './statetest/runCase.js';
export { DEFAULT_FORKS, isSupportedFork, type SupportedFork } from './statetest/forks.js';
export { postStateDiff, formatPostStateDiff, type AccountDiff, type FieldChange } from './statetest/postStateDiff.js';

// The development node (`zkos node`)
export { startNode, type StartNodeOptions, type RunningNode } from './node/start.js';

// Seeing a run
export { InputError } from './input/parse.js';
export { ArgumentError } from './input/arguments.js';
export { keccak256 } from './crypto/keccak.js';
export { bytesToHex, hexToBytes } from './crypto/bytes.js';
export { runScenario } from './trace/runScenario.js';
export { parseScenario, type Scenario } from './input/scenario.js';
export { TraceRecorder } from './trace/recorder.js';
export { renderTraceHtml } from './trace/html.js';
export { createEip3155Writer } from './trace/eip3155.js';
