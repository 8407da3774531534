// L1→L2 priority transactions (0xFF) and protocol upgrade transactions (0xFE), as ZKsync OS processes them
// (basic_bootloader/src/bootloader/process_transaction.rs `process_l1_transaction`, brief §8.3): no
// signature, nonce or balance validation; the gas price is max fee per gas; the value is minted to the
// sender inside the execution frame; afterwards gas used × price is minted to 0x8001 and the rest of the
// deposit to the refund recipient; an upgrade transaction must be the first of its block and must succeed.
import type { Address } from '../ee/types.js';
import type { RunEnvironment } from '../runner/context.js';
import { runSingleInteraction, type RunOutcome } from '../runner/runner.js';
import { blake2sWord } from '../crypto/blake2s.js';
import { keccak256Word } from '../crypto/keccak.js';
import { encodeZkSyncTx, l1TxHash, type ZkSyncTxFields } from '../encoding/zksyncTx.js';
import { NativeMeter, OutOfNativeError, keccakNative } from '../system/resources.js';
import type { TxPubdata } from '../system/pubdata.js';
import { currentPubdata, sweepToCoinbase } from './bootloaderFees.js';
import { calldataGas, ZKSYNC_TX_GAS_PARAMS } from './intrinsic.js';
import {
  DepositTooLowError,
  IntrinsicGasTooLowError,
  OutOfNativeDuringValidationError,
  UpgradeTxFailedError,
  UpgradeTxNotFirstError,
} from './errors.js';
import type { TxReceipt, TxRejection } from './process.js';

export const L1_TX_TYPE = 0xff;
export const UPGRADE_TX_TYPE = 0xfe;

/** basic_bootloader constants.rs: L1_TX_INTRINSIC_L2_GAS, L1_TX_INTRINSIC_PUBDATA. */
export const L1_TX_INTRINSIC_GAS = 11_000n;
export const L1_TX_INTRINSIC_PUBDATA = 88n;

/** A priority or upgrade transaction (the fields the bootloader reads; no signature). */
export interface L1Transaction {
  readonly type: typeof L1_TX_TYPE | typeof UPGRADE_TX_TYPE;
  readonly from: Address;
  /** The callee; 0 when absent (ZKsync OS does not deploy from L1 transactions: address 0 is an empty account). */
  readonly to: Address;
  readonly gasLimit: bigint;
  /** The price of pubdata this transaction pays (L1 transactions use their own, not the block's). */
  readonly gasPerPubdataLimit: bigint;
  readonly maxFeePerGas: bigint;
  readonly maxPriorityFeePerGas: bigint;
  readonly nonce: bigint;
  readonly value: bigint;
  /** reserved[0]: the total deposited on L1 (must cover value + gas limit × price). */
  readonly mint: bigint;
  /** reserved[1]: who receives the unused deposit. */
  readonly refundRecipient: Address;
  readonly data: Uint8Array;
  /**
   * Factory dependencies: the bytecodes themselves. The encoding carries their hashes (blake2s, ZKsync
   * OS's bytecode hash); the preimages reach ZKsync OS through its preimage oracle, here they are
   * registered in `world.preimages` under that hash and their keccak hash before execution.
   */
  readonly factoryDeps: readonly Uint8Array[];
}

/** The struct the bootloader reads (`ZkSyncTransaction`). */
export function l1TxFields(tx: L1Transaction): ZkSyncTxFields {
  const empty = new Uint8Array(0);
  return {
    txType: tx.type,
    from: tx.from,
    to: tx.to,
    gasLimit: tx.gasLimit,
    gasPerPubdataLimit: tx.gasPerPubdataLimit,
    maxFeePerGas: tx.maxFeePerGas,
    maxPriorityFeePerGas: tx.maxPriorityFeePerGas,
    paymaster: 0n,
    nonce: tx.nonce,
    value: tx.value,
    reserved: [tx.mint, tx.refundRecipient, 0n, 0n],
    data: tx.data,
    signature: empty,
    factoryDeps: tx.factoryDeps.map(blake2sWord),
    paymasterInput: empty,
    reservedDynamic: empty,
  };
}

/** What an L1 transaction adds to a receipt. */
export interface L1Receipt {
  readonly kind: 'priority' | 'upgrade';
  /** keccak256(0x20 ‖ encoding): the hash the L1-transaction log carries. */
  readonly txHash: bigint;
  /** Minted to 0x8001 (gas used × price) and to the refund recipient. */
  readonly fee: bigint;
  readonly refundRecipient: Address;
  readonly refund: bigint;
}

export interface L1ProcessOptions {
  /** Whether the transaction is the first of its block (an upgrade transaction must be). */
  readonly firstInBlock: boolean;
}

/**
 * `process_l1_transaction` (brief §8.3). Returns a receipt (with `l1`) or a rejection: an upgrade that is not
 * first or that reverts, a gas limit below the intrinsic gas, native that cannot cover the intrinsic part,
 * or a deposit below value + fee (an internal error in ZKsync OS; rejected here).
 */
