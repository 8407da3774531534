// The `zksync` profile: ZKsync OS rules at commit 0a82da0 (../shared/reference/zksync-os-brief.md).
import type { Profile } from './types.js';
import { ethereum } from './ethereum.js';
import { ZKSYNC_TX_PARAMS } from '../tx/validate.js';
import { ZKSYNC_NATIVE_COSTS } from '../system/resources.js';
import { BOOTLOADER_FORMAL_ADDRESS } from '../hooks/zksync/constants.js';

/** ZKsync OS semantics: special address space, system hooks, fees via 0x8001, no refund counter. */
export const zksync: Profile = Object.freeze({
  ...ethereum,
  name: 'zksync',
  specialAddressBound: 0x10000n, // brief §2.6: strict `<`
  hooks: Object.freeze({ precompiles: true, systemContracts: true }),
  eoaShortcutBeforeDepthCheck: true, // brief §2.3 step 3
  createDepthCheckBeforeNonceBump: false, // brief §2.7 step 3
  collisionChecksStorage: false, // brief §9
  entryCollisionRefunds64th: true, // brief §2.7 step 2, §9: the 1/64 is merged only after preparation
  failedDeploymentReturnsCode: true, // brief §9
  sstoreRefunds: false, // brief §9
  deleteEmptyTouched: false,
  feeCollector: BOOTLOADER_FORMAL_ADDRESS, // brief §8.2 step 11
  chargePriorityFee: false, // brief §8.2 step 2
  tx: ZKSYNC_TX_PARAMS, // 18000 intrinsic + 3000 ecrecover during EOA validation (brief §8.2 step 3)
  defaultFork: 'Cancun', // ZKsync OS keeps its own Cancun-based rules
  forks: Object.freeze(['Cancun'] as const),
  blobOpcodesStubbed: true,
  ergsPerGas: 256,
  native: ZKSYNC_NATIVE_COSTS, // brief §7: one native budget per transaction
});
