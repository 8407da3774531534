// Signed transactions on the wire (EIP-2718 envelopes, types 0–3): decode a raw transaction into the
// runner's `Transaction` (sender recovered with secp256k1), and encode + sign one for eth_sendTransaction.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bigIntToBytes, bytesToBigInt } from '../crypto/bytes.js';
import { decodeSetCodeTx } from '../tx/setCodeEncoding.js';
import { keccak256, keccak256Word } from '../crypto/keccak.js';
import { type RlpInput, type RlpValue, rlpDecode, rlpEncode } from '../encoding/rlp.js';
import { unsignedTxFields } from '../tx/envelope.js';
import { addressFromPublicKey } from '../tx/sender.js';
import type { AccessList, Transaction, TxType } from '../tx/types.js';

/** A transaction as the node stores it: the runner's view plus its hash, raw bytes and signature. */
export interface SignedTx {
  readonly tx: Transaction;
  readonly hash: bigint;
  readonly raw: Uint8Array;
  readonly v: bigint;
  readonly r: bigint;
  readonly s: bigint;
}

/** A malformed raw transaction (the node answers it with -32602 / geth's "rlp: …" style message). */
export class TxDecodeError extends Error {
  override name = 'TxDecodeError';
}

const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const HALF_N = SECP256K1_N >> 1n;

function bytesOf(v: RlpValue | undefined, field: string): Uint8Array {
  if (!(v instanceof Uint8Array)) throw new TxDecodeError(`${field}: expected a byte string`);
  return v;
}

function uint(v: RlpValue | undefined, field: string): bigint {
  const b = bytesOf(v, field);
  if (b.length > 0 && b[0] === 0) throw new TxDecodeError(`${field}: leading zero byte in integer`);
  if (b.length > 32) throw new TxDecodeError(`${field}: integer wider than 256 bits`);
  return bytesToBigInt(b);
}

function toField(v: RlpValue | undefined): bigint | null {
  const b = bytesOf(v, 'to');
  if (b.length === 0) return null;
  if (b.length !== 20) throw new TxDecodeError(`to: expected 20 bytes, got ${b.length}`);
  return bytesToBigInt(b);
}

function accessListField(v: RlpValue | undefined): AccessList {
  if (!Array.isArray(v)) throw new TxDecodeError('accessList: expected a list');
  return v.map((entry, i) => {
    if (!Array.isArray(entry) || entry.length !== 2)
      throw new TxDecodeError(`accessList[${i}]: expected [address, keys]`);
    const addr = bytesOf(entry[0], `accessList[${i}].address`);
    if (addr.length !== 20) throw new TxDecodeError(`accessList[${i}].address: expected 20 bytes`);
    const keys = entry[1];
    if (!Array.isArray(keys)) throw new TxDecodeError(`accessList[${i}].storageKeys: expected a list`);
    return {
      address: bytesToBigInt(addr),
      storageKeys: keys.map((k, j) => {
        const kb = bytesOf(k, `accessList[${i}].storageKeys[${j}]`);
        if (kb.length !== 32) throw new TxDecodeError(`accessList[${i}].storageKeys[${j}]: expected 32 bytes`);
        return bytesToBigInt(kb);
      }),
    };
  });
}

function hashesField(v: RlpValue | undefined): bigint[] {
  if (!Array.isArray(v)) throw new TxDecodeError('blobVersionedHashes: expected a list');
  return v.map((h, i) => {
    const b = bytesOf(h, `blobVersionedHashes[${i}]`);
    if (b.length !== 32) throw new TxDecodeError(`blobVersionedHashes[${i}]: expected 32 bytes`);
    return bytesToBigInt(b);
  });
}

function recoverSender(sigHash: Uint8Array, r: bigint, s: bigint, recovery: number): bigint {
  if (r === 0n || r >= SECP256K1_N || s === 0n || s > HALF_N)
    throw new TxDecodeError('invalid transaction v, r, s values');
  try {
    const pub = new secp256k1.Signature(r, s, recovery).recoverPublicKey(sigHash).toBytes(false);
    return addressFromPublicKey(pub);
  } catch {
    throw new TxDecodeError('invalid transaction v, r, s values');
  }
}

const FIELD_COUNT: Readonly<Record<TxType, number>> = { 0: 9, 1: 11, 2: 12, 3: 14, 4: 13 };

/** An EIP-7702 envelope through the engine's strict decoder (src/tx/setCodeEncoding.ts). */
function decodeSetCode(raw: Uint8Array): SignedTx {
  let tx: Transaction;
  try {
    tx = decodeSetCodeTx(raw);
  } catch (e) {
    throw new TxDecodeError(`rlp: ${(e as Error).message}`);
  }
  const f = rlpDecode(raw.subarray(1)) as RlpValue[];
  const [v, r, s] = [uint(f[10], 'yParity'), uint(f[11], 'r'), uint(f[12], 's')];
  return { tx, hash: keccak256Word(raw), raw, v, r, s };
}

