// Contract deployer hook 0x8006 (brief §6.5): setBytecodeDetailsEVM, only from 0x800f, code from a
// preimage known to the state; strict checks revert without burning gas.
import { blake2s } from '@noble/hashes/blake2.js';
import { describe, expect, it } from 'vitest';
import { KECCAK_EMPTY } from '../../../src/crypto/keccak.js';
import { CallModifier } from '../../../src/ee/types.js';
import { contractDeployerHook, HookInternalError } from '../../../src/hooks/zksync/index.js';
import { WorldState } from '../../../src/system/world.js';
import {
  be,
  cat,
  hex,
  hookCall,
  keccak,
  SET_BYTECODE_DETAILS_EVM,
  setBytecodeDetailsCalldata,
  ergsAfterRefusal,
  toHex,
  type HookCallOptions,
} from './helpers.js';

const DEPLOYER = 0x8006n;
const UPGRADER = 0x800fn;
const TARGET = 0x7a59e7n;
const CODE = hex('600160005260206000f3'); // returns the word 1
const HASH = keccak(CODE);
const LEN = BigInt(CODE.length);

function run(calldata: Uint8Array, o: HookCallOptions = {}, preimages: Uint8Array[] = [CODE]) {
  const world = WorldState.fromAccounts([[TARGET, { balance: 5n, nonce: 2n }]]);
  for (const p of preimages) world.preimages.set(keccak(p), p);
  const r = contractDeployerHook.run(
    hookCall(DEPLOYER, calldata, { caller: UPGRADER, callerIsEvm: false, ...o }),
    world,
  );
  return { r, world, account: world.getAccount(TARGET) };
}

function expectRevertNoBurn(calldata: Uint8Array, o: HookCallOptions = {}, preimages?: Uint8Array[]) {
  const { r, account } = run(calldata, o, preimages);
  expect(r).toEqual({ status: 'revert', ergsLeft: ergsAfterRefusal(o), returnData: new Uint8Array(0) });
  expect(account.code.length).toBe(0);
}

describe('contract deployer 0x8006: setBytecodeDetailsEVM(address,bytes32,uint32,bytes32)', () => {
  it('sets the code from the registered preimage, keeps nonce and balance, costs no gas, returns empty', () => {
    const { r, account } = run(setBytecodeDetailsCalldata(TARGET, HASH, LEN, HASH));
    expect(r).toEqual({ status: 'success', ergsLeft: 100_000 * 256 - 10, returnData: new Uint8Array(0) });
    expect(account.code).toEqual(CODE);
    expect(account.codeHash).toBe(HASH);
    expect(account.nonce).toBe(2n);
    expect(account.balance).toBe(5n);
  });

  it('takes the bytecode hash as ZKsync OS does: blake2s of the preimage (account_cache.rs deploy_code)', () => {
    const blake = BigInt(toHex(blake2s(CODE)));
    const byBlake = run(setBytecodeDetailsCalldata(TARGET, blake, LEN, HASH));
    expect(byBlake.r.status).toBe('success');
    expect(byBlake.account.code).toEqual(CODE);
    // A hash that is neither the blake2s nor the keccak of the preimage is refused.
    expect(run(setBytecodeDetailsCalldata(TARGET, 0x01234567n, LEN, HASH)).r.status).toBe('revert');
  });

  it('creates the account when missing and works from an EVM caller frame too', () => {
    const other = 0x0e11n;
    const world = new WorldState();
    world.preimages.set(HASH, CODE);
    const r = contractDeployerHook.run(
      hookCall(DEPLOYER, setBytecodeDetailsCalldata(other, HASH, LEN, HASH), { caller: UPGRADER }),
      world,
    );
    expect(r.status).toBe('success');
    expect(world.getAccount(other).code).toEqual(CODE);
    expect(world.getAccount(other).nonce).toBe(0n);
  });

  it('length 0 with the empty-code hash clears the code', () => {
    const world = WorldState.fromAccounts([[TARGET, { code: CODE }]]);
    const r = contractDeployerHook.run(
      hookCall(DEPLOYER, setBytecodeDetailsCalldata(TARGET, KECCAK_EMPTY, 0n, KECCAK_EMPTY), { caller: UPGRADER }),
      world,
    );
    expect(r.status).toBe('success');
    expect(world.getAccount(TARGET).code.length).toBe(0);
  });

  it('accepts the maximum length 24576', () => {
    const big = new Uint8Array(24576).fill(0x5b);
    const h = keccak(big);
    expect(run(setBytecodeDetailsCalldata(TARGET, h, 24576n, h), {}, [big]).account.code.length).toBe(24576);
  });

  describe('rejections (revert, no gas burned)', () => {
    const good = setBytecodeDetailsCalldata(TARGET, HASH, LEN, HASH);
    it('caller other than 0x800f', () => {
      for (const caller of [0n, 0x8001n, 0x8006n, 0x800en, 0x8010n, 0xc0ffeen]) expectRevertNoBurn(good, { caller });
    });
    it('non-zero value', () => expectRevertNoBurn(good, { value: 1n }));
    it('STATICCALL, DELEGATECALL, CALLCODE', () => {
      for (const modifier of [
        CallModifier.Static,
        CallModifier.Delegate,
        CallModifier.DelegateStatic,
        CallModifier.EVMCallcode,
        CallModifier.EVMCallcodeStatic,
      ])
        expectRevertNoBurn(good, { modifier });
    });
    it('short calldata, unknown selector', () => {
      expectRevertNoBurn(hex('f6eca0'));
      expectRevertNoBurn(cat(hex('f6eca0b1'), good.slice(4)));
    });
    it('fewer than four argument words', () => {
      expectRevertNoBurn(good.slice(0, 131));
      expectRevertNoBurn(SET_BYTECODE_DETAILS_EVM);
    });
    it('dirty high bytes of the address word', () => {
      const c = good.slice();
      c[15] = 1;
      expectRevertNoBurn(c);
    });
    it('length not fitting u32 or above 24576', () => {
      for (const len of [24577n, 1n << 32n, (1n << 256n) - 1n])
        expectRevertNoBurn(setBytecodeDetailsCalldata(TARGET, HASH, len, HASH));
    });
    it('unknown preimage, length mismatch, observable hash that is not keccak(code)', () => {
      expectRevertNoBurn(good, {}, []);
      expectRevertNoBurn(setBytecodeDetailsCalldata(TARGET, HASH, LEN + 1n, HASH));
      expectRevertNoBurn(setBytecodeDetailsCalldata(TARGET, HASH, LEN, HASH ^ 1n));
      expectRevertNoBurn(setBytecodeDetailsCalldata(TARGET, KECCAK_EMPTY, 0n, HASH));
    });
  });

  it('trailing calldata after the four words is ignored', () => {
    expect(run(cat(setBytecodeDetailsCalldata(TARGET, HASH, LEN, HASH), be(1n))).r.status).toBe('success');
  });

  it('the constructor modifier is an internal error', () => {
    expect(() =>
      run(setBytecodeDetailsCalldata(TARGET, HASH, LEN, HASH), { modifier: CallModifier.Constructor }),
    ).toThrow(HookInternalError);
  });
});
