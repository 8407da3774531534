// ZKsync system contracts as hooks (brief §6.3-§6.5). The rest of the special address space below
// 0x10000 has no hook and behaves as an empty account (brief §2.6, handled by the runner).
import type { HookRegistry } from '../registry.js';
import { CONTRACT_DEPLOYER_ADDRESS, L1_MESSENGER_ADDRESS, L2_BASE_TOKEN_ADDRESS } from './constants.js';
import { contractDeployerHook } from './contractDeployer.js';
import { l1MessengerHook } from './l1Messenger.js';
import { l2BaseTokenHook } from './l2BaseToken.js';

export * from './constants.js';
export { HookInternalError } from './common.js';
export { contractDeployerHook } from './contractDeployer.js';
export { l1MessengerHook } from './l1Messenger.js';
export { l2BaseTokenHook } from './l2BaseToken.js';

/** Registers the ZKsync system-contract hooks (0x8006, 0x8008, 0x800a), in the Rust order. */
export function addSystemContracts(registry: HookRegistry): HookRegistry {
  registry.add(L1_MESSENGER_ADDRESS, l1MessengerHook);
  registry.add(L2_BASE_TOKEN_ADDRESS, l2BaseTokenHook);
  registry.add(CONTRACT_DEPLOYER_ADDRESS, contractDeployerHook);
  return registry;
}
