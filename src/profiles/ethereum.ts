// The `ethereum` profile: Cancun exactly as geth and revm execute it.
import type { Profile } from './types.js';
import { ETHEREUM_CANCUN_TX_PARAMS } from '../tx/validate.js';

/** Cancun semantics; passes the Ethereum GeneralStateTests. */
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
  tx: ETHEREUM_CANCUN_TX_PARAMS,
  blobOpcodesStubbed: false,
  ergsPerGas: 1,
  p256Precompile: false,
  native: null,
});
