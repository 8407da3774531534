// Transaction validation errors: one class per rule, each with a stable `code` and the
// execution-spec-tests `TransactionException` names it satisfies (state tests' `expectException`).

/** Stable identifier of each validation rule. */
export type TxErrorCode =
  | 'FieldOverflow'
  | 'TypeNotSupported'
  | 'NonceMax'
  | 'NonceTooHigh'
  | 'NonceTooLow'
  | 'SenderNotEOA'
  | 'PriorityFeeAboveFeeCap'
  | 'FeeCapBelowBaseFee'
  | 'BlobCreate'
  | 'BlobNone'
  | 'BlobVersionedHashInvalid'
  | 'BlobCountExceeded'
  | 'BlobFeeCapTooLow'
  | 'GasLimitPriceProductOverflow'
  | 'InsufficientFunds'
  | 'GasLimitAboveBlock'
  | 'IntrinsicGasTooLow'
  | 'OutOfNativeDuringValidation'
  | 'GasPerPubdataTooHigh'
  | 'UpgradeTxNotFirst'
  | 'UpgradeTxFailed'
  | 'DepositTooLow'
  | 'InitcodeTooLarge'
  | 'SetCodeCreate'
  | 'SetCodeEmptyList'
  | 'GasLimitAboveCap'
  | 'IntrinsicGasBelowFloor';

/**
 * `TransactionException.<NAME>` values (prefix omitted) each code satisfies. The first is the
 * canonical name; a later one is a consequence the fixtures may name instead (a gasLimit × price
 * product beyond 256 bits can never be covered by a balance, so it is also insufficient funds).
 */
export const TX_ERROR_EXCEPTIONS: Readonly<Record<TxErrorCode, readonly string[]>> = Object.freeze({
  FieldOverflow: ['RLP_INVALID_VALUE'],
  TypeNotSupported: ['TYPE_NOT_SUPPORTED'],
  NonceMax: ['NONCE_IS_MAX'],
  NonceTooHigh: ['NONCE_MISMATCH_TOO_HIGH'],
  NonceTooLow: ['NONCE_MISMATCH_TOO_LOW'],
  SenderNotEOA: ['SENDER_NOT_EOA'],
  PriorityFeeAboveFeeCap: ['PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS'],
  FeeCapBelowBaseFee: ['INSUFFICIENT_MAX_FEE_PER_GAS'],
  BlobCreate: ['TYPE_3_TX_CONTRACT_CREATION'],
  BlobNone: ['TYPE_3_TX_ZERO_BLOBS'],
  BlobVersionedHashInvalid: ['TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH'],
  BlobCountExceeded: ['TYPE_3_TX_BLOB_COUNT_EXCEEDED', 'TYPE_3_TX_MAX_BLOB_GAS_ALLOWANCE_EXCEEDED'],
  BlobFeeCapTooLow: ['INSUFFICIENT_MAX_FEE_PER_BLOB_GAS'],
  GasLimitPriceProductOverflow: ['GASLIMIT_PRICE_PRODUCT_OVERFLOW', 'INSUFFICIENT_ACCOUNT_FUNDS'],
  InsufficientFunds: ['INSUFFICIENT_ACCOUNT_FUNDS'],
  GasLimitAboveBlock: ['GAS_ALLOWANCE_EXCEEDED'],
  IntrinsicGasTooLow: ['INTRINSIC_GAS_TOO_LOW'],
  OutOfNativeDuringValidation: ['OUT_OF_NATIVE_RESOURCES_DURING_VALIDATION'], // ZKsync OS's own name (brief §7.3)
  GasPerPubdataTooHigh: ['GAS_PER_PUBDATA_TOO_HIGH'], // ZKsync OS's own name (process_transaction.rs)
  UpgradeTxNotFirst: ['UPGRADE_TX_NOT_FIRST'], // ZKsync OS InvalidTransaction::UpgradeTxNotFirst
  UpgradeTxFailed: ['UPGRADE_TX_FAILED'], // InvalidTransaction::UpgradeTxFailed
  DepositTooLow: ['DEPOSIT_TOO_LOW'], // ZKsync OS: internal error 'Deposited amount too low'
  InitcodeTooLarge: ['INITCODE_SIZE_EXCEEDED'],
  SetCodeCreate: ['TYPE_4_TX_CONTRACT_CREATION'],
  SetCodeEmptyList: ['TYPE_4_EMPTY_AUTHORIZATION_LIST'],
  GasLimitAboveCap: ['GAS_LIMIT_EXCEEDS_MAXIMUM'],
  IntrinsicGasBelowFloor: ['INTRINSIC_GAS_BELOW_FLOOR_GAS_COST'],
});

