// The `ethereum` profile: Ethereum exactly as geth and revm execute it, at the fork the environment names
// (Cancun, Prague, Osaka; src/forks/).
import type { Profile } from './types.js';

/** Ethereum semantics; Cancun passes the Ethereum GeneralStateTests. */
export const ethereum: Profile = Object.freeze({
  name: 'ethereum',
  specialAddressBound: null,
  hooks: Object.freeze({ precompiles: true, systemContracts: false }),
  eoaShortcutBeforeDepthCheck: false,
  createDepthCheckBeforeNonceBump: true,
  collisionChecksStorage: true,
  entryCollisionRefunds64th: false,
  failedDeploymentReturnsCode: false,
  sstoreRefunds: true,
  deleteEmptyTouched: true,
  feeCollector: null,
  chargePriorityFee: true,
  tx: null, // the fork's transaction rules
  defaultFork: 'Osaka',
  forks: Object.freeze(['Cancun', 'Prague', 'Osaka'] as const),
  blobOpcodesStubbed: false,
  ergsPerGas: 1,
  p256Precompile: false,
  native: null,
});
