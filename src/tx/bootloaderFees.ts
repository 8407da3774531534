// ZKsync OS fee flow through the bootloader's formal address 0x8001 (brief §8.2, `process_transaction.rs`):
// the payer sends max fee × gas limit to 0x8001 before execution and gets the excess over the effective
// price back at once (`eoa.rs pay_for_transaction`, `ensure_payment`); after execution 0x8001 refunds the
// unused gas (`refund_transaction`) and the bootloader sweeps its whole balance to the coinbase
// (`bootloader/mod.rs run_prepared`). So during execution BALANCE(0x8001) is gas limit × effective price.
import type { Address } from '../ee/types.js';
import type { System } from '../system/system.js';
import type { NativeMeter } from '../system/resources.js';
import { txPubdata, type TxPubdata } from '../system/pubdata.js';

/**
 * `pay_for_transaction` + `ensure_payment`: sender → collector max fee × gas limit, then the excess
 * (max fee − effective price) × gas limit back. The balance was validated; native is charged per transfer.
 */
export function payForTransaction(
  system: System,
  sender: Address,
  collector: Address,
  maxFeePerGas: bigint,
  gasLimit: bigint,
  price: bigint,
): void {
  const pulled = maxFeePerGas * gasLimit;
  if (!system.transfer(sender, collector, pulled)) throw new Error('fee payment exceeds the validated balance');
  const excess = pulled - price * gasLimit;
  if (excess !== 0n) system.transfer(collector, sender, excess);
}

/** `refund_transaction`: the unused gas at the effective price goes from the collector to the recipient. */
export function refundFromCollector(system: System, collector: Address, recipient: Address, amount: bigint): void {
  if (amount === 0n) return;
  const world = system.world;
  world.setBalance(collector, world.getAccount(collector).balance - amount);
  system.credit(recipient, amount);
}

/** `run_prepared` after each transaction: the collector's whole balance moves to the coinbase. */
export function sweepToCoinbase(system: System, collector: Address, coinbase: Address): void {
  if (collector === coinbase) return;
  const world = system.world;
  const swept = world.getAccount(collector).balance;
  if (swept !== 0n) world.setBalance(collector, 0n);
  system.credit(coinbase, swept);
}

/**
 * The pubdata price of a transaction (brief §7.3): native per pubdata byte = gas per pubdata × native
 * per gas. Pubdata is paid from native only.
 */
export interface PubdataPrice {
  readonly gasPerPubdata: bigint;
  readonly nativePerPubdata: bigint;
}

/** `check_enough_resources_for_pubdata`: can the meter pay for the pubdata above `base` bytes? */
export function enoughForPubdata(meter: NativeMeter, pubdata: TxPubdata, base: number, price: PubdataPrice): boolean {
  return BigInt(meter.remaining) >= BigInt(pubdata.total - base) * price.nativePerPubdata;
}

/** Current pubdata of the transaction (with `l1Logs` L1-transaction logs). */
export function currentPubdata(system: System, l1Logs = 0): TxPubdata {
  return txPubdata(system.world, l1Logs);
}
