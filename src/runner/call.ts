// Call request, the steps before and around the callee frame (brief §2.3, §2.6): charge the caller,
// split gas 63/64, add the stipend, then (inside the frame) depth check, value transfer, EOA shortcut.
import { CallModifier, type Address, type ExternalCallRequest } from '../ee/types.js';
import { GAS_CALL_STIPEND, GAS_CALL_VALUE, GAS_NEW_ACCOUNT, accountAccessCost } from '../ee/evm/gas.js';
import type { SystemHook } from '../hooks/registry.js';
import { allButOne64th, blakeNative } from '../system/resources.js';
import type { RunEnvironment } from './context.js';
import { codeToRun, delegationAccessCost } from './delegation.js';

const STIPEND = BigInt(GAS_CALL_STIPEND);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Outcome of call preparation, in ergs (1 gas = `profile.ergsPerGas` ergs; Ethereum: 1). */
export type CallPreparation =
  | { readonly ok: false }
  | { readonly ok: true; readonly ergsToPass: bigint; readonly ergsKept: bigint };

/** Addresses 0x01..0x0a are always warm (EIP-2929 adds the precompiles to every access list). */
const isPrecompileAddress = (env: RunEnvironment, a: Address): boolean => env.fork.precompileAddresses.has(a);

export const isDelegate = (m: number): boolean => m === CallModifier.Delegate || m === CallModifier.DelegateStatic;
export const isCallcode = (m: number): boolean =>
  m === CallModifier.EVMCallcode || m === CallModifier.EVMCallcodeStatic;

/**
 * Step 1 of a call (`runner.rs run_call_preparation`, brief §2.3): read and warm the callee, charge the
 * caller for access, value and new account, apply 63/64 and the stipend, all on the caller's whole ergs
 * `callerErgs`. Nothing here runs inside the callee's frame. An entry frame pays nothing and passes
 * everything (brief §10.7). 63/64 follows `clarify_and_take_passed_resources`: the limit is computed on
 * whole gas, so a sub-gas remainder goes to the callee when it is given the maximum.
 */
export function prepareCall(
  env: RunEnvironment,
  req: ExternalCallRequest,
  isEntry: boolean,
  callerErgs: bigint,
): CallPreparation {
  const cold = env.system.accessAccount(req.callee) && !isPrecompileAddress(env, req.callee);
  if (isEntry) return { ok: true, ergsToPass: callerErgs, ergsKept: 0n };
  const ergsPerGas = BigInt(env.profile.ergsPerGas);

  let cost = accountAccessCost(cold);
  if (env.fork.setCode) cost += delegationAccessCost(env.system.world, req.callee); // EIP-7702
  const transfersValue = req.value !== 0n && !isDelegate(req.modifier);
  if (transfersValue) cost += GAS_CALL_VALUE;
  // NEWACCOUNT only for a plain CALL that moves value into an empty account (EIP-161); CALLCODE pays
  // CALLVALUE but sends to itself (brief §10.6).
  if (transfersValue && !isCallcode(req.modifier) && env.system.isEmpty(req.callee)) cost += GAS_NEW_ACCOUNT;
  const charge = BigInt(cost) * ergsPerGas;
  if (charge > callerErgs) return { ok: false };

  const remaining = callerErgs - charge;
  const allowed = allButOne64th(remaining, ergsPerGas); // EIP-150 on whole gas (`apply_63_64_rule`)
  const requested = req.gasRequested * ergsPerGas;
  let ergsToPass = requested < allowed ? requested : allowed;
  const ergsKept = remaining - ergsToPass;
  if (transfersValue) ergsToPass += STIPEND * ergsPerGas;
  return { ok: true, ergsToPass, ergsKept };
}

/** What a hook call left: status, ergs, return data. */
export interface HookOutcome {
  readonly status: 'success' | 'revert' | 'halt';
  readonly ergsLeft: bigint;
  readonly returnData: Uint8Array;
}

/**
 * Runs a hook inside the callee frame the runner opened (`hooks.try_intercept`, brief §2.6 step 4) with
 * `ergs`: the hook charges its own costs (system hooks their 10-erg step after their pre-checks) and
 * returns the rest; a precompile failure (`halt`) burns them all.
 */
export function runHook(
  env: RunEnvironment,
  hook: SystemHook,
  req: ExternalCallRequest,
  ergs: bigint,
  isEntry: boolean,
): HookOutcome {
  // Hooks count ergs in numbers; no hook can use 2^53 ergs, so clamp what they see.
  const visible = ergs > MAX_SAFE ? Number.MAX_SAFE_INTEGER : Number(ergs);
  const r = hook.run(
    {
      caller: req.caller,
      address: req.callee,
      calldata: req.calldata,
      value: req.value,
      modifier: req.modifier,
      ergs: visible,
      ergsPerGas: env.profile.ergsPerGas,
      callerIsEvm: !isEntry,
      native: env.native,
    },
    env.system.world,
  );
  const ergsLeft = r.status === 'halt' ? 0n : ergs - BigInt(visible - r.ergsLeft);
  if (r.status === 'halt') return { status: r.status, ergsLeft, returnData: new Uint8Array(0) };
  // The caller keeps return data past the call, and its input is a view of the caller's memory (identity
  // returns it): an output sharing that buffer is copied here, once for every hook.
  const out = r.returnData;
  const returnData = out.length !== 0 && out.buffer === req.calldata.buffer ? out.slice() : out;
  return { status: r.status, ergsLeft, returnData };
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
  const target = isCallcode(req.modifier) ? req.caller : req.callee;
  if (req.value !== 0n && !env.system.transfer(req.caller, target, req.value)) return false;
  env.system.world.touch(target);
  return true;
}

/**
 * Native for fetching a callee's bytecode (`read_account_properties` with the bytecode): a preimage-cache
 * lookup on every call, the Blake2s verification only the first time the code is loaded in the
 * transaction (`preimage_cache.rs expose_preimage`; ZKsync caches per block, this runner per transaction).
 */
export function chargeCodeLoad(env: RunEnvironment, code: Uint8Array): void {
  const native = env.native;
  if (!native || code.length === 0) return;
  native.charge(native.costs.account.preimageGet);
  if (!native.loadedCode.has(code)) {
    native.loadedCode.add(code);
    native.charge(blakeNative(native.costs, code.length));
  }
}
