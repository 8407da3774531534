// The node's chain: one live WorldState (the head), the blocks mined on it, a transaction index and
// the commit journal. Every commit the world makes is journaled (before/after of each account and slot,
// `WorldState.commitJournal`), so the state of any past block is the head with the newer journal
// undone, and `evm_revert` is an undo of what changed since the snapshot: O(changes), never O(state).
import type { InspectionEvent, Observer } from 'xstate';
import type { BlockContext } from '../ee/host.js';
import type { StepTracer } from '../ee/evm/trace.js';
import type { Profile } from '../profiles/types.js';
import type { RunObserver } from '../runner/context.js';
import { createEnvironment, resolveFork } from '../runner/environment.js';
import type { Fork } from '../forks/types.js';
import type { CommittedChange } from '../system/world.js';
import type { WorldState } from '../system/world.js';
import { effectiveGasPrice } from '../tx/fees.js';
import { processTransaction, type TxReceipt, type TxResult } from '../tx/process.js';
import type { Transaction } from '../tx/types.js';
import {
  encodeReceipt,
  headerHash,
  indexedTrieRoot,
  logsBloom,
  nextBaseFee,
  type HeaderFields,
} from './blockHeader.js';
import { StateRootCache } from './stateRootCache.js';
import type { SignedTx } from './txCodec.js';

/** A transaction in a block, with its receipt data. */
export interface MinedTx {
  readonly signed: SignedTx;
  readonly blockNumber: bigint;
  readonly index: number;
  readonly receipt: TxReceipt;
  readonly cumulativeGasUsed: bigint;
  readonly effectiveGasPrice: bigint;
  /** Index of the transaction's first log in the block. */
  readonly firstLogIndex: number;
  readonly logsBloom: Uint8Array;
}

/** A mined block. */
export interface Block extends HeaderFields {
  readonly hash: bigint;
  readonly txs: readonly MinedTx[];
  /** Journal length when the block started: its parent's state (with changes made between blocks). */
  readonly journalStart: number;
  readonly size: number;
}

export interface ChainOptions {
  readonly profile: Profile;
  /** The EVM fork (default: the profile's, Osaka for `ethereum`). */
  readonly fork?: Fork;
  readonly chainId: bigint;
  /** Genesis accounts. */
  readonly genesis: WorldState;
  readonly gasLimit?: bigint;
  readonly baseFee?: bigint;
  readonly coinbase?: bigint;
  /** Genesis block number and timestamp (a loaded state continues its numbering). */
  readonly genesisNumber?: bigint;
  readonly genesisTimestamp?: bigint;
  /** Wall clock in seconds (tests pin it). */
  readonly now?: () => bigint;
}

/** What an execution on the chain may attach (tracing). */
export interface ExecOptions {
  readonly observer?: RunObserver;
  readonly tracer?: StepTracer;
  readonly inspect?: Observer<InspectionEvent> | ((event: InspectionEvent) => void);
}

export interface ReplayHooks {
  readonly before?: () => void;
  readonly after?: (journalFrom: number, result: TxResult) => void;
}

/**
 * A transaction left out of a block: invalid at that point (`result`), or a host error while running it
 * (e.g. the L1 messenger called from an EOA); either way it changed nothing.
 */
export class MiningRejection extends Error {
  constructor(
    readonly hash: bigint,
    readonly result: Extract<TxResult, { valid: false }> | null,
    message: string,
  ) {
    super(message);
  }
}

interface ChainMark {
  readonly journalLength: number;
  readonly blockCount: number;
  readonly timeOffset: bigint;
  readonly nextTimestamp: bigint | null;
}

const DEFAULT_GAS_LIMIT = 30_000_000n;
const DEFAULT_BASE_FEE = 1_000_000_000n;

export class Chain {
  readonly profile: Profile;
  readonly fork: Fork;
  readonly chainId: bigint;
  readonly world: WorldState;
  readonly journal: CommittedChange[] = [];
  readonly blocks: Block[] = [];
  readonly txIndex = new Map<bigint, MinedTx>();
  readonly gasLimit: bigint;
  readonly coinbase: bigint;
  /** Seconds added to the wall clock (evm_increaseTime). */
  timeOffset = 0n;
  /** Timestamp of the next block (evm_setNextBlockTimestamp), consumed by it. */
  nextTimestamp: bigint | null = null;
  /** xstate inspection for every mined transaction (--inspect). */
  inspect: ExecOptions['inspect'];
  private readonly now: () => bigint;
  private readonly marks = new Map<number, ChainMark>();
  private nextMarkId = 1;
  private readonly blockListeners = new Set<(b: Block) => void>();
  private readonly roots: StateRootCache;
  /** Journal entries already reported to `roots`. */
  private journalSeen = 0;

