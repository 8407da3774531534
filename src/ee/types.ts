// The execution-environment interface between the runner and an EE (brief §3): launch parameters,
// preemption points (spawn a call, spawn a deployment, end), and the results fed back on resume.
// Gas crosses this boundary as bigint (exact for any 64-bit limit); inside an EE it may be a number.

/** A 160-bit account address held as a bigint (Map keys compare bigints by value). */
export type Address = bigint;

/** How a call frame relates to its caller (brief §3.2, `CallModifier`; numbering follows the Rust enum). */
export const CallModifier = {
  NoModifier: 0,
  Constructor: 1,
  Delegate: 2,
  Static: 3,
  DelegateStatic: 4,
  EVMCallcode: 7,
  EVMCallcodeStatic: 8,
} as const;
export type CallModifier = (typeof CallModifier)[keyof typeof CallModifier];

/** The EVM opcode that produced a call request; kept for traces and the frame tree. */
export type CallKind = 'call' | 'callcode' | 'delegatecall' | 'staticcall';

/**
 * A request to run code at another address (brief §3.2 `ExternalCallRequest`).
 * In a spawn request `gasAvailable` is the caller's whole remaining gas and `gasRequested` what it asked
 * to forward (the runner applies charges, 63/64 and the stipend). In launch parameters the callee's
 * budget is `gasAvailable`.
 */
export interface ExternalCallRequest {
  readonly type: 'call';
  readonly kind: CallKind;
  /** Account whose context issues the call (for DELEGATECALL: the current `this`). */
  readonly caller: Address;
  /** Address whose code runs (for DELEGATECALL/CALLCODE: the code address). */
  readonly callee: Address;
  /** msg.sender of the calling frame; becomes msg.sender of a DELEGATECALL callee. */
  readonly callersCaller: Address;
  readonly modifier: CallModifier;
  /**
   * The call's input: a view of the caller's memory (revm's shared-buffer input; ZKsync OS passes a slice of
   * the caller's heap), unchanged while the callee runs because the caller is suspended. Readers never mutate
   * it, and anything that keeps it past the call keeps a copy.
   */
  readonly calldata: Uint8Array;
  /** CALLVALUE seen by the callee; for DELEGATECALL the parent's value, which is never transferred. */
  readonly value: bigint;
  /** Gas the caller asked to forward (the stack argument, unclipped). */
  readonly gasRequested: bigint;
  /** The caller's whole remaining gas at the moment of the request. */
  readonly gasAvailable: bigint;
}

/** CREATE or CREATE2 (brief §3.2 `DeploymentPreparationParameters` + EVM `CreateScheme`). */
export interface DeploymentRequest {
  readonly type: 'create';
  readonly scheme: 'create' | 'create2';
  readonly deployer: Address;
  readonly initcode: Uint8Array;
  readonly value: bigint;
  /** Only for CREATE2. */
  readonly salt: bigint;
  /** All the deployer's remaining gas (the EE hands over everything, brief §2.7). */
  readonly gasAvailable: bigint;
  /** Set for a deployment transaction: use this nonce for the address and do not bump. */
  readonly deployerNonce?: bigint;
}

export type SpawnRequest = ExternalCallRequest | DeploymentRequest;

/** How a frame ended. `halt` is an exceptional halt: remaining gas is burned, return data empty. */
export type EndStatus = 'success' | 'revert' | 'halt';

/**
 * Reasons a frame or transaction halts exceptionally (names follow geth/evmone errors where they exist).
 * `OutOfNative` (zksync profile, brief §7) halts the whole transaction, not one frame.
 */
export type HaltReason =
  | 'OutOfGas'
  | 'StackUnderflow'
  | 'StackOverflow'
  | 'InvalidJump'
  | 'InvalidOpcode'
  | 'StaticStateChange'
  | 'ReturnDataOutOfBounds'
  | 'InitcodeSizeLimit'
  | 'CodeSizeLimit'
  | 'InvalidCodePrefix'
  | 'CallFailedToExecute'
  | 'PrecompileFailure'
  | 'OutOfNative';

/** The frame finished (brief §3.2 `CompletedExecution` / `CompletedDeployment`). */
export interface FrameEnd {
  readonly type: 'end';
  readonly status: EndStatus;
  readonly gasLeft: bigint;
  readonly returnData: Uint8Array;
  readonly haltReason?: HaltReason;
  /** For a constructor that succeeded: the code to deposit (the runner charges the deposit). */
  readonly deployedCode?: Uint8Array;
}

/** What `run`/`continue*` return: either a nested request or the end of the frame. */
export type PreemptionPoint = { readonly type: 'spawn'; readonly request: SpawnRequest } | FrameEnd;

/** Result of a nested call fed back to the caller (brief §3.2 `CallResult`). */
export interface CallResult {
  /**
   * `halt`: the callee halted exceptionally (its gas is gone). `failedToExecute`: preparation charges
   * could not be paid; the caller frame itself fails.
   */
  readonly status: 'success' | 'revert' | 'halt' | 'failedToExecute';
  /** Gas handed back to the caller: its kept part plus the callee's leftover. */
  readonly gasReturned: bigint;
  readonly returnData: Uint8Array;
  readonly haltReason?: HaltReason;
}

/** Result of a nested deployment fed back to the deployer (brief §3.2 `DeploymentResult`). */
export interface DeploymentResult {
  readonly status: 'success' | 'revert' | 'halt';
  readonly gasReturned: bigint;
  /** Deployed address on success. */
  readonly address: Address;
  /** Revert data (empty on success and on halts; ZKsync returns the bad code, brief §9). */
  readonly returnData: Uint8Array;
}

/** Parameters to start an EVM frame (brief §3.2 `ExecutionEnvironmentLaunchParams`). */
export interface LaunchParams {
  /** `this` of the frame (storage, logs, SELFBALANCE). */
  readonly address: Address;
  /** Address whose code runs (differs from `address` for DELEGATECALL/CALLCODE). */
  readonly codeAddress: Address;
  /** msg.sender. */
  readonly caller: Address;
  readonly value: bigint;
  readonly calldata: Uint8Array;
  readonly code: Uint8Array;
  readonly gas: bigint;
  readonly isStatic: boolean;
  readonly isConstructor: boolean;
  /** Call depth of this frame; the top-level frame is 0. */
  readonly depth: number;
}

/** An execution environment instance: one per frame, resumable at its preemption points (brief §3.1). */
export interface ExecutionEnvironment {
  /** Native resource its instructions used so far (brief §7), charged by the runner; optional for other EEs. */
  readonly native?: number;
  start(): PreemptionPoint;
  continueAfterCall(result: CallResult): PreemptionPoint;
  continueAfterDeployment(result: DeploymentResult): PreemptionPoint;
}
