// L1 messenger hook at 0x8008 (brief §6.3): `sendToL1(bytes)` records an L2→L1 message, emits
// L1MessageSent and returns keccak256(message). Every user error reverts without burning gas.
import type { Address } from '../../ee/types.js';
import { keccak256Cost, logCost } from '../../ee/evm/gas.js';
import { keccak256Word } from '../../crypto/keccak.js';
import type { WorldState } from '../../system/world.js';
import type { HookCall, HookResult, SystemHook } from '../registry.js';
import { beBytes, checkModifier, GasMeter, HookInternalError, revert, selectorOf, success, wordAt } from './common.js';
import {
  HOOK_STEP_COST_ERGS,
  L1_MESSAGE_SENT_TOPIC,
  L1_MESSENGER_ADDRESS,
  SEND_TO_L1_SELECTOR,
  STEP_COST_GAS,
} from './constants.js';

/**
 * `emit_l1_message` (brief §6.3): charges the keccak system function on the message (30 + 6/word gas)
 * when the IO runs under EVM rules (`chargeGas`; a `NoEE` caller pays no gas for IO, brief §7.2),
 * records `{ sender, message, keccak(message) }` in the world's message list (part of frame snapshots,
 * brief §5) and returns the hash; null when the gas ran out (the meter is then 0).
 */
export function emitL1Message(
  world: WorldState,
  meter: GasMeter,
  chargeGas: boolean,
  sender: Address,
  message: Uint8Array,
): bigint | null {
  if (chargeGas && !meter.charge(keccak256Cost(message.length))) return null;
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
  if (call.value !== 0n || !modifier.ok) return revert(call.gas);
  const meter = new GasMeter(call.gas);
  // Brief §6: the hook's own step cost is 10 ergs, not representable in whole gas units: charged as 0.
  meter.charge(STEP_COST_GAS);
  const calldata = call.calldata;
  if (selectorOf(calldata) !== SEND_TO_L1_SELECTOR) return revert(meter.gas); // short calldata or unknown selector
  if (modifier.isStatic) return revert(meter.gas);
  const message = decodeSendToL1(calldata);
  if (message === null) return revert(meter.gas);
  // Brief §6.3 pitfall: `emit_event` rejects a non-EVM caller EE (an EOA's top-level call) with an
  // internal error, which aborts the block in ZKsync OS.
  if (!call.callerIsEvm) throw new HookInternalError('L1 messenger: emit_event called with a non-EVM caller EE');
  const hash = emitL1Message(world, meter, true, call.caller, message);
  if (hash === null) return revert(0);
  // The event data is the ABI encoding of the bytes argument: calldata[4..] (brief §6.3).
  const data = calldata.slice(4);
  if (!meter.charge(logCost(3, data.length))) return revert(0);
  world.addLog({ address: L1_MESSENGER_ADDRESS, topics: [L1_MESSAGE_SENT_TOPIC, call.caller, hash], data });
  return success(meter.gas, beBytes(hash, 32));
}

/** The L1 messenger system hook. */
export const l1MessengerHook: SystemHook = Object.freeze({ name: 'l1Messenger', stepErgs: HOOK_STEP_COST_ERGS, run });
