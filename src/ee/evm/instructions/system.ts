// SELFDESTRUCT (EIP-6780 semantics live in the host): 5000 static + 2600 cold beneficiary (EIP-2929)
// + 25000 when it funds an empty account; no refund since EIP-3529; forbidden in static context.
import type { Frame } from '../frame.js';
import { Status } from '../status.js';
import { GAS_COLD_ACCOUNT_ACCESS, GAS_NEW_ACCOUNT } from '../gas.js';
import { ADDRESS_MASK } from '../../../encoding/limits.js';

export function selfdestruct(f: Frame): Status {
  if (f.isStatic) return Status.StaticStateChange;
  const beneficiary = f.stack.pop() & ADDRESS_MASK;
  const host = f.host;
  let cost = 0;
  if (host.accessAccount(beneficiary)) cost += GAS_COLD_ACCOUNT_ACCESS;
  if (host.isEmpty(beneficiary) && host.getBalance(f.address) !== 0n) cost += GAS_NEW_ACCOUNT;
  if (cost > f.gas) return Status.OutOfGas;
  f.gas -= cost;
  host.selfDestruct(f.address, beneficiary);
  return Status.SelfDestruct;
}
