// The transaction struct as ZKsync OS reads it (basic_bootloader/src/bootloader/transaction/mod.rs
// `ZkSyncTransaction::try_from_slice`): the ABI encoding of
// (uint256 txType, uint256 from, uint256 to, uint256 gasLimit, uint256 gasPerPubdataByteLimit,
//  uint256 maxFeePerGas, uint256 maxPriorityFeePerGas, uint256 paymaster, uint256 nonce, uint256 value,
//  uint256[4] reserved, bytes data, bytes signature, bytes32[] factoryDeps, bytes paymasterInput,
//  bytes reservedDynamic)
// without the leading 0x20 tuple offset. The head is 19 words; the dynamic parts follow tightly in
// order, zero-padded to words. The strict decoder is src/input/zksyncTx.ts.
import { bigIntToBytes, concatBytes } from '../crypto/bytes.js';
import { keccak256Word } from '../crypto/keccak.js';

/** Every field of the struct. */
export interface ZkSyncTxFields {
  readonly txType: number;
  readonly from: bigint;
  readonly to: bigint;
  readonly gasLimit: bigint;
  readonly gasPerPubdataLimit: bigint;
  readonly maxFeePerGas: bigint;
  readonly maxPriorityFeePerGas: bigint;
  readonly paymaster: bigint;
  readonly nonce: bigint;
  readonly value: bigint;
  readonly reserved: readonly [bigint, bigint, bigint, bigint];
  readonly data: Uint8Array;
  readonly signature: Uint8Array;
  readonly factoryDeps: readonly bigint[];
  readonly paymasterInput: Uint8Array;
  readonly reservedDynamic: Uint8Array;
}

const WORD = 32;
/** `DYNAMIC_PART_EXPECTED_OFFSET`: 10 words, reserved[4], 5 offsets. */
export const DYNAMIC_PART_OFFSET = 19 * WORD;

const word = (v: bigint): Uint8Array => bigIntToBytes(v, WORD);

function encodeBytes(b: Uint8Array): Uint8Array {
  const padded = new Uint8Array(Math.ceil(b.length / WORD) * WORD);
  padded.set(b);
  return concatBytes(word(BigInt(b.length)), padded);
}

/** ABI-encodes the struct (the part the bootloader reads at TX_OFFSET). */
export function encodeZkSyncTx(t: ZkSyncTxFields): Uint8Array {
  const tails = [
    encodeBytes(t.data),
    encodeBytes(t.signature),
    concatBytes(word(BigInt(t.factoryDeps.length)), ...t.factoryDeps.map(word)),
    encodeBytes(t.paymasterInput),
    encodeBytes(t.reservedDynamic),
  ];
  const offsets: bigint[] = [];
  let at = DYNAMIC_PART_OFFSET;
  for (const tail of tails) {
    offsets.push(BigInt(at));
    at += tail.length;
  }
  const head = [
    BigInt(t.txType),
    t.from,
    t.to,
    t.gasLimit,
    t.gasPerPubdataLimit,
    t.maxFeePerGas,
    t.maxPriorityFeePerGas,
    t.paymaster,
    t.nonce,
    t.value,
    ...t.reserved,
    ...offsets,
  ].map(word);
  return concatBytes(...head, ...tails);
}

/** `l1_tx_calculate_hash`: keccak256(0x20 ‖ encoding), the hash of the properly ABI-encoded struct. */
export function l1TxHash(encoding: Uint8Array): bigint {
  return keccak256Word(concatBytes(word(32n), encoding));
}
