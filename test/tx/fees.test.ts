import { describe, expect, it } from 'vitest';
import {
  BLOB_BASE_FEE_UPDATE_FRACTION,
  blobBaseFee,
  blobGasUsed,
  effectiveGasPrice,
  fakeExponential,
  GAS_PER_BLOB,
  MAX_BLOB_GAS_PER_BLOCK,
  MAX_BLOBS_PER_BLOCK,
  maxUpfrontCost,
  priorityFeePerGas,
  upfrontGasCharge,
} from '../../src/tx/fees.js';
import type { Transaction } from '../../src/tx/types.js';

const base: Transaction = {
  type: 2,
  chainId: 1n,
  nonce: 0n,
  gasLimit: 100000n,
  to: 0xccn,
  value: 5n,
  data: new Uint8Array(0),
  maxFeePerGas: 100n,
  maxPriorityFeePerGas: 10n,
  accessList: [],
  blobVersionedHashes: [],
  sender: 0xa94fn,
};

describe('blob base fee (EIP-4844, Cancun)', () => {
  it('is 1 at zero excess and grows as e^(excess / 3338477)', () => {
    expect(blobBaseFee(0n)).toBe(1n);
    expect(blobBaseFee(1n)).toBe(1n);
    expect(blobBaseFee(2314057n)).toBe(1n);
    expect(blobBaseFee(2314058n)).toBe(2n); // first excess with fee 2 (ln 2 · 3338477)
    expect(blobBaseFee(BLOB_BASE_FEE_UPDATE_FRACTION)).toBe(2n); // ⌊e⌋
    expect(blobBaseFee(10n * BLOB_BASE_FEE_UPDATE_FRACTION)).toBe(22026n); // ⌊e^10⌋
    expect(blobBaseFee(78643200n)).toBe(17002220575n);
  });

  it('fakeExponential follows the EIP pseudo-code', () => {
    expect(fakeExponential(1n, 0n, 1n)).toBe(1n);
    expect(fakeExponential(2n, 0n, 1n)).toBe(2n);
    expect(fakeExponential(1n, 1n, 1n)).toBe(2n); // 2.718… truncated
    expect(fakeExponential(100n, 1n, 1n)).toBe(270n); // 100+100+50+16+4: each term truncated
  });

  it('has Cancun blob constants', () => {
    expect(GAS_PER_BLOB).toBe(131072n);
    expect(MAX_BLOB_GAS_PER_BLOCK).toBe(786432n);
    expect(MAX_BLOBS_PER_BLOCK).toBe(6);
    expect(blobGasUsed({ blobVersionedHashes: [1n, 2n] })).toBe(262144n);
    expect(blobGasUsed({ blobVersionedHashes: [] })).toBe(0n);
  });
});

describe('effective gas price', () => {
  it('is gasPrice for legacy and EIP-2930 transactions', () => {
    const legacy: Transaction = {
      ...base,
      type: 0,
      gasPrice: 77n,
      maxFeePerGas: undefined,
      maxPriorityFeePerGas: undefined,
    };
    expect(effectiveGasPrice(legacy, 10n)).toBe(77n);
    expect(priorityFeePerGas(legacy, 10n)).toBe(67n);
    expect(effectiveGasPrice({ ...legacy, type: 1 }, 10n)).toBe(77n);
  });

  it('is min(maxFee, baseFee + maxPriority) for EIP-1559 and blob transactions', () => {
    expect(effectiveGasPrice(base, 50n)).toBe(60n);
    expect(priorityFeePerGas(base, 50n)).toBe(10n);
    expect(effectiveGasPrice(base, 95n)).toBe(100n);
    expect(priorityFeePerGas(base, 95n)).toBe(5n);
    expect(effectiveGasPrice({ ...base, type: 3 }, 100n)).toBe(100n);
    expect(priorityFeePerGas({ ...base, type: 3 }, 100n)).toBe(0n);
  });

  it('is the base fee when the priority fee is not charged (ZKsync default)', () => {
    expect(effectiveGasPrice(base, 50n, { chargePriorityFee: false })).toBe(50n);
    expect(priorityFeePerGas(base, 50n, { chargePriorityFee: false })).toBe(0n);
  });
});

describe('upfront cost', () => {
  it('uses the fee cap for the balance check and the effective price for the charge', () => {
    const blob: Transaction = { ...base, type: 3, maxFeePerBlobGas: 3n, blobVersionedHashes: [1n] };
    expect(maxUpfrontCost(base)).toBe(100000n * 100n + 5n);
    expect(maxUpfrontCost(blob)).toBe(100000n * 100n + 5n + 131072n * 3n);
    expect(upfrontGasCharge(blob, 50n, 1n)).toBe(100000n * 60n + 131072n);
  });
});
