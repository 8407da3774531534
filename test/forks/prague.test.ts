// Prague: EIP-7702 set-code transactions and delegated execution, EIP-7623 calldata floor. Gas figures are
// exact: 21000 base, PER_EMPTY_ACCOUNT_COST 25000 per authorization, 12500 refund for an existing
// authority (capped at gasUsed / 5), floor 21000 + 10 × tokens (tokens = zero bytes + 4 × non-zero bytes).
import { describe, expect, it } from 'vitest';
import { asm } from '../helpers/bytecode.js';
import { keccak256Word } from '../../src/crypto/keccak.js';
import { designatorFor, delegationTarget } from '../../src/runner/delegation.js';
import { authorizationHash, recoverAuthority, signAuthorization } from '../../src/tx/authorization.js';
import { addressFromSecretKey } from '../../src/tx/sender.js';
import type { Authorization } from '../../src/tx/types.js';
import { key, ok, ONE_ETH, rejected, run, SENDER, SENDER_KEY, tx } from './helpers.js';

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const AUTH_KEY = key(7);
const AUTHORITY = addressFromSecretKey(AUTH_KEY);
/** Delegate: stores CALLER in slot 0 and ADDRESS in slot 1. */
const D = 0xd000000000000000000000000000000000000001n;
const D_CODE = asm().op('CALLER').push0().op('SSTORE').op('ADDRESS').push(1).op('SSTORE').op('STOP').toBytes();
const auth = (fields: Partial<Pick<Authorization, 'chainId' | 'address' | 'nonce'>> = {}): Authorization =>
  signAuthorization(AUTH_KEY, { chainId: 1n, address: D, nonce: 0n, ...fields });
const setCode = (list: Authorization[], fields = {}) => tx({ type: 4, authorizationList: list, ...fields });

describe('EIP-7702 authorization signatures', () => {
  it('signing hash is keccak256(0x05 ‖ rlp([chainId, address, nonce])) and recovers the signer', () => {
    const a = auth();
    expect(authorizationHash(a)).toHaveLength(32);
    expect(recoverAuthority(a)).toBe(AUTHORITY);
    expect(recoverAuthority({ ...a, nonce: 1n })).not.toBe(AUTHORITY); // other message, other key
  });
  it('rejects y-parity > 1, r = 0, s = 0 and high s (s > n/2, the flipped twin of a valid signature)', () => {
    const a = auth();
    expect(recoverAuthority({ ...a, yParity: 2n })).toBeNull();
    expect(recoverAuthority({ ...a, r: 0n })).toBeNull();
    expect(recoverAuthority({ ...a, s: 0n })).toBeNull();
    expect(recoverAuthority({ ...a, s: N - a.s, yParity: 1n - a.yParity })).toBeNull();
  });
});

