// Transaction processing (brief §8.2 for ZKsync; geth's state transition for Ethereum) in named phases, as
// revm's handler: validate, buy gas, warm the access list, authorize (EIP-7702), execute, refund, pay the
// coinbase, commit.
import type { Address, HaltReason } from '../ee/types.js';
import type { Log, L2ToL1Message, Overlay } from '../system/world.js';
import type { RunEnvironment } from '../runner/context.js';
import { runSingleInteraction, runTillCompletion, type RunOutcome } from '../runner/runner.js';
import type { TxValidationError } from './errors.js';
import { blobGasUsed, effectiveGasPrice, feeCap } from './fees.js';
import { floorDataGas, intrinsicGas } from './intrinsic.js';
import { applyAuthorizations } from './authorization.js';
import { delegationTarget } from '../runner/delegation.js';
import type { Transaction } from './types.js';
import { collectValidationErrors } from './validate.js';
import { checkTransactionArguments } from './arguments.js';
import { MAX_REFUND_QUOTIENT } from '../ee/evm/gas.js';
import { NativeMeter, OutOfNativeError, accountWriteNative, nativePerGas } from '../system/resources.js';
import { GasPerPubdataTooHighError, OutOfNativeDuringValidationError } from './errors.js';
import type { TxPubdata } from '../system/pubdata.js';
import { NONEXISTENT } from '../system/world.js';
import { l2ValidationNative } from './validationNative.js';
import {
  currentPubdata,
  enoughForPubdata,
  payForTransaction,
  refundFromCollector,
  sweepToCoinbase,
  type PubdataPrice,
} from './bootloaderFees.js';

/** Result of a transaction that was executed (valid). */
export interface TxReceipt {
  readonly valid: true;
  readonly status: 'success' | 'revert' | 'halt';
  readonly gasUsed: bigint;
  readonly gasRefunded: bigint;
  readonly returnData: Uint8Array;
  readonly createdAddress?: Address;
  readonly logs: readonly Log[];
  readonly messages: readonly L2ToL1Message[];
  readonly haltReason?: string;
  /** zksync: the transaction's pubdata (bytes by kind) and its price, charged from native (brief §7.3). */
  readonly pubdata?: TxPubdata & { readonly gasPerPubdata: bigint };
  /** zksync: native used by the transaction (intrinsic, calldata, validation, execution, pubdata). */
  readonly nativeUsed?: bigint;
}

/** An invalid transaction: nothing changed, no fee was charged. */
export interface TxRejection {
  readonly valid: false;
  /** The first rule broken (geth's order) and every rule broken. */
  readonly error: TxValidationError;
  readonly errors: readonly TxValidationError[];
}

export type TxResult = TxReceipt | TxRejection;

/** The user's gas-per-pubdata limit of types 0-2 (basic_bootloader constants.rs DEFAULT_GAS_PER_PUBDATA). */
const DEFAULT_GAS_PER_PUBDATA = 1n;

/**
 * Executes one transaction against `env.system.world` and commits it (an invalid one changes nothing).
 * `env.system.tx` is set from the transaction. The phases follow revm's handler: validate, buy gas, warm the
 * access list, execute, refund, pay the coinbase, commit.
 */
export function processTransaction(env: RunEnvironment, tx: Transaction): TxResult {
  checkTransactionArguments(env, tx);
  const world = env.system.world;
  const sender = world.getAccount(tx.sender);
  const checked = validate(env, tx, sender);
  if (!('price' in checked)) {
    world.discard();
    return checked;
  }
  const bought = buyGas(env, tx, sender, checked);
  if (bought !== null) {
    world.discard();
    return bought;
  }
  warmAccessList(env, tx);
  authorize(env, tx);
  let out = execute(env, tx, sender.nonce, checked.native);
  let pubdata: TxPubdata | undefined;
  if (checked.native) ({ out, pubdata } = settlePubdata(env, out, checked.native));
  const gas = refund(env, tx, out, checked);
  payCoinbase(env, gas.used, checked.price);
  return commit(env, out, gas, checked.native, pubdata);
}

/** The zksync native budget of a transaction (brief §7.3). */
interface NativeBudget {
  readonly meter: NativeMeter;
  readonly perGas: bigint;
  /** Computational native above 2^36, given back after execution for pubdata. */
  readonly withheld: number;
  readonly pubdataPrice: PubdataPrice;
  /** Pubdata of the validation phase (nonce bump, fee transfer), charged then. */
  validationPubdata: number;
  /** The F_tx snapshot, for the pubdata revert. */
  txRollback?: Overlay;
}

