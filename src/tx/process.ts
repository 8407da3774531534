// Transaction processing (brief §8.2 for ZKsync; geth's state transition for Ethereum): validate, buy gas,
// bump the nonce, warm the access list, execute through the runner, refund, pay fees, commit.
import type { Address } from '../ee/types.js';
import type { Log, L2ToL1Message } from '../system/world.js';
import type { RunEnvironment } from '../runner/context.js';
import { runSingleInteraction, runTillCompletion, type RunOutcome } from '../runner/runner.js';
import type { TxValidationError } from './errors.js';
import { blobGasUsed, effectiveGasPrice } from './fees.js';
import { floorDataGas, intrinsicGas } from './intrinsic.js';
import { applyAuthorizations } from './authorization.js';
import { delegationTarget } from '../runner/delegation.js';
import type { Transaction } from './types.js';
import { collectValidationErrors } from './validate.js';
import { checkTransactionArguments } from './arguments.js';
import { MAX_REFUND_QUOTIENT } from '../ee/evm/gas.js';
import { NativeMeter, OutOfNativeError, nativePerGas } from '../system/resources.js';
import { OutOfNativeDuringValidationError } from './errors.js';

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
}

/** An invalid transaction: nothing changed, no fee was charged. */
export interface TxRejection {
  readonly valid: false;
  /** The first rule broken (geth's order) and every rule broken. */
  readonly error: TxValidationError;
  readonly errors: readonly TxValidationError[];
}

export type TxResult = TxReceipt | TxRejection;

/**
 * Executes one transaction against `env.system.world` and commits it (an invalid one changes nothing).
 * `env.system.tx` is set from the transaction.
 */
export function processTransaction(env: RunEnvironment, tx: Transaction): TxResult {
  checkTransactionArguments(env, tx);
  const { system, profile, fork } = env;
  const params = env.txParams;
  const world = system.world;
  const block = system.block;
  const sender = world.getAccount(tx.sender);
  // EIP-7702 lets an account holding a delegation designator send transactions.
  const senderDelegated = fork.setCode && delegationTarget(sender.code) !== null;
  const errors = collectValidationErrors(tx, {
    block,
    senderNonce: sender.nonce,
    senderBalance: sender.balance,
    senderHasCode: sender.code.length > 0 && !senderDelegated,
    params,
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
    meter = new NativeMeter(
      costs,
      Number(computational < costs.maxComputational ? computational : costs.maxComputational),
    );
    meter.used = Number(upfront);
  }
  const blobFee = blobGasUsed(tx) * block.blobBaseFee;
  system.tx = {
    origin: tx.sender,
    gasPrice: price,
    blobHashes: profile.blobOpcodesStubbed ? [] : tx.blobVersionedHashes,
  };

  // Buy gas and bump the nonce: outside any frame, never rolled back (brief §2.8).
  world.setBalance(tx.sender, sender.balance - tx.gasLimit * price - blobFee);
  world.setNonce(tx.sender, sender.nonce + 1n);

  // Warm set (EIP-2929/2930/3651): sender, recipient, precompiles, coinbase, access list.
  world.accessAccount(tx.sender);
  if (tx.to !== null) world.accessAccount(tx.to);
  for (const p of fork.precompileAddresses) world.accessAccount(p);
  world.accessAccount(block.coinbase);
  for (const entry of tx.accessList) {
    world.accessAccount(entry.address);
    for (const key of entry.storageKeys) world.accessSlot(entry.address, key);
  }

  // EIP-7702: authorizations apply after the nonce bump, outside the call frame (a revert keeps them); then
  // the recipient's delegate is warmed for free.
  if (tx.authorizationList !== undefined && fork.setCode) {
    applyAuthorizations(tx.authorizationList, {
      world,
      chainId: block.chainId,
      existingAuthorityRefund: params.gas.existingAuthorityRefund ?? 0,
    });
  }
  if (tx.to !== null && fork.setCode) {
    const target = delegationTarget(world.getAccount(tx.to).code);
    if (target !== null) world.accessAccount(target);
  }

  const intrinsic = intrinsicGas(tx, params.gas);
  const gas = tx.gasLimit - intrinsic;
  let out: RunOutcome;
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
  // EIP-7623: gas used is at least the calldata floor (applied after the refund).
  const floor = floorDataGas(tx, params.gas);
  if (gasLimit - gasLeft < floor) gasLeft = gasLimit - floor;
  const gasUsed = gasLimit - gasLeft;
  const logs = world.logs; // a reverted top frame already rolled its logs back
  const messages = world.messages;

  system.credit(tx.sender, gasLeft * price);
  // Fees: the priority part to the coinbase (the base fee burns); ZKsync collects the whole effective price
  // at the bootloader address and sweeps it to the coinbase after the transaction (brief §8.2 step 11).
  const fee = gasUsed * (profile.chargePriorityFee ? price - block.baseFee : price);
  const collector = profile.feeCollector ?? block.coinbase;
  system.credit(collector, fee);
  world.touch(collector); // geth pays the coinbase even a zero fee, which touches it (EIP-161)
  if (profile.feeCollector !== null && collector !== block.coinbase) {
    const swept = world.getAccount(collector).balance;
    if (swept !== 0n) world.setBalance(collector, 0n);
    system.credit(block.coinbase, swept);
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
  };
}

/** Runs the transaction's call or deployment (brief §8.2 step 8), inside the F_tx frame. */
function execute(env: RunEnvironment, tx: Transaction, gasAfterIntrinsic: bigint, senderNonce: bigint): RunOutcome {
  const world = env.system.world;
  let gas = gasAfterIntrinsic;
  let out: RunOutcome;
  const execAt = env.txParams.gas.createAtExecution;
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
