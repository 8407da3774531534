// Prague (EIP-7600): set-code transactions (EIP-7702), calldata floor (EIP-7623), blob throughput
// (EIP-7691), block-hash history (EIP-2935), BLS12-381 precompiles (EIP-2537).
import { PRAGUE_PRECOMPILES, precompileAddresses } from '../hooks/precompiles/sets.js';
import { GAS_PER_BLOB } from '../tx/fees.js';
import { ETHEREUM_CANCUN_TX_PARAMS, type TxValidationParams } from '../tx/validate.js';
import { cancun } from './cancun.js';
import type { Fork } from './types.js';

/** EIP-7691: target 6, max 9, update fraction 5007716. */
const PRAGUE_BLOBS = Object.freeze({ name: 'Prague', timestamp: 0n, target: 6, max: 9, updateFraction: 5007716n });

export const PRAGUE_TX_PARAMS: TxValidationParams = Object.freeze({
  ...ETHEREUM_CANCUN_TX_PARAMS,
  supportedTypes: Object.freeze([0, 1, 2, 3, 4] as const),
  maxBlobGasPerBlock: BigInt(PRAGUE_BLOBS.max) * GAS_PER_BLOB,
  gas: Object.freeze({
    ...ETHEREUM_CANCUN_TX_PARAMS.gas,
    floorPerToken: 10, // EIP-7623 TOTAL_COST_FLOOR_PER_TOKEN
    perAuthorization: 25000, // EIP-7702 PER_EMPTY_ACCOUNT_COST
    existingAuthorityRefund: 25000 - 12500, // PER_EMPTY_ACCOUNT_COST - PER_AUTH_BASE_COST
  }),
});

const precompiles = PRAGUE_PRECOMPILES;

export const prague: Fork = Object.freeze({
  ...cancun,
  name: 'Prague',
  precompiles,
  precompileAddresses: new Set(precompileAddresses(precompiles)),
  tx: PRAGUE_TX_PARAMS,
  blobSchedule: Object.freeze([PRAGUE_BLOBS]),
  setCode: true,
  blockHashHistory: true,
});
