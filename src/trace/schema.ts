// The JSON written by `zkos run --out` (docs/trace-schema.md). Every number that can exceed 2^53 (values,
// balances, slots, gas of a transaction) is a 0x-prefixed hex string; addresses are 20-byte lowercase hex.

/** Schema version; bumped on any incompatible change. */
export const TRACE_VERSION = 1;

export type Hex = string;

/** Where a timeline entry happens (the lanes of the seed's flow diagram). */
export type Lane = 'bootloader' | 'ee' | 'system';

export interface RunTrace {
  readonly version: typeof TRACE_VERSION;
  readonly tool: 'zkos-runner';
  readonly scenario: { readonly name: string; readonly description?: string; readonly profile: 'ethereum' | 'zksync' };
  /** Display names of addresses. */
  readonly labels: Readonly<Record<Hex, string>>;
  readonly block: Readonly<Record<string, Hex>>;
  readonly transactions: readonly TxTrace[];
  /** Every frame of every transaction; `frames[i].id === i`. */
  readonly frames: readonly FrameTrace[];
  /** The whole run in order; `seq` numbers order all events of the trace. */
  readonly timeline: readonly TimelineEntry[];
  /** Every transition of the runner chart (one per runner event and per event it raised), in order. */
  readonly runner?: readonly RunnerStepTrace[];
  /** The charts that ran (machines/): the viewer draws them. */
  readonly charts?: { readonly runner: unknown; readonly frame: unknown };
}

/** One transition of the runner actor: who sent which event, the runner's state before and after. */
export interface RunnerStepTrace {
  readonly seq: number;
  readonly tx: number;
  /** `frame-N` (runner-local id of the transaction's frame, see `frame`), `runner` (raised), `entry`. */
  readonly source: string;
  /** Trace frame id of the sending frame, when a frame sent it. */
  readonly frame: number | null;
  readonly event: string;
  readonly from: string;
  readonly to: string;
}

export interface TxTrace {
  readonly index: number;
  readonly label?: string;
  readonly type: number;
  readonly from: Hex;
  readonly to: Hex | null;
  readonly nonce: Hex;
  readonly value: Hex;
  readonly gasLimit: Hex;
  readonly gasPrice?: Hex;
  readonly maxFeePerGas?: Hex;
  readonly maxPriorityFeePerGas?: Hex;
  readonly data: Hex;
  /** False when validation rejected the transaction (nothing changed). */
  readonly valid: boolean;
  /** Validation error code and message of a rejected transaction. */
  readonly error?: string;
  readonly status?: 'success' | 'revert' | 'halt';
  readonly haltReason?: string;
  readonly gasUsed?: Hex;
  readonly gasRefunded?: Hex;
  readonly returnData?: Hex;
  readonly createdAddress?: Hex;
  /** Id of the frame the transaction ran (null when rejected). */
  readonly rootFrame: number | null;
  /** Logs that survived (the receipt's logs). */
  readonly logs: readonly LogEntry[];
  /** Committed state before → after this transaction. */
  readonly stateChanges: readonly AccountChange[];
  /** Account changes made outside any frame: gas purchase, nonce bump, refund, fees. */
  readonly outsideFrames: readonly AccountEvent[];
  readonly startSeq: number;
  readonly endSeq: number;
}

export type FrameKind = 'call' | 'callcode' | 'delegatecall' | 'staticcall' | 'create' | 'create2' | 'hook';

export interface FrameTrace {
  readonly id: number;
  readonly parent: number | null;
  readonly children: readonly number[];
  readonly tx: number;
  /** 0 for the transaction's frame. */
  readonly depth: number;
  readonly kind: FrameKind;
  readonly caller: Hex;
  /** The account whose storage and balance the frame uses (`this`). */
  readonly address: Hex;
  /** Where the code came from (differs for DELEGATECALL / CALLCODE). */
  readonly codeAddress: Hex;
  readonly value: Hex;
  /** Gas given to the frame. */
  readonly gas: number;
  readonly gasUsed: number;
  readonly outcome: 'success' | 'revert' | 'halt';
  readonly haltReason?: string;
  /** Why the runner answered without running code (refused in preparation: balance, nonce, collision, depth). */
  readonly reason?: string;
  readonly createdAddress?: Hex;
  /** Calldata (constructor frames: the initcode). */
  readonly input: Hex;
  readonly returnData: Hex;
  /** Frame actor states in order, starting with `preparing`. */
  readonly transitions: readonly { readonly state: string; readonly seq: number }[];
  /** The frame's own outcome was not success, so its snapshot was reverted. */
  readonly reverted: boolean;
  /** Its effects were rolled back: by its own revert or an ancestor's (id of the frame whose snapshot was reverted). */
  readonly rolledBackBy: number | null;
  readonly storage: readonly StorageAccess[];
  readonly accounts: readonly AccountEvent[];
  readonly logs: readonly LogEntry[];
  readonly startSeq: number;
  readonly endSeq: number;
}

export interface StorageAccess {
  readonly seq: number;
  readonly op: 'read' | 'write';
  readonly address: Hex;
  readonly slot: Hex;
  /** read: the value read; write: the new value. */
  readonly value: Hex;
  /** write only: the value before. */
  readonly before?: Hex;
  readonly rolledBack: boolean;
}

/** A change of one account's balance, nonce or code. */
export interface AccountEvent {
  readonly seq: number;
  readonly address: Hex;
  readonly field: 'balance' | 'nonce' | 'code';
  /** balance / nonce as hex; code as its byte length in hex. */
  readonly before: Hex;
  readonly after: Hex;
  readonly rolledBack: boolean;
}

export interface LogEntry {
  readonly seq: number;
  readonly frame: number | null;
  readonly address: Hex;
  readonly topics: readonly Hex[];
  readonly data: Hex;
  readonly rolledBack: boolean;
}

/** Committed difference of one account over a transaction. */
export interface AccountChange {
  readonly address: Hex;
  readonly created?: boolean;
  readonly deleted?: boolean;
  readonly balance?: { readonly before: Hex; readonly after: Hex };
  readonly nonce?: { readonly before: Hex; readonly after: Hex };
  readonly code?: { readonly before: Hex; readonly after: Hex };
  readonly storage?: readonly { readonly slot: Hex; readonly before: Hex; readonly after: Hex }[];
}

export interface TimelineEntry {
  readonly seq: number;
  readonly lane: Lane;
  readonly tx: number;
  readonly frame: number | null;
  readonly depth: number;
  /** Short machine-readable kind: tx.start, frame.open, frame.state, storage.read, storage.write, balance, nonce, code, log, snapshot.revert, frame.close, tx.end. */
  readonly kind: string;
  readonly text: string;
}
