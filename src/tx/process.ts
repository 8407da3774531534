// Transaction processing (brief §8.2 for ZKsync; geth's state transition for Ethereum): validate, buy gas,
// bump the nonce, warm the access list, execute through the runner, refund, pay fees, commit.
import type { Address } from '../ee/types.js';
import type { Log, L2ToL1Message } from '../system/world.js';
import type { RunEnvironment } from '../runner/context.js';
import { runSingleInteraction, runTillCompletion, type RunOutcome } from '../runner/runner.js';
import type { TxValidationError } from './errors.js';
import { blobGasUsed, effectiveGasPrice, feeCap } from './fees.js';
import { intrinsicGas } from './intrinsic.js';
import type { Transaction } from './types.js';
import { collectValidationErrors } from './validate.js';
import { MAX_REFUND_QUOTIENT } from '../ee/evm/gas.js';
import { NativeMeter, OutOfNativeError, accountWriteNative, nativePerGas } from '../system/resources.js';
import { OutOfNativeDuringValidationError } from './errors.js';
import type { TxPubdata } from '../system/pubdata.js';
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
  /** zksync: native used by the transaction (intrinsic, calldata, execution, pubdata). */
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

const PRECOMPILES: readonly Address[] = [1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n, 10n];

/**
 * Executes one transaction against `env.system.world` and commits it (an invalid one changes nothing).
 * `env.system.tx` is set from the transaction.
 */
