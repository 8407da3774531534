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
  /** zksync profile: pubdata by kind and its price, native used, an L1 transaction's settlement. */
  readonly zksync?: ZksyncTxInfo;
  /** The function the transaction calls, when an ABI names it (src/trace/abi.ts). */
  readonly call?: Decoded;
  /** Decoded revert data of a reverted transaction. */
  readonly revertReason?: DecodedRevert;
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
  /** The function called, when an ABI of the code address (or of the run) has its selector. */
  readonly call?: Decoded;
  /** Decoded return values of a successful call. */
  readonly returns?: readonly DecodedArg[];
  /** Decoded revert data: Error(string), Panic(uint256) or a custom error of an ABI. */
  readonly revertReason?: DecodedRevert;
  /** EIP-3155-like opcode steps, recorded when step tracing is on (`zkos run --record-steps` or `--trace`). */
  readonly steps?: readonly StepEntry[];
  /** Steps executed but not kept (bounds: STEP_LIMITS). */
  readonly stepsOmitted?: number;
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
  /** The event, when an ABI has topic 0. */
  readonly event?: Decoded;
}

/** One decoded argument: `value` is for display (decimal integers, 0x hex, JSON strings, [..], (..)). */
export interface DecodedArg {
  readonly name: string;
  readonly type: string;
  readonly value: string;
}

/** A function call, event or error matched to an ABI entry. */
export interface Decoded {
  readonly name: string;
  /** Canonical signature, e.g. `transfer(address,uint256)`. */
  readonly signature: string;
  /** Absent when the data did not decode against the entry's parameters. */
  readonly args?: readonly DecodedArg[];
}

export interface DecodedRevert extends Decoded {
  readonly kind: 'Error' | 'Panic' | 'custom';
  /** One line for people: `Error("Child: fail")`, `Panic(0x11: arithmetic overflow or underflow)`. */
  readonly text: string;
}

/** One executed instruction (EIP-3155 fields; the stack cut to its top STEP_LIMITS.stackWords words). */
export interface StepEntry {
  readonly pc: number;
  readonly op: number;
  readonly opName: string;
  /** Gas left before the instruction. */
  readonly gas: number;
  readonly gasCost: number;
  readonly memSize: number;
  /** The top words, bottom first (the last one is the top of the stack). */
  readonly stack: readonly Hex[];
  /** Number of words on the stack. */
  readonly stackSize: number;
  readonly refund: number;
}

/** Bounds of the step record: steps kept per frame and per run, stack words kept per step. */
export const STEP_LIMITS = { perFrame: 5000, perRun: 100_000, stackWords: 8 } as const;

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

/** What the zksync profile adds to a transaction's trace (issue #12: pubdata in the receipt and the viewer). */
export interface ZksyncTxInfo {
  /** Pubdata bytes by kind (state diffs, published bytecodes, L2→L1 messages) and the gas price per byte. */
  readonly pubdata: {
    readonly stateDiffs: number;
    readonly bytecodes: number;
    readonly messages: number;
    readonly total: number;
    readonly gasPerPubdata: Hex;
  };
  /** Native used by the transaction (intrinsic, validation, execution, pubdata). */
  readonly nativeUsed: Hex;
  /** An L1→L2 (0xff) or upgrade (0xfe) transaction: its hash, the fee minted to 0x8001 and the refund. */
  readonly l1?: {
    readonly kind: 'priority' | 'upgrade';
    readonly txHash: Hex;
    readonly fee: Hex;
    readonly refundRecipient: Hex;
    readonly refund: Hex;
  };
}
