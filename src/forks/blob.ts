// Blob fee market per fork: the schedule in force at a timestamp (EIP-7892 blob-parameter-only forks), the
// blob base fee (EIP-4844 fake_exponential with the schedule's update fraction) and the next block's excess
// blob gas with EIP-7918's reserve price (Osaka).
import { fakeExponential, GAS_PER_BLOB, MIN_BLOB_BASE_FEE } from '../tx/fees.js';
import type { BlobSchedule, Fork } from './types.js';

/** The blob schedule entry in force at `timestamp`: the last one activated at or before it. */
export function blobScheduleAt(fork: Fork, timestamp: bigint): BlobSchedule {
  let found = fork.blobSchedule[0]!;
  for (const s of fork.blobSchedule) if (s.timestamp <= timestamp) found = s;
  return found;
}

/** Blob base fee of a block with `excessBlobGas` at `timestamp`. */
export function blobBaseFeeAt(fork: Fork, excessBlobGas: bigint, timestamp: bigint): bigint {
  return fakeExponential(MIN_BLOB_BASE_FEE, excessBlobGas, blobScheduleAt(fork, timestamp).updateFraction);
}

/** What the next block's excess blob gas depends on from its parent. */
export interface ParentBlobHeader {
  readonly excessBlobGas: bigint;
  readonly blobGasUsed: bigint;
  readonly baseFee: bigint;
  readonly timestamp: bigint;
}

/**
 * Excess blob gas of a block at `timestamp` after `parent` (EIP-4844 calc_excess_blob_gas). From Osaka, when
 * the execution cost BLOB_BASE_COST × base fee exceeds the blob price GAS_PER_BLOB × blob base fee, the excess
 * grows by blobGasUsed × (max − target) / max instead of falling (EIP-7918).
 */
export function nextExcessBlobGas(fork: Fork, parent: ParentBlobHeader, timestamp: bigint): bigint {
  const schedule = blobScheduleAt(fork, timestamp);
  const target = BigInt(schedule.target) * GAS_PER_BLOB;
  if (parent.excessBlobGas + parent.blobGasUsed < target) return 0n;
  if (fork.blobBaseCost !== null) {
    const parentBlobFee = blobBaseFeeAt(fork, parent.excessBlobGas, parent.timestamp);
    if (fork.blobBaseCost * parent.baseFee > GAS_PER_BLOB * parentBlobFee) {
      const max = BigInt(schedule.max);
      return parent.excessBlobGas + (parent.blobGasUsed * (max - BigInt(schedule.target))) / max;
    }
  }
  return parent.excessBlobGas + parent.blobGasUsed - target;
}
