// Osaka (EIP-7607): CLZ (EIP-7939), transaction gas cap (EIP-7825), blob base fee reserve price (EIP-7918),
// per-transaction blob limit (EIP-7594), P256VERIFY (EIP-7951), MODEXP bounds and pricing (EIP-7823/7883),
// and the blob-parameter-only forks BPO1/BPO2 (EIP-7892) as timestamped blob schedule entries.
import { OSAKA_PRECOMPILES, precompileAddresses } from '../hooks/precompiles/sets.js';
import type { TxValidationParams } from '../tx/validate.js';
import { PRAGUE_TX_PARAMS, prague } from './prague.js';
import type { Fork } from './types.js';

export const OSAKA_TX_PARAMS: TxValidationParams = Object.freeze({
  ...PRAGUE_TX_PARAMS,
  maxTxGas: 1n << 24n, // EIP-7825 TX_MAX_GAS_LIMIT
  maxBlobsPerTx: 6, // EIP-7594 MAX_BLOBS_PER_TX
});

const precompiles = OSAKA_PRECOMPILES;

export const osaka: Fork = Object.freeze({
  ...prague,
  name: 'Osaka',
  evm: Object.freeze({ clz: true }),
  precompiles,
  precompileAddresses: new Set(precompileAddresses(precompiles)),
  tx: OSAKA_TX_PARAMS,
  // Mainnet: Osaka keeps Prague's 6/9; BPO1 (2025-12-09) and BPO2 (2026-01-07) raise them (EIP-7892).
  blobSchedule: Object.freeze([
    prague.blobSchedule[0]!,
    Object.freeze({ name: 'BPO1', timestamp: 1765290071n, target: 10, max: 15, updateFraction: 8346193n }),
    Object.freeze({ name: 'BPO2', timestamp: 1767747671n, target: 14, max: 21, updateFraction: 11684671n }),
  ]),
  blobBaseCost: 1n << 13n, // EIP-7918 BLOB_BASE_COST
});
