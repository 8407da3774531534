import { describe, expect, it } from 'vitest';
import type { BlockContext } from '../../src/ee/host.js';
import {
  FieldOverflowError,
  matchesExpectedException,
  parseExpectedExceptions,
  TX_ERROR_EXCEPTIONS,
  TxValidationError,
  type TxErrorCode,
} from '../../src/tx/errors.js';
import { blobBaseFee } from '../../src/tx/fees.js';
import type { Transaction } from '../../src/tx/types.js';
import {
  collectValidationErrors,
  ETHEREUM_CANCUN_TX_PARAMS,
  validateTransaction,
  ZKSYNC_TX_PARAMS,
  type TxValidationContext,
} from '../../src/tx/validate.js';

const U64_MAX = (1n << 64n) - 1n;
const U256_MAX = (1n << 256n) - 1n;
const HASH1 = (1n << 248n) | 0x1234n; // version 0x01

const block: BlockContext = {
  coinbase: 0x2adcn,
  number: 1n,
  timestamp: 1000n,
  gasLimit: 30_000_000n,
  baseFee: 10n,
  prevRandao: 0n,
  difficulty: 0n,
  chainId: 1n,
  excessBlobGas: 0n,
  blobBaseFee: 1n,
};

const ctx: TxValidationContext = {
  block,
  senderNonce: 5n,
  senderBalance: 10n ** 18n,
  senderHasCode: false,
};

const legacy: Transaction = {
  type: 0,
  chainId: 1n,
  nonce: 5n,
  gasLimit: 100_000n,
  to: 0xccn,
  value: 1n,
  data: new Uint8Array(0),
  gasPrice: 10n,
  accessList: [],
  blobVersionedHashes: [],
  sender: 0xa94fn,
};
const eip2930: Transaction = { ...legacy, type: 1, accessList: [{ address: 1n, storageKeys: [1n] }] };
const eip1559: Transaction = {
  ...legacy,
  type: 2,
  gasPrice: undefined,
  maxFeePerGas: 20n,
  maxPriorityFeePerGas: 2n,
};
const blob: Transaction = { ...eip1559, type: 3, maxFeePerBlobGas: 1n, blobVersionedHashes: [HASH1] };

function code(tx: Transaction, c: Partial<TxValidationContext> = {}): TxErrorCode | null {
  return validateTransaction(tx, { ...ctx, ...c })?.code ?? null;
}

describe('validateTransaction: valid transactions', () => {
  it.each([
    ['legacy', legacy],
    ['EIP-2930', eip2930],
    ['EIP-1559', eip1559],
    ['EIP-4844', blob],
  ] as const)('accepts a valid %s transaction', (_name, tx) => {
    expect(validateTransaction(tx, ctx)).toBeNull();
    expect(collectValidationErrors(tx, ctx)).toEqual([]);
  });

  it('accepts boundary values', () => {
    expect(code({ ...legacy, gasLimit: 21000n })).toBeNull(); // exactly intrinsic
    expect(code({ ...legacy, gasLimit: block.gasLimit })).toBeNull(); // exactly block limit
    expect(code({ ...legacy, gasPrice: 10n })).toBeNull(); // exactly base fee
    expect(code({ ...eip1559, maxPriorityFeePerGas: 20n })).toBeNull(); // tip == cap
    const exact = 100_000n * 10n + 1n;
    expect(code(legacy, { senderBalance: exact })).toBeNull();
    expect(code({ ...legacy, nonce: U64_MAX - 1n }, { senderNonce: U64_MAX - 1n })).toBeNull();
    expect(code({ ...legacy, to: null, data: new Uint8Array(49152), gasLimit: 1_000_000n })).toBeNull();
    expect(code({ ...blob, blobVersionedHashes: Array(6).fill(HASH1) })).toBeNull();
    expect(code({ ...blob, value: U256_MAX - 10n ** 17n }, { senderBalance: U256_MAX })).toBeNull();
  });
});

