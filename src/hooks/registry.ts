// System hooks keyed by address (brief §6.1): precompiles and, in the zksync profile, system contracts.
// The runner consults the registry for special addresses instead of creating an EE.
import type { Address, CallModifier } from '../ee/types.js';
import type { WorldState } from '../system/world.js';
import type { NativeCosts } from '../system/resources.js';

/** What a hook receives: the call after the runner's charges, 63/64 and stipend (brief §6.1). */
export interface HookCall {
  readonly caller: Address;
  readonly address: Address;
  readonly calldata: Uint8Array;
  readonly value: bigint;
  readonly modifier: CallModifier;
  readonly gas: number;
  /** True when the calling frame is an EVM frame (false: an EOA's top-level call, brief §6.3). */
  readonly callerIsEvm: boolean;
}

/** A hook's completion: `halt` burns all gas (precompile failure), `revert` keeps `gasLeft`. */
export interface HookResult {
  readonly status: 'success' | 'revert' | 'halt';
  readonly gasLeft: number;
  readonly returnData: Uint8Array;
}

/** A system hook: runs inside the runner's frame for its address and may change the world. */
export interface SystemHook {
  readonly name: string;
  /**
   * Ergs the hook charges for itself before running (ZKsync system contracts: 10, brief §6.3-§6.5).
   * 1 gas = 256 ergs; the runner keeps the sub-gas remainder with the calling frame (brief §7).
   */
  readonly stepErgs?: number;
  /** Native the hook's work costs (brief §6.2), given the input length and the gas it used. */
  nativeCost?(costs: NativeCosts, inputLength: number, gasUsed: number): number;
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
