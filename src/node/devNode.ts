// The development node: a chain plus what a node adds around it: dev accounts and impersonation, the
// transaction pool (automine or interval mining), calls and gas estimation on any block's state.
import { bytesToHex } from '../crypto/bytes.js';
import type { Fork } from '../forks/types.js';
import type { Profile } from '../profiles/types.js';
import type { WorldState } from '../system/world.js';
import { WorldState as World } from '../system/world.js';
import type { TxResult } from '../tx/process.js';
import type { Transaction, TxType } from '../tx/types.js';
import { collectValidationErrors } from '../tx/validate.js';
import { txParamsFor } from '../runner/environment.js';
import { delegationTarget } from '../system/delegation.js';
import { type Block, Chain, type ExecOptions } from './chain.js';
import { type DevAccount, deriveDevAccounts } from './devAccounts.js';
import { haltMessage, revertReason } from './evmErrors.js';
import { gethMessage } from './gethErrors.js';
import type { AccountOverride, BlockRef, CallRequest } from './params.js';
import { EXECUTION_ERROR, RpcError, SERVER_ERROR } from './rpcError.js';
import { type SignedTx, signTransaction, unsignedTransaction } from './txCodec.js';

export interface DevNodeOptions {
  readonly profile: Profile;
  /** The EVM fork (default: the profile's, Osaka for `ethereum`). */
  readonly fork?: Fork;
  readonly chainId: bigint;
  readonly accounts: number;
  /** Balance of each dev account, in wei. */
  readonly balance: bigint;
  readonly mnemonic?: string;
  /** Mine a block for each transaction (default true). */
  readonly automine?: boolean;
  /** Genesis state to start from instead of the dev accounts alone (a loaded --state). */
  readonly genesis?: { world: WorldState; number: bigint; timestamp: bigint };
  readonly now?: () => bigint;
}

/** Default priority fee of eth_sendTransaction and eth_maxPriorityFeePerGas (1 gwei, as anvil). */
export const DEFAULT_PRIORITY_FEE = 1_000_000_000n;

export const CLIENT_VERSION = 'zkos-runner/0.1.0';

export class DevNode {
  chain: Chain;
  readonly accounts: DevAccount[];
  readonly impersonated = new Set<bigint>();
  automine: boolean;
  /** Transactions not yet mined, by sender and nonce. */
  readonly pool = new Map<bigint, Map<bigint, SignedTx>>();
  private readonly pendingListeners = new Set<(hash: bigint) => void>();
  private readonly blockListeners = new Set<(b: Block) => void>();

  constructor(readonly options: DevNodeOptions) {
    this.accounts = deriveDevAccounts(options.accounts, options.mnemonic);
    this.automine = options.automine ?? true;
    this.chain = this.freshChain(options.genesis);
  }

  get profile(): Profile {
    return this.options.profile;
  }

  get chainId(): bigint {
    return this.options.chainId;
  }

  /** A new chain at genesis (anvil_reset; start). */
  freshChain(genesis?: DevNodeOptions['genesis']): Chain {
    const world =
      genesis?.world ?? World.fromAccounts(this.accounts.map((a) => [a.address, { balance: this.options.balance }]));
    const chain = new Chain({
      profile: this.options.profile,
      ...(this.options.fork ? { fork: this.options.fork } : {}),
      chainId: this.options.chainId,
      genesis: world,
      ...(genesis ? { genesisNumber: genesis.number, genesisTimestamp: genesis.timestamp } : {}),
      ...(this.options.now ? { now: this.options.now } : {}),
    });
    chain.onBlock((b) => {
      for (const l of this.blockListeners) l(b);
    });
    return chain;
  }

  /** Every new block, across anvil_reset. */
  onBlock(listener: (b: Block) => void): () => void {
    this.blockListeners.add(listener);
    return () => this.blockListeners.delete(listener);
  }

  reset(genesis?: DevNodeOptions['genesis']): void {
    const inspect = this.chain.inspect;
    this.chain = this.freshChain(genesis);
    this.chain.inspect = inspect;
    this.pool.clear();
    this.impersonated.clear();
  }

  onPending(listener: (hash: bigint) => void): () => void {
    this.pendingListeners.add(listener);
    return () => this.pendingListeners.delete(listener);
  }

  private interval: ReturnType<typeof setInterval> | null = null;

