// The run recorder: a RunObserver that builds the trace JSON (docs/trace-schema.md). It sees frames open,
// change state and close (runner), storage reads/writes and logs (System), and account changes (balance,
// nonce, code) through a wrapper around the world's `setAccount` installed by `attach`. Only a recorded run
// pays for any of it.
import { addressToHex, bytesToHex } from '../crypto/bytes.js';
import type { Address } from '../ee/types.js';
import type { FrameClose, RunObserver } from '../runner/context.js';
import type { FrameInfo } from '../runner/frameActor.js';
import type { FrameState } from '../../machines/frame.machine.js';
import type { AccountRecord, WorldState } from '../system/world.js';
import type { StepInfo, StepTracer } from '../ee/evm/trace.js';
import {
  STEP_LIMITS,
  TRACE_VERSION,
  type AccountChange,
  type AccountEvent,
  type FrameTrace,
  type Hex,
  type Lane,
  type LogEntry,
  type RunTrace,
  type StepEntry,
  type StorageAccess,
  type ZksyncTxInfo,
  type TimelineEntry,
  type TxTrace,
} from './schema.js';

const hex = (v: bigint): Hex => '0x' + v.toString(16);
const addr = addressToHex;

/** Mutable frame record while recording. */
interface FrameRec {
  id: number;
  parent: number | null;
  children: number[];
  tx: number;
  depth: number;
  kind: FrameTrace['kind'];
  caller: Hex;
  address: Hex;
  codeAddress: Hex;
  value: Hex;
  gas: number;
  gasUsed: number;
  outcome: FrameTrace['outcome'];
  haltReason?: string;
  createdAddress?: Hex;
  input: Hex;
  returnData: Hex;
  transitions: { state: string; seq: number }[];
  reverted: boolean;
  rolledBackBy: number | null;
  storage: StorageAccess[];
  accounts: AccountEvent[];
  logs: LogEntry[];
  startSeq: number;
  endSeq: number;
  steps?: StepEntry[];
  stepsOmitted?: number;
}

/** What the recorder needs to know about a transaction before it runs. */
export interface TxStart {
  readonly label?: string;
  readonly type: number;
  readonly from: Address;
  readonly to: Address | null;
  readonly nonce: bigint;
  readonly value: bigint;
  readonly gasLimit: bigint;
  readonly gasPrice?: bigint;
  readonly maxFeePerGas?: bigint;
  readonly maxPriorityFeePerGas?: bigint;
  readonly data: Uint8Array;
}

/** How a transaction ended. */
export type TxEnd =
  | { readonly valid: false; readonly error: string }
  | {
      readonly valid: true;
      readonly status: 'success' | 'revert' | 'halt';
      readonly haltReason?: string;
      readonly gasUsed: bigint;
      readonly gasRefunded: bigint;
      readonly returnData: Uint8Array;
      readonly createdAddress?: Address;
      /** zksync: pubdata, native and the L1-transaction settlement (the receipt's fields). */
      readonly zksync?: ZksyncTxInfo;
      readonly logs: readonly {
        readonly address: Address;
        readonly topics: readonly bigint[];
        readonly data: Uint8Array;
      }[];
    };

interface AccountSnap {
  balance: bigint;
  nonce: bigint;
  code: Uint8Array;
  storage: Map<bigint, bigint>;
}

/** Records one or more transactions into a `RunTrace`; as a StepTracer it also keeps each frame's steps. */
export class TraceRecorder implements RunObserver, StepTracer {
  private seq = 0;
  private stepsKept = 0;
  private readonly frames: FrameRec[] = [];
  private readonly stack: FrameRec[] = [];
  private readonly txs: TxTrace[] = [];
  private readonly timeline: TimelineEntry[] = [];
  private tx:
    | (Omit<TxTrace, 'endSeq' | 'stateChanges' | 'logs' | 'rootFrame'> & {
        rootFrame: number | null;
        outsideFrames: AccountEvent[];
      })
    | null = null;
  private world: WorldState | null = null;
  private before: Map<Address, AccountSnap> | null = null;
  /** Frame id → index of its first storage/account/log record, for rollbacks. */
  private readonly labels: Map<Address, string>;