export function processL1Transaction(
  env: RunEnvironment,
  tx: L1Transaction,
  opts: L1ProcessOptions,
): (TxReceipt & { readonly l1: L1Receipt }) | TxRejection {
  const { system, profile } = env;
  const world = system.world;
  const costs = profile.native;
  const reject = (error: TxRejection['error']): TxRejection => {
    world.discard();
    return { valid: false, error, errors: [error] };
  };
  const isPriority = tx.type === L1_TX_TYPE;
  if (!isPriority && !opts.firstInBlock) return reject(new UpgradeTxNotFirstError());
  if (!costs) throw new Error('L1 and upgrade transactions need the zksync profile (a native cost table)');

  // Prices: the transaction's own gas price and pubdata price; native per gas from a constant native price.
  const price = tx.maxFeePerGas;
  const perGas = isPriority ? (price + costs.l1NativePrice - 1n) / costs.l1NativePrice : costs.upgradeNativePerGas;
  const nativePerPubdata = tx.gasPerPubdataLimit * perGas;

  // get_resources_for_tx: native limit less intrinsic pubdata, capped at 2^36 (the rest withheld), less
  // calldata and intrinsic native; ergs = gas limit less calldata and intrinsic gas.
  const intrinsicPubdataNative = L1_TX_INTRINSIC_PUBDATA * nativePerPubdata;
  let limit = tx.gasLimit * perGas - intrinsicPubdataNative;
  const upfront = BigInt(costs.l1Intrinsic + costs.perCalldataByte * tx.data.length);
  const withheld = limit > costs.maxComputational ? limit - costs.maxComputational : 0n;
  limit -= withheld;
  if (limit < upfront) return reject(new OutOfNativeDuringValidationError(limit, upfront));
  const intrinsic = L1_TX_INTRINSIC_GAS + calldataGas(tx.data, ZKSYNC_TX_GAS_PARAMS);
  if (intrinsic > tx.gasLimit) return reject(new IntrinsicGasTooLowError(tx.gasLimit, intrinsic));
  const meter = new NativeMeter(costs, Number(limit - upfront));
  meter.used = Number(upfront + intrinsicPubdataNative);

  const needed = tx.value + price * tx.gasLimit;
  if (tx.mint < needed) return reject(new DepositTooLowError(tx.mint, needed));

  // The preimage oracle: factory dependencies become known bytecodes (by blake2s and keccak hash).
  for (const code of tx.factoryDeps) {
    world.preimages.set(blake2sWord(code), code);
    world.preimages.set(keccak256Word(code), code);
  }
  const encoding = encodeZkSyncTx(l1TxFields(tx));
  const txHash = l1TxHash(encoding);
  system.tx = { origin: tx.from, gasPrice: price, blobHashes: [] };
  world.accessAccount(system.block.coinbase); // EIP-3651, as for every transaction

  let out: RunOutcome;
  const txRollback = world.snapshot(); // F_tx: out of native rolls back to here
  env.native = meter;
  system.native = meter;
  try {
    meter.charge(keccakNative(costs, 32 + encoding.length)); // hashing the transaction (`charge_keccak`)
    out = executeL1(env, tx, tx.gasLimit - intrinsic);
  } catch (e) {
    if (!(e instanceof OutOfNativeError)) {
      world.discard();
      throw e;
    }
    world.revert(txRollback);
    out = { status: 'halt', gasLeft: 0n, returnData: new Uint8Array(0), haltReason: 'OutOfNative' };
  } finally {
    env.native = undefined;
    system.native = undefined;
  }

  // Reclaim the withheld native; the pubdata must be payable, else revert (`check_enough_resources_for_pubdata`).
  meter.reclaim(Number(withheld));
  if (out.status === 'success' && BigInt(meter.remaining) < BigInt(currentPubdata(system).total) * nativePerPubdata) {
    world.revert(txRollback);
    out = {
      status: 'revert',
      gasLeft: out.gasLeft,
      returnData: out.returnData,
      haltReason: 'NotEnoughNativeForPubdata',
    };
  }
  const pubdata: TxPubdata = currentPubdata(system);
  meter.used += Number(BigInt(pubdata.total) * nativePerPubdata);

  // compute_gas_refund: gas used, raised to native used / native per gas.
  let gasUsed = tx.gasLimit - out.gasLeft;
  const nativeGas = BigInt(meter.used) / perGas;
  if (nativeGas > gasUsed) gasUsed = nativeGas > tx.gasLimit ? tx.gasLimit : nativeGas;
  const fee = gasUsed * price;
  const success = out.status === 'success';
  if (!isPriority && !success) return reject(new UpgradeTxFailedError(out.haltReason ?? out.status));
  // Mint the fee to the bootloader, the rest of the deposit to the refund recipient (the value stayed with
  // `from` on success; a revert undid its mint).
  system.credit(BOOTLOADER, fee);
  const refund = tx.mint - fee - (success ? tx.value : 0n);
  system.credit(tx.refundRecipient, refund);
  world.touch(BOOTLOADER);
  sweepToCoinbase(system, BOOTLOADER, system.block.coinbase);

  const logs = world.logs;
  const messages = world.messages;
  world.commit(profile.deleteEmptyTouched);
  return {
    valid: true,
    status: out.status,
    gasUsed,
    gasRefunded: 0n,
    returnData: out.returnData,
    logs,
    messages,
    haltReason: out.haltReason,
    pubdata: { ...pubdata, gasPerPubdata: tx.gasPerPubdataLimit },
    nativeUsed: BigInt(meter.used),
    l1: { kind: isPriority ? 'priority' : 'upgrade', txHash, fee, refundRecipient: tx.refundRecipient, refund },
  };
}

const BOOTLOADER: Address = 0x8001n;

/**
 * `execute_l1_transaction_and_notify_result`: a frame around the mint of `value` to `from` and the call
 * (`run_single_interaction` without its own frame); a revert undoes the mint.
 */
function executeL1(env: RunEnvironment, tx: L1Transaction, gas: bigint): RunOutcome {
  const { system } = env;
  const world = system.world;
  const frame = world.snapshot();
  if (tx.value !== 0n) {
    const n = system.native;
    if (n) n.charge(n.costs.account.access + n.costs.account.writeExtra); // `mint_token`: one account update
    system.credit(tx.from, tx.value);
  }
  const out = runSingleInteraction(env, { caller: tx.from, callee: tx.to, calldata: tx.data, value: tx.value, gas });
  if (out.status !== 'success') world.revert(frame);
  return out;
}
