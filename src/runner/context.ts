// What one run needs: the system, the profile, the hook registry, the EE factory and observers.
import type { InspectionEvent, Observer } from 'xstate';
import type { ExecutionEnvironment, LaunchParams } from '../ee/types.js';
import type { HookRegistry } from '../hooks/registry.js';
import type { Profile } from '../profiles/types.js';
import type { Fork } from '../forks/types.js';
import type { TxValidationParams } from '../tx/validate.js';
import type { System, SystemObserver } from '../system/system.js';
import type { NativeMeter } from '../system/resources.js';
import type { FrameInfo } from './frameActor.js';
import type { FrameState } from '../../machines/frame.machine.js';
import type { RunnerState } from '../../machines/runner.machine.js';

/** Callbacks for recording a run (the trace view); all optional, all cheap when absent. */
export interface RunObserver extends SystemObserver {
  /** `calldata` (or the init code) is valid during this callback only (a call's input is a view of its caller's memory). */
  frameOpened?(info: FrameInfo, parentId: number | null, calldata: Uint8Array): void;
  frameState?(id: number, state: FrameState): void;
  frameClosed?(id: number, end: FrameClose): void;
  /**
   * One transition of the runner chart: state before, the event, state after, and who sent the event
   * (`frame-N`, `runner` for an event the runner raised, `entry` for the initial request).
   */
  runnerStep?(from: RunnerState, event: string, to: RunnerState, source: string): void;
}

/** How a frame ended, as the observer sees it. */
export interface FrameClose {
  readonly outcome: 'success' | 'revert' | 'halt';
  readonly gasUsed: number;
  readonly returnData: Uint8Array;
  readonly reverted: boolean;
  readonly haltReason?: string;
  /** Why the runner answered the request without running code (refused in preparation, depth, balance). */
  readonly reason?: string;
  readonly createdAddress?: bigint;
}

/** Everything `runTillCompletion` needs besides the request. */
export interface RunEnvironment {
  readonly system: System;
  readonly profile: Profile;
  /** The Ethereum fork (zksync: Cancun): precompiles, transaction rules, EIP-7702 delegation. */
  readonly fork: Fork;
  /** Transaction rules in force: the profile's own (zksync) or the fork's. */
  readonly txParams: TxValidationParams;
  readonly hooks: HookRegistry;
  /** Creates the EE for a frame (the EVM interpreter with the profile's instruction table). */
  readonly createEvm: (params: LaunchParams) => ExecutionEnvironment;
  /** Nested frames beyond this height fail (Ethereum and ZKsync: 1024; tests may raise it). */
  readonly maxDepth?: number;
  /** xstate inspection observer, forwarded to the runner and every frame actor. */
  readonly inspect?: Observer<InspectionEvent> | ((event: InspectionEvent) => void);
  readonly observer?: RunObserver;
  /** Price of one unit of native (zksync; brief §7.3); absent = the simulation rate of 100 native per gas. */
  readonly nativePrice?: bigint;
  /** Block gas per pubdata byte (zksync, brief §7.3); absent = 1 (the non-EIP-712 user limit). */
  readonly gasPerPubdata?: bigint;
  /** Debugging hooks (the stepper); absent in normal runs. */
  readonly debug?: RunDebugHooks;
  /** The transaction's native meter (zksync profile); set by `processTransaction`, absent = unmetered. */
  native?: NativeMeter;
}

/** Hooks for debuggers: called by the runner before it handles each event of its mailbox. */
export interface RunDebugHooks {
  beforeRunnerEvent?(runner: RunnerView, event: { readonly type: string }): void;
}

/** What a debugger may read of a running runner. */
export interface RunnerView {
  readonly state: RunnerState;
  /** The callstack, bottom first: each frame's facts, actor (state) and execution (pc, gas, stack). */
  readonly frames: readonly {
    readonly info: FrameInfo;
    readonly actor: { getSnapshot(): { readonly value: unknown } };
    readonly ee: unknown;
  }[];
}