  constructor(opts: ChainOptions) {
    this.profile = opts.profile;
    this.fork = resolveFork(opts.profile, opts.fork);
    this.chainId = opts.chainId;
    this.world = opts.genesis;
    this.world.commitJournal = this.journal;
    this.roots = new StateRootCache(this.world);
    this.gasLimit = opts.gasLimit ?? DEFAULT_GAS_LIMIT;
    this.coinbase = opts.coinbase ?? 0n;
    this.now = opts.now ?? (() => BigInt(Math.floor(Date.now() / 1000)));
    this.pushBlock(
      [],
      opts.genesisNumber ?? 0n,
      opts.genesisTimestamp ?? this.now(),
      opts.baseFee ?? DEFAULT_BASE_FEE,
      0,
    );
  }

  get head(): Block {
    return this.blocks[this.blocks.length - 1]!;
  }

  /** The block with this number, if mined. */
  blockByNumber(n: bigint): Block | undefined {
    const i = Number(n - this.blocks[0]!.number);
    return i >= 0 ? this.blocks[i] : undefined;
  }

  /** Called with every new block (the node fans it out to filters and subscriptions). */
  onBlock(listener: (b: Block) => void): () => void {
    this.blockListeners.add(listener);
    return () => this.blockListeners.delete(listener);
  }

  /** Base fee of the next block. */
  get pendingBaseFee(): bigint {
    const h = this.head;
    return nextBaseFee(h.baseFeePerGas, h.gasUsed, h.gasLimit);
  }

  /** The EVM's view of a block (the next one by default). */
  blockContext(b?: Block): BlockContext {
    const number = b ? b.number : this.head.number + 1n;
    return {
      coinbase: this.coinbase,
      number,
      timestamp: b ? b.timestamp : this.pendingTimestamp(),
      gasLimit: this.gasLimit,
      baseFee: b ? b.baseFeePerGas : this.pendingBaseFee,
      prevRandao: b ? b.mixHash : mixHashOf(number),
      difficulty: 0n,
      chainId: this.chainId,
      blobBaseFee: 1n,
      excessBlobGas: 0n,
    };
  }

  private pendingTimestamp(): bigint {
    if (this.nextTimestamp !== null) return this.nextTimestamp;
    const t = this.now() + this.timeOffset;
    return t > this.head.timestamp ? t : this.head.timestamp;
  }

  /** A run environment over the live world with `block`'s context. */
  environment(block: BlockContext, exec: ExecOptions = {}) {
    return createEnvironment({
      profile: this.profile,
      fork: this.fork,
      world: this.world,
      block,
      blockHashes: (n) => this.blockByNumber(n)?.hash ?? 0n,
      ...(exec.observer ? { observer: exec.observer } : {}),
      ...(exec.tracer ? { tracer: exec.tracer } : {}),
      ...(exec.inspect ? { inspect: exec.inspect } : {}),
    });
  }

  /**
   * Mines one block with `txs` in order. A transaction that is invalid at this point is left out and
   * reported in `rejected`. When none is left and `allowEmpty` is false, no block is made. Returns the head.
   */
  mine(txs: readonly SignedTx[] = [], allowEmpty = true): { block: Block; rejected: MiningRejection[] } {
    const ctx = this.blockContext();
    const journalStart = this.journal.length;
    const env = this.environment(ctx, this.inspect ? { inspect: this.inspect } : {});
    const mined: MinedTx[] = [];
    const rejected: MiningRejection[] = [];
    let cumulative = 0n;
    let logIndex = 0;
    for (const signed of txs) {
      let result: TxResult;
      try {
        result = processTransaction(env, signed.tx); // a host error discards the transaction, then throws
      } catch (e) {
        rejected.push(new MiningRejection(signed.hash, null, `internal error: ${(e as Error).message}`));
        continue;
      }
      if (!result.valid) {
        rejected.push(new MiningRejection(signed.hash, result, result.error.message));
        continue;
      }
      cumulative += result.gasUsed;
      const m: MinedTx = {
        signed,
        blockNumber: ctx.number,
        index: mined.length,
        receipt: result,
        cumulativeGasUsed: cumulative,
        effectiveGasPrice: effectiveGasPrice(signed.tx, ctx.baseFee, {
          chargePriorityFee: this.profile.chargePriorityFee,
        }),
        firstLogIndex: logIndex,
        logsBloom: logsBloom(result.logs),
      };
      logIndex += result.logs.length;
      mined.push(m);
    }
    if (mined.length === 0 && !allowEmpty) return { block: this.head, rejected };
    this.nextTimestamp = null;
    const block = this.pushBlock(mined, ctx.number, ctx.timestamp, ctx.baseFee, journalStart);
    return { block, rejected };
  }

