// Intrinsic gas of a transaction (yellow paper g0 + EIP-2028 calldata, EIP-2930 access lists,
// EIP-3860 initcode words). The constants are data so a profile can change them.
import type { Transaction } from './types.js';

/** Gas constants used before execution starts. */
export interface TxGasParams {
  /** Base cost of every transaction (G_transaction). */
  readonly base: number;
  /** Added to the intrinsic gas of a contract creation (G_txcreate). */
  readonly create: number;
  /** Charged when a creation transaction starts executing instead of up front (ZKsync). */
  readonly createAtExecution: number;
  /** Per zero calldata byte (G_txdatazero). */
  readonly dataZeroByte: number;
  /** Per non-zero calldata byte (EIP-2028). */
  readonly dataNonZeroByte: number;
  /** Per access-list address (EIP-2930). */
  readonly accessListAddress: number;
  /** Per access-list storage key (EIP-2930). */
  readonly accessListStorageKey: number;
  /** Per 32-byte initcode word of a creation transaction (EIP-3860). */
  readonly initcodeWord: number;
  /** Largest initcode of a creation transaction (EIP-3860). */
  readonly maxInitcodeSize: number;
  /** EIP-7623 TOTAL_COST_FLOOR_PER_TOKEN (Prague: 10); absent: no calldata floor. */
  readonly floorPerToken?: number;
  /** EIP-7702 PER_EMPTY_ACCOUNT_COST per authorization (Prague: 25000). */
  readonly perAuthorization?: number;
  /** EIP-7702 refund for an authority that already exists: PER_EMPTY_ACCOUNT_COST − PER_AUTH_BASE_COST. */
  readonly existingAuthorityRefund?: number;
}

/** EIP-7623 STANDARD_TOKEN_COST: a non-zero calldata byte counts as 4 tokens, a zero byte as 1. */
export const TOKENS_PER_NONZERO_BYTE = 4;

/** Ethereum (Cancun). */
export const ETHEREUM_TX_GAS_PARAMS: TxGasParams = Object.freeze({
  base: 21000,
  create: 32000,
  createAtExecution: 0,
  dataZeroByte: 4,
  dataNonZeroByte: 16,
  accessListAddress: 2400,
  accessListStorageKey: 1900,
  initcodeWord: 2,
  maxInitcodeSize: 49152,
});

/**
 * ZKsync OS (brief §8.2): L2_TX_INTRINSIC_GAS 18000 + ecrecover 3000 for EOA validation; the
 * deployment extra 32000 is charged at execution (a shortfall reverts instead of invalidating).
 */
export const ZKSYNC_TX_GAS_PARAMS: TxGasParams = Object.freeze({
  base: 18000 + 3000,
  create: 0,
  createAtExecution: 32000,
  dataZeroByte: 4,
  dataNonZeroByte: 16,
  accessListAddress: 2400,
  accessListStorageKey: 1900,
  initcodeWord: 2,
  maxInitcodeSize: 49152,
});

/** Calldata cost: `dataZeroByte` per zero byte, `dataNonZeroByte` per other byte. */
export function calldataGas(data: Uint8Array, params: TxGasParams = ETHEREUM_TX_GAS_PARAMS): bigint {
  let zeros = 0;
  for (let i = 0; i < data.length; i++) if (data[i] === 0) zeros++;
  return BigInt(zeros) * BigInt(params.dataZeroByte) + BigInt(data.length - zeros) * BigInt(params.dataNonZeroByte);
}

/** EIP-7623 tokens in calldata: zero bytes + 4 × non-zero bytes. */
export function calldataTokens(data: Uint8Array): bigint {
  let zeros = 0;
  for (let i = 0; i < data.length; i++) if (data[i] === 0) zeros++;
  return BigInt(zeros + TOKENS_PER_NONZERO_BYTE * (data.length - zeros));
}

/** EIP-7623 floor: base + floorPerToken × tokens (Prague: 21000 + 10 × tokens); 0 without a floor. */
export function floorDataGas(tx: Pick<Transaction, 'data'>, params: TxGasParams = ETHEREUM_TX_GAS_PARAMS): bigint {
  const perToken = params.floorPerToken;
  if (perToken === undefined) return 0n;
  return BigInt(params.base) + BigInt(perToken) * calldataTokens(tx.data);
}

/** Gas a transaction costs before its first instruction runs. */
export function intrinsicGas(
  tx: Pick<Transaction, 'to' | 'data' | 'accessList' | 'authorizationList'>,
  params: TxGasParams = ETHEREUM_TX_GAS_PARAMS,
): bigint {
  let gas = BigInt(params.base) + calldataGas(tx.data, params);
  const auths = tx.authorizationList?.length ?? 0;
  if (auths > 0) gas += BigInt(auths) * BigInt(params.perAuthorization ?? 0);
  if (tx.to === null) {
    gas += BigInt(params.create);
    gas += BigInt(Math.ceil(tx.data.length / 32)) * BigInt(params.initcodeWord);
  }
  let keys = 0;
  for (const entry of tx.accessList) keys += entry.storageKeys.length;
  gas += BigInt(tx.accessList.length) * BigInt(params.accessListAddress);
  gas += BigInt(keys) * BigInt(params.accessListStorageKey);
  return gas;
}
