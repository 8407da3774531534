// The state root of the node's head, kept incrementally: each account's secure-trie key and leaf
// (rlp [nonce, balance, storageRoot, codeHash]) are cached and recomputed only for the accounts the
// chain reports as changed; the trie itself is rebuilt from the cached pairs.
import { bigIntToBytes } from '../crypto/bytes.js';
import { keccak256 } from '../crypto/keccak.js';
import { rlpEncode } from '../encoding/rlp.js';
import { trieRoot } from '../system/mpt.js';
import { storageRoot } from '../system/stateRoot.js';
import type { WorldState } from '../system/world.js';

interface Leaf {
  readonly key: Uint8Array;
  readonly value: Uint8Array;
}

export class StateRootCache {
  private readonly leaves = new Map<bigint, Leaf>();
  private readonly dirty = new Set<bigint>();
  private primed = false;

  constructor(private readonly world: WorldState) {}

  /** The account's record or storage changed since the last root. */
  markDirty(addr: bigint): void {
    this.dirty.add(addr);
  }

  private leafOf(addr: bigint): Leaf | null {
    const e = this.world.committedAccount(addr);
    if (!e) return null;
    const a = e.account;
    return {
      key: keccak256(bigIntToBytes(addr, 20)),
      value: rlpEncode([a.nonce, a.balance, storageRoot(e.storage), bigIntToBytes(a.codeHash, 32)]),
    };
  }

  /** The root of the committed state (call between transactions). */
  root(): Uint8Array {
    if (!this.primed) {
      for (const [addr] of this.world.committedAccounts()) this.leaves.set(addr, this.leafOf(addr)!);
      this.primed = true;
      this.dirty.clear();
    }
    for (const addr of this.dirty) {
      const leaf = this.leafOf(addr);
      if (leaf) this.leaves.set(addr, leaf);
      else this.leaves.delete(addr);
    }
    this.dirty.clear();
    return trieRoot(Array.from(this.leaves.values(), (l) => [l.key, l.value] as const));
  }
}
