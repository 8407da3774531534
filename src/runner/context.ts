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

/** Callbacks for recording a run (the trace view); all optional, all cheap when absent. */
export interface RunObserver extends SystemObserver {
  frameOpened?(info: FrameInfo, parentId: number | null, calldata: Uint8Array): void;
  frameState?(id: number, state: FrameState): void;
  frameClosed?(id: number, end: FrameClose): void;
}

/** How a frame ended, as the observer sees it. */
export interface FrameClose {
  readonly outcome: 'success' | 'revert' | 'halt';
  readonly gasUsed: number;
  readonly returnData: Uint8Array;
  readonly reverted: boolean;
  readonly haltReason?: string;
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
  /** The transaction's native meter (zksync profile); set by `processTransaction`, absent = unmetered. */
  native?: NativeMeter;
}