describe('validateTransaction: one rule each', () => {
  it('NonceTooLow / NonceTooHigh', () => {
    expect(code({ ...legacy, nonce: 4n })).toBe('NonceTooLow');
    expect(code({ ...legacy, nonce: 6n })).toBe('NonceTooHigh');
  });

  it('NonceMax (EIP-2681): tx nonce 2^64-1 even when the state nonce matches', () => {
    expect(code({ ...legacy, nonce: U64_MAX }, { senderNonce: U64_MAX })).toBe('NonceMax');
    expect(code({ ...legacy, nonce: U64_MAX }, { senderNonce: 0n })).toBe('NonceMax');
  });

  it('SenderNotEOA (EIP-3607)', () => {
    expect(code(legacy, { senderHasCode: true })).toBe('SenderNotEOA');
  });

  it('PriorityFeeAboveFeeCap', () => {
    expect(code({ ...eip1559, maxPriorityFeePerGas: 21n })).toBe('PriorityFeeAboveFeeCap');
    expect(code({ ...blob, maxPriorityFeePerGas: 21n })).toBe('PriorityFeeAboveFeeCap');
  });

  it('FeeCapBelowBaseFee for every type', () => {
    expect(code({ ...legacy, gasPrice: 9n })).toBe('FeeCapBelowBaseFee');
    expect(code({ ...eip2930, gasPrice: 9n })).toBe('FeeCapBelowBaseFee');
    expect(code({ ...eip1559, maxFeePerGas: 9n, maxPriorityFeePerGas: 0n })).toBe('FeeCapBelowBaseFee');
    expect(code({ ...blob, maxFeePerGas: 9n, maxPriorityFeePerGas: 0n })).toBe('FeeCapBelowBaseFee');
  });

  it('InsufficientFunds counts gas × fee cap, value and blob gas × blob fee cap', () => {
    const need = 100_000n * 10n + 1n;
    expect(code(legacy, { senderBalance: need - 1n })).toBe('InsufficientFunds');
    // the fee cap, not the effective price, is what the balance must cover
    const need1559 = 100_000n * 20n + 1n;
    expect(code(eip1559, { senderBalance: need1559 })).toBeNull();
    expect(code(eip1559, { senderBalance: need1559 - 1n })).toBe('InsufficientFunds');
    const needBlob = need1559 + 131072n * 1n;
    expect(code(blob, { senderBalance: needBlob })).toBeNull();
    expect(code(blob, { senderBalance: needBlob - 1n })).toBe('InsufficientFunds');
    expect(code({ ...legacy, value: 10n ** 18n })).toBe('InsufficientFunds');
  });

  it('GasLimitPriceProductOverflow when gasLimit × fee cap exceeds 256 bits', () => {
    const err = validateTransaction({ ...legacy, gasLimit: 21000n, gasPrice: U256_MAX / 1000n }, ctx);
    expect(err?.code).toBe('GasLimitPriceProductOverflow');
    expect(matchesExpectedException(err, 'TransactionException.INSUFFICIENT_ACCOUNT_FUNDS')).toBe(true);
  });

  it('GasLimitAboveBlock', () => {
    expect(code({ ...legacy, gasLimit: block.gasLimit + 1n }, { senderBalance: U256_MAX })).toBe('GasLimitAboveBlock');
  });

  it('IntrinsicGasTooLow', () => {
    expect(code({ ...legacy, gasLimit: 20999n })).toBe('IntrinsicGasTooLow');
    expect(code({ ...legacy, gasLimit: 21015n, data: Uint8Array.of(1) })).toBe('IntrinsicGasTooLow');
    expect(code({ ...legacy, gasLimit: 21016n, data: Uint8Array.of(1) })).toBeNull();
    expect(code({ ...eip2930, gasLimit: 21000n + 2400n + 1899n })).toBe('IntrinsicGasTooLow');
    expect(code({ ...legacy, to: null, gasLimit: 52999n })).toBe('IntrinsicGasTooLow');
    expect(code({ ...legacy, to: null, gasLimit: 53000n })).toBeNull();
  });

  it('InitcodeTooLarge (EIP-3860) only for creations', () => {
    const big = new Uint8Array(49153);
    expect(code({ ...legacy, to: null, data: big, gasLimit: 1_000_000n })).toBe('InitcodeTooLarge');
    expect(code({ ...legacy, data: big, gasLimit: 1_000_000n })).toBeNull();
  });

  it('TypeNotSupported (ZKsync has no blob transactions)', () => {
    expect(validateTransaction(blob, { ...ctx, params: ZKSYNC_TX_PARAMS })?.code).toBe('TypeNotSupported');
    expect(validateTransaction(eip1559, { ...ctx, params: ZKSYNC_TX_PARAMS })).toBeNull();
    expect(validateTransaction(blob, { ...ctx, params: ETHEREUM_CANCUN_TX_PARAMS })).toBeNull();
  });

  it('blob rules: creation, zero blobs, versions, count, blob fee cap', () => {
    expect(code({ ...blob, to: null })).toBe('BlobCreate');
    expect(code({ ...blob, blobVersionedHashes: [] })).toBe('BlobNone');
    expect(code({ ...blob, blobVersionedHashes: [HASH1, 0x1234n] })).toBe('BlobVersionedHashInvalid');
    expect(code({ ...blob, blobVersionedHashes: [(2n << 248n) | 1n] })).toBe('BlobVersionedHashInvalid');
    expect(code({ ...blob, blobVersionedHashes: Array(7).fill(HASH1) })).toBe('BlobCountExceeded');
    const busy = { ...block, excessBlobGas: 10_000_000n, blobBaseFee: blobBaseFee(10_000_000n) };
    expect(busy.blobBaseFee).toBe(19n);
    expect(code({ ...blob, maxFeePerBlobGas: 18n }, { block: busy })).toBe('BlobFeeCapTooLow');
    expect(code({ ...blob, maxFeePerBlobGas: 19n }, { block: busy })).toBeNull();
  });

  it('FieldOverflow for values wider than their encoding', () => {
    const cases: [Partial<Transaction>, string][] = [
      [{ nonce: 1n << 64n }, 'nonce'],
      [{ gasLimit: 1n << 64n }, 'gasLimit'],
      [{ value: 1n << 256n }, 'value'],
      [{ gasPrice: 1n << 256n }, 'gasPrice'],
      [{ value: -1n }, 'value'],
    ];
    for (const [patch, field] of cases) {
      const err = validateTransaction({ ...legacy, ...patch }, ctx);
      expect(err).toBeInstanceOf(FieldOverflowError);
      expect((err as FieldOverflowError).field).toBe(field);
    }
    const fee = validateTransaction({ ...eip1559, maxPriorityFeePerGas: 1n << 256n }, ctx);
    expect((fee as FieldOverflowError).field).toBe('maxPriorityFeePerGas');
    expect(fee?.exceptions).toContain('PRIORITY_OVERFLOW');
    const blobFee = validateTransaction({ ...blob, maxFeePerBlobGas: 1n << 256n }, ctx);
    expect((blobFee as FieldOverflowError).field).toBe('maxFeePerBlobGas');
    expect(
      matchesExpectedException(
        validateTransaction({ ...legacy, value: (1n << 256n) + 1n }, ctx),
        'TransactionException.RLP_INVALID_VALUE',
      ),
    ).toBe(true);
  });
});

