// Cancun (EIP-7569): the base the later forks layer on.
import { CANCUN_PRECOMPILES, precompileAddresses } from '../hooks/precompiles/sets.js';
import { ETHEREUM_CANCUN_TX_PARAMS } from '../tx/validate.js';
import type { Fork } from './types.js';

export const cancun: Fork = Object.freeze({
  name: 'Cancun',
  evm: Object.freeze({ clz: false }),
  precompiles: CANCUN_PRECOMPILES,
  precompileAddresses: new Set(precompileAddresses(CANCUN_PRECOMPILES)),
  tx: ETHEREUM_CANCUN_TX_PARAMS,
  // EIP-4844: target 3, max 6.
  blobSchedule: Object.freeze([
    Object.freeze({ name: 'Cancun', timestamp: 0n, target: 3, max: 6, updateFraction: 3338477n }),
  ]),
  blobBaseCost: null,
  setCode: false,
  blockHashHistory: false,
});