  constructor(
    private readonly meta: {
      name: string;
      description?: string;
      profile: 'ethereum' | 'zksync';
      block?: Record<string, bigint>;
    },
    labels: ReadonlyMap<Address, string> = new Map(),
  ) {
    this.labels = new Map(labels);
  }

  /** Display name of an address (label or short hex). */
  nameOf(a: Address): string {
    return this.labels.get(a) ?? shortHex(addr(a));
  }

  /** Adds a display name (e.g. a deployed contract). */
  label(a: Address, name: string): void {
    if (!this.labels.has(a)) this.labels.set(a, name);
  }

  /** Observes account changes of `world` (wraps its `setAccount`; call once per world). */
  attach(world: WorldState): void {
    this.world = world;
    const original = world.setAccount.bind(world);
    world.setAccount = (a: Address, next: AccountRecord): void => {
      const prev = world.getAccount(a);
      original(a, next);
      if (prev.balance !== next.balance) this.account(a, 'balance', hex(prev.balance), hex(next.balance));
      if (prev.nonce !== next.nonce) this.account(a, 'nonce', hex(prev.nonce), hex(next.nonce));
      if (prev.code !== next.code && (prev.code.length !== 0 || next.code.length !== 0))
        this.account(a, 'code', hex(BigInt(prev.code.length)), hex(BigInt(next.code.length)));
    };
  }

  private push(lane: Lane, kind: string, text: string, frame: FrameRec | null = this.top()): number {
    const seq = this.seq++;
    this.timeline.push({
      seq,
      lane,
      tx: this.tx?.index ?? -1,
      frame: frame ? frame.id : null,
      depth: frame ? frame.depth : -1,
      kind,
      text,
    });
    return seq;
  }

  private top(): FrameRec | null {
    return this.stack[this.stack.length - 1] ?? null;
  }

  // ---- transactions ----

  beginTransaction(t: TxStart): void {
    const index = this.txs.length;
    this.before = this.world ? snapshotCommitted(this.world) : null;
    this.tx = {
      index,
      ...(t.label !== undefined ? { label: t.label } : {}),
      type: t.type,
      from: addr(t.from),
      to: t.to === null ? null : addr(t.to),
      nonce: hex(t.nonce),
      value: hex(t.value),
      gasLimit: hex(t.gasLimit),
      ...(t.gasPrice !== undefined ? { gasPrice: hex(t.gasPrice) } : {}),
      ...(t.maxFeePerGas !== undefined ? { maxFeePerGas: hex(t.maxFeePerGas) } : {}),
      ...(t.maxPriorityFeePerGas !== undefined ? { maxPriorityFeePerGas: hex(t.maxPriorityFeePerGas) } : {}),
      data: bytesToHex(t.data),
      valid: true,
      rootFrame: null,
      outsideFrames: [],
      startSeq: 0,
    };
    const startSeq = this.push(
      'bootloader',
      'tx.start',
      `transaction ${index}: ${this.nameOf(t.from)} → ${t.to === null ? 'new contract' : this.nameOf(t.to)}`,
      null,
    );
    this.tx = { ...this.tx, startSeq };
  }

