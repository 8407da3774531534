// Transaction validity rules checked before execution, in geth's order (state_transition.go preCheck,
// buyGas, then TransitionDb's intrinsic-gas and initcode checks), preceded by the encoding-width
// checks a decoder would apply. An invalid transaction changes no state and pays no fee.
import type { BlockContext } from '../ee/host.js';
import { U256_MAX, U64_MAX } from '../encoding/limits.js';
import {
  BlobCountExceededError,
  BlobCreateError,
  BlobFeeCapTooLowError,
  BlobNoneError,
  BlobVersionedHashInvalidError,
  FeeCapBelowBaseFeeError,
  FieldOverflowError,
  GasLimitAboveBlockError,
  GasLimitAboveCapError,
  IntrinsicGasBelowFloorError,
  SetCodeCreateError,
  SetCodeEmptyListError,
  GasLimitPriceProductOverflowError,
  InitcodeTooLargeError,
  InsufficientFundsError,
  IntrinsicGasTooLowError,
  NonceMaxError,
  NonceTooHighError,
  NonceTooLowError,
  PriorityFeeAboveFeeCapError,
  SenderNotEOAError,
  TypeNotSupportedError,
  type TxValidationError,
} from './errors.js';
import {
  blobGasUsed,
  feeCap,
  GAS_PER_BLOB,
  MAX_BLOB_GAS_PER_BLOCK,
  tipCap,
  VERSIONED_HASH_VERSION_KZG,
} from './fees.js';
import {
  ETHEREUM_TX_GAS_PARAMS,
  floorDataGas,
  intrinsicGas,
  ZKSYNC_TX_GAS_PARAMS,
  type TxGasParams,
} from './intrinsic.js';
import type { Transaction, TxType } from './types.js';

const U8_MAX = 0xffn;

/** Profile- and fork-dependent validation parameters. */
export interface TxValidationParams {
  readonly gas: TxGasParams;
  readonly supportedTypes: readonly TxType[];
  /** Blob gas a single block (hence a transaction) may use. */
  readonly maxBlobGasPerBlock: bigint;
  /** EIP-7825 (Osaka): largest transaction gas limit; absent: only the block limit. */
  readonly maxTxGas?: bigint;
  /** EIP-7594 (Osaka): most blobs one transaction may carry; absent: only the block limit. */
  readonly maxBlobsPerTx?: number;
}

/** Ethereum Cancun. */
export const ETHEREUM_CANCUN_TX_PARAMS: TxValidationParams = Object.freeze({
  gas: ETHEREUM_TX_GAS_PARAMS,
  supportedTypes: Object.freeze([0, 1, 2, 3] as TxType[]),
  maxBlobGasPerBlock: MAX_BLOB_GAS_PER_BLOCK,
});

/** ZKsync OS: no blob transactions (EIP-712 / L1 types are out of scope here). */
export const ZKSYNC_TX_PARAMS: TxValidationParams = Object.freeze({
  gas: ZKSYNC_TX_GAS_PARAMS,
  supportedTypes: Object.freeze([0, 1, 2] as TxType[]),
  maxBlobGasPerBlock: 0n,
});

export interface TxValidationContext {
  readonly block: BlockContext;
  readonly senderNonce: bigint;
  readonly senderBalance: bigint;
  /** EIP-3607: the sender account has code other than an EIP-7702 delegation designator. */
  readonly senderHasCode: boolean;
  /** Defaults to `ETHEREUM_CANCUN_TX_PARAMS`. */
  readonly params?: TxValidationParams;
}

/** The first rule `tx` breaks, or null if it is valid. */
export function validateTransaction(tx: Transaction, ctx: TxValidationContext): TxValidationError | null {
  const found = check(tx, ctx, true);
  return found.length === 0 ? null : found[0]!;
}

/**
 * Every rule `tx` breaks, in check order (the first is what `validateTransaction` reports).
 * Checks that are meaningless after an earlier failure (funds when the price product overflowed)
 * are skipped.
 */
export function collectValidationErrors(tx: Transaction, ctx: TxValidationContext): TxValidationError[] {
  return check(tx, ctx, false);
}

