// Pubdata of one transaction as ZKsync OS counts it (`io_subsystem.rs net_pubdata_used`): compressed
// state diffs of the accounts and slots the transaction changed, the bytecodes it deployed (inside the
// account diffs) and its L2→L1 messages. Computed from the world's transaction overlay, so a reverted
// frame's changes are not counted (brief §5).
import { KECCAK_EMPTY } from '../crypto/keccak.js';
import type { AccountRecord, WorldState } from './world.js';

const U256 = 1n << 256n;

/** Bytes of the big-endian encoding of `v` without leading zeros (`bit_len().next_multiple_of(8) / 8`). */
function byteLength(v: bigint): number {
  let n = 0;
  for (let x = v; x > 0n; x >>= 8n) n++;
  return n;
}

/**
 * `ValueDiffCompressionStrategy::optimal_compression_length_u256` (zk_ee pubdata_compression.rs): the
 * shortest of the full value (33), add, sub or transform (1 metadata byte + the operand's bytes, each
 * only if it is shorter than 32 bytes and, for add/sub, does not underflow).
 */
export function compressedDiffLength(initial: bigint, final: bigint): number {
  let best = 33;
  const candidates = [final >= initial ? final - initial : -1n, initial >= final ? initial - final : -1n, final];
  for (const c of candidates) {
    if (c < 0n || c >= U256) continue;
    const len = byteLength(c);
    if (len < 32 && len + 1 < best) best = len + 1;
  }
  return best;
}

const codeHashOf = (a: AccountRecord): bigint => (a.code.length === 0 ? KECCAK_EMPTY : a.codeHash);

/** Pubdata of one account diff, split into the diff itself and the published bytecode. */
export interface AccountPubdata {
  readonly diff: number;
  readonly bytecode: number;
}

/**
 * `AccountProperties::diff_compression_length` (account_cache_entry.rs): a code change publishes the
 * whole properties (metadata, versioning, nonce and balance diffs, lengths) and either the bytecode
 * (deployments) or its 32-byte hash (`not_publish_bytecode`, the deployer hook); otherwise only the
 * nonce and balance diffs that changed, or nothing.
 */
export function accountDiffLength(initial: AccountRecord, final: AccountRecord, unpublished: boolean): AccountPubdata {
  const nonceLen = compressedDiffLength(initial.nonce, final.nonce);
  const balanceLen = compressedDiffLength(initial.balance, final.balance);
  if (codeHashOf(initial) !== codeHashOf(final)) {
    const head = 1 + 8 + nonceLen + balanceLen;
    if (unpublished) return { diff: head + 32 + 4 + 4, bytecode: 0 };
    return { diff: head + 4 + 4 + 4, bytecode: final.code.length };
  }
  if (initial.nonce === final.nonce && initial.balance === final.balance) return { diff: 0, bytecode: 0 };
  let len = 1;
  if (initial.nonce !== final.nonce) len += nonceLen;
  if (initial.balance !== final.balance) len += balanceLen;
  return { diff: len, bytecode: 0 };
}

/** Serialized L2→L1 log (`L2_TO_L1_LOG_SERIALIZE_SIZE`); a message adds 4 length bytes and its data. */
export const L2_TO_L1_LOG_SIZE = 88;

/** A transaction's pubdata by kind (bytes). */
export interface TxPubdata {
  /** Compressed account and storage diffs (keys included for slots). */
  readonly stateDiffs: number;
  /** Bytecodes published with their deployments. */
  readonly bytecodes: number;
  /** L2→L1 messages (`logs_storage.rs push_message`: 4 + length + 88 each) and L1-transaction logs (88). */
  readonly messages: number;
  readonly total: number;
}

/** Pubdata of the transaction so far; `extraLogs` L1-tx logs (88 bytes each) are added to the messages. */
export function txPubdata(world: WorldState, extraLogs = 0): TxPubdata {
  let stateDiffs = 0;
  let bytecodes = 0;
  for (const [addr, initial, final] of world.txAccounts()) {
    const d = accountDiffLength(initial, final, world.isBytecodeUnpublished(addr));
    stateDiffs += d.diff;
    bytecodes += d.bytecode;
  }
  // storage_cache.rs calculate_pubdata_used_by_tx: 32-byte key + compressed value per changed slot.
  for (const [, , initial, final] of world.txSlots())
    if (initial !== final) stateDiffs += 32 + compressedDiffLength(initial, final);
  let messages = extraLogs * L2_TO_L1_LOG_SIZE;
  for (const m of world.messages) messages += 4 + m.data.length + L2_TO_L1_LOG_SIZE;
  return { stateDiffs, bytecodes, messages, total: stateDiffs + bytecodes + messages };
}