  endTransaction(end: TxEnd): TxTrace {
    const t = this.tx;
    if (!t) throw new Error('endTransaction without beginTransaction');
    const text = end.valid
      ? `transaction ${t.index} ${end.status}, gas used ${end.gasUsed}`
      : `transaction ${t.index} rejected: ${end.error}`;
    // Frames still open were cut short by a transaction-fatal error (zksync: out of native, brief §7.1):
    // they end halted and rolled back with the transaction.
    if (end.valid)
      for (let i = this.stack.length - 1; i >= 0; i--) {
        const f = this.stack[i]!;
        Object.assign(f, { outcome: 'halt', gasUsed: f.gas, reverted: true, haltReason: end.haltReason ?? 'aborted' });
        this.rollBack(f, f.id);
        f.endSeq = this.push('bootloader', 'frame.close', `abort frame #${f.id}: ${f.haltReason}`, f);
      }
    const endSeq = this.push('bootloader', 'tx.end', text, null);
    const stateChanges = this.world && this.before ? diffCommitted(this.before, snapshotCommitted(this.world)) : [];
    const logs: LogEntry[] = [];
    if (end.valid) {
      // The receipt's logs, matched to the recorded (surviving) log entries for their frame ids.
      const surviving = this.frames.filter((f) => f.tx === t.index).flatMap((f) => f.logs.filter((l) => !l.rolledBack));
      surviving.sort((a, b) => a.seq - b.seq);
      end.logs.forEach((l, i) => {
        const rec = surviving[i];
        logs.push({
          seq: rec?.seq ?? endSeq,
          frame: rec?.frame ?? null,
          address: addr(l.address),
          topics: l.topics.map(word),
          data: bytesToHex(l.data),
          rolledBack: false,
        });
      });
    }
    const done: TxTrace = end.valid
      ? {
          ...t,
          valid: true,
          status: end.status,
          ...(end.haltReason !== undefined ? { haltReason: end.haltReason } : {}),
          gasUsed: hex(end.gasUsed),
          gasRefunded: hex(end.gasRefunded),
          returnData: bytesToHex(end.returnData),
          ...(end.createdAddress !== undefined ? { createdAddress: addr(end.createdAddress) } : {}),
          ...(end.zksync !== undefined ? { zksync: end.zksync } : {}),
          logs,
          stateChanges,
          endSeq,
        }
      : { ...t, valid: false, error: end.error, logs, stateChanges, endSeq };
    this.txs.push(done);
    this.tx = null;
    this.stack.length = 0;
    return done;
  }

  // ---- RunObserver ----

  frameOpened(info: FrameInfo, parentId: number | null, calldata: Uint8Array): void {
    // `parentId` is runner-local (ids restart at 0 in every runTillCompletion): map it to the run-wide id of
    // the frame opened in this run, never index the run-wide list with it. A root frame starts a new run.
    if (parentId === null) this.idOf.clear();
    const parent = parentId === null ? null : (this.rec(parentId) ?? null);
    const rec: FrameRec = {
      id: this.frames.length,
      parent: parent ? parent.id : null,
      children: [],
      tx: this.tx?.index ?? 0,
      depth: info.depth,
      kind: info.kind,
      caller: addr(info.caller),
      address: addr(info.address),
      codeAddress: addr(info.codeAddress),
      value: hex(info.value),
      gas: info.gas,
      gasUsed: 0,
      outcome: 'success',
      input: bytesToHex(calldata),
      returnData: '0x',
      transitions: [],
      reverted: false,
      rolledBackBy: null,
      storage: [],
      accounts: [],
      logs: [],
      startSeq: 0,
      endSeq: 0,
    };
    this.idOf.set(info.id, rec.id);
    this.frames.push(rec);
    if (parent) parent.children.push(rec.id);
    else if (this.tx && this.tx.rootFrame === null) this.tx.rootFrame = rec.id;
    this.stack.push(rec);
    const what =
      info.kind === 'create' || info.kind === 'create2'
        ? `${info.kind} ${this.nameOf(info.address)}`
        : `${info.kind} ${this.nameOf(info.codeAddress)}`;
    rec.startSeq = this.push('bootloader', 'frame.open', `start frame #${rec.id} (snapshot): ${what}`, rec);
  }

  /** Runner-local frame ids restart at 0 for every `runTillCompletion`; the trace numbers frames run-wide. */
  private readonly idOf = new Map<number, number>();

  private rec(localId: number): FrameRec | undefined {
    const id = this.idOf.get(localId);
    return id === undefined ? undefined : this.frames[id];
  }

  frameState(id: number, state: FrameState): void {
    const f = this.rec(id);
    if (!f) return;
    const last = f.transitions[f.transitions.length - 1];
    if (last && last.state === state) return;
    const seq = this.push(
      state === 'preparing' || state === 'finishing' ? 'bootloader' : 'ee',
      'frame.state',
      `#${f.id} → ${state}`,
      f,
    );
    f.transitions.push({ state, seq });
  }

