// The fields a transaction's RLP envelope holds before its signature, for every type (legacy without the
// EIP-155 suffix). One source for the signing hash, the node's encoder and the ZKsync hashed lengths.
import { bigIntToBytes } from '../crypto/bytes.js';
import type { RlpInput } from '../encoding/rlp.js';
import type { Transaction } from './types.js';

const address = (a: bigint): Uint8Array => bigIntToBytes(a, 20);

/** [nonce, …, data] (type 0) or [chainId, nonce, …, accessList, type-specific fields] (types 1–4). */
export function unsignedTxFields(tx: Transaction): RlpInput[] {
  const to = tx.to === null ? new Uint8Array(0) : address(tx.to);
  const accessList = tx.accessList.map((e) => [address(e.address), e.storageKeys.map((k) => bigIntToBytes(k, 32))]);
  const dynamicFee = (): RlpInput[] => [
    tx.chainId,
    tx.nonce,
    tx.maxPriorityFeePerGas ?? 0n,
    tx.maxFeePerGas ?? 0n,
    tx.gasLimit,
    to,
    tx.value,
    tx.data,
    accessList,
  ];
  switch (tx.type) {
    case 0:
      return [tx.nonce, tx.gasPrice ?? 0n, tx.gasLimit, to, tx.value, tx.data];
    case 1:
      return [tx.chainId, tx.nonce, tx.gasPrice ?? 0n, tx.gasLimit, to, tx.value, tx.data, accessList];
    case 2:
      return dynamicFee();
    case 3:
      return [...dynamicFee(), tx.maxFeePerBlobGas ?? 0n, tx.blobVersionedHashes.map((h) => bigIntToBytes(h, 32))];
    case 4: // EIP-7702
      return [
        ...dynamicFee(),
        (tx.authorizationList ?? []).map((a) => [a.chainId, address(a.address), a.nonce, a.yParity, a.r, a.s]),
      ];
  }
}
