// EIP-7702 delegation at call time: an account whose code is the designator 0xef0100 ‖ address runs the
// delegate's code. Only one level is followed (a designator in the delegate's code runs as code and halts
// on 0xef), and a delegate that is a precompile runs its (empty) account code, not the precompile.
import type { Address } from '../ee/types.js';
import { accountAccessCost } from '../ee/evm/gas.js';
import type { WorldState } from '../system/world.js';

/** The designator prefix 0xef 0x01 0x00 (EIP-7702 SET_CODE_TX_MAGIC-free code marker). */
export const DESIGNATOR_PREFIX: readonly number[] = Object.freeze([0xef, 0x01, 0x00]);
/** Designator length: 3-byte prefix + 20-byte address. */
export const DESIGNATOR_LENGTH = 23;

/** The delegate named by `code` when it is exactly a designator, else null. */
export function delegationTarget(code: Uint8Array): Address | null {
  if (code.length !== DESIGNATOR_LENGTH || code[0] !== 0xef || code[1] !== 0x01 || code[2] !== 0x00) return null;
  let a = 0n;
  for (let i = 3; i < DESIGNATOR_LENGTH; i++) a = (a << 8n) | BigInt(code[i]!);
  return a;
}

/** The 23-byte designator code delegating to `target`. */
export function designatorFor(target: Address): Uint8Array {
  const code = new Uint8Array(DESIGNATOR_LENGTH);
  code.set(DESIGNATOR_PREFIX);
  let a = target;
  for (let i = DESIGNATOR_LENGTH - 1; i >= 3; i--) {
    code[i] = Number(a & 0xffn);
    a >>= 8n;
  }
  return code;
}

/** The code a call to `callee` runs: the delegate's code when `callee` holds a designator. */
export function codeToRun(world: WorldState, callee: Address): Uint8Array {
  const code = world.getAccount(callee).code;
  const target = delegationTarget(code);
  return target === null ? code : world.getAccount(target).code;
}

/**
 * Access charge for resolving a delegation (geth's CALL-family EIP-7702 gas): 0 when `callee` is not
 * delegated, else the delegate's warm (100) or cold (2600) access, warming it.
 */
export function delegationAccessCost(world: WorldState, callee: Address): number {
  const target = delegationTarget(world.getAccount(callee).code);
  if (target === null) return 0;
  return accountAccessCost(world.accessAccount(target));
}