  /** Interval mining (--block-time, evm_setIntervalMining): a block every `ms`, empty or not. 0 stops it. */
  setIntervalMining(ms: number): void {
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
    if (ms > 0) {
      this.interval = setInterval(() => {
        try {
          this.minePending(true);
        } catch (e) {
          this.onMiningError(e); // a bug, not a transaction's fault: report it and keep the timer
        }
      }, ms);
      this.interval.unref?.();
    }
  }

  /** Reports an unexpected failure of interval mining (the CLI logs it). */
  onMiningError: (e: unknown) => void = (e) =>
    console.error(`zkos node: interval mining failed: ${(e as Error).stack ?? e}`);

  /** Stops timers (the server calls it on close). */
  stop(): void {
    this.setIntervalMining(0);
  }

  // ---- blocks ----

  /** The block number a reference names; -32000 "header not found" for a block that does not exist. */
  resolveBlock(ref: BlockRef): bigint {
    const head = this.chain.head.number;
    if ('tag' in ref) return ref.tag === 'earliest' ? this.chain.blocks[0]!.number : head;
    if ('number' in ref) {
      if (ref.number > head || !this.chain.blockByNumber(ref.number))
        throw new RpcError(SERVER_ERROR, 'header not found');
      return ref.number;
    }
    const b = this.chain.blocks.find((x) => x.hash === ref.hash);
    if (!b) throw new RpcError(SERVER_ERROR, 'header not found');
    return b.number;
  }

  /** Reads the state of block `ref`. */
  read<T>(ref: BlockRef, fn: (w: WorldState) => T): T {
    const n = this.resolveBlock(ref);
    return this.chain.atBlock(n, () => fn(this.chain.world));
  }

  /** Nonce including the sender's consecutive pool transactions. */
  pendingNonce(sender: bigint): bigint {
    let n = this.chain.world.getAccount(sender).nonce;
    const queued = this.pool.get(sender);
    while (queued?.has(n)) n++;
    return n;
  }

  // ---- transactions ----

  /** Validates, pools and (automine) mines a signed transaction; returns its hash. */
  submit(signed: SignedTx): bigint {
    const tx = signed.tx;
    if (tx.type !== 0 || tx.chainId !== 0n) {
      if (tx.chainId !== this.chainId)
        throw new RpcError(SERVER_ERROR, `invalid chain id for signer: have ${tx.chainId} want ${this.chainId}`);
    }
    if (this.chain.txIndex.has(signed.hash) || this.pool.get(tx.sender)?.get(tx.nonce)?.hash === signed.hash)
      throw new RpcError(SERVER_ERROR, 'already known');
    const world = this.chain.world;
    const sender = world.getAccount(tx.sender);
    const pending = this.pendingNonce(tx.sender);
    const errors = collectValidationErrors(tx, {
      block: this.chain.blockContext(),
      senderNonce: sender.nonce,
      senderBalance: sender.balance,
      senderHasCode: sender.code.length > 0 && !(this.chain.fork.setCode && delegationTarget(sender.code) !== null),
      params: txParamsFor(this.profile, this.chain.fork),
    }).filter((e) => !(e.code === 'NonceTooHigh' && tx.nonce <= pending + 1024n)); // future nonces wait in the pool
    if (errors.length > 0) throw new RpcError(SERVER_ERROR, gethMessage(errors[0]!, tx, sender.code));
    let queued = this.pool.get(tx.sender);
    if (!queued) {
      queued = new Map();
      this.pool.set(tx.sender, queued);
    }
    queued.set(tx.nonce, signed); // same nonce: replaces the pooled one
    for (const l of this.pendingListeners) l(signed.hash);
    if (this.automine) {
      const rejected = this.minePending();
      const mine = rejected.find((r) => r.hash === signed.hash);
      if (mine)
        throw new RpcError(
          SERVER_ERROR,
          mine.result ? gethMessage(mine.result.error, tx, world.getAccount(tx.sender).code) : mine.message,
        );
    }
    return signed.hash;
  }

  /** Transactions whose nonces follow their sender's state nonce, in pool order. */
  private takeReady(): SignedTx[] {
    const ready: SignedTx[] = [];
    for (const [sender, queued] of this.pool) {
      let n = this.chain.world.getAccount(sender).nonce;
      for (const k of [...queued.keys()]) if (k < n) queued.delete(k); // stale
      for (let t = queued.get(n); t; t = queued.get(++n)) {
        ready.push(t);
        queued.delete(n);
      }
      if (queued.size === 0) this.pool.delete(sender);
    }
    return ready;
  }

