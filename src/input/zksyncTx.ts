// Strict decoding of the ZKsync OS transaction struct (basic_bootloader/src/bootloader/transaction/mod.rs
// `ZkSyncTransaction::try_from_slice` and `validate_structure`; the layout is in src/encoding/zksyncTx.ts):
// every offset must point exactly at the next part, padding must be zero, narrow fields must fit, nothing may
// follow the last part. Errors are InputErrors naming the field.
import { bytesToBigInt } from '../crypto/bytes.js';
import type { ZkSyncTxFields } from '../encoding/zksyncTx.js';
import { InputError } from './parse.js';

const WORD = 32;

/** Strict reader over the encoding; errors name the field (`<base>.<field>`). */
class Reader {
  at = 0;
  constructor(
    private readonly b: Uint8Array,
    private readonly base: string,
  ) {}

  fail(field: string, message: string): never {
    throw new InputError(`${this.base}.${field}`, message);
  }

  word(field: string, bits: number): bigint {
    if (this.b.length < this.at + WORD) this.fail(field, 'encoding ends before this word');
    const v = bytesToBigInt(this.b.subarray(this.at, this.at + WORD));
    this.at += WORD;
    if (bits < 256 && v >> BigInt(bits) !== 0n) this.fail(field, `does not fit in ${bits} bits`);
    return v;
  }

  bytes(field: string): Uint8Array {
    const len = Number(this.word(`${field}.length`, 32));
    const padded = Math.ceil(len / WORD) * WORD;
    if (this.b.length < this.at + padded) this.fail(field, 'encoding ends inside the bytes');
    const out = this.b.slice(this.at, this.at + len);
    for (let i = this.at + len; i < this.at + padded; i++) if (this.b[i] !== 0) this.fail(field, 'non-zero padding');
    this.at += padded;
    return out;
  }

  expectOffset(field: string, offset: bigint): void {
    if (offset !== BigInt(this.at))
      this.fail(field, `offset ${offset} does not point at the part (expected ${this.at})`);
  }
}

/** `try_from_slice` + `validate_structure`: the fields, or an InputError naming the offending field. */
export function decodeZkSyncTx(encoding: Uint8Array, base = 'transaction'): ZkSyncTxFields {
  const r = new Reader(encoding, base);
  const txType = Number(r.word('txType', 8));
  const from = r.word('from', 160);
  const to = r.word('to', 160);
  const gasLimit = r.word('gasLimit', 64);
  const gasPerPubdataLimit = r.word('gasPerPubdataLimit', 32);
  const maxFeePerGas = r.word('maxFeePerGas', 128);
  const maxPriorityFeePerGas = r.word('maxPriorityFeePerGas', 128);
  const paymaster = r.word('paymaster', 160);
  const nonce = r.word('nonce', 256);
  const value = r.word('value', 256);
  const reserved = [0, 1, 2, 3].map((i) => r.word(`reserved[${i}]`, 256)) as [bigint, bigint, bigint, bigint];
  const names = ['data', 'signature', 'factoryDeps', 'paymasterInput', 'reservedDynamic'] as const;
  const offsets = names.map((n) => r.word(`${n}.offset`, 32));
  r.expectOffset('data.offset', offsets[0]!);
  const data = r.bytes('data');
  r.expectOffset('signature.offset', offsets[1]!);
  const signature = r.bytes('signature');
  r.expectOffset('factoryDeps.offset', offsets[2]!);
  const count = Number(r.word('factoryDeps.length', 32));
  const factoryDeps: bigint[] = [];
  for (let i = 0; i < count; i++) factoryDeps.push(r.word(`factoryDeps[${i}]`, 256));
  r.expectOffset('paymasterInput.offset', offsets[3]!);
  const paymasterInput = r.bytes('paymasterInput');
  r.expectOffset('reservedDynamic.offset', offsets[4]!);
  const reservedDynamic = r.bytes('reservedDynamic');
  if (r.at !== encoding.length) r.fail('reservedDynamic', 'bytes follow the last part');
  const t: ZkSyncTxFields = {
    txType,
    from,
    to,
    gasLimit,
    gasPerPubdataLimit,
    maxFeePerGas,
    maxPriorityFeePerGas,
    paymaster,
    nonce,
    value,
    reserved,
    data,
    signature,
    factoryDeps,
    paymasterInput,
    reservedDynamic,
  };
  validateStructure(t, base);
  return t;
}

/** Transaction types ZKsync OS parses (`validate_structure`). */
export const ZKSYNC_TX_TYPES = Object.freeze([0x00, 0x01, 0x02, 0x71, 0xfe, 0xff]);

/** `validate_structure`: which fields each type may use. */
export function validateStructure(t: ZkSyncTxFields, base = 'transaction'): void {
  const fail = (field: string, message: string): never => {
    throw new InputError(`${base}.${field}`, message);
  };
  const type = t.txType;
  const l1 = type === 0xff || type === 0xfe;
  if (!ZKSYNC_TX_TYPES.includes(type)) fail('txType', `unknown type 0x${type.toString(16)}`);
  if ((type === 0 || type === 1) && t.maxFeePerGas !== t.maxPriorityFeePerGas)
    fail('maxPriorityFeePerGas', 'must equal maxFeePerGas for types 0 and 1');
  if (type !== 0x71 && t.paymaster !== 0n) fail('paymaster', 'only EIP-712 transactions have a paymaster');
  if (type !== 0 && !l1 && t.reserved[0] !== 0n) fail('reserved[0]', 'must be 0 for this type');
  if (type === 0x71 && t.reserved[1] !== 0n) fail('reserved[1]', 'must be 0 for EIP-712 transactions');
  if (!l1 && type !== 0x71 && t.reserved[1] !== 0n && t.to !== 0n)
    fail('reserved[1]', 'the deployment flag requires to = 0');
  if (t.reserved[2] !== 0n || t.reserved[3] !== 0n) fail('reserved[2]', 'reserved[2] and reserved[3] must be 0');
  if (l1 && t.signature.length !== 0) fail('signature', 'L1 and upgrade transactions carry no signature');
  if (!l1 && t.signature.length !== 65) fail('signature', 'must be 65 bytes');
  if (type !== 0x71 && t.paymasterInput.length !== 0) fail('paymasterInput', 'only EIP-712 transactions have one');
  if (type !== 0x71 && !l1 && t.factoryDeps.length !== 0) fail('factoryDeps', 'not allowed for this type');
}
