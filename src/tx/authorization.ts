// EIP-7702 authorizations: the signing hash, authority recovery (low-s, y-parity 0/1, on @noble/curves), signing
// (for tests and the fuzzer), and applying a set-code transaction's list to the world before execution.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bigIntToBytes, concatBytes } from '../crypto/bytes.js';
import { keccak256 } from '../crypto/keccak.js';
import type { Address } from '../ee/types.js';
import { rlpEncode } from '../encoding/rlp.js';
import { U64_MAX } from '../encoding/limits.js';
import { delegationTarget, designatorFor } from '../system/delegation.js';
import type { WorldState } from '../system/world.js';
import { addressFromPublicKey } from './sender.js';
import type { Authorization } from './types.js';

/** EIP-7702 MAGIC: the domain byte of an authorization's signing hash. */
export const AUTHORIZATION_MAGIC = 0x05;
/** secp256k1 group order n (from @noble/curves); EIP-2 requires s ≤ n/2. */
const SECP256K1_N = secp256k1.Point.Fn.ORDER;
const HALF_N = SECP256K1_N >> 1n;

/** A signature both EIP-7702 tuples and typed transactions accept: y-parity 0/1, r in [1, n−1], s in [1, n/2]. */
export function isCanonicalSignature(yParity: bigint, r: bigint, s: bigint): boolean {
  return yParity <= 1n && r !== 0n && r < SECP256K1_N && s !== 0n && s <= HALF_N;
}
const EMPTY = new Uint8Array(0);

/** keccak256(0x05 ‖ rlp([chainId, address, nonce])). */
export function authorizationHash(a: Pick<Authorization, 'chainId' | 'address' | 'nonce'>): Uint8Array {
  const body = rlpEncode([a.chainId, bigIntToBytes(a.address, 20), a.nonce]);
  return keccak256(concatBytes(Uint8Array.of(AUTHORIZATION_MAGIC), body));
}

/** The authority that signed `a`, or null for an invalid signature (y-parity > 1, r or s out of range, high s). */
export function recoverAuthority(a: Authorization): Address | null {
  if (a.authority !== undefined) return a.authority;
  if (!isCanonicalSignature(a.yParity, a.r, a.s)) return null;
  try {
    const sig = new secp256k1.Signature(a.r, a.s, Number(a.yParity));
    return addressFromPublicKey(sig.recoverPublicKey(authorizationHash(a)).toBytes(false));
  } catch {
    return null; // r is not the x of a curve point, or the key is the point at infinity
  }
}

/** Signs an authorization with the 32-byte secret key `sk` (low-s, as every client produces). */
export function signAuthorization(
  sk: Uint8Array,
  a: Pick<Authorization, 'chainId' | 'address' | 'nonce'>,
): Authorization {
  const sig = secp256k1.Signature.fromBytes(
    secp256k1.sign(authorizationHash(a), sk, { prehash: false, lowS: true, format: 'recovered' }),
    'recovered',
  );
  return { chainId: a.chainId, address: a.address, nonce: a.nonce, yParity: BigInt(sig.recovery!), r: sig.r, s: sig.s };
}

/** What applying the list needs from its transaction processor. */
export interface AuthorizationContext {
  readonly world: WorldState;
  readonly chainId: bigint;
  /** Refund counter credit for an authority that already exists (Prague: 12500). */
  readonly existingAuthorityRefund: number;
}

/**
 * Applies each authorization in order (EIP-7702 behaviour): an invalid one is skipped, never failing the
 * transaction. Valid: chain id 0 or ours, nonce < 2^64 − 1, a recoverable low-s signature, an authority with
 * no code or a designator, and its nonce equal to the tuple's. The authority is warmed once recovered (even
 * if then invalid); a valid one gets the designator (none for address 0) and nonce + 1, and an existing
 * authority refunds PER_EMPTY_ACCOUNT_COST − PER_AUTH_BASE_COST. Returns how many were applied.
 */
export function applyAuthorizations(list: readonly Authorization[], ctx: AuthorizationContext): number {
  const { world } = ctx;
  let applied = 0;
  for (const a of list) {
    if (a.chainId !== 0n && a.chainId !== ctx.chainId) continue;
    if (a.nonce >= U64_MAX) continue;
    const authority = recoverAuthority(a);
    if (authority === null) continue;
    world.accessAccount(authority);
    const account = world.getAccount(authority);
    if (account.code.length !== 0 && delegationTarget(account.code) === null) continue;
    if (account.nonce !== a.nonce) continue;
    if (world.exists(authority)) world.addRefund(ctx.existingAuthorityRefund);
    world.setNonce(authority, a.nonce + 1n);
    world.setCode(authority, a.address === 0n ? EMPTY : designatorFor(a.address));
    applied++;
  }
  return applied;
}
