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

import type { RunEnvironment } from './context.js';
import { codeToRun, delegationAccessCost } from './delegation.js';

const CALL_GAS_DIVISOR = BigInt(CALL_GAS_RETAINED_DIVISOR);
const STIPEND = BigInt(GAS_CALL_STIPEND);

/** Outcome of call preparation: either the charges could not be paid, or what the callee gets. */
export type CallPreparation =
  | { readonly ok: false }
  | { readonly ok: true; readonly gasToPass: bigint; readonly gasKept: bigint };

/** The fork's precompiles are always warm (EIP-2929 adds them to every access list). */
const isPrecompileAddress = (env: RunEnvironment, a: Address): boolean => env.fork.precompileAddresses.has(a);

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
  const cold = world.accessAccount(req.callee) && !isPrecompileAddress(env, req.callee);
  if (isEntry) return { ok: true, gasToPass: req.gasAvailable, gasKept: 0n };

  let cost = accountAccessCost(cold);
  if (env.fork.setCode) cost += delegationAccessCost(world, req.callee); // EIP-7702
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

/** The code a call to `callee` runs (EIP-7702: a delegated account runs its delegate's code). */
export function calleeCode(env: RunEnvironment, callee: Address): Uint8Array {
  const world = env.system.world;
  return env.fork.setCode ? codeToRun(world, callee) : world.getAccount(callee).code;
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
