// Call request, the steps before and around the callee frame (brief §2.3, §2.6): charge the caller,
// split gas 63/64, add the stipend, then (inside the frame) depth check, value transfer, EOA shortcut.
import { CallModifier, type Address, type ExternalCallRequest } from '../ee/types.js';
import {
  GAS_CALL_STIPEND,
  GAS_CALL_VALUE,
  GAS_NEW_ACCOUNT,
  CALL_GAS_RETAINED_DIVISOR,
  accountAccessCost,
} from '../ee/evm/gas.js';

const CALL_GAS_DIVISOR = BigInt(CALL_GAS_RETAINED_DIVISOR);
const STIPEND = BigInt(GAS_CALL_STIPEND);
import type { RunEnvironment } from './context.js';

/** Outcome of call preparation: either the charges could not be paid, or what the callee gets. */
export type CallPreparation =
  | { readonly ok: false }
  | { readonly ok: true; readonly gasToPass: bigint; readonly gasKept: bigint };

/** Addresses 0x01..0x0a are always warm (EIP-2929 adds the precompiles to every access list). */
const isPrecompileAddress = (a: Address): boolean => a >= 1n && a <= 0x0an;

export const isDelegate = (m: number): boolean => m === CallModifier.Delegate || m === CallModifier.DelegateStatic;
export const isCallcode = (m: number): boolean =>
  m === CallModifier.EVMCallcode || m === CallModifier.EVMCallcodeStatic;

/**
 * Step 1 of a call (brief §2.3): read and warm the callee, charge the caller for access, value and new
 * account, apply 63/64 and the stipend. Nothing here runs inside the callee's frame. An entry frame pays
 * nothing and passes everything (brief §10.7).
 */
export function prepareCall(env: RunEnvironment, req: ExternalCallRequest, isEntry: boolean): CallPreparation {
  const world = env.system.world;
  const cold = world.accessAccount(req.callee) && !isPrecompileAddress(req.callee);
  if (isEntry) return { ok: true, gasToPass: req.gasAvailable, gasKept: 0n };

  let cost = accountAccessCost(cold);
  const transfersValue = req.value !== 0n && !isDelegate(req.modifier);
  if (transfersValue) cost += GAS_CALL_VALUE;
  // NEWACCOUNT only for a plain CALL that moves value into an empty account (EIP-161); CALLCODE pays
  // CALLVALUE but sends to itself (brief §10.6).
  if (transfersValue && !isCallcode(req.modifier) && env.system.isEmpty(req.callee)) cost += GAS_NEW_ACCOUNT;
  const charge = BigInt(cost);
  if (charge > req.gasAvailable) return { ok: false };

  const remaining = req.gasAvailable - charge;
  const allowed = remaining - remaining / CALL_GAS_DIVISOR; // EIP-150: all but one 64th
  let gasToPass = req.gasRequested < allowed ? req.gasRequested : allowed;
  const gasKept = remaining - gasToPass;
  if (transfersValue) gasToPass += STIPEND;
  return { ok: true, gasToPass, gasKept };
}

/**
 * The value transfer inside the callee frame (brief §2.3 step 3): CALLCODE sends to the caller itself,
 * DELEGATECALL never transfers. Returns false on insufficient balance. Every non-delegate call touches the
 * callee (geth transfers even a zero value; STATICCALL adds a zero balance just to touch, EIP-161).
 */
export function transferValue(env: RunEnvironment, req: ExternalCallRequest): boolean {
  if (isDelegate(req.modifier)) return true;
  const world = env.system.world;
  const target = isCallcode(req.modifier) ? req.caller : req.callee;
  if (req.value !== 0n) {
    const from = world.getAccount(req.caller).balance;
    if (from < req.value) return false;
    world.setBalance(req.caller, from - req.value);
    world.setBalance(target, world.getAccount(target).balance + req.value);
  }
  world.touch(target);
  return true;
}
