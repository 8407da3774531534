// The post-state difference of a state-test case (`zkos statetest --dump`): every account whose balance,
// nonce, code or storage differs from the fixture's pre-state, in geth's dump spelling (hex quantities,
// storage keyed by slot) with the pre and post value of each changed field.
import { addressToHex, bytesToHex } from '../crypto/bytes.js';
import type { Address } from '../ee/types.js';
import type { WorldState } from '../system/world.js';
import type { PreAccount } from './fixture.js';

type Hex = string;

/** Before and after of one field. */
export interface FieldChange {
  readonly pre: Hex;
  readonly post: Hex;
}

/** What changed in one account; absent fields did not change. */
export interface AccountDiff {
  /** Not in the pre-state. */
  readonly created?: true;
  /** In the pre-state, gone afterwards (EIP-161 or SELFDESTRUCT of a new contract). */
  readonly deleted?: true;
  readonly balance?: FieldChange;
  readonly nonce?: FieldChange;
  readonly code?: FieldChange;
  /** Slot (hex quantity) → values; a slot that became 0 shows post "0x0". */
  readonly storage?: Readonly<Record<Hex, FieldChange>>;
}

const hex = (v: bigint): Hex => '0x' + v.toString(16);
const EMPTY: PreAccount = { balance: 0n, nonce: 0n, code: new Uint8Array(0), storage: new Map() };

/** Accounts (lower-case 0x address, sorted) that differ between `pre` and the committed `post` world. */
export function postStateDiff(pre: ReadonlyMap<Address, PreAccount>, post: WorldState): Record<Hex, AccountDiff> {
  const after = new Map<Address, PreAccount>();
  for (const [a, { account, storage }] of post.committedAccounts())
    after.set(a, { balance: account.balance, nonce: account.nonce, code: account.code, storage: new Map(storage) });
  const addresses = [...new Set([...pre.keys(), ...after.keys()])].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const out: Record<Hex, AccountDiff> = {};
  for (const a of addresses) {
    const b = pre.get(a);
    const n = after.get(a);
    const x = b ?? EMPTY;
    const y = n ?? EMPTY;
    const d: {
      created?: true;
      deleted?: true;
      balance?: FieldChange;
      nonce?: FieldChange;
      code?: FieldChange;
      storage?: Record<Hex, FieldChange>;
    } = {};
    if (!b) d.created = true;
    if (!n) d.deleted = true;
    if (x.balance !== y.balance) d.balance = { pre: hex(x.balance), post: hex(y.balance) };
    if (x.nonce !== y.nonce) d.nonce = { pre: hex(x.nonce), post: hex(y.nonce) };
    const codeBefore = bytesToHex(x.code);
    const codeAfter = bytesToHex(y.code);
    if (codeBefore !== codeAfter) d.code = { pre: codeBefore, post: codeAfter };
    const slots = [...new Set([...x.storage.keys(), ...y.storage.keys()])].sort((p, q) => (p < q ? -1 : p > q ? 1 : 0));
    const storage: Record<Hex, FieldChange> = {};
    for (const s of slots) {
      const v0 = x.storage.get(s) ?? 0n;
      const v1 = y.storage.get(s) ?? 0n;
      if (v0 !== v1) storage[hex(s)] = { pre: hex(v0), post: hex(v1) };
    }
    if (Object.keys(storage).length > 0) d.storage = storage;
    if (Object.keys(d).length > 0) out[addressToHex(a)] = d;
  }
  return out;
}

/** The difference as indented text lines (`zkos statetest --dump` without `--json`). */
export function formatPostStateDiff(diff: Readonly<Record<Hex, AccountDiff>>, indent = '    '): string[] {
  const lines: string[] = [];
  const short = (h: string): string =>
    h.length > 74 ? `${h.slice(0, 34)}…${h.slice(-8)} (${(h.length - 2) / 2} bytes)` : h;
  for (const [a, d] of Object.entries(diff)) {
    lines.push(`${indent}${a}${d.created ? ' (created)' : ''}${d.deleted ? ' (deleted)' : ''}`);
    if (d.balance) lines.push(`${indent}  balance ${d.balance.pre} → ${d.balance.post}`);
    if (d.nonce) lines.push(`${indent}  nonce ${d.nonce.pre} → ${d.nonce.post}`);
    if (d.code) lines.push(`${indent}  code ${short(d.code.pre)} → ${short(d.code.post)}`);
    for (const [slot, v] of Object.entries(d.storage ?? {}))
      lines.push(`${indent}  storage[${slot}] ${v.pre} → ${v.post}`);
  }
  if (lines.length === 0) lines.push(`${indent}(no account changed)`);
  return lines;
}