  /** Mines every ready pool transaction (one block; an empty block if none and `always`). */
  minePending(always = false) {
    const ready = this.takeReady();
    if (ready.length === 0 && !always) return [];
    return this.chain.mine(ready, always).rejected;
  }

  /** eth_sendTransaction: fills the defaults, signs with the dev key (or not, impersonated) and submits. */
  sendTransaction(req: CallRequest): bigint {
    if (req.from === undefined) throw new RpcError(SERVER_ERROR, 'from: missing sender address');
    const from = req.from;
    const dev = this.accounts.find((a) => a.address === from);
    if (!dev && !this.impersonated.has(from))
      throw new RpcError(SERVER_ERROR, `no signer for ${addrHex(from)}: not a dev account, not impersonated`);
    const tx = this.fillTransaction(req, from);
    return this.submit(dev ? signTransaction(tx, dev.secretKey) : unsignedTransaction(tx));
  }

  private fillTransaction(req: CallRequest, from: bigint): Transaction {
    const type: TxType = (req.type ??
      (req.gasPrice !== undefined ? (req.accessList ? 1 : 0) : req.blobVersionedHashes ? 3 : 2)) as TxType;
    const base = this.chain.pendingBaseFee;
    const tip = req.maxPriorityFeePerGas ?? DEFAULT_PRIORITY_FEE;
    const partial: Transaction = {
      type,
      chainId: this.chainId,
      nonce: req.nonce ?? this.pendingNonce(from),
      gasLimit: 0n,
      to: req.to ?? null,
      value: req.value ?? 0n,
      data: req.data ?? new Uint8Array(0),
      accessList: req.accessList ?? [],
      blobVersionedHashes: req.blobVersionedHashes ?? [],
      sender: from,
      ...(type < 2
        ? { gasPrice: req.gasPrice ?? base + tip }
        : { maxPriorityFeePerGas: tip, maxFeePerGas: req.maxFeePerGas ?? 2n * base + tip }),
      ...(type === 3 ? { maxFeePerBlobGas: req.maxFeePerBlobGas ?? 1n } : {}),
    };
    const gasLimit = req.gas ?? this.estimateGas({ ...req, from }, { tag: 'pending' }, new Map());
    return { ...partial, gasLimit };
  }

  // ---- calls ----

  /** The transaction an eth_call / eth_estimateGas request stands for, on the state `w`. */
  private callTransaction(req: CallRequest, w: WorldState, gas: bigint): { tx: Transaction; noBaseFee: boolean } {
    const from = req.from ?? 0n;
    const noBaseFee = req.gasPrice === undefined && req.maxFeePerGas === undefined;
    const type: TxType = (req.type ?? (req.maxFeePerGas !== undefined ? 2 : req.accessList ? 1 : 0)) as TxType;
    return {
      noBaseFee,
      tx: {
        type,
        chainId: this.chainId,
        nonce: w.getAccount(from).nonce,
        gasLimit: gas,
        to: req.to ?? null,
        value: req.value ?? 0n,
        data: req.data ?? new Uint8Array(0),
        accessList: req.accessList ?? [],
        blobVersionedHashes: req.blobVersionedHashes ?? [],
        sender: from,
        ...(type < 2
          ? { gasPrice: req.gasPrice ?? 0n }
          : { maxFeePerGas: req.maxFeePerGas ?? 0n, maxPriorityFeePerGas: req.maxPriorityFeePerGas ?? 0n }),
        ...(type === 3 ? { maxFeePerBlobGas: req.maxFeePerBlobGas ?? 0n } : {}),
      },
    };
  }

