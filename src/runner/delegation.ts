// EIP-7702 delegation at call time: an account whose code is the designator 0xef0100 ‖ address runs the
// delegate's code. Only one level is followed (a designator in the delegate's code runs as code and halts
// on 0xef), and a delegate that is a precompile runs its (empty) account code, not the precompile.
import type { Address } from '../ee/types.js';
import { accountAccessCost } from '../ee/evm/gas.js';
import { delegationTarget } from '../system/delegation.js';
import type { WorldState } from '../system/world.js';

export { delegationTarget, designatorFor } from '../system/delegation.js';

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