describe('check order and error lists', () => {
  it('reports the nonce before funds and funds before intrinsic gas (geth order)', () => {
    const bad: Transaction = { ...legacy, nonce: 9n, gasLimit: 100n };
    const all = collectValidationErrors(bad, { ...ctx, senderBalance: 0n });
    expect(all.map((e) => e.code)).toEqual(['NonceTooHigh', 'InsufficientFunds', 'IntrinsicGasTooLow']);
    expect(validateTransaction(bad, { ...ctx, senderBalance: 0n })?.code).toBe('NonceTooHigh');
  });

  it('stops at field overflow: nothing else is meaningful', () => {
    const all = collectValidationErrors({ ...legacy, value: 1n << 256n, nonce: 0n }, ctx);
    expect(all.map((e) => e.code)).toEqual(['FieldOverflow']);
  });
});

describe('errors', () => {
  it('every error has a code, a message and at least one exception name', () => {
    const samples = [
      validateTransaction({ ...legacy, nonce: 4n }, ctx),
      validateTransaction({ ...blob, to: null }, ctx),
      validateTransaction({ ...legacy, gasLimit: 1n }, ctx),
    ];
    for (const e of samples) {
      expect(e).toBeInstanceOf(TxValidationError);
      expect(e).toBeInstanceOf(Error);
      expect(e!.message.length).toBeGreaterThan(0);
      expect(e!.exceptions.length).toBeGreaterThan(0);
    }
    for (const names of Object.values(TX_ERROR_EXCEPTIONS)) expect(names.length).toBeGreaterThan(0);
  });

  it('parseExpectedExceptions splits alternatives and drops the prefix', () => {
    expect(
      parseExpectedExceptions(
        'TransactionException.INSUFFICIENT_ACCOUNT_FUNDS|TransactionException.INTRINSIC_GAS_TOO_LOW',
      ),
    ).toEqual(['INSUFFICIENT_ACCOUNT_FUNDS', 'INTRINSIC_GAS_TOO_LOW']);
    expect(parseExpectedExceptions('NONCE_IS_MAX')).toEqual(['NONCE_IS_MAX']);
  });

  it('matchesExpectedException accepts any alternative and rejects others', () => {
    const funds = validateTransaction(legacy, { ...ctx, senderBalance: 0n });
    const intrinsic = validateTransaction({ ...legacy, gasLimit: 1n }, ctx);
    const both = 'TransactionException.INSUFFICIENT_ACCOUNT_FUNDS|TransactionException.INTRINSIC_GAS_TOO_LOW';
    expect(matchesExpectedException(funds, both)).toBe(true);
    expect(matchesExpectedException(intrinsic, both)).toBe(true);
    expect(matchesExpectedException(intrinsic, 'TransactionException.INSUFFICIENT_ACCOUNT_FUNDS')).toBe(false);
    expect(matchesExpectedException(null, both)).toBe(false);
    const list = collectValidationErrors({ ...legacy, gasLimit: 1n }, { ...ctx, senderBalance: 0n });
    expect(matchesExpectedException(list, 'TransactionException.INTRINSIC_GAS_TOO_LOW')).toBe(true);
  });

  it('maps each fixture exception to a rule', () => {
    const cases: [Transaction, Partial<TxValidationContext>, string][] = [
      [{ ...legacy, nonce: U64_MAX }, { senderNonce: U64_MAX }, 'NONCE_IS_MAX'],
      [legacy, { senderHasCode: true }, 'SENDER_NOT_EOA'],
      [{ ...eip1559, maxPriorityFeePerGas: 21n }, {}, 'PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS'],
      [{ ...legacy, gasPrice: 1n }, {}, 'INSUFFICIENT_MAX_FEE_PER_GAS'],
      [{ ...blob, to: null }, {}, 'TYPE_3_TX_CONTRACT_CREATION'],
      [{ ...blob, blobVersionedHashes: [] }, {}, 'TYPE_3_TX_ZERO_BLOBS'],
      [{ ...blob, blobVersionedHashes: [0n] }, {}, 'TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH'],
      [{ ...blob, blobVersionedHashes: Array(7).fill(HASH1) }, {}, 'TYPE_3_TX_BLOB_COUNT_EXCEEDED'],
      [{ ...blob, maxFeePerBlobGas: 0n }, {}, 'INSUFFICIENT_MAX_FEE_PER_BLOB_GAS'],
      [legacy, { senderBalance: 0n }, 'INSUFFICIENT_ACCOUNT_FUNDS'],
      [{ ...legacy, gasPrice: U256_MAX }, {}, 'GASLIMIT_PRICE_PRODUCT_OVERFLOW'],
      [{ ...legacy, gasLimit: 1n }, {}, 'INTRINSIC_GAS_TOO_LOW'],
      [{ ...legacy, to: null, data: new Uint8Array(49153), gasLimit: 10n ** 6n }, {}, 'INITCODE_SIZE_EXCEEDED'],
      [{ ...legacy, value: 1n << 256n }, {}, 'RLP_INVALID_VALUE'],
      [{ ...legacy, gasLimit: block.gasLimit + 1n }, { senderBalance: U256_MAX }, 'GAS_ALLOWANCE_EXCEEDED'],
      [{ ...legacy, nonce: 1n }, {}, 'NONCE_MISMATCH_TOO_LOW'],
      [{ ...legacy, nonce: 9n }, {}, 'NONCE_MISMATCH_TOO_HIGH'],
    ];
    for (const [tx, c, name] of cases) {
      const err = validateTransaction(tx, { ...ctx, ...c });
      expect(matchesExpectedException(err, `TransactionException.${name}`), `${name} (got ${err?.code})`).toBe(true);
    }
  });
});
