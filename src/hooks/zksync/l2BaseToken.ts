// L2 base token hook at 0x800a (brief §6.4): `withdraw(address)` and `withdrawWithMessage(address,bytes)`
// burn the call value (already transferred to 0x800a by the runner) and record the withdrawal message
// for L1. Errors revert without burning gas; the revert also undoes the burn and the value transfer.
import type { Address } from '../../ee/types.js';
import type { WorldState } from '../../system/world.js';
import { accountWriteNative } from '../../system/resources.js';
import { GAS_WARM_ACCESS } from '../../ee/evm/gas.js';
import type { HookCall, HookResult, SystemHook } from '../registry.js';
import {
  addressAt,
  addressWordIsClean,
  beBytes,
  checkModifier,
  concatBytes,
  chargeStep,
  type ErgsMeter,
  HookInternalError,
  revert,
  selectorOf,
  success,
  wordAt,
} from './common.js';
import {
  FINALIZE_ETH_WITHDRAWAL_SELECTOR,
  L2_BASE_TOKEN_ADDRESS,
  WITHDRAW_SELECTOR,
  WITHDRAW_WITH_MESSAGE_SELECTOR,
} from './constants.js';
import { emitL1Message } from './l1Messenger.js';

/**
 * The withdrawal message (brief §6.4): `0x6c0960f9 ‖ receiver(20) ‖ value(32)` (56 bytes), followed for
 * `withdrawWithMessage` by `sender(20) ‖ data`.
 */
export function withdrawalMessage(
  receiver: Address,
  value: bigint,
  extra?: { sender: Address; data: Uint8Array },
): Uint8Array {
  const head = concatBytes(
    beBytes(BigInt(FINALIZE_ETH_WITHDRAWAL_SELECTOR), 4),
    beBytes(receiver, 20),
    beBytes(value, 32),
  );
  return extra ? concatBytes(head, beBytes(extra.sender, 20), extra.data) : head;
}

/**
 * Burns `value` from 0x800a's balance; an underflow is an internal error (brief §6.4). It is an account
 * update under the caller's EE (`update_account_nominal_token_balance`): an EVM caller pays the warm
 * access (100 gas; 0x800a was warmed by the call), every caller the native of a materialize + write.
 * False when the ergs ran out.
 */
function burn(call: HookCall, world: WorldState, meter: ErgsMeter): boolean {
  call.native?.charge(accountWriteNative(call.native.costs));
  if (call.callerIsEvm && !meter.chargeGas(GAS_WARM_ACCESS)) return false;
  const value = call.value;
  const balance = world.getAccount(L2_BASE_TOKEN_ADDRESS).balance;
  if (balance < value) throw new HookInternalError('L2 base token: burn exceeds the balance of 0x800a');
  if (value !== 0n) world.setBalance(L2_BASE_TOKEN_ADDRESS, balance - value);
  return true;
}

/** `withdraw(address)`: burn first, then the address word check (its revert undoes the burn). */
function withdraw(call: HookCall, world: WorldState, meter: ErgsMeter): HookResult {
  const calldata = call.calldata;
  if (calldata.length < 36) return revert(meter.ergs);
  if (!burn(call, world, meter)) return revert(0);
  if (!addressWordIsClean(calldata, 4)) return revert(meter.ergs);
  const message = withdrawalMessage(addressAt(calldata, 4), call.value);
  if (emitL1Message(world, meter, call.native, call.caller, message) === null) return revert(0);
  return success(meter.ergs);
}

/**
 * `withdrawWithMessage(address,bytes)`: offset word at [36, 68), length word at [offset+4, offset+36),
 * data after it; the address word's high bytes are not checked (brief §6.4). Bigint arithmetic makes
 * every out-of-range offset or length a revert, as the Rust checked conversions do.
 */
function withdrawWithMessage(call: HookCall, world: WorldState, meter: ErgsMeter): HookResult {
  const calldata = call.calldata;
  const len = BigInt(calldata.length);
  if (len < 68n) return revert(meter.ergs);
  const lengthEnd = wordAt(calldata, 36) + 36n;
  if (len < lengthEnd) return revert(meter.ergs);
  const dataLength = wordAt(calldata, Number(lengthEnd) - 32);
  const dataEnd = lengthEnd + dataLength;
  if (len < dataEnd) return revert(meter.ergs);
  const data = calldata.subarray(Number(lengthEnd), Number(dataEnd));
  if (!burn(call, world, meter)) return revert(0);
  const message = withdrawalMessage(addressAt(calldata, 4), call.value, { sender: call.caller, data });
  if (emitL1Message(world, meter, call.native, call.caller, message) === null) return revert(0);
  return success(meter.ergs);
}

function run(call: HookCall, world: WorldState): HookResult {
  const modifier = checkModifier(call, 'L2 base token');
  // The value is the withdrawn amount (allowed); delegate and callcode are refused (brief §6.4).
  if (!modifier.ok) return revert(call.ergs);
  const meter = chargeStep(call);
  if (meter === null) return revert(0);
  const selector = selectorOf(call.calldata);
  if (selector !== WITHDRAW_SELECTOR && selector !== WITHDRAW_WITH_MESSAGE_SELECTOR) return revert(meter.ergs);
  if (modifier.isStatic) return revert(meter.ergs);
  return selector === WITHDRAW_SELECTOR ? withdraw(call, world, meter) : withdrawWithMessage(call, world, meter);
}

/** The L2 base token system hook. */
export const l2BaseTokenHook: SystemHook = Object.freeze({ name: 'l2BaseToken', run });
