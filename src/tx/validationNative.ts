// Native that ZKsync OS charges while validating an L2 transaction (process_transaction.rs
// `process_l2_transaction`, account_models/eoa.rs `validate`), besides the intrinsic native: reading the
// sender's account (cold) and its balance, warming the access list, hashing the transaction twice (the tx
// hash and the signed hash, `charge_keccak`) and recovering the signer (`ECRECOVER_NATIVE_COST`).
import { rlpEncode, type RlpInput } from '../encoding/rlp.js';
import { coldAccountNative, keccakNative, type NativeCosts } from '../system/resources.js';
import type { Transaction } from './types.js';

/** RLP payload of the transaction without the signature (types 0-2; legacy with EIP-155 fields). */
function unsignedFields(tx: Transaction): RlpInput[] {
  const to: RlpInput = tx.to === null ? new Uint8Array(0) : bigintToAddress(tx.to);
  const accessList: RlpInput = tx.accessList.map((e) => [bigintToAddress(e.address), e.storageKeys.map(word)]);
  if (tx.type === 0) return [tx.nonce, tx.gasPrice ?? 0n, tx.gasLimit, to, tx.value, tx.data, tx.chainId, 0n, 0n];
  if (tx.type === 1) return [tx.chainId, tx.nonce, tx.gasPrice ?? 0n, tx.gasLimit, to, tx.value, tx.data, accessList];
  return [
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
}

const word = (v: bigint): Uint8Array => {
  const out = new Uint8Array(32);
  for (let i = 31, x = v; i >= 0; i--, x >>= 8n) out[i] = Number(x & 0xffn);
  return out;
};
const bigintToAddress = (a: bigint): Uint8Array => word(a).subarray(12);

/** Lengths hashed for the signed hash and the tx hash (the latter with v, r, s; r and s taken as 32 bytes). */
export function hashedLengths(tx: Transaction): { signed: number; full: number } {
  const fields = unsignedFields(tx);
  const prefix = tx.type === 0 ? 0 : 1;
  const signed = rlpEncode(fields).length + prefix;
  const withSignature = tx.type === 0 ? fields.slice(0, 6) : fields;
  const v = tx.type === 0 ? 35n + 2n * tx.chainId : 1n;
  const full = rlpEncode([...withSignature, v, word(1n << 255n), word(1n << 255n)]).length + prefix;
  return { signed, full };
}

/**
 * The validation native of an L2 transaction from `sender` (existing or not): the sender's properties read
 * cold and its balance read (`read_account_properties`, `get_nominal_token_balance`), each access-list
 * address and key warmed (`parse_and_warm_up_access_list`: an account read and a storage read each, cold),
 * the two hashes and the ecrecover.
 */
export function l2ValidationNative(costs: NativeCosts, tx: Transaction, senderExists: boolean): number {
  const { signed, full } = hashedLengths(tx);
  let native = 2 * costs.account.access + coldAccountNative(costs, senderExists);
  for (const e of tx.accessList) {
    native += costs.account.access + coldAccountNative(costs, true);
    native += e.storageKeys.length * (costs.storage.warmRead + costs.storage.coldExistingReadExtra);
  }
  return native + keccakNative(costs, full) + keccakNative(costs, signed) + costs.ecrecover;
}
