// The world-state root, storage roots and the logs hash the state tests compare against
// (`post.<fork>[].hash` and `.logs`).
import { keccak256 } from '../crypto/keccak.js';
import { rlpEncode, type RlpInput } from '../encoding/rlp.js';
import { EMPTY_TRIE_ROOT, secureTrieRootOf } from './mpt.js';
import { ADDRESS_MASK, U256_MAX, U64_MAX } from '../encoding/limits.js';

/** An account as the state trie sees it. */
export interface AccountForRoot {
  address: bigint;
  nonce: bigint;
  balance: bigint;
  /** keccak256 of the account's code (32 bytes; KECCAK_EMPTY for no code). */
  codeHash: Uint8Array;
  /** Storage slots; zero values are omitted from the trie (a zero slot is an absent slot). */
  storage: Iterable<[slot: bigint, value: bigint]>;
}

/** One log entry as it goes into the logs hash. */
export interface LogForHash {
  address: bigint;
  topics: readonly bigint[];
  data: Uint8Array;
}

const MASK64 = U64_MAX;

/** `v` (0 ≤ v < 2^256) as 32 big-endian bytes, four 64-bit limbs at a time. */
function word32(v: bigint, what: string): Uint8Array {
  if (v < 0n || v > U256_MAX) throw new RangeError(`${what} ${v} is not a 256-bit word`);
  const out = new Uint8Array(32);
  const dv = new DataView(out.buffer);
  dv.setBigUint64(24, v & MASK64);
  if (v > MASK64) {
    dv.setBigUint64(16, (v >> 64n) & MASK64);
    dv.setBigUint64(8, (v >> 128n) & MASK64);
    dv.setBigUint64(0, v >> 192n);
  }
  return out;
}

/** `a` (< 2^160) as 20 big-endian bytes. */
function address20(a: bigint): Uint8Array {
  if (a < 0n || a > ADDRESS_MASK) throw new RangeError(`address ${a} is not 160 bits`);
  const out = new Uint8Array(20);
  const dv = new DataView(out.buffer);
  dv.setBigUint64(12, a & MASK64);
  dv.setBigUint64(4, (a >> 64n) & MASK64);
  dv.setUint32(0, Number(a >> 128n));
  return out;
}

/**
 * Storage root of an account: secure trie with key keccak256(slot as 32 bytes) and value
 * rlp(value as minimal big-endian bytes); zero values are left out (empty storage → empty root).
 */
export function storageRoot(storage: Iterable<[slot: bigint, value: bigint]>): Uint8Array {
  const keys: Uint8Array[] = [];
  const vals: Uint8Array[] = [];
  for (const [slot, value] of storage) {
    if (value === 0n) continue;
    if (value < 0n || value > U256_MAX) throw new RangeError(`storage value ${value} is not a 256-bit word`);
    keys.push(word32(slot, 'storage slot'));
    vals.push(rlpEncode(value));
  }
  if (keys.length === 0) return EMPTY_TRIE_ROOT.slice();
  return secureTrieRootOf(keys, vals);
}

/**
 * World-state root: secure trie with key keccak256(address as 20 bytes) and value
 * rlp([nonce, balance, storageRoot, codeHash]). Every account given is included (leaving out
 * empty/destroyed accounts is the caller's business).
 */
export function stateRoot(accounts: Iterable<AccountForRoot>): Uint8Array {
  const keys: Uint8Array[] = [];
  const vals: Uint8Array[] = [];
  for (const acc of accounts) {
    if (acc.codeHash.length !== 32) {
      throw new RangeError(
        `stateRoot: codeHash of account 0x${acc.address.toString(16)} has ${acc.codeHash.length} bytes, expected 32`,
      );
    }
    if (acc.nonce < 0n || acc.balance < 0n) {
      throw new RangeError(`stateRoot: negative nonce or balance for account 0x${acc.address.toString(16)}`);
    }
    keys.push(address20(acc.address));
    vals.push(rlpEncode([acc.nonce, acc.balance, storageRoot(acc.storage), acc.codeHash]));
  }
  return secureTrieRootOf(keys, vals);
}

/** keccak256(rlp([[address, [topics...], data], ...])): the state tests' `logs` field. */
export function logsHash(logs: Iterable<LogForHash>): Uint8Array {
  const items: RlpInput[] = [];
  for (const log of logs) {
    const topics: Uint8Array[] = new Array(log.topics.length);
    for (let i = 0; i < log.topics.length; i++) topics[i] = word32(log.topics[i]!, 'log topic');
    items.push([address20(log.address), topics, log.data]);
  }
  return keccak256(rlpEncode(items));
}
