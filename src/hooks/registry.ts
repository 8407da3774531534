// System hooks keyed by address (brief §6.1): precompiles and, in the zksync profile, system contracts.
// The runner consults the registry for special addresses instead of creating an EE.
import type { Address, CallModifier } from '../ee/types.js';
import type { WorldState } from '../system/world.js';
import type { NativeMeter } from '../system/resources.js';

/** What a hook receives: the call after the runner's charges, 63/64 and stipend (brief §6.1). */
export interface HookCall {
  readonly caller: Address;
  readonly address: Address;
  /** A view of the caller's memory, valid for this call only: a hook that keeps any of it copies it. */
  readonly calldata: Uint8Array;
  readonly value: bigint;
  readonly modifier: CallModifier;
  /** Ergs the hook may use (brief §7: 1 gas = `ergsPerGas` ergs; Ethereum: 1). */
  readonly ergs: number;
  readonly ergsPerGas: number;
  /** True when the calling frame is an EVM frame (false: an EOA's top-level call, brief §6.3). */
  readonly callerIsEvm: boolean;
  /** The transaction's native meter (zksync), absent when native is not metered. */
  readonly native?: NativeMeter;
}

/** A hook's completion: `halt` burns all ergs (precompile failure), `revert` keeps `ergsLeft`. */
export interface HookResult {
  readonly status: 'success' | 'revert' | 'halt';
  readonly ergsLeft: number;
  readonly returnData: Uint8Array;
}

/** A system hook: runs inside the runner's frame for its address and may change the world. */
export interface SystemHook {
  readonly name: string;
  run(call: HookCall, world: WorldState): HookResult;
}

/** Hooks by address; `add` refuses duplicates as the Rust `add_hook` does. */
export class HookRegistry {
  private readonly hooks = new Map<Address, SystemHook>();

  add(address: Address, hook: SystemHook): this {
    if (this.hooks.has(address)) throw new Error(`hook already registered at 0x${address.toString(16)}`);
    this.hooks.set(address, hook);
    return this;
  }

  get(address: Address): SystemHook | undefined {
    return this.hooks.get(address);
  }

  has(address: Address): boolean {
    return this.hooks.has(address);
  }

  addresses(): Address[] {
    return [...this.hooks.keys()];
  }
}