describe('EIP-7702 set-code transactions', () => {
  it('writes 0xef0100 ‖ address and bumps the nonce; a new authority pays 25000 and gets no refund', () => {
    const r = run('Prague', setCode([auth()]));
    expect(ok(r).gasUsed).toBe(21000n + 25000n);
    const a = r.world.getAccount(AUTHORITY);
    expect(a.code).toEqual(designatorFor(D));
    expect(a.code).toHaveLength(23);
    expect(delegationTarget(a.code)).toBe(D);
    expect(a.nonce).toBe(1n);
  });

  it('an existing authority refunds 12500 into the counter, capped at gasUsed / 5 (46000 / 5 = 9200)', () => {
    const r = run('Prague', setCode([auth()]), [[AUTHORITY, { balance: 1n }]]);
    expect(ok(r).gasUsed).toBe(46000n - 9200n);
    expect(ok(r).gasRefunded).toBe(9200n);
  });

  it('chain id 0 is valid anywhere; another chain id, a wrong nonce or a code-holding authority is skipped', () => {
    expect(run('Prague', setCode([auth({ chainId: 0n })])).world.getAccount(AUTHORITY).nonce).toBe(1n);
    for (const skipped of [auth({ chainId: 2n }), auth({ nonce: 1n })]) {
      const r = run('Prague', setCode([skipped]));
      expect(ok(r).gasUsed).toBe(46000n); // intrinsic is paid, the authorization does nothing
      expect(r.world.exists(AUTHORITY)).toBe(false);
    }
    const code = asm().op('STOP').toBytes();
    const r = run('Prague', setCode([auth()]), [[AUTHORITY, { code }]]);
    expect(r.world.getAccount(AUTHORITY).code).toEqual(code);
    expect(r.world.getAccount(AUTHORITY).nonce).toBe(0n);
  });

  it('invalid signatures are skipped, the transaction stays valid', () => {
    const a = auth();
    for (const bad of [
      { ...a, yParity: 2n },
      { ...a, s: N - a.s, yParity: 1n - a.yParity },
    ]) {
      const r = run('Prague', setCode([bad]));
      expect(ok(r).status).toBe('success');
      expect(r.world.exists(AUTHORITY)).toBe(false);
    }
  });

  it('a later tuple for the same authority sees the first one applied (nonce 0 then 1); address 0 clears', () => {
    const r = run('Prague', setCode([auth({ nonce: 0n }), auth({ nonce: 1n, address: 0n })]));
    expect(r.world.getAccount(AUTHORITY).nonce).toBe(2n);
    expect(r.world.getAccount(AUTHORITY).code).toHaveLength(0);
    // The second tuple found the account existing: one refund of 12500, cap 71000 / 5 = 14200.
    expect(ok(r).gasUsed).toBe(71000n - 12500n);
  });

  it('the sender may authorize itself with its post-bump nonce (tx nonce + 1)', () => {
    const self = signAuthorization(SENDER_KEY, { chainId: 1n, address: D, nonce: 1n });
    const r = run('Prague', setCode([self]));
    expect(r.world.getAccount(SENDER).nonce).toBe(2n);
    expect(delegationTarget(r.world.getAccount(SENDER).code)).toBe(D);
  });

  it('a delegated sender may send transactions (EIP-3607 exempts designators), other code may not', () => {
    expect(ok(run('Prague', tx(), [[SENDER, { balance: ONE_ETH, code: designatorFor(D) }]])).status).toBe('success');
    expect(rejected(run('Prague', tx(), [[SENDER, { balance: ONE_ETH, code: Uint8Array.of(0) }]]))).toContain(
      'SENDER_NOT_EOA',
    );
  });

  it('invalid: empty list, no recipient; type 4 does not exist before Prague', () => {
    expect(rejected(run('Prague', setCode([])))).toContain('TYPE_4_EMPTY_AUTHORIZATION_LIST');
    expect(rejected(run('Prague', setCode([auth()], { to: null })))).toContain('TYPE_4_TX_CONTRACT_CREATION');
    expect(rejected(run('Cancun', setCode([auth()])))).toEqual(['TYPE_NOT_SUPPORTED', 'TYPE_4_TX_PRE_FORK']);
  });

  it('a call to the authority runs the delegate in the authority (CALLER = sender, ADDRESS = authority)', () => {
    const r = run('Prague', setCode([auth()], { to: AUTHORITY }), [[D, { code: D_CODE }]]);
    expect(ok(r).status).toBe('success');
    expect(r.world.sload(AUTHORITY, 0n)).toBe(SENDER);
    expect(r.world.sload(AUTHORITY, 1n)).toBe(AUTHORITY);
    expect(r.world.sload(D, 0n)).toBe(0n);
  });

  it('a reverted call keeps the delegation (authorizations are outside the call frame)', () => {
    const reverting = asm().push0().push0().op('REVERT').toBytes();
    const r = run('Prague', setCode([auth()], { to: AUTHORITY }), [[D, { code: reverting }]]);
    expect(ok(r).status).toBe('revert');
    expect(delegationTarget(r.world.getAccount(AUTHORITY).code)).toBe(D);
  });
});

