// P256 verify at 0x100 under ZKsync OS's `p256_precompile` feature (issue #12 item 8).
// Rust: basic_system/src/system_functions/p256_verify.rs `p256_verify_as_system_function_inner` and
// `secp256r1_verify_inner`; system_hooks lib.rs `add_precompiles` (0x100 only with the feature);
// account_cache.rs `materialize_element`: `is_precompile` covers 0x01-0x0a only, so 0x100 is cold on first
// touch (2600) and warm after (100).
import { describe, expect, it } from 'vitest';
import { p256 } from '@noble/curves/nist.js';
import { zksync, zksyncWithP256 } from '../../src/profiles/zksync.js';
import { bigIntToBytes, bytesToBigInt, concatBytes } from '../../src/crypto/bytes.js';
import { asm, type Asm } from '../helpers/bytecode.js';
import { CONTRACT, runTx } from './helpers.js';
import type { Profile } from '../../src/profiles/types.js';

const P256 = 0x100n;

/** GAS; STATICCALL(100000, 0x100, mem[0..len), out mem[0..32)); GAS: stores ok and the gas delta. */
function measured(a: Asm, okSlot: number, gasSlot: number): Asm {
  return a
    .op('CALLDATASIZE')
    .push(0)
    .push(0)
    .op('CALLDATACOPY')
    .op('GAS')
    .push(32)
    .push(0)
    .op('CALLDATASIZE')
    .push(0)
    .push(P256)
    .push(100_000)
    .op('STATICCALL', 'GAS', 'SWAP1')
    .push(okSlot)
    .op('SSTORE', 'SWAP1', 'SUB')
    .push(gasSlot)
    .op('SSTORE');
}

const code = (() => {
  const a = measured(asm(), 0, 1);
  a.op('RETURNDATASIZE').push(2).op('SSTORE').push(0).op('MLOAD').push(248).op('SHR').push(3).op('SSTORE');
  return measured(a, 4, 5).op('STOP').toBytes();
})();

interface Seen {
  ok: bigint;
  coldDelta: bigint;
  size: bigint;
  firstByte: bigint;
  warmDelta: bigint;
}

function call(input: Uint8Array, profile: Profile = zksyncWithP256): Seen {
  const { world } = runTx(code, { data: input, profile });
  const s = (k: bigint) => world.sload(CONTRACT, k);
  return { ok: s(0n), coldDelta: s(1n), size: s(2n), firstByte: s(3n), warmDelta: s(5n) };
}

const secret = p256.utils.randomSecretKey();
const pub = p256.getPublicKey(secret, false); // 0x04 ‖ x ‖ y
const hash = new Uint8Array(32).fill(7);
const sig = p256.sign(hash, secret, { prehash: false, lowS: false });
const input = (o: { h?: Uint8Array; r?: bigint; s?: bigint; x?: bigint; y?: bigint } = {}) =>
  concatBytes(
    o.h ?? hash,
    bigIntToBytes(o.r ?? bytesToBigInt(sig.subarray(0, 32)), 32),
    bigIntToBytes(o.s ?? bytesToBigInt(sig.subarray(32, 64)), 32),
    bigIntToBytes(o.x ?? bytesToBigInt(pub.subarray(1, 33)), 32),
    bigIntToBytes(o.y ?? bytesToBigInt(pub.subarray(33, 65)), 32),
  );

// The measured block: 5 PUSHes × 3, CALLDATASIZE 2, GAS 2, then the access and the 5000 gas
// (P256_VERIFY_COST_ERGS / ERGS_PER_GAS).
const OVERHEAD = 5 * 3 + 2 + 2;

describe('P256 verify at 0x100 (p256_verify.rs, zksync with p256_precompile)', () => {
  it('a valid signature: one byte 1; 5000 gas; 0x100 cold (2600) on first touch, warm (100) after', () => {
    const seen = call(input());
    expect(seen).toEqual({
      ok: 1n,
      coldDelta: BigInt(OVERHEAD + 2600 + 5000),
      size: 1n,
      firstByte: 1n,
      warmDelta: BigInt(OVERHEAD + 100 + 5000),
    });
  });

  it('a signature over another hash: one byte 0', () => {
    const seen = call(input({ h: new Uint8Array(32).fill(8) }));
    expect([seen.ok, seen.size, seen.firstByte]).toEqual([1n, 1n, 0n]);
  });

  it('r = 0, s ≥ n or a point off the curve (Signature::from_scalars / from_encoded_point fail): empty success', () => {
    const n = p256.Point.Fn.ORDER;
    for (const bad of [input({ r: 0n }), input({ s: n }), input({ y: 1n })]) {
      const seen = call(bad);
      expect([seen.ok, seen.size]).toEqual([1n, 0n]);
      expect(seen.coldDelta).toBe(BigInt(OVERHEAD + 2600 + 5000));
    }
  });

  it('an input of another length is InvalidInput: the hook burns all the gas it was given', () => {
    const seen = call(input().subarray(0, 159));
    expect(seen.ok).toBe(0n);
    expect(seen.coldDelta).toBe(BigInt(OVERHEAD + 2600 + 100_000));
  });

  it('without the feature (default zksync) 0x100 is a hookless special address: success, empty, no gas', () => {
    const seen = call(input(), zksync);
    expect([seen.ok, seen.size]).toEqual([1n, 0n]);
    expect(seen.coldDelta).toBe(BigInt(OVERHEAD + 2600));
  });
});