/** Decodes a raw signed transaction (legacy or typed 1–4; a blob transaction in its network form too). */
export function decodeRawTransaction(raw: Uint8Array): SignedTx {
  if (raw.length === 0) throw new TxDecodeError('typed transaction too short');
  const first = raw[0]!;
  if (first === 4) return decodeSetCode(raw);
  const type: TxType | null = first >= 0xc0 ? 0 : first === 1 || first === 2 || first === 3 ? first : null;
  if (type === null) throw new TxDecodeError('transaction type not supported');
  let payload = type === 0 ? raw : raw.subarray(1);
  let f: RlpValue;
  try {
    f = rlpDecode(payload);
  } catch (e) {
    throw new TxDecodeError(`rlp: ${(e as Error).message}`);
  }
  // EIP-4844 network form: [tx_payload_body, blobs, commitments, proofs]; the hash covers the body only.
  if (type === 3 && Array.isArray(f) && f.length === 4 && Array.isArray(f[0])) {
    f = f[0];
    payload = rlpEncode(f as RlpInput);
    raw = new Uint8Array([3, ...payload]);
  }
  if (!Array.isArray(f) || f.length !== FIELD_COUNT[type])
    throw new TxDecodeError(`rlp: expected ${FIELD_COUNT[type]} fields for a type ${type} transaction`);
  const hash = keccak256Word(raw);
  const unsigned = f.slice(0, f.length - 3);
  const v = uint(f[f.length - 3], 'v');
  const r = uint(f[f.length - 2], 'r');
  const s = uint(f[f.length - 1], 's');

  if (type === 0) {
    let chainId: bigint;
    let sigHash: Uint8Array;
    let recovery: number;
    if (v === 27n || v === 28n) {
      chainId = 0n;
      recovery = Number(v - 27n);
      sigHash = keccak256(rlpEncode(unsigned as RlpInput));
    } else if (v >= 35n) {
      chainId = (v - 35n) / 2n;
      recovery = Number((v - 35n) % 2n);
      sigHash = keccak256(rlpEncode([...(unsigned as RlpInput[]), chainId, 0n, 0n]));
    } else throw new TxDecodeError('invalid transaction v, r, s values');
    const tx: Transaction = {
      type: 0,
      chainId,
      nonce: uint(f[0], 'nonce'),
      gasPrice: uint(f[1], 'gasPrice'),
      gasLimit: uint(f[2], 'gas'),
      to: toField(f[3]),
      value: uint(f[4], 'value'),
      data: bytesOf(f[5], 'input'),
      accessList: [],
      blobVersionedHashes: [],
      sender: recoverSender(sigHash, r, s, recovery),
    };
    return { tx, hash, raw, v, r, s };
  }
  if (v > 1n) throw new TxDecodeError('invalid transaction v, r, s values');
  const sigHash = keccak256(new Uint8Array([type, ...rlpEncode(unsigned as RlpInput)]));
  const sender = recoverSender(sigHash, r, s, Number(v));
  const chainId = uint(f[0], 'chainId');
  const nonce = uint(f[1], 'nonce');
  let tx: Transaction;
  if (type === 1) {
    tx = {
      type,
      chainId,
      nonce,
      gasPrice: uint(f[2], 'gasPrice'),
      gasLimit: uint(f[3], 'gas'),
      to: toField(f[4]),
      value: uint(f[5], 'value'),
      data: bytesOf(f[6], 'input'),
      accessList: accessListField(f[7]),
      blobVersionedHashes: [],
      sender,
    };
  } else {
    tx = {
      type,
      chainId,
      nonce,
      maxPriorityFeePerGas: uint(f[2], 'maxPriorityFeePerGas'),
      maxFeePerGas: uint(f[3], 'maxFeePerGas'),
      gasLimit: uint(f[4], 'gas'),
      to: toField(f[5]),
      value: uint(f[6], 'value'),
      data: bytesOf(f[7], 'input'),
      accessList: accessListField(f[8]),
      ...(type === 3 ? { maxFeePerBlobGas: uint(f[9], 'maxFeePerBlobGas') } : {}),
      blobVersionedHashes: type === 3 ? hashesField(f[10]) : [],
      sender,
    };
  }
  return { tx, hash, raw, v, r, s };
}

function envelope(type: TxType, fields: RlpInput[]): Uint8Array {
  const body = rlpEncode(fields);
  return type === 0 ? body : new Uint8Array([type, ...body]);
}

/** Signs `tx` with `secretKey` (EIP-155 for legacy) and returns it as the node stores it. */
export function signTransaction(tx: Transaction, secretKey: Uint8Array): SignedTx {
  const fields = unsignedTxFields(tx);
  const sigPayload = tx.type === 0 ? rlpEncode([...fields, tx.chainId, 0n, 0n]) : envelope(tx.type, fields);
  const sig = secp256k1.Signature.fromBytes(
    secp256k1.sign(keccak256(sigPayload), secretKey, { prehash: false, format: 'recovered' }),
    'recovered',
  );
  const recovery = BigInt(sig.recovery ?? 0);
  const v = tx.type === 0 ? tx.chainId * 2n + 35n + recovery : recovery;
  const raw = envelope(tx.type, [...fields, v, sig.r, sig.s]);
  return { tx, hash: keccak256Word(raw), raw, v, r: sig.r, s: sig.s };
}

/**
 * An impersonated account's transaction: no key, so no signature (v = r = s = 0, as anvil reports); the
 * hash covers the unsigned envelope and the sender, so two senders never share a hash.
 */
export function unsignedTransaction(tx: Transaction): SignedTx {
  const fields = unsignedTxFields(tx);
  const raw = envelope(tx.type, [...fields, 0n, 0n, 0n]);
  const hash = keccak256Word(new Uint8Array([...raw, ...bigIntToBytes(tx.sender, 20)]));
  return { tx, hash, raw, v: 0n, r: 0n, s: 0n };
}
