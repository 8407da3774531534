// Storage opcodes: SLOAD/SSTORE (EIP-2200 net metering, EIP-2929 access, EIP-3529 refunds) and
// transient storage TLOAD/TSTORE (EIP-1153).
import type { Frame, Handler } from '../frame.js';
import { Status } from '../status.js';
import { GAS_COLD_SLOAD_SURCHARGE, SSTORE_SENTRY, sstoreGas, sstoreRefund } from '../gas.js';

export function sload(f: Frame): Status {
  const s = f.stack;
  const slot = s.peek();
  // The table charged the warm read; a first access adds the cold surcharge (EIP-2929).
  if (f.host.accessSlot(f.address, slot)) {
    if (f.gas < GAS_COLD_SLOAD_SURCHARGE) return Status.OutOfGas;
    f.gas -= GAS_COLD_SLOAD_SURCHARGE;
  }
  s.setTop(f.host.sload(f.address, slot));
  return Status.Continue;
}

/**
 * SSTORE with or without the EIP-3529 refund counter (the ZKsync profile has none, brief §9). The
 * table charges nothing statically: everything, cold surcharge included, is dynamic as in geth.
 */
export function makeSstore(refunds: boolean): Handler {
  return function sstore(f: Frame): Status {
    if (f.isStatic) return Status.StaticStateChange;
    // EIP-2200: SSTORE may not run on (or below) the call stipend.
    if (f.gas <= SSTORE_SENTRY) return Status.OutOfGas;
    const s = f.stack;
    const slot = s.pop();
    const next = s.pop();
    const host = f.host;
    const addr = f.address;
    const cold = host.accessSlot(addr, slot);
    const current = host.sload(addr, slot);
    const original = current === next ? current : host.originalStorage(addr, slot);
    const cost = sstoreGas(original, current, next, cold);
    if (cost > f.gas) return Status.OutOfGas;
    f.gas -= cost;
    if (current === next) return Status.Continue;
    host.sstore(addr, slot, next);
    if (refunds) {
      const r = sstoreRefund(original, current, next);
      if (r !== 0) host.addRefund(r);
    }
    return Status.Continue;
  };
}

export function tload(f: Frame): Status {
  const s = f.stack;
  s.setTop(f.host.tload(f.address, s.peek()));
  return Status.Continue;
}

export function tstore(f: Frame): Status {
  if (f.isStatic) return Status.StaticStateChange;
  const s = f.stack;
  const slot = s.pop();
  f.host.tstore(f.address, slot, s.pop());
  return Status.Continue;
}
