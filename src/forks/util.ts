// Helpers for building fork objects.
import type { Address } from '../ee/types.js';
import type { Precompile } from '../hooks/precompiles/types.js';

/** The frozen address set of a precompile list. */
export function addressesOf(list: readonly Precompile[]): ReadonlySet<Address> {
  return new Set(list.map((p) => p.address));
}
