// Precompiles as system hooks (`system_hooks/src/precompiles.rs pure_system_function_hook_impl`, brief
// §6.2): the generic pure-function hook. It sees ergs; the precompile charges gas × ergsPerGas. Failure
// burns all the ergs given (`halt`); success returns the rest. Under zksync each precompile also charges
// its native cost (table in `src/profiles/zksync.ts`), before its ergs as `BaseResources::charge` does.
import type { Precompile } from './precompiles/types.js';
import type { HookRegistry, SystemHook } from './registry.js';
import { mdRounds, type NativeCosts } from '../system/resources.js';

/** Native of a precompile call from its input and the ergs it charged (0 when it failed). */
type NativeCostFn = (costs: NativeCosts, input: Uint8Array, ergsUsed: number) => number;

/** The native each precompile's system function charges (`basic_system/src/system_functions/*.rs`). */
export const PRECOMPILE_NATIVE = new Map<bigint, NativeCostFn>([
  [0x01n, (c) => c.ecrecover], // ecrecover.rs: fixed
  [0x02n, (c, x) => c.sha256.base + mdRounds(x.length, c.sha256.chunk) * c.sha256.perRound], // sha256.rs
  [0x03n, (c, x) => c.ripemd160.base + mdRounds(x.length, c.ripemd160.chunk) * c.ripemd160.perRound], // ripemd160.rs
  [0x04n, (c, x) => c.identityBase + c.identityPerByte * x.length], // precompiles.rs IdentityPrecompile
  [0x05n, (c, _x, ergsUsed) => c.modexpPerErg * ergsUsed], // modexp.rs resources_from_ergs
  [0x06n, (c) => c.bn254Add], // bn254_ecadd.rs
  [0x07n, (c) => c.bn254Mul], // bn254_ecmul.rs
  // bn254_pairing_check.rs: only a whole number of 192-byte pairs is charged (else invalid input first)
  [0x08n, (c, x) => (x.length % 192 === 0 ? c.bn254PairingBase + (x.length / 192) * c.bn254PairingPerPair : 0)],
  [0x100n, (c) => c.p256Verify], // p256_verify.rs: ergs only
]);

/** Wraps a pure precompile as a system hook. */
export function precompileHook(p: Precompile): SystemHook {
  const nativeCost = PRECOMPILE_NATIVE.get(p.address);
  return {
    name: p.name,
    run(call) {
      const perGas = call.ergsPerGas;
      const r = p.run(call.calldata, Math.floor(call.ergs / perGas));
      const native = call.native;
      if (native && nativeCost) native.charge(nativeCost(native.costs, call.calldata, r.ok ? r.gasUsed * perGas : 0));
      if (!r.ok) return { status: 'halt', ergsLeft: 0, returnData: new Uint8Array(0) };
      return { status: 'success', ergsLeft: call.ergs - r.gasUsed * perGas, returnData: r.output };
    },
  };
}

/** Registers every precompile of the list at its address. */
export function addPrecompiles(registry: HookRegistry, list: readonly Precompile[]): HookRegistry {
  for (const p of list) registry.add(p.address, precompileHook(p));
  return registry;
}