/** What validation grants: the effective gas price and, on zksync, the native budget. */
interface Validated {
  readonly price: bigint;
  readonly native?: NativeBudget;
}

/** The sender's account as it was before the transaction. */
type SenderAccount = ReturnType<RunEnvironment['system']['world']['getAccount']>;

/** Phase 1 — validate: every rule (geth's order), then the native budget (zksync, brief §7.3). */
function validate(env: RunEnvironment, tx: Transaction, sender: SenderAccount): TxRejection | Validated {
  const { system, profile } = env;
  const block = system.block;
  const errors = collectValidationErrors(tx, {
    block,
    senderNonce: sender.nonce,
    senderBalance: sender.balance,
    // EIP-7702 lets an account holding a delegation designator send transactions.
    senderHasCode: sender.code.length > 0 && !(env.fork.setCode && delegationTarget(sender.code) !== null),
    params: env.txParams,
  });
  if (errors.length > 0) return { valid: false, error: errors[0]!, errors };

  const price = effectiveGasPrice(tx, block.baseFee, { chargePriorityFee: profile.chargePriorityFee });
  if (!profile.native) return { price };
  // gasLimit × native per gas, less intrinsic and calldata native; computational native above 2^36 is
  // withheld. A shortfall makes the transaction invalid.
  const costs = profile.native;
  const perGas = nativePerGas(costs, price, env.nativePrice);
  const limit = tx.gasLimit * perGas;
  const upfront = BigInt(costs.intrinsic + costs.perCalldataByte * tx.data.length);
  if (limit < upfront) {
    const error = new OutOfNativeDuringValidationError(limit, upfront);
    return { valid: false, error, errors: [error] };
  }
  const computational = limit - upfront;
  const capped = computational < costs.maxComputational ? computational : costs.maxComputational;
  const meter = new NativeMeter(costs, Number(capped));
  meter.used = Number(upfront);
  const gasPerPubdata = env.gasPerPubdata ?? 1n;
  // process_transaction.rs validate: the user's limit (DEFAULT_GAS_PER_PUBDATA = 1 for non-EIP-712 types)
  // must cover the block's gas per pubdata.
  if (gasPerPubdata > DEFAULT_GAS_PER_PUBDATA) {
    const error = new GasPerPubdataTooHighError(gasPerPubdata, DEFAULT_GAS_PER_PUBDATA);
    return { valid: false, error, errors: [error] };
  }
  const pubdataPrice = { gasPerPubdata, nativePerPubdata: gasPerPubdata * perGas };
  return {
    price,
    native: { meter, perGas, withheld: Number(computational - capped), pubdataPrice, validationPubdata: 0 },
  };
}

/**
 * Phase 2 — buy gas (and blob gas) and bump the nonce: outside any frame, never rolled back (brief §2.8).
 * ZKsync moves the fee to its collector 0x8001 now (`eoa.rs pay_for_transaction`, `ensure_payment`), so
 * BALANCE(0x8001) is right during execution, charges native for it and then the validation pubdata; a
 * native shortfall here makes the transaction invalid.
 */
function buyGas(env: RunEnvironment, tx: Transaction, sender: SenderAccount, validated: Validated): TxRejection | null {
  const { system, profile } = env;
  const price = validated.price;
  const blobFee = blobGasUsed(tx) * system.block.blobBaseFee;
  system.tx = {
    origin: tx.sender,
    gasPrice: price,
    blobHashes: profile.blobOpcodesStubbed ? [] : tx.blobVersionedHashes,
  };
  const collector = profile.feeCollector;
  const native = validated.native;
  system.native = native?.meter;
  try {
    if (native) {
      const costs = native.meter.costs;
      native.meter.charge(l2ValidationNative(costs, tx, sender !== NONEXISTENT)); // reads, hashes, ecrecover
      native.meter.charge(accountWriteNative(costs)); // `increment_nonce`
    }
    if (collector !== null) payForTransaction(system, tx.sender, collector, feeCap(tx), tx.gasLimit, price);
    else system.world.setBalance(tx.sender, sender.balance - tx.gasLimit * price - blobFee);
    system.world.setNonce(tx.sender, sender.nonce + 1n);
    if (native) {
      native.validationPubdata = currentPubdata(system).total;
      native.meter.charge(Number(BigInt(native.validationPubdata) * native.pubdataPrice.nativePerPubdata));
    }
  } catch (e) {
    if (!(e instanceof OutOfNativeError) || !native) throw e;
    const used = BigInt(native.meter.used);
    const error = new OutOfNativeDuringValidationError(used - BigInt(native.meter.remaining), used);
    return { valid: false, error, errors: [error] };
  } finally {
    system.native = undefined;
  }
  return null;
}