  frameClosed(id: number, end: FrameClose): void {
    const f = this.rec(id);
    if (!f) return;
    f.outcome = end.outcome;
    f.gasUsed = end.gasUsed;
    f.returnData = bytesToHex(end.returnData);
    if (end.haltReason !== undefined) f.haltReason = end.haltReason;
    if (end.createdAddress !== undefined) {
      f.createdAddress = addr(end.createdAddress);
      this.label(end.createdAddress, `new@${shortHex(addr(end.createdAddress))}`);
    }
    f.reverted = end.reverted;
    if (end.reverted) {
      this.push('bootloader', 'snapshot.revert', `revert frame #${f.id} to its snapshot`, f);
      this.rollBack(f, f.id);
    }
    f.endSeq = this.push(
      'bootloader',
      'frame.close',
      `finish frame #${f.id}: ${end.outcome}${end.haltReason ? ` (${end.haltReason})` : ''}, gas used ${end.gasUsed}`,
      f,
    );
    const i = this.stack.lastIndexOf(f);
    if (i >= 0) this.stack.length = i;
  }

  private rollBack(f: FrameRec, by: number): void {
    if (f.rolledBackBy === null) f.rolledBackBy = by;
    for (const s of f.storage) if (s.op === 'write') (s as { rolledBack: boolean }).rolledBack = true;
    for (const a of f.accounts) (a as { rolledBack: boolean }).rolledBack = true;
    for (const l of f.logs) (l as { rolledBack: boolean }).rolledBack = true;
    for (const c of f.children) this.rollBack(this.frames[c]!, by);
  }

  storageRead(address: bigint, slot: bigint, value: bigint): void {
    const f = this.top();
    const seq = this.push('system', 'storage.read', `read ${this.nameOf(address)}[${hex(slot)}] = ${hex(value)}`, f);
    f?.storage.push({ seq, op: 'read', address: addr(address), slot: hex(slot), value: hex(value), rolledBack: false });
  }

  storageWrite(address: bigint, slot: bigint, before: bigint, after: bigint): void {
    const f = this.top();
    const seq = this.push(
      'system',
      'storage.write',
      `write ${this.nameOf(address)}[${hex(slot)}]: ${hex(before)} → ${hex(after)}`,
      f,
    );
    f?.storage.push({
      seq,
      op: 'write',
      address: addr(address),
      slot: hex(slot),
      value: hex(after),
      before: hex(before),
      rolledBack: false,
    });
  }

  log(address: bigint, topics: readonly bigint[], data: Uint8Array): void {
    const f = this.top();
    const seq = this.push(
      'system',
      'log',
      `LOG${topics.length} from ${this.nameOf(address)} (${data.length} bytes)`,
      f,
    );
    f?.logs.push({
      seq,
      frame: f.id,
      address: addr(address),
      topics: topics.map(word),
      data: bytesToHex(data),
      rolledBack: false,
    });
  }

  private account(a: Address, field: AccountEvent['field'], before: Hex, after: Hex): void {
    if (!this.tx) return; // pre-state loading
    const f = this.top();
    const shown =
      field === 'code'
        ? `code of ${this.nameOf(a)}: ${BigInt(before)} → ${BigInt(after)} bytes`
        : `${field} of ${this.nameOf(a)}: ${BigInt(before)} → ${BigInt(after)}`;
    const seq = this.push('system', field, shown, f);
    const ev: AccountEvent = { seq, address: addr(a), field, before, after, rolledBack: false };
    if (f) f.accounts.push(ev);
    else this.tx.outsideFrames.push(ev);
  }

  // ---- StepTracer: steps of the running frame (the top of the stack), bounded by STEP_LIMITS ----