export function processTransaction(env: RunEnvironment, tx: Transaction): TxResult {
  const { system, profile } = env;
  const world = system.world;
  const block = system.block;
  const sender = world.getAccount(tx.sender);
  const errors = collectValidationErrors(tx, {
    block,
    senderNonce: sender.nonce,
    senderBalance: sender.balance,
    senderHasCode: sender.code.length > 0,
    params: profile.tx,
  });
  if (errors.length > 0) {
    world.discard();
    return { valid: false, error: errors[0]!, errors };
  }

  const price = effectiveGasPrice(tx, block.baseFee, { chargePriorityFee: profile.chargePriorityFee });
  // The native budget (zksync, brief §7.3): gasLimit × native per gas, less intrinsic and calldata native;
  // computational native above 2^36 is withheld. A shortfall makes the transaction invalid.
  let perGas = 0n;
  let meter: NativeMeter | undefined;
  let withheld = 0;
  let pubdataPrice: PubdataPrice | undefined;
  if (profile.native) {
    const costs = profile.native;
    perGas = nativePerGas(costs, price, env.nativePrice);
    const limit = tx.gasLimit * perGas;
    const upfront = BigInt(costs.intrinsic + costs.perCalldataByte * tx.data.length);
    if (limit < upfront) {
      world.discard();
      const error = new OutOfNativeDuringValidationError(limit, upfront);
      return { valid: false, error, errors: [error] };
    }
    const computational = limit - upfront;
    const capped = computational < costs.maxComputational ? computational : costs.maxComputational;
    meter = new NativeMeter(costs, Number(capped));
    withheld = Number(computational - capped); // usable for pubdata after execution (brief §7.3)
    meter.used = Number(upfront);
    const gasPerPubdata = env.gasPerPubdata ?? 1n;
    pubdataPrice = { gasPerPubdata, nativePerPubdata: gasPerPubdata * perGas };
  }
  const blobFee = blobGasUsed(tx) * block.blobBaseFee;
  system.tx = {
    origin: tx.sender,
    gasPrice: price,
    blobHashes: profile.blobOpcodesStubbed ? [] : tx.blobVersionedHashes,
  };

  // Buy gas and bump the nonce: outside any frame, never rolled back (brief §2.8). ZKsync moves the fee to
  // its collector now (`pay_for_transaction`), so BALANCE(0x8001) is right during execution.
  system.native = meter;
  const collector = profile.feeCollector;
  try {
    if (meter) meter.charge(accountWriteNative(meter.costs)); // `increment_nonce` in EOA validation
    if (collector !== null) payForTransaction(system, tx.sender, collector, feeCap(tx), tx.gasLimit, price);
    else world.setBalance(tx.sender, sender.balance - tx.gasLimit * price - blobFee);
  } catch (e) {
    system.native = undefined;
    world.discard();
    if (!(e instanceof OutOfNativeError)) throw e;
    const error = new OutOfNativeDuringValidationError(BigInt(meter?.used ?? 0), BigInt(meter?.used ?? 0));
    return { valid: false, error, errors: [error] };
  }
  world.setNonce(tx.sender, sender.nonce + 1n);

  // Warm set (EIP-2929/2930/3651): sender, recipient, precompiles, coinbase, access list.
  world.accessAccount(tx.sender);
  if (tx.to !== null) world.accessAccount(tx.to);
  for (const p of PRECOMPILES) world.accessAccount(p);
  world.accessAccount(block.coinbase);
  for (const entry of tx.accessList) {
    world.accessAccount(entry.address);
    for (const key of entry.storageKeys) world.accessSlot(entry.address, key);
  }

  const intrinsic = intrinsicGas(tx, profile.tx.gas);
  const gas = tx.gasLimit - intrinsic;
  let out: RunOutcome;
  // Validation pubdata (nonce, fee transfer) is charged now (`validation_pubdata`); a shortfall is invalid.
  const validationPubdata = meter && pubdataPrice ? currentPubdata(system).total : 0;
  if (meter && pubdataPrice) {
    const cost = BigInt(validationPubdata) * pubdataPrice.nativePerPubdata;
    if (BigInt(meter.remaining) < cost) {
      system.native = undefined;
      world.discard();
      const error = new OutOfNativeDuringValidationError(BigInt(meter.remaining), cost);
      return { valid: false, error, errors: [error] };
    }
    meter.charge(Number(cost));
  }
  const txRollback = world.snapshot(); // F_tx (brief §2.8): out of native rolls back to here
  env.native = meter;
  try {
    out = execute(env, tx, gas, sender.nonce);
  } catch (e) {
    if (!(e instanceof OutOfNativeError)) {
      world.discard(); // a host error: the transaction did not happen, and nothing of it stays
      throw e;
    }
    // Out of native is fatal for the transaction: roll back, consume all gas (brief §7.1, §7.3).
    world.revert(txRollback);
    out = { status: 'halt', gasLeft: 0n, returnData: new Uint8Array(0), haltReason: 'OutOfNative' };
  } finally {
    env.native = undefined;
    system.native = undefined;
  }
  let pubdata: TxPubdata | undefined;
  if (meter && pubdataPrice) {
    // Reclaim the withheld native; the pubdata of the execution must be payable, else the transaction
    // reverts (`check_enough_resources_for_pubdata`); then it is charged (`refund_transaction`).
    meter.reclaim(withheld);
    if (out.status === 'success' && !enoughForPubdata(meter, currentPubdata(system), validationPubdata, pubdataPrice)) {
      world.revert(txRollback);
      out = { status: 'revert', gasLeft: out.gasLeft, returnData: out.returnData, haltReason: 'NotEnoughForPubdata' };
    }
    pubdata = currentPubdata(system);
    meter.used += Number(BigInt(pubdata.total - validationPubdata) * pubdataPrice.nativePerPubdata);
  }

  // Refund (EIP-3529: at most gasUsed / 5; the zksync profile has no refund counter).
  const gasLimit = tx.gasLimit;
  let gasLeft = out.gasLeft;
  const used = gasLimit - gasLeft;
  const counter = BigInt(Math.max(0, world.refund));
  const refund = counter < used / BigInt(MAX_REFUND_QUOTIENT) ? counter : used / BigInt(MAX_REFUND_QUOTIENT);
  gasLeft += refund;
  if (meter && perGas > 0n) {
    // brief §7.3 compute_gas_refund: gas used is at least native used / native per gas.
    const nativeGas = BigInt(meter.used) / perGas;
    if (nativeGas > gasLimit - gasLeft) gasLeft = nativeGas >= gasLimit ? 0n : gasLimit - nativeGas;
  }
  const gasUsed = gasLimit - gasLeft;
  const logs = world.logs; // a reverted top frame already rolled its logs back
  const messages = world.messages;

  if (collector !== null) {
    // ZKsync: the collector holds gasLimit × price; it refunds the unused part and is swept to the coinbase.
    refundFromCollector(system, collector, tx.sender, gasLeft * price);
    world.touch(collector);
    sweepToCoinbase(system, collector, block.coinbase);
  } else {
    system.credit(tx.sender, gasLeft * price);
    // The priority part to the coinbase (the base fee burns).
    system.credit(block.coinbase, gasUsed * (profile.chargePriorityFee ? price - block.baseFee : price));
    world.touch(block.coinbase); // geth pays the coinbase even a zero fee, which touches it (EIP-161)
  }
  world.commit(profile.deleteEmptyTouched);
  return {
    valid: true,
    status: out.status,
    gasUsed,
    gasRefunded: refund,
    returnData: out.returnData,
    createdAddress: out.address,
    logs,
    messages,
    haltReason: out.haltReason,
    ...(pubdata && pubdataPrice ? { pubdata: { ...pubdata, gasPerPubdata: pubdataPrice.gasPerPubdata } } : {}),
    ...(meter ? { nativeUsed: BigInt(meter.used) } : {}),
  };
}

/** Runs the transaction's call or deployment (brief §8.2 step 8), inside the F_tx frame. */
function execute(env: RunEnvironment, tx: Transaction, gasAfterIntrinsic: bigint, senderNonce: bigint): RunOutcome {
  const world = env.system.world;
  let gas = gasAfterIntrinsic;
  let out: RunOutcome;
  const execAt = env.profile.tx.gas.createAtExecution;
  if (tx.to === null && gas < BigInt(execAt)) {
    // ZKsync charges the deployment surcharge at execution: a shortfall reverts, consuming all gas.
    out = { status: 'halt', gasLeft: 0n, returnData: new Uint8Array(0), haltReason: 'OutOfGas' };
  } else if (tx.to === null) {
    gas -= BigInt(execAt);
    const rollback = world.snapshot();
    out = runTillCompletion(env, {
      type: 'create',
      scheme: 'create',
      deployer: tx.sender,
      initcode: tx.data,
      value: tx.value,
      salt: 0n,
      gasAvailable: gas,
      deployerNonce: senderNonce,
    });
    if (out.status !== 'success') world.revert(rollback);
  } else {
    out = runSingleInteraction(env, { caller: tx.sender, callee: tx.to, calldata: tx.data, value: tx.value, gas });
  }
  return out;
}
