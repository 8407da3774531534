// Precompiles as system hooks (brief §6.2): the generic pure-function hook. Failure burns all the gas
// given (`halt`); success returns the rest.
import type { Precompile } from './precompiles/types.js';
import type { HookRegistry, SystemHook } from './registry.js';
import type { NativeCosts } from '../system/resources.js';

type NativeCostFn = (costs: NativeCosts, inputLength: number, gasUsed: number) => number;

/** Native costs the brief gives for precompiles (§6.2); the others are not metered here. */
const NATIVE_COSTS = new Map<bigint, NativeCostFn>([
  [0x04n, (c, len) => c.identityBase + c.identityPerByte * len],
  [0x05n, (c, _len, gasUsed) => c.modexpPerErg * gasUsed * 256],
]);

/** Wraps a pure precompile as a system hook. */
export function precompileHook(p: Precompile): SystemHook {
  return {
    name: p.name,
    nativeCost: NATIVE_COSTS.get(p.address),
    run(call) {
      const r = p.run(call.calldata, call.gas);
      if (!r.ok) return { status: 'halt', gasLeft: 0, returnData: new Uint8Array(0) };
      return { status: 'success', gasLeft: call.gas - r.gasUsed, returnData: r.output };
    },
  };
}

/** Registers every precompile of the list at its address. */
export function addPrecompiles(registry: HookRegistry, list: readonly Precompile[]): HookRegistry {
  for (const p of list) registry.add(p.address, precompileHook(p));
  return registry;
}
