// Native that ZKsync OS charges while validating an L2 transaction (process_transaction.rs
// `process_l2_transaction`, account_models/eoa.rs `validate`), besides the intrinsic native: reading the
// sender's account (cold) and its balance, warming the access list, hashing the transaction twice (the tx
// hash and the signed hash, `charge_keccak`) and recovering the signer (`ECRECOVER_NATIVE_COST`).
import { rlpEncode, type RlpInput } from '../encoding/rlp.js';
import { coldAccountNative, keccakNative, type NativeCosts } from '../system/resources.js';
import { bigIntToBytes } from '../crypto/bytes.js';
import { unsignedTxFields } from './envelope.js';
import type { Transaction } from './types.js';

/** RLP payload of the transaction without the signature (legacy with the EIP-155 fields). */
function unsignedFields(tx: Transaction): RlpInput[] {
  const fields = unsignedTxFields(tx);
  return tx.type === 0 ? [...fields, tx.chainId, 0n, 0n] : fields;
}

const word = (v: bigint): Uint8Array => bigIntToBytes(v, 32);

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
