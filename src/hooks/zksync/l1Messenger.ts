// L1 messenger hook at 0x8008 (brief §6.3): `sendToL1(bytes)` records an L2→L1 message, emits
// L1MessageSent and returns keccak256(message). Every user error reverts without burning gas.
import type { Address } from '../../ee/types.js';
import { keccak256Cost, logCost } from '../../ee/evm/gas.js';
import { keccak256Word } from '../../crypto/keccak.js';
import type { WorldState } from '../../system/world.js';
import type { HookCall, HookResult, SystemHook } from '../registry.js';
import { eventNative, l1MessageNative, type NativeMeter } from '../../system/resources.js';
import {
  beBytes,
  chargeStep,
  checkModifier,
  type ErgsMeter,
  HookInternalError,
  revert,
  selectorOf,
  success,
  wordAt,
} from './common.js';
import { L1_MESSAGE_SENT_TOPIC, L1_MESSENGER_ADDRESS, SEND_TO_L1_SELECTOR } from './constants.js';

/**
 * `emit_l1_message` (`io_subsystem.rs`, brief §6.3): charges native for hashing and storing the message,
 * then the keccak system function on it (30 + 6/word gas, whatever the caller's EE: `Keccak256Impl`
 * charges its own ergs), records `{ sender, message, keccak(message) }` in the world's message list (part
 * of frame snapshots, brief §5) and returns the hash; null when the ergs ran out (the meter is then 0).
 */
export function emitL1Message(
  world: WorldState,
  meter: ErgsMeter,
  native: NativeMeter | undefined,
  sender: Address,
  message: Uint8Array,
): bigint | null {
  native?.charge(l1MessageNative(native.costs, message.length));
  if (!meter.chargeGas(keccak256Cost(message.length))) return null;
  const data = message.slice();
  const hash = keccak256Word(data);
  world.addMessage({ sender, data, hash });
  return hash;
}

/** The `sendToL1(bytes)` argument check (brief §6.3, strict ABI): the message, or null to revert. */
export function decodeSendToL1(calldata: Uint8Array): Uint8Array | null {
  const len = calldata.length;
  if (len < 36) return null;
  if (wordAt(calldata, 4) !== 32n) return null; // the offset word must be exactly 32
  if (len < 68) return null; // length word at [36, 68)
  const messageLength = wordAt(calldata, 36);
  if (BigInt(len) < 68n + messageLength) return null; // message at [68, 68 + length)
  if ((len - 4) % 32 !== 0) return null; // whole words after the selector
  return calldata.subarray(68, 68 + Number(messageLength));
}

function run(call: HookCall, world: WorldState): HookResult {
  const modifier = checkModifier(call, 'L1 messenger');
  // No payable method; delegate and callcode are refused (brief §6.3).
  if (call.value !== 0n || !modifier.ok) return revert(call.ergs);
  const meter = chargeStep(call);
  if (meter === null) return revert(0);
  const calldata = call.calldata;
  if (selectorOf(calldata) !== SEND_TO_L1_SELECTOR) return revert(meter.ergs); // short calldata or unknown selector
  if (modifier.isStatic) return revert(meter.ergs);
  const message = decodeSendToL1(calldata);
  if (message === null) return revert(meter.ergs);
  // Brief §6.3 pitfall: `emit_event` rejects a non-EVM caller EE (an EOA's top-level call) with an
  // internal error, which aborts the block in ZKsync OS.
  if (!call.callerIsEvm) throw new HookInternalError('L1 messenger: emit_event called with a non-EVM caller EE');
  const hash = emitL1Message(world, meter, call.native, call.caller, message);
  if (hash === null) return revert(0);
  // The event data is the ABI encoding of the bytes argument: calldata[4..] (brief §6.3).
  const data = calldata.slice(4);
  call.native?.charge(eventNative(call.native.costs, 3, data.length)); // `emit_event`: native first
  if (!meter.chargeGas(logCost(3, data.length))) return revert(0);
  world.addLog({ address: L1_MESSENGER_ADDRESS, topics: [L1_MESSAGE_SENT_TOPIC, call.caller, hash], data });
  return success(meter.ergs, beBytes(hash, 32));
}

/** The L1 messenger system hook. */
export const l1MessengerHook: SystemHook = Object.freeze({ name: 'l1Messenger', run });
