// Cancun (EIP-7569): the base the later forks layer on.
import { cancunPrecompiles } from '../hooks/precompiles/index.js';
import { ETHEREUM_CANCUN_TX_PARAMS } from '../tx/validate.js';
import type { Fork } from './types.js';
import { addressesOf } from './util.js';

export const cancun: Fork = Object.freeze({
  name: 'Cancun',
  evm: Object.freeze({ clz: false }),
  precompiles: cancunPrecompiles,
  precompileAddresses: addressesOf(cancunPrecompiles),
  tx: ETHEREUM_CANCUN_TX_PARAMS,
  // EIP-4844: target 3, max 6.
  blobSchedule: Object.freeze([
    Object.freeze({ name: 'Cancun', timestamp: 0n, target: 3, max: 6, updateFraction: 3338477n }),
  ]),
  blobBaseCost: null,
  setCode: false,
  blockHashHistory: false,
});