/** Phase 3 — the warm set (EIP-2929/2930/3651): sender, recipient, precompiles, coinbase, access list. */
function warmAccessList(env: RunEnvironment, tx: Transaction): void {
  const world = env.system.world;
  world.accessAccount(tx.sender);
  if (tx.to !== null) world.accessAccount(tx.to);
  for (const p of env.fork.precompileAddresses) world.accessAccount(p);
  world.accessAccount(env.system.block.coinbase);
  for (const entry of tx.accessList) {
    world.accessAccount(entry.address);
    for (const key of entry.storageKeys) world.accessSlot(entry.address, key);
  }
}

/**
 * Phase 3b — authorize (EIP-7702): the authorizations apply after the nonce bump, outside the call frame (a
 * revert keeps them); then the recipient's delegate is warmed for free.
 */
function authorize(env: RunEnvironment, tx: Transaction): void {
  if (!env.fork.setCode) return;
  const { world, block } = env.system;
  if (tx.authorizationList !== undefined) {
    applyAuthorizations(tx.authorizationList, {
      world,
      chainId: block.chainId,
      existingAuthorityRefund: env.txParams.gas.existingAuthorityRefund ?? 0,
    });
  }
  if (tx.to !== null) {
    const target = delegationTarget(world.getAccount(tx.to).code);
    if (target !== null) world.accessAccount(target);
  }
}

/**
 * Phase 4 — execute inside the F_tx frame (brief §2.8). Out of native is fatal for the transaction: roll back
 * to F_tx and consume all gas (brief §7.1, §7.3). A host error discards the whole overlay and rethrows.
 */
function execute(
  env: RunEnvironment,
  tx: Transaction,
  senderNonce: bigint,
  native: NativeBudget | undefined,
): RunOutcome {
  const world = env.system.world;
  const gas = tx.gasLimit - intrinsicGas(tx, env.txParams.gas);
  const txRollback = world.snapshot();
  const meter = native?.meter;
  if (native) native.txRollback = txRollback;
  env.native = meter;
  env.system.native = meter;
  try {
    return runTopFrame(env, tx, gas, senderNonce);
  } catch (e) {
    if (!(e instanceof OutOfNativeError)) {
      world.discard(); // the transaction did not happen, and nothing of it stays
      throw e;
    }
    world.revert(txRollback);
    return halted('OutOfNative');
  } finally {
    env.native = undefined;
    env.system.native = undefined;
  }
}

/**
 * Phase 4b (zksync) — pubdata (brief §7.3): reclaim the withheld native; the execution's pubdata must be
 * payable, else the transaction reverts to F_tx (`check_enough_resources_for_pubdata`); then it is charged
 * (`refund_transaction`, from native only). The F_tx snapshot is the overlay before execution: a reverted
 * outcome's state was already rolled back by the runner, so only a successful one needs undoing here.
 */
function settlePubdata(
  env: RunEnvironment,
  out: RunOutcome,
  native: NativeBudget,
): { out: RunOutcome; pubdata: TxPubdata } {
  const { meter, pubdataPrice, validationPubdata } = native;
  meter.reclaim(native.withheld);
  if (
    out.status === 'success' &&
    !enoughForPubdata(meter, currentPubdata(env.system), validationPubdata, pubdataPrice)
  ) {
    env.system.world.revert(native.txRollback!);
    out = {
      status: 'revert',
      gasLeft: out.gasLeft,
      returnData: out.returnData,
      haltReason: 'NotEnoughNativeForPubdata',
    };
  }
  const pubdata = currentPubdata(env.system);
  meter.used += Number(BigInt(pubdata.total - validationPubdata) * pubdataPrice.nativePerPubdata);
  return { out, pubdata };
}