  step(info: StepInfo): void {
    const f = this.top();
    if (!f) return;
    if (!f.steps) f.steps = [];
    const steps = f.steps;
    if (steps.length >= STEP_LIMITS.perFrame || this.stepsKept >= STEP_LIMITS.perRun) {
      f.stepsOmitted = (f.stepsOmitted ?? 0) + 1;
      return;
    }
    this.stepsKept++;
    const st = info.stack;
    const top: Hex[] = [];
    for (let i = Math.max(0, st.length - STEP_LIMITS.stackWords); i < st.length; i++) top.push(hex(st[i]!));
    steps.push({
      pc: info.pc,
      op: info.op,
      opName: info.opName,
      gas: Number(info.gas),
      gasCost: info.gasCost,
      memSize: info.memSize,
      stack: top,
      stackSize: st.length,
      refund: info.refund,
    });
  }

  // ---- output ----

  /** The trace so far. */
  toJSON(): RunTrace {
    const labels: Record<Hex, string> = {};
    for (const [a, n] of this.labels) labels[addr(a)] = n;
    const block: Record<string, Hex> = {};
    for (const [k, v] of Object.entries(this.meta.block ?? {})) block[k] = k === 'coinbase' ? addr(v) : hex(v);
    return {
      version: TRACE_VERSION,
      tool: 'zkos-runner',
      scenario: {
        name: this.meta.name,
        ...(this.meta.description !== undefined ? { description: this.meta.description } : {}),
        profile: this.meta.profile,
      },
      labels,
      block,
      transactions: this.txs,
      frames: this.frames.map((f) => ({ ...f })),
      timeline: this.timeline,
    };
  }
}

function word(v: bigint): Hex {
  return '0x' + v.toString(16).padStart(64, '0');
}

/** `0x1234…abcd` for long hex. */
export function shortHex(h: string, keep = 4): string {
  return h.length <= 2 + keep * 2 + 1 ? h : `${h.slice(0, 2 + keep)}…${h.slice(-keep)}`;
}

function snapshotCommitted(world: WorldState): Map<Address, AccountSnap> {
  const out = new Map<Address, AccountSnap>();
  for (const [a, { account, storage }] of world.committedAccounts()) {
    out.set(a, { balance: account.balance, nonce: account.nonce, code: account.code, storage: new Map(storage) });
  }
  return out;
}

function diffCommitted(before: Map<Address, AccountSnap>, after: Map<Address, AccountSnap>): AccountChange[] {
  const out: AccountChange[] = [];
  const all = [...new Set([...before.keys(), ...after.keys()])].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const empty: AccountSnap = { balance: 0n, nonce: 0n, code: new Uint8Array(0), storage: new Map() };
  for (const a of all) {
    const b = before.get(a);
    const n = after.get(a);
    const x = b ?? empty;
    const y = n ?? empty;
    const change: {
      address: Hex;
      created?: boolean;
      deleted?: boolean;
      balance?: { before: Hex; after: Hex };
      nonce?: { before: Hex; after: Hex };
      code?: { before: Hex; after: Hex };
      storage?: { slot: Hex; before: Hex; after: Hex }[];
    } = { address: addr(a) };
    let changed = false;
    if (!b) (change.created = true), (changed = true);
    if (!n) (change.deleted = true), (changed = true);
    if (x.balance !== y.balance) (change.balance = { before: hex(x.balance), after: hex(y.balance) }), (changed = true);
    if (x.nonce !== y.nonce) (change.nonce = { before: hex(x.nonce), after: hex(y.nonce) }), (changed = true);
    if (bytesToHex(x.code) !== bytesToHex(y.code))
      (change.code = { before: bytesToHex(x.code), after: bytesToHex(y.code) }), (changed = true);
    const slots = [...new Set([...x.storage.keys(), ...y.storage.keys()])].sort((p, q) => (p < q ? -1 : p > q ? 1 : 0));
    const st: { slot: Hex; before: Hex; after: Hex }[] = [];
    for (const s of slots) {
      const v0 = x.storage.get(s) ?? 0n;
      const v1 = y.storage.get(s) ?? 0n;
      if (v0 !== v1) st.push({ slot: hex(s), before: hex(v0), after: hex(v1) });
    }
    if (st.length) (change.storage = st), (changed = true);
    if (changed) out.push(change);
  }
  return out;
}