  /**
   * Executes a call request on block `ref`'s state with `overrides` applied; nothing stays. Like geth,
   * the sender's nonce is taken from the state and a sender with code is allowed (its code is hidden
   * from the EIP-3607 check by running with it cleared only when it has code).
   */
  simulate(
    req: CallRequest,
    ref: BlockRef,
    overrides: ReadonlyMap<bigint, AccountOverride>,
    gas: bigint | undefined,
    exec: ExecOptions = {},
    after?: (from: number) => void,
  ): { result: TxResult; tx: Transaction } {
    const n = this.resolveBlock(ref);
    let tx!: Transaction;
    const result = this.chain.atBlock(n, () => {
      const w = this.chain.world;
      applyOverrides(w, overrides);
      const from = req.from ?? 0n;
      if (w.getAccount(from).code.length > 0) w.setCode(from, new Uint8Array(0));
      w.commit(false);
      const built = this.callTransaction(req, w, gas ?? req.gas ?? this.defaultGas());
      tx = built.tx;
      const journalFrom = this.chain.journal.length;
      const r = this.chain.execute(n, tx, exec, built.noBaseFee);
      after?.(journalFrom);
      return r;
    });
    return { result, tx };
  }

  /** Gas of a call or estimate without `gas`: the block gas limit, capped at EIP-7825's 2^24 from Osaka (as geth). */
  private defaultGas(): bigint {
    const cap = txParamsFor(this.profile, this.chain.fork).maxTxGas;
    return cap !== undefined && cap < this.chain.gasLimit ? cap : this.chain.gasLimit;
  }

  /** eth_call: the return data, or geth's errors (code 3 with data for a revert). */
  call(req: CallRequest, ref: BlockRef, overrides: ReadonlyMap<bigint, AccountOverride>): Uint8Array {
    const { result, tx } = this.simulate(req, ref, overrides, undefined);
    return callOutcome(result, tx);
  }

  /** eth_estimateGas: the lowest gas limit with which the call succeeds (binary search, as geth). */
  estimateGas(req: CallRequest, ref: BlockRef, overrides: ReadonlyMap<bigint, AccountOverride>): bigint {
    const cap = req.gas ?? this.defaultGas();
    const run = (gas: bigint) => this.simulate(req, ref, overrides, gas);
    const top = run(cap);
    if (!top.result.valid || top.result.status !== 'success') callOutcome(top.result, top.tx); // throws
    let lo = (top.result.valid ? top.result.gasUsed : 21000n) - 1n;
    let hi = cap;
    const ok = (gas: bigint): boolean => {
      const r = run(gas).result;
      return r.valid && r.status === 'success';
    };
    // What was used is often enough (a plain transfer: 21000, as geth answers it).
    if (lo + 1n < hi && ok(lo + 1n)) return lo + 1n;
    // geth's next guess: what was used plus the 63/64 withheld from the deepest call.
    const guess = ((lo + 1n + (top.result.valid ? top.result.gasRefunded : 0n)) * 64n) / 63n;
    if (guess < hi && ok(guess)) hi = guess;
    while (lo + 1n < hi) {
      if ((hi - lo) * 1000n < hi * 15n) break; // within 1.5 %, as geth
      const mid = (lo + hi) / 2n;
      if (ok(mid)) hi = mid;
      else lo = mid;
    }
    return hi;
  }
}

function addrHex(a: bigint): string {
  return '0x' + a.toString(16).padStart(40, '0');
}

/** Applies state overrides to the world's overlay (the caller commits). */
export function applyOverrides(w: WorldState, overrides: ReadonlyMap<bigint, AccountOverride>): void {
  for (const [a, o] of overrides) {
    if (o.balance !== undefined) w.setBalance(a, o.balance);
    if (o.nonce !== undefined) w.setNonce(a, o.nonce);
    if (o.code !== undefined) w.setCode(a, o.code);
    if (o.state !== undefined) {
      for (const [addr, entry] of w.committedAccounts())
        if (addr === a) for (const slot of entry.storage.keys()) w.sstore(a, slot, 0n);
      for (const [k, v] of o.state) w.sstore(a, k, v);
    }
    if (o.stateDiff !== undefined) for (const [k, v] of o.stateDiff) w.sstore(a, k, v);
  }
}

function callOutcome(result: TxResult, tx: Transaction): Uint8Array {
  if (!result.valid) throw new RpcError(SERVER_ERROR, gethMessage(result.error, tx));
  if (result.status === 'success') return result.returnData;
  if (result.status === 'revert') {
    const reason = revertReason(result.returnData);
    throw new RpcError(
      EXECUTION_ERROR,
      reason === undefined ? 'execution reverted' : `execution reverted: ${reason}`,
      bytesToHex(result.returnData),
    );
  }
  throw new RpcError(SERVER_ERROR, haltMessage(result.haltReason));
}
