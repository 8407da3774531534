// Fee arithmetic: effective gas price (EIP-1559), upfront cost, blob gas and blob base fee (EIP-4844).
import type { Transaction } from './types.js';

/** Blob gas per blob (EIP-4844 GAS_PER_BLOB). */
export const GAS_PER_BLOB = 131072n;
/** Cancun MAX_BLOB_GAS_PER_BLOCK (6 blobs). */
export const MAX_BLOB_GAS_PER_BLOCK = 786432n;
/** Cancun blob limit per block (and so per transaction). */
export const MAX_BLOBS_PER_BLOCK = Number(MAX_BLOB_GAS_PER_BLOCK / GAS_PER_BLOB);
/** Cancun BLOB_BASE_FEE_UPDATE_FRACTION. */
export const BLOB_BASE_FEE_UPDATE_FRACTION = 3338477n;
/** MIN_BASE_FEE_PER_BLOB_GAS. */
export const MIN_BLOB_BASE_FEE = 1n;
/** First byte of a KZG versioned hash. */
export const VERSIONED_HASH_VERSION_KZG = 0x01;

/** EIP-4844 `fake_exponential`: integer approximation of factor · e^(numerator/denominator). */
export function fakeExponential(factor: bigint, numerator: bigint, denominator: bigint): bigint {
  let i = 1n;
  let output = 0n;
  let accum = factor * denominator;
  while (accum > 0n) {
    output += accum;
    accum = (accum * numerator) / (denominator * i);
    i += 1n;
  }
  return output / denominator;
}

/** Blob base fee for a block with `excessBlobGas` (Cancun). */
export function blobBaseFee(excessBlobGas: bigint): bigint {
  return fakeExponential(MIN_BLOB_BASE_FEE, excessBlobGas, BLOB_BASE_FEE_UPDATE_FRACTION);
}

/** Blob gas a transaction consumes (0 unless type 3). */
export function blobGasUsed(tx: Pick<Transaction, 'blobVersionedHashes'>): bigint {
  return BigInt(tx.blobVersionedHashes.length) * GAS_PER_BLOB;
}

/** The fee cap: gasPrice for types 0/1, maxFeePerGas for types 2/3 (0 if absent). */
export function feeCap(tx: Pick<Transaction, 'type' | 'gasPrice' | 'maxFeePerGas'>): bigint {
  return (tx.type <= 1 ? tx.gasPrice : tx.maxFeePerGas) ?? 0n;
}

/** The tip cap: gasPrice for types 0/1, maxPriorityFeePerGas for types 2/3 (0 if absent). */
export function tipCap(tx: Pick<Transaction, 'type' | 'gasPrice' | 'maxPriorityFeePerGas'>): bigint {
  return (tx.type <= 1 ? tx.gasPrice : tx.maxPriorityFeePerGas) ?? 0n;
}

export interface FeeOptions {
  /** Pay the priority fee on top of the base fee (Ethereum: yes; ZKsync OS default build: no). */
  readonly chargePriorityFee?: boolean;
}

/**
 * Price per gas the sender pays: min(feeCap, baseFee + tipCap), which for types 0/1 is gasPrice.
 * With `chargePriorityFee: false` it is the base fee. Assumes the transaction passed validation.
 */
export function effectiveGasPrice(
  tx: Pick<Transaction, 'type' | 'gasPrice' | 'maxFeePerGas' | 'maxPriorityFeePerGas'>,
  baseFee: bigint,
  opts: FeeOptions = {},
): bigint {
  if (opts.chargePriorityFee === false) return baseFee;
  const cap = feeCap(tx);
  const withTip = baseFee + tipCap(tx);
  return cap < withTip ? cap : withTip;
}

/** Priority fee per gas the coinbase receives: effective price − base fee. */
export function priorityFeePerGas(
  tx: Pick<Transaction, 'type' | 'gasPrice' | 'maxFeePerGas' | 'maxPriorityFeePerGas'>,
  baseFee: bigint,
  opts: FeeOptions = {},
): bigint {
  return effectiveGasPrice(tx, baseFee, opts) - baseFee;
}

/** Largest amount the sender may pay: gasLimit · feeCap + value + blobGas · maxFeePerBlobGas. */
export function maxUpfrontCost(tx: Transaction): bigint {
  return tx.gasLimit * feeCap(tx) + tx.value + blobGasUsed(tx) * (tx.maxFeePerBlobGas ?? 0n);
}

/** What the sender is charged before execution: gasLimit · effective price + blobGas · blobBaseFee. */
export function upfrontGasCharge(tx: Transaction, baseFee: bigint, blobFee: bigint, opts: FeeOptions = {}): bigint {
  return tx.gasLimit * effectiveGasPrice(tx, baseFee, opts) + blobGasUsed(tx) * blobFee;
}