  private pushBlock(txs: MinedTx[], number: bigint, timestamp: bigint, baseFee: bigint, journalStart: number): Block {
    const bloom = new Uint8Array(256);
    for (const t of txs) logsBloom(t.receipt.logs, bloom);
    const raws = txs.map((t) => t.signed.raw);
    const fields: HeaderFields = {
      parentHash: this.blocks.length ? this.head.hash : 0n,
      coinbase: this.coinbase,
      stateRoot: this.stateRoot(),
      transactionsRoot: indexedTrieRoot(raws),
      receiptsRoot: indexedTrieRoot(
        txs.map((t) =>
          encodeReceipt(
            t.signed.tx.type,
            t.receipt.status === 'success',
            t.cumulativeGasUsed,
            t.logsBloom,
            t.receipt.logs,
          ),
        ),
      ),
      logsBloom: bloom,
      number,
      gasLimit: this.gasLimit,
      gasUsed: txs.length ? txs[txs.length - 1]!.cumulativeGasUsed : 0n,
      timestamp,
      mixHash: mixHashOf(number),
      baseFeePerGas: baseFee,
      blobGasUsed: 0n,
      excessBlobGas: 0n,
    };
    const block: Block = {
      ...fields,
      hash: headerHash(fields),
      txs,
      journalStart,
      size: 540 + raws.reduce((n, r) => n + r.length, 0),
    };
    this.blocks.push(block);
    for (const t of txs) this.txIndex.set(t.signed.hash, t);
    for (const l of this.blockListeners) l(block);
    return block;
  }

  /** Root of the live state: accounts changed since the last root (by the journal) are re-encoded. */
  private stateRoot(): Uint8Array {
    const j = this.journal;
    for (let i = this.journalSeen; i < j.length; i++) this.roots.markDirty(j[i]!.addr);
    this.journalSeen = j.length;
    return this.roots.root();
  }

  /**
   * Runs `fn` on the state as it was after block `n` (the head: the live state), then restores the
   * head. Whatever `fn` commits is undone. O(changes since block n) both ways.
   */
  atBlock<T>(n: bigint, fn: () => T): T {
    const next = this.blockByNumber(n + 1n);
    return this.atJournalMark(next ? next.journalStart : this.journal.length, fn);
  }

  /** Runs `fn` on the state at journal position `mark` (see `atBlock`). */
  atJournalMark<T>(mark: number, fn: () => T): T {
    const j = this.journal;
    const top = j.length;
    if (mark < top) this.world.undoCommitted(j, mark);
    try {
      return fn();
    } finally {
      if (j.length > top) {
        this.world.undoCommitted(j, top);
        j.length = top;
      }
      if (mark < top) this.world.redoCommitted(j, mark);
    }
  }

  /** Commits direct state edits (anvil_set*): they become part of the head state, journaled. */
  edit(fn: (world: WorldState) => void): void {
    fn(this.world);
    this.world.commit(false);
  }

  /**
   * Re-executes transaction `index` of block `n` on that block's state, with tracing attached.
   * `hooks.before` runs just before it; `hooks.after(from)` sees the state right after it (its
   * committed changes are `journal[from..]`).
   */
  replay(n: bigint, index: number, exec: ExecOptions, hooks: ReplayHooks = {}): TxResult {
    const block = this.blockByNumber(n);
    if (!block || index >= block.txs.length) throw new Error(`no transaction ${index} in block ${n}`);
    return this.atJournalMark(block.journalStart, () => {
      const ctx = this.blockContext(block);
      const plain = this.environment(ctx);
      for (let i = 0; i < index; i++) processTransaction(plain, block.txs[i]!.signed.tx);
      const from = this.journal.length;
      hooks.before?.();
      const result = processTransaction(this.environment(ctx, exec), block.txs[index]!.signed.tx);
      hooks.after?.(from, result);
      return result;
    });
  }

  /**
   * Executes `tx` on the live world with block `n`'s context (geth's eth_call uses the header of the
   * block it reads); the caller wraps this in `atBlock`, which undoes whatever it commits.
   */
  execute(n: bigint, tx: Transaction, exec: ExecOptions = {}, noBaseFee = false): TxResult {
    const ctx = this.blockContext(this.blockByNumber(n) ?? this.head);
    return processTransaction(this.environment(noBaseFee ? { ...ctx, baseFee: 0n } : ctx, exec), tx);
  }

  // ---- snapshots (evm_snapshot / evm_revert) ----

  snapshot(): number {
    const id = this.nextMarkId++;
    this.marks.set(id, {
      journalLength: this.journal.length,
      blockCount: this.blocks.length,
      timeOffset: this.timeOffset,
      nextTimestamp: this.nextTimestamp,
    });
    return id;
  }

  /** Reverts to snapshot `id` (and drops it and every later one); false if unknown. */
  revert(id: number): boolean {
    const m = this.marks.get(id);
    if (!m) return false;
    this.world.undoCommitted(this.journal, m.journalLength);
    for (let i = m.journalLength; i < this.journal.length; i++) this.roots.markDirty(this.journal[i]!.addr);
    this.journal.length = m.journalLength;
    if (this.journalSeen > m.journalLength) this.journalSeen = m.journalLength;
    for (const b of this.blocks.splice(m.blockCount)) for (const t of b.txs) this.txIndex.delete(t.signed.hash);
    this.timeOffset = m.timeOffset;
    this.nextTimestamp = m.nextTimestamp;
    for (const k of [...this.marks.keys()]) if (k >= id) this.marks.delete(k);
    return true;
  }
}

/** The PREVRANDAO of block `n`: deterministic, distinct per block. */
function mixHashOf(n: bigint): bigint {
  return (n * 0x9e3779b97f4a7c15n) & ((1n << 256n) - 1n);
}