/** Runs the transaction's call or deployment (brief §8.2 step 8). */
function runTopFrame(env: RunEnvironment, tx: Transaction, gasAfterIntrinsic: bigint, senderNonce: bigint): RunOutcome {
  const world = env.system.world;
  const execAt = BigInt(env.txParams.gas.createAtExecution);
  if (tx.to !== null) {
    const call = { caller: tx.sender, callee: tx.to, calldata: tx.data, value: tx.value, gas: gasAfterIntrinsic };
    return runSingleInteraction(env, call);
  }
  if (gasAfterIntrinsic < execAt) {
    // ZKsync charges the deployment surcharge at execution: a shortfall reverts, consuming all gas.
    return halted('OutOfGas');
  }
  const rollback = world.snapshot();
  const out = runTillCompletion(env, {
    type: 'create',
    scheme: 'create',
    deployer: tx.sender,
    initcode: tx.data,
    value: tx.value,
    salt: 0n,
    gasAvailable: gasAfterIntrinsic - execAt,
    deployerNonce: senderNonce,
  });
  if (out.status !== 'success') world.revert(rollback);
  return out;
}

/** A halt of the transaction's top frame: all gas consumed, no output. */
function halted(reason: HaltReason): RunOutcome {
  return { status: 'halt', gasLeft: 0n, returnData: new Uint8Array(0), haltReason: reason };
}

/** Gas accounting after execution. */
interface GasSettlement {
  readonly used: bigint;
  readonly refunded: bigint;
}

/**
 * Phase 5 — refund: the counter, capped at gasUsed / 5 (EIP-3529; the zksync profile has no refund counter),
 * then the native floor (brief §7.3 compute_gas_refund: gas used is at least native used / native per gas);
 * the sender gets the gas left back at the transaction's price.
 */
function refund(env: RunEnvironment, tx: Transaction, out: RunOutcome, validated: Validated): GasSettlement {
  const { system } = env;
  const gasLimit = tx.gasLimit;
  const used = gasLimit - out.gasLeft;
  const counter = BigInt(Math.max(0, system.world.refund));
  const cap = used / BigInt(MAX_REFUND_QUOTIENT);
  const refunded = counter < cap ? counter : cap;
  let gasLeft = out.gasLeft + refunded;
  const native = validated.native;
  if (native && native.perGas > 0n) {
    const nativeGas = BigInt(native.meter.used) / native.perGas;
    if (nativeGas > gasLimit - gasLeft) gasLeft = nativeGas >= gasLimit ? 0n : gasLimit - nativeGas;
  }
  // EIP-7623: gas used is at least the calldata floor (applied after the refund).
  const floor = floorDataGas(tx, env.txParams.gas);
  if (gasLimit - gasLeft < floor) gasLeft = gasLimit - floor;
  const collector = env.profile.feeCollector;
  // ZKsync: the collector holds gasLimit × price and refunds the unused part (`refund_transaction`).
  if (collector !== null) refundFromCollector(system, collector, tx.sender, gasLeft * validated.price);
  else system.credit(tx.sender, gasLeft * validated.price);
  return { used: gasLimit - gasLeft, refunded };
}

/**
 * Phase 6 — pay the coinbase: the priority part of the price (the base fee burns). ZKsync's collector already
 * holds the fee (paid before execution, refund deducted): its whole balance is swept to the coinbase after the
 * transaction (`bootloader/mod.rs run_prepared`, brief §8.2 step 11).
 */
function payCoinbase(env: RunEnvironment, gasUsed: bigint, price: bigint): void {
  const { system, profile } = env;
  const { world, block } = system;
  const collector = profile.feeCollector;
  if (collector !== null) {
    world.touch(collector);
    sweepToCoinbase(system, collector, block.coinbase);
    return;
  }
  system.credit(block.coinbase, gasUsed * (profile.chargePriorityFee ? price - block.baseFee : price));
  world.touch(block.coinbase); // geth pays the coinbase even a zero fee, which touches it (EIP-161)
}

/** Phase 7 — commit the overlay (deleting empty touched accounts where the profile says so) and report. */
function commit(
  env: RunEnvironment,
  out: RunOutcome,
  gas: GasSettlement,
  native?: NativeBudget,
  pubdata?: TxPubdata,
): TxReceipt {
  const world = env.system.world;
  const logs = world.logs; // a reverted top frame already rolled its logs back
  const messages = world.messages;
  world.commit(env.profile.deleteEmptyTouched);
  return {
    valid: true,
    status: out.status,
    gasUsed: gas.used,
    gasRefunded: gas.refunded,
    returnData: out.returnData,
    createdAddress: out.address,
    logs,
    messages,
    haltReason: out.haltReason,
    ...(native && pubdata ? { pubdata: { ...pubdata, gasPerPubdata: native.pubdataPrice.gasPerPubdata } } : {}),
    ...(native ? { nativeUsed: BigInt(native.meter.used) } : {}),
  };
}
