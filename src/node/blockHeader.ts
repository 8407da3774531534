// Block-level hashing: logs bloom, transactions and receipts tries, and the Cancun header hash, so that
// the node's block and transaction identifiers are the ones any client can recompute.
import { bigIntToBytes } from '../crypto/bytes.js';
import { keccak256, keccak256Word } from '../crypto/keccak.js';
import { type RlpInput, rlpEncode } from '../encoding/rlp.js';
import { EMPTY_TRIE_ROOT, trieRoot } from '../system/mpt.js';
import type { Log } from '../system/world.js';

/** keccak256(rlp([])): the ommers hash of every post-merge block. */
export const EMPTY_OMMERS_HASH: Uint8Array = keccak256(rlpEncode([]));

/** Adds `data`'s three bloom bits (Yellow Paper §4.3.1: bytes 0–1, 2–3, 4–5 of its keccak, mod 2048). */
function addToBloom(bloom: Uint8Array, data: Uint8Array): void {
  const h = keccak256(data);
  for (let i = 0; i < 6; i += 2) {
    const bit = ((h[i]! << 8) | h[i + 1]!) & 2047;
    bloom[255 - (bit >> 3)]! |= 1 << (bit & 7);
  }
}

/** The 256-byte logs bloom of `logs` (addresses and topics). */
export function logsBloom(logs: Iterable<Log>, into: Uint8Array = new Uint8Array(256)): Uint8Array {
  for (const log of logs) {
    addToBloom(into, bigIntToBytes(log.address, 20));
    for (const t of log.topics) addToBloom(into, bigIntToBytes(t, 32));
  }
  return into;
}

/** Whether `bloom` may contain `data` (an address or a topic). */
export function bloomMayContain(bloom: Uint8Array, data: Uint8Array): boolean {
  const probe = new Uint8Array(256);
  addToBloom(probe, data);
  for (let i = 0; i < 256; i++) if ((bloom[i]! & probe[i]!) !== probe[i]) return false;
  return true;
}

function logRlp(log: Log): RlpInput {
  return [bigIntToBytes(log.address, 20), log.topics.map((t) => bigIntToBytes(t, 32)), log.data];
}

/** A receipt's consensus encoding (EIP-2718: type byte first for typed transactions). */
export function encodeReceipt(
  type: number,
  success: boolean,
  cumulativeGasUsed: bigint,
  bloom: Uint8Array,
  logs: readonly Log[],
): Uint8Array {
  const body = rlpEncode([success ? 1n : 0n, cumulativeGasUsed, bloom, logs.map(logRlp)]);
  return type === 0 ? body : new Uint8Array([type, ...body]);
}

/** Root of the trie keyed by rlp(index) (transactions and receipts roots). */
export function indexedTrieRoot(items: readonly Uint8Array[]): Uint8Array {
  if (items.length === 0) return EMPTY_TRIE_ROOT.slice();
  return trieRoot(items.map((v, i) => [rlpEncode(i), v] as const));
}

/** The fields of a Cancun header (EIP-4844 and EIP-4788 included). */
export interface HeaderFields {
  readonly parentHash: bigint;
  readonly coinbase: bigint;
  readonly stateRoot: Uint8Array;
  readonly transactionsRoot: Uint8Array;
  readonly receiptsRoot: Uint8Array;
  readonly logsBloom: Uint8Array;
  readonly number: bigint;
  readonly gasLimit: bigint;
  readonly gasUsed: bigint;
  readonly timestamp: bigint;
  readonly mixHash: bigint;
  readonly baseFeePerGas: bigint;
  readonly blobGasUsed: bigint;
  readonly excessBlobGas: bigint;
}

/** keccak256 of the RLP header. */
export function headerHash(h: HeaderFields): bigint {
  return keccak256Word(
    rlpEncode([
      bigIntToBytes(h.parentHash, 32),
      EMPTY_OMMERS_HASH,
      bigIntToBytes(h.coinbase, 20),
      h.stateRoot,
      h.transactionsRoot,
      h.receiptsRoot,
      h.logsBloom,
      0n, // difficulty
      h.number,
      h.gasLimit,
      h.gasUsed,
      h.timestamp,
      new Uint8Array(0), // extraData
      bigIntToBytes(h.mixHash, 32),
      new Uint8Array(8), // nonce
      h.baseFeePerGas,
      EMPTY_TRIE_ROOT, // withdrawalsRoot
      h.blobGasUsed,
      h.excessBlobGas,
      new Uint8Array(32), // parentBeaconBlockRoot
    ]),
  );
}

/** EIP-1559 base fee of the child of a block (elasticity 2, max change 1/8). */
export function nextBaseFee(parentBaseFee: bigint, parentGasUsed: bigint, parentGasLimit: bigint): bigint {
  const target = parentGasLimit / 2n;
  if (parentGasUsed === target) return parentBaseFee;
  if (parentGasUsed > target) {
    const delta = (parentBaseFee * (parentGasUsed - target)) / target / 8n;
    return parentBaseFee + (delta > 1n ? delta : 1n);
  }
  return parentBaseFee - (parentBaseFee * (target - parentGasUsed)) / target / 8n;
}
