// Shared machinery of the ZKsync system-contract hooks (brief §6.1, §6.3-§6.5): the modifier pre-checks,
// a gas meter with the Rust `charge` semantics, and the revert-without-burning result.
import { CallModifier } from '../../ee/types.js';
import type { HookCall, HookResult } from '../registry.js';
import { HOOK_STEP_COST_ERGS } from './constants.js';

const EMPTY = new Uint8Array(0);

/**
 * A ZKsync OS internal error (`SystemError::Internal` / `FatalError`): not an EVM-level failure but a
 * block abort in the Rust bootloader. It propagates out of the runner; the caller of
 * `processTransaction` must treat the whole block as failed (no state is committed for the transaction).
 */
export class HookInternalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HookInternalError';
  }
}

/**
 * Ergs available to a hook. `chargeErgs` follows `BaseResources::charge`: on a shortfall the ergs are set
 * to 0 and the charge fails (the hook then reverts with nothing left, brief §7.1). EVM gas costs are
 * charged as gas × ergsPerGas.
 */
export class ErgsMeter {
  constructor(
    public ergs: number,
    readonly ergsPerGas: number,
  ) {}

  chargeErgs(amount: number): boolean {
    if (amount > this.ergs) {
      this.ergs = 0;
      return false;
    }
    this.ergs -= amount;
    return true;
  }

  chargeGas(gas: number): boolean {
    return this.chargeErgs(gas * this.ergsPerGas);
  }
}

/** `make_error_return_state`: reverted, empty data, the remaining ergs are **not** burned (brief §6.1). */
export function revert(ergsLeft: number): HookResult {
  return { status: 'revert', ergsLeft, returnData: EMPTY };
}

/** A successful completion with `returnData`. */
export function success(ergsLeft: number, returnData: Uint8Array = EMPTY): HookResult {
  return { status: 'success', ergsLeft, returnData };
}

/**
 * The 10-erg step every system hook charges after its value and modifier pre-checks (`l1_messenger.rs`,
 * `l2_base_token.rs`, `contract_deployer.rs`: `resources.charge(Ergs(10))` in the `_inner` function); a
 * call refused by the pre-checks keeps those ergs. Null when the ergs ran out (revert with 0).
 */
export function chargeStep(call: HookCall): ErgsMeter | null {
  const meter = new ErgsMeter(call.ergs, call.ergsPerGas);
  return meter.chargeErgs(HOOK_STEP_COST_ERGS) ? meter : null;
}

/** The modifier pre-check every system hook shares (brief §6.3-§6.5). */
export type ModifierCheck = { readonly ok: false } | { readonly ok: true; readonly isStatic: boolean };

/**
 * Constructor → internal error; DELEGATECALL/CALLCODE (static or not) → not ok (the hook reverts);
 * STATICCALL → ok with the static flag (each method that writes reverts on it).
 */
export function checkModifier(call: HookCall, hookName: string): ModifierCheck {
  switch (call.modifier) {
    case CallModifier.Constructor:
      throw new HookInternalError(`${hookName} hook called with constructor modifier`);
    case CallModifier.Delegate:
    case CallModifier.DelegateStatic:
    case CallModifier.EVMCallcode:
    case CallModifier.EVMCallcodeStatic:
      return { ok: false };
    case CallModifier.Static:
      return { ok: true, isStatic: true };
    default:
      return { ok: true, isStatic: false };
  }
}

/** The first four calldata bytes as an unsigned number, or null when the calldata is shorter. */
export function selectorOf(calldata: Uint8Array): number | null {
  if (calldata.length < 4) return null;
  return ((calldata[0]! << 24) | (calldata[1]! << 16) | (calldata[2]! << 8) | calldata[3]!) >>> 0;
}

/** The 32-byte big-endian word at `offset` (the caller checked the bounds). */
export function wordAt(calldata: Uint8Array, offset: number): bigint {
  let v = 0n;
  for (let i = 0; i < 32; i++) v = (v << 8n) | BigInt(calldata[offset + i]!);
  return v;
}

/** True if the 12 high bytes of the ABI address word at `offset` are zero. */
export function addressWordIsClean(calldata: Uint8Array, offset: number): boolean {
  for (let i = 0; i < 12; i++) if (calldata[offset + i] !== 0) return false;
  return true;
}

/** The address held in the low 20 bytes of the word at `offset` (high bytes ignored). */
export function addressAt(calldata: Uint8Array, offset: number): bigint {
  let v = 0n;
  for (let i = 12; i < 32; i++) v = (v << 8n) | BigInt(calldata[offset + i]!);
  return v;
}

export { bigIntToBytes as beBytes, concatBytes } from '../../crypto/bytes.js';