function check(tx: Transaction, ctx: TxValidationContext, firstOnly: boolean): TxValidationError[] {
  const params = ctx.params ?? ETHEREUM_CANCUN_TX_PARAMS;
  const errors: TxValidationError[] = [];
  const fail = (e: TxValidationError): boolean => {
    errors.push(e);
    return firstOnly;
  };

  // Encoding widths: such a transaction cannot even be decoded (RLP_INVALID_VALUE).
  const widths: [string, bigint | undefined, bigint, number][] = [
    ['nonce', tx.nonce, U64_MAX, 64],
    ['gasLimit', tx.gasLimit, U64_MAX, 64],
    ['value', tx.value, U256_MAX, 256],
    ['gasPrice', tx.gasPrice, U256_MAX, 256],
    ['maxFeePerGas', tx.maxFeePerGas, U256_MAX, 256],
    ['maxPriorityFeePerGas', tx.maxPriorityFeePerGas, U256_MAX, 256],
    ['maxFeePerBlobGas', tx.maxFeePerBlobGas, U256_MAX, 256],
    ['chainId', tx.chainId, U256_MAX, 256],
  ];
  const auths = tx.authorizationList ?? [];
  for (let i = 0; i < auths.length; i++) {
    const a = auths[i]!;
    const at = `authorizationList[${i}]`;
    widths.push(
      [`${at}.chainId`, a.chainId, U256_MAX, 256],
      [`${at}.nonce`, a.nonce, U64_MAX, 64],
      [`${at}.yParity`, a.yParity, U8_MAX, 8],
      [`${at}.r`, a.r, U256_MAX, 256],
      [`${at}.s`, a.s, U256_MAX, 256],
    );
  }
  for (const [field, v, max, bits] of widths) {
    if (v !== undefined && (v < 0n || v > max) && fail(new FieldOverflowError(field, v, bits))) return errors;
  }
  if (errors.length > 0) return errors; // nothing else is meaningful on undecodable fields

  if (!params.supportedTypes.includes(tx.type) && fail(new TypeNotSupportedError(tx.type))) return errors;

  // Nonce (EIP-2681 first: a max nonce is invalid whatever the state holds).
  if (tx.nonce === U64_MAX) {
    if (fail(new NonceMaxError(tx.nonce))) return errors;
  } else if (tx.nonce > ctx.senderNonce) {
    if (fail(new NonceTooHighError(tx.nonce, ctx.senderNonce))) return errors;
  } else if (tx.nonce < ctx.senderNonce) {
    if (fail(new NonceTooLowError(tx.nonce, ctx.senderNonce))) return errors;
  }

  if (ctx.senderHasCode && fail(new SenderNotEOAError(tx.sender))) return errors;

  // EIP-7825: the per-transaction gas cap.
  if (params.maxTxGas !== undefined && tx.gasLimit > params.maxTxGas) {
    if (fail(new GasLimitAboveCapError(tx.gasLimit, params.maxTxGas))) return errors;
  }

  // EIP-1559 fee caps.
  const cap = feeCap(tx);
  if (tx.type >= 2) {
    const tip = tipCap(tx);
    if (tip > cap && fail(new PriorityFeeAboveFeeCapError(tip, cap))) return errors;
  }
  if (cap < ctx.block.baseFee && fail(new FeeCapBelowBaseFeeError(cap, ctx.block.baseFee))) return errors;

  // EIP-4844.
  if (tx.type === 3) {
    if (tx.to === null && fail(new BlobCreateError())) return errors;
    const n = tx.blobVersionedHashes.length;
    if (n === 0 && fail(new BlobNoneError())) return errors;
    for (let i = 0; i < n; i++) {
      const h = tx.blobVersionedHashes[i]!;
      if (h >> 248n !== BigInt(VERSIONED_HASH_VERSION_KZG) && fail(new BlobVersionedHashInvalidError(i, h)))
        return errors;
    }
    if (
      blobGasUsed(tx) > params.maxBlobGasPerBlock ||
      (params.maxBlobsPerTx !== undefined && n > params.maxBlobsPerTx)
    ) {
      const max = Math.min(Number(params.maxBlobGasPerBlock / GAS_PER_BLOB), params.maxBlobsPerTx ?? Infinity);
      if (fail(new BlobCountExceededError(n, max))) return errors;
    }
    const blobFeeCap = tx.maxFeePerBlobGas ?? 0n;
    if (n > 0 && blobFeeCap < ctx.block.blobBaseFee) {
      if (fail(new BlobFeeCapTooLowError(blobFeeCap, ctx.block.blobBaseFee))) return errors;
    }
  }

  // EIP-7702.
  if (tx.type === 4) {
    if (tx.to === null && fail(new SetCodeCreateError())) return errors;
    if (auths.length === 0 && fail(new SetCodeEmptyListError())) return errors;
  }

  // Funds (geth buyGas): gasLimit × feeCap + value + blobGas × maxFeePerBlobGas.
  const gasCost = tx.gasLimit * cap;
  if (gasCost > U256_MAX) {
    if (fail(new GasLimitPriceProductOverflowError(tx.gasLimit, cap))) return errors;
  } else {
    const required = gasCost + tx.value + blobGasUsed(tx) * (tx.maxFeePerBlobGas ?? 0n);
    if (ctx.senderBalance < required && fail(new InsufficientFundsError(ctx.senderBalance, required))) return errors;
  }

  if (tx.gasLimit > ctx.block.gasLimit && fail(new GasLimitAboveBlockError(tx.gasLimit, ctx.block.gasLimit)))
    return errors;

  const intrinsic = intrinsicGas(tx, params.gas);
  if (tx.gasLimit < intrinsic && fail(new IntrinsicGasTooLowError(tx.gasLimit, intrinsic))) return errors;
  // EIP-7623: the gas limit must also cover the calldata floor.
  const floor = floorDataGas(tx, params.gas);
  if (tx.gasLimit < floor && fail(new IntrinsicGasBelowFloorError(tx.gasLimit, floor))) return errors;

  if (tx.to === null && tx.data.length > params.gas.maxInitcodeSize) {
    if (fail(new InitcodeTooLargeError(tx.data.length, params.gas.maxInitcodeSize))) return errors;
  }
  return errors;
}