/** A rule the transaction breaks. Returned (not thrown) by `validateTransaction`. */
export abstract class TxValidationError extends Error {
  abstract readonly code: TxErrorCode;

  /** `TransactionException` names (without prefix) this error satisfies. */
  get exceptions(): readonly string[] {
    return TX_ERROR_EXCEPTIONS[this.code];
  }
}

/** A field is wider than its encoding allows (nonce/gasLimit ≥ 2^64, value or a fee ≥ 2^256). */
export class FieldOverflowError extends TxValidationError {
  readonly code = 'FieldOverflow' as const;
  constructor(
    readonly field: string,
    readonly value: bigint,
    readonly bits: number,
  ) {
    super(`${field} 0x${value.toString(16)} does not fit ${bits} bits`);
  }

  override get exceptions(): readonly string[] {
    const key = this.field.split('[')[0]!; // authorizationList[i].nonce → authorizationList
    return [...(FIELD_OVERFLOW_EXCEPTIONS[key] ?? []), ...TX_ERROR_EXCEPTIONS.FieldOverflow];
  }
}

/** Field-specific `TransactionException` names for an over-wide field (besides RLP_INVALID_VALUE). */
const FIELD_OVERFLOW_EXCEPTIONS: Readonly<Record<string, readonly string[]>> = {
  nonce: ['NONCE_OVERFLOW', 'NONCE_TOO_BIG', 'RLP_INVALID_NONCE'],
  gasLimit: ['GASLIMIT_OVERFLOW', 'RLP_INVALID_GASLIMIT'],
  value: ['VALUE_OVERFLOW'],
  gasPrice: ['GASPRICE_OVERFLOW'],
  maxFeePerGas: ['GASPRICE_OVERFLOW'],
  maxPriorityFeePerGas: ['PRIORITY_OVERFLOW'],
  authorizationList: ['TYPE_4_INVALID_AUTHORIZATION_FORMAT'],
};

/** The profile does not accept this transaction type. */
export class TypeNotSupportedError extends TxValidationError {
  readonly code = 'TypeNotSupported' as const;
  constructor(readonly txType: number) {
    super(`transaction type ${txType} not supported`);
  }

  /** execution-spec-tests also name a blob or set-code transaction before its fork (TYPE_n_TX_PRE_FORK). */
  override get exceptions(): readonly string[] {
    const preFork = this.txType === 3 || this.txType === 4 ? [`TYPE_${this.txType}_TX_PRE_FORK`] : [];
    return [...TX_ERROR_EXCEPTIONS.TypeNotSupported, ...preFork];
  }
}

/** EIP-2681: a nonce of 2^64 − 1 could not be incremented. */
export class NonceMaxError extends TxValidationError {
  readonly code = 'NonceMax' as const;
  constructor(readonly nonce: bigint) {
    super(`nonce has max value ${nonce}`);
  }
}

export class NonceTooHighError extends TxValidationError {
  readonly code = 'NonceTooHigh' as const;
  constructor(
    readonly txNonce: bigint,
    readonly stateNonce: bigint,
  ) {
    super(`nonce too high: tx ${txNonce}, state ${stateNonce}`);
  }
}

export class NonceTooLowError extends TxValidationError {
  readonly code = 'NonceTooLow' as const;
  constructor(
    readonly txNonce: bigint,
    readonly stateNonce: bigint,
  ) {
    super(`nonce too low: tx ${txNonce}, state ${stateNonce}`);
  }
}

/** EIP-3607: the sender has deployed code. */
export class SenderNotEOAError extends TxValidationError {
  readonly code = 'SenderNotEOA' as const;
  constructor(readonly sender: bigint) {
    super(`sender 0x${sender.toString(16).padStart(40, '0')} is not an EOA (has code)`);
  }
}

/** EIP-1559: maxPriorityFeePerGas > maxFeePerGas. */
export class PriorityFeeAboveFeeCapError extends TxValidationError {
  readonly code = 'PriorityFeeAboveFeeCap' as const;
  constructor(
    readonly maxPriorityFeePerGas: bigint,
    readonly maxFeePerGas: bigint,
  ) {
    super(`max priority fee per gas ${maxPriorityFeePerGas} higher than max fee per gas ${maxFeePerGas}`);
  }
}

