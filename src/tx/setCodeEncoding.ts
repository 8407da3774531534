// EIP-7702 transaction envelope (type 0x04): 0x04 ‖ rlp([chain_id, nonce, max_priority_fee_per_gas,
// max_fee_per_gas, gas_limit, destination, value, data, access_list, authorization_list, y_parity, r, s]).
// The signing hash is keccak256(0x04 ‖ rlp(the first ten fields)); decoding is strict (canonical RLP,
// 20-byte addresses, 32-byte storage keys, no leading zeros in quantities) and recovers the sender.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToBigInt, concatBytes } from '../crypto/bytes.js';
import { keccak256 } from '../crypto/keccak.js';
import { RlpError, rlpDecode, rlpEncode, type RlpInput, type RlpValue } from '../encoding/rlp.js';
import { unsignedTxFields } from './envelope.js';
import { addressFromPublicKey } from './sender.js';
import { isCanonicalSignature } from './authorization.js';
import type { AccessList, Authorization, Transaction } from './types.js';

export const SET_CODE_TX_TYPE = 0x04;

/** The signature of a transaction (y-parity 0/1). */
export interface TxSignature {
  readonly yParity: bigint;
  readonly r: bigint;
  readonly s: bigint;
}

function payload(tx: Transaction): RlpInput[] {
  if (tx.to === null) throw new RlpError('a set-code transaction needs a destination');
  return unsignedTxFields({ ...tx, type: SET_CODE_TX_TYPE });
}

/** keccak256(0x04 ‖ rlp([chainId … authorizationList])): what the sender signs. */
export function setCodeTxSigningHash(tx: Transaction): Uint8Array {
  return keccak256(concatBytes(Uint8Array.of(SET_CODE_TX_TYPE), rlpEncode(payload(tx))));
}

/** The signed envelope. */
export function encodeSetCodeTx(tx: Transaction, sig: TxSignature): Uint8Array {
  return concatBytes(Uint8Array.of(SET_CODE_TX_TYPE), rlpEncode([...payload(tx), sig.yParity, sig.r, sig.s]));
}

/** Signs `tx` with the 32-byte key `sk` and returns the envelope. */
export function signSetCodeTx(tx: Transaction, sk: Uint8Array): Uint8Array {
  const bytes = secp256k1.sign(setCodeTxSigningHash(tx), sk, { prehash: false, lowS: true, format: 'recovered' });
  const sig = secp256k1.Signature.fromBytes(bytes, 'recovered');
  return encodeSetCodeTx(tx, { yParity: BigInt(sig.recovery!), r: sig.r, s: sig.s });
}

const fail = (field: string, why: string): never => {
  throw new RlpError(`set-code transaction ${field}: ${why}`);
};
function bytesOf(v: RlpValue | undefined, field: string): Uint8Array {
  if (!(v instanceof Uint8Array)) return fail(field, 'expected a byte string');
  return v;
}
function listOf(v: RlpValue | undefined, field: string): RlpValue[] {
  if (!Array.isArray(v)) return fail(field, 'expected a list');
  return v;
}
function quantity(v: RlpValue | undefined, field: string, maxBytes = 32): bigint {
  const b = bytesOf(v, field);
  if (b.length > maxBytes) fail(field, `wider than ${maxBytes * 8} bits`);
  if (b.length > 0 && b[0] === 0) fail(field, 'leading zero byte');
  return bytesToBigInt(b);
}
function fixed(v: RlpValue | undefined, field: string, length: number): bigint {
  const b = bytesOf(v, field);
  if (b.length !== length) fail(field, `expected ${length} bytes, got ${b.length}`);
  return bytesToBigInt(b);
}

/** Decodes a signed envelope and recovers its sender (throws RlpError naming the field). */
export function decodeSetCodeTx(bytes: Uint8Array): Transaction {
  if (bytes[0] !== SET_CODE_TX_TYPE) fail('type', `expected 0x04, got 0x${(bytes[0] ?? 0).toString(16)}`);
  const f = listOf(rlpDecode(bytes.subarray(1)), 'envelope');
  if (f.length !== 13) fail('envelope', `expected 13 fields, got ${f.length}`);
  const accessList: AccessList = listOf(f[8], 'accessList').map((e, i) => {
    const pair = listOf(e, `accessList[${i}]`);
    if (pair.length !== 2) fail(`accessList[${i}]`, 'expected [address, storageKeys]');
    return {
      address: fixed(pair[0], `accessList[${i}].address`, 20),
      storageKeys: listOf(pair[1], `accessList[${i}].storageKeys`).map((k, j) =>
        fixed(k, `accessList[${i}].storageKeys[${j}]`, 32),
      ),
    };
  });
  const authorizationList: Authorization[] = listOf(f[9], 'authorizationList').map((e, i) => {
    const at = `authorizationList[${i}]`;
    const t = listOf(e, at);
    if (t.length !== 6) fail(at, `expected 6 fields, got ${t.length}`);
    return {
      chainId: quantity(t[0], `${at}.chainId`),
      address: fixed(t[1], `${at}.address`, 20),
      nonce: quantity(t[2], `${at}.nonce`, 8),
      yParity: quantity(t[3], `${at}.yParity`, 1),
      r: quantity(t[4], `${at}.r`),
      s: quantity(t[5], `${at}.s`),
    };
  });
  const unsigned: Transaction = {
    type: 4,
    chainId: quantity(f[0], 'chainId'),
    nonce: quantity(f[1], 'nonce', 8),
    maxPriorityFeePerGas: quantity(f[2], 'maxPriorityFeePerGas'),
    maxFeePerGas: quantity(f[3], 'maxFeePerGas'),
    gasLimit: quantity(f[4], 'gasLimit', 8),
    to: fixed(f[5], 'to', 20),
    value: quantity(f[6], 'value'),
    data: bytesOf(f[7], 'data'),
    accessList,
    blobVersionedHashes: [],
    authorizationList,
    sender: 0n,
  };
  const yParity = quantity(f[10], 'yParity', 1);
  const r = quantity(f[11], 'r');
  const s = quantity(f[12], 's');
  if (yParity > 1n) fail('yParity', 'must be 0 or 1');
  if (!isCanonicalSignature(yParity, r, s)) fail('signature', 'r or s out of range');
  let sender: bigint;
  try {
    const pub = new secp256k1.Signature(r, s, Number(yParity)).recoverPublicKey(setCodeTxSigningHash(unsigned));
    sender = addressFromPublicKey(pub.toBytes(false));
  } catch {
    return fail('signature', 'no public key recovers');
  }
  return { ...unsigned, sender };
}