describe('EIP-7702 delegated execution', () => {
  const X = 0xaaaa000000000000000000000000000000000001n; // delegated to D
  const A = 0xa000000000000000000000000000000000000001n; // the caller contract
  const caller = (target: bigint) =>
    asm().push0().push0().push0().push0().push0().push(target).push0().op('CALL').op('POP').op('STOP').toBytes();
  const used = (target: bigint, accessList: bigint[] = []) =>
    ok(
      run('Prague', tx({ to: A, accessList: accessList.map((address) => ({ address, storageKeys: [] })) }), [
        [A, { code: caller(target) }],
        [X, { code: designatorFor(D) }],
        [D, { code: asm().op('STOP').toBytes() }],
      ]),
    ).gasUsed;

  it('CALL to a delegated account charges the delegate cold (2600) on top of the callee', () => {
    expect(used(X) - used(D)).toBe(2600n);
  });
  it('and warm (100) when the delegate is already accessed', () => {
    expect(used(X, [X, D]) - used(D, [X, D])).toBe(100n);
  });
  it('before Prague the designator is plain code (0xef halts) and nothing extra is charged', () => {
    const r = run('Cancun', tx({ to: X, gasLimit: 60_000n }), [[X, { code: designatorFor(D) }]]);
    expect(ok(r).status).toBe('halt');
  });

  it('EXTCODESIZE / EXTCODEHASH / EXTCODECOPY see the 23-byte designator', () => {
    const probe = asm()
      .push(X)
      .op('EXTCODESIZE')
      .push0()
      .op('SSTORE')
      .push(X)
      .op('EXTCODEHASH')
      .push(1)
      .op('SSTORE')
      .push(23)
      .push0()
      .push0()
      .push(X)
      .op('EXTCODECOPY')
      .push0()
      .op('MLOAD')
      .push(2)
      .op('SSTORE')
      .op('STOP')
      .toBytes();
    const r = run('Prague', tx({ to: A }), [
      [A, { code: probe }],
      [X, { code: designatorFor(D) }],
      [D, { code: D_CODE }],
    ]);
    expect(ok(r).status).toBe('success');
    expect(r.world.sload(A, 0n)).toBe(23n);
    expect(r.world.sload(A, 1n)).toBe(keccak256Word(designatorFor(D)));
    expect(r.world.sload(A, 2n) >> 72n).toBe((0xef0100n << 160n) | D);
  });

  it('a delegation to a precompile runs the (empty) account code, not the precompile', () => {
    const r = run('Prague', tx({ to: X, data: Uint8Array.of(1, 2, 3) }), [[X, { code: designatorFor(0x04n) }]]);
    expect(ok(r).status).toBe('success');
    expect(ok(r).returnData).toHaveLength(0);
  });

  it('delegations are not followed twice: X → Y → D runs Y’s designator as code and halts on 0xef', () => {
    const Y = 0xbbbb000000000000000000000000000000000002n;
    const r = run('Prague', tx({ to: X, gasLimit: 80_000n }), [
      [X, { code: designatorFor(Y) }],
      [Y, { code: designatorFor(D) }],
      [D, { code: D_CODE }],
    ]);
    expect(ok(r).status).toBe('halt');
    expect(ok(r).gasUsed).toBe(80_000n);
  });

  it('a delegation to an empty account behaves as a call to an EOA', () => {
    const r = run('Prague', tx({ to: X, value: 5n }), [[X, { code: designatorFor(0xdeadn) }]]);
    expect(ok(r).gasUsed).toBe(21000n);
    expect(r.world.getAccount(X).balance).toBe(5n);
  });
});

describe('EIP-7623 calldata floor', () => {
  const ff = (n: number) => new Uint8Array(n).fill(0xff);
  it('100 non-zero bytes: intrinsic 22600, floor 25000; the limit must cover the floor, gas used is the floor', () => {
    expect(rejected(run('Prague', tx({ data: ff(100), gasLimit: 24_999n })))).toContain(
      'INTRINSIC_GAS_BELOW_FLOOR_GAS_COST',
    );
    expect(ok(run('Prague', tx({ data: ff(100), gasLimit: 25_000n }))).gasUsed).toBe(25_000n);
    expect(ok(run('Prague', tx({ data: ff(100), gasLimit: 100_000n }))).gasUsed).toBe(25_000n);
    // Below the intrinsic gas it is the older error.
    expect(rejected(run('Prague', tx({ data: ff(100), gasLimit: 22_599n })))).toContain('INTRINSIC_GAS_TOO_LOW');
    // Cancun has no floor.
    expect(ok(run('Cancun', tx({ data: ff(100), gasLimit: 22_600n }))).gasUsed).toBe(22_600n);
  });

  it('100 zero bytes: intrinsic 21400, floor 22000', () => {
    expect(ok(run('Osaka', tx({ data: new Uint8Array(100), gasLimit: 22_000n }))).gasUsed).toBe(22_000n);
    expect(rejected(run('Osaka', tx({ data: new Uint8Array(100), gasLimit: 21_999n })))).toContain(
      'INTRINSIC_GAS_BELOW_FLOOR_GAS_COST',
    );
  });

  it('execution above the floor is charged normally', () => {
    const C = 0xc0de000000000000000000000000000000000001n;
    const code = asm().push(1).push0().op('SSTORE').op('STOP').toBytes();
    // 21000 + 16 × 10 + PUSH1 3 + PUSH0 2 + SSTORE 22100 = 43265 > floor 21000 + 400.
    expect(ok(run('Prague', tx({ to: C, data: ff(10) }), [[C, { code }]])).gasUsed).toBe(43_265n);
  });

  it('the floor applies after the refund: a clearing SSTORE cannot take gas used below the floor', () => {
    const C = 0xc0de000000000000000000000000000000000001n;
    const clear = asm().push0().push0().op('SSTORE').op('STOP').toBytes();
    const pre: [bigint, { code: Uint8Array; storage: [bigint, bigint][] }][] = [
      [C, { code: clear, storage: [[0n, 1n]] }],
    ];
    // Normal: 21000 + 16 × 150 + 2 + 2 + 5000 (cold 2100 + reset 2900) = 28404, refund min(4800, 5680) → 23604.
    // Floor: 21000 + 10 × 600 = 27000 > 23604, so gas used is 27000 (Cancun: 23604).
    expect(ok(run('Prague', tx({ to: C, data: ff(150) }), pre)).gasUsed).toBe(27_000n);
    expect(ok(run('Cancun', tx({ to: C, data: ff(150) }), pre)).gasUsed).toBe(23_604n);
  });
});