/** EIP-1559: fee cap (gasPrice or maxFeePerGas) below the block base fee. */
export class FeeCapBelowBaseFeeError extends TxValidationError {
  readonly code = 'FeeCapBelowBaseFee' as const;
  constructor(
    readonly feeCap: bigint,
    readonly baseFee: bigint,
  ) {
    super(`max fee per gas ${feeCap} less than block base fee ${baseFee}`);
  }
}

/** EIP-4844: a blob transaction cannot create a contract. */
export class BlobCreateError extends TxValidationError {
  readonly code = 'BlobCreate' as const;
  constructor() {
    super('blob transaction cannot be a contract creation');
  }
}

/** EIP-4844: a blob transaction needs at least one blob. */
export class BlobNoneError extends TxValidationError {
  readonly code = 'BlobNone' as const;
  constructor() {
    super('blob transaction without blobs');
  }
}

/** EIP-4844: every versioned hash starts with VERSIONED_HASH_VERSION_KZG (0x01). */
export class BlobVersionedHashInvalidError extends TxValidationError {
  readonly code = 'BlobVersionedHashInvalid' as const;
  constructor(
    readonly index: number,
    readonly hash: bigint,
  ) {
    super(`blob versioned hash ${index} has version 0x${(hash >> 248n).toString(16).padStart(2, '0')}, expected 0x01`);
  }
}

/** EIP-4844: more blob gas than a block may hold. */
export class BlobCountExceededError extends TxValidationError {
  readonly code = 'BlobCountExceeded' as const;
  constructor(
    readonly count: number,
    readonly max: number,
  ) {
    super(`too many blobs: ${count} > ${max}`);
  }
}

/** EIP-4844: maxFeePerBlobGas below the block's blob base fee. */
export class BlobFeeCapTooLowError extends TxValidationError {
  readonly code = 'BlobFeeCapTooLow' as const;
  constructor(
    readonly maxFeePerBlobGas: bigint,
    readonly blobBaseFee: bigint,
  ) {
    super(`max fee per blob gas ${maxFeePerBlobGas} less than blob base fee ${blobBaseFee}`);
  }
}

/** gasLimit × fee cap does not fit 256 bits. */
export class GasLimitPriceProductOverflowError extends TxValidationError {
  readonly code = 'GasLimitPriceProductOverflow' as const;
  constructor(
    readonly gasLimit: bigint,
    readonly feeCap: bigint,
  ) {
    super(`gas limit ${gasLimit} × fee cap ${feeCap} exceeds 256 bits`);
  }
}

/** Balance below gasLimit × fee cap + value + blob gas × maxFeePerBlobGas. */
export class InsufficientFundsError extends TxValidationError {
  readonly code = 'InsufficientFunds' as const;
  constructor(
    readonly balance: bigint,
    readonly required: bigint,
  ) {
    super(`insufficient funds for gas * price + value: balance ${balance}, required ${required}`);
  }
}

/** The transaction gas limit exceeds the block gas limit. */
export class GasLimitAboveBlockError extends TxValidationError {
  readonly code = 'GasLimitAboveBlock' as const;
  constructor(
    readonly gasLimit: bigint,
    readonly blockGasLimit: bigint,
  ) {
    super(`gas limit ${gasLimit} exceeds block gas limit ${blockGasLimit}`);
  }
}

/** ZKsync: gasLimit × native per gas does not cover the intrinsic and calldata native (brief §7.3). */
export class OutOfNativeDuringValidationError extends TxValidationError {
  readonly code = 'OutOfNativeDuringValidation' as const;
  constructor(
    readonly nativeLimit: bigint,
    readonly nativeRequired: bigint,
  ) {
    super(`native limit ${nativeLimit} does not cover the intrinsic native ${nativeRequired}`);
  }
}

/** ZKsync: the block's gas per pubdata exceeds the transaction's limit (1 for types 0-2, `validate`). */
export class GasPerPubdataTooHighError extends TxValidationError {
  readonly code = 'GasPerPubdataTooHigh' as const;
  constructor(
    readonly blockGasPerPubdata: bigint,
    readonly userLimit: bigint,
  ) {
    super(`block gas per pubdata ${blockGasPerPubdata} exceeds the transaction's limit ${userLimit}`);
  }
}

/** ZKsync: an upgrade transaction (0xFE) that is not the first of its block (`process_transaction`). */
export class UpgradeTxNotFirstError extends TxValidationError {
  readonly code = 'UpgradeTxNotFirst' as const;
  constructor() {
    super('an upgrade transaction must be the first transaction of its block');
  }
}

/** ZKsync: an upgrade transaction that did not succeed (`process_l1_transaction`: upgrades must succeed). */
export class UpgradeTxFailedError extends TxValidationError {
  readonly code = 'UpgradeTxFailed' as const;
  constructor(readonly outcome: string) {
    super(`the upgrade transaction failed (${outcome})`);
  }
}

/**
 * ZKsync: an L1 transaction whose deposit (reserved[0]) is below value + gas limit × price. ZKsync OS
 * treats it as an internal error (`require_internal!`, the block aborts); this runner rejects the
 * transaction instead and changes nothing.
 */
export class DepositTooLowError extends TxValidationError {
  readonly code = 'DepositTooLow' as const;
  constructor(
    readonly deposited: bigint,
    readonly needed: bigint,
  ) {
    super(`deposited ${deposited} does not cover value + gas limit × price ${needed}`);
  }
}

/** The gas limit does not cover the intrinsic gas. */
export class IntrinsicGasTooLowError extends TxValidationError {
  readonly code = 'IntrinsicGasTooLow' as const;
  constructor(
    readonly gasLimit: bigint,
    readonly intrinsicGas: bigint,
  ) {
    super(`intrinsic gas too low: have ${gasLimit}, want ${intrinsicGas}`);
  }
}

/** EIP-3860: creation initcode longer than the limit. */
export class InitcodeTooLargeError extends TxValidationError {
  readonly code = 'InitcodeTooLarge' as const;
  constructor(
    readonly size: number,
    readonly max: number,
  ) {
    super(`initcode size ${size} exceeds limit ${max}`);
  }
}

/** EIP-7702: a set-code transaction must have a recipient. */
export class SetCodeCreateError extends TxValidationError {
  readonly code = 'SetCodeCreate' as const;
  constructor() {
    super('set-code (type 4) transaction cannot create a contract (to is empty)');
  }
}

/** EIP-7702: a set-code transaction needs at least one authorization. */
export class SetCodeEmptyListError extends TxValidationError {
  readonly code = 'SetCodeEmptyList' as const;
  constructor() {
    super('set-code (type 4) transaction has an empty authorization list');
  }
}

/** EIP-7825 (Osaka): the gas limit exceeds the per-transaction cap. */
export class GasLimitAboveCapError extends TxValidationError {
  readonly code = 'GasLimitAboveCap' as const;
  constructor(
    readonly gasLimit: bigint,
    readonly cap: bigint,
  ) {
    super(`gas limit ${gasLimit} exceeds the transaction gas cap ${cap}`);
  }
}

/** EIP-7623 (Prague): the gas limit does not cover the calldata floor. */
export class IntrinsicGasBelowFloorError extends TxValidationError {
  readonly code = 'IntrinsicGasBelowFloor' as const;
  constructor(
    readonly gasLimit: bigint,
    readonly floorGas: bigint,
  ) {
    super(`gas limit ${gasLimit} below the calldata floor ${floorGas}`);
  }
}

const EXCEPTION_PREFIX = 'TransactionException.';

/** The alternatives of an `expectException` value (`A|B`), without the `TransactionException.` prefix. */
export function parseExpectedExceptions(expectException: string): string[] {
  return expectException
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => (s.startsWith(EXCEPTION_PREFIX) ? s.slice(EXCEPTION_PREFIX.length) : s));
}

/**
 * Whether the reported error is one the fixture allows. `err` may also be the list of every rule the
 * transaction breaks (`collectValidationErrors`); then any of them matching suffices.
 */
export function matchesExpectedException(
  err: TxValidationError | readonly TxValidationError[] | null,
  expectException: string,
): boolean {
  if (err === null) return false;
  const errors: readonly TxValidationError[] = Array.isArray(err) ? err : [err as TxValidationError];
  const expected = parseExpectedExceptions(expectException);
  return errors.some((e) => e.exceptions.some((name) => expected.includes(name)));
}
