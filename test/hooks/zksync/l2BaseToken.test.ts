// L2 base token hook 0x800a (brief §6.4): withdraw / withdrawWithMessage burn the value and record the
// withdrawal message with the exact layout; strict checks revert without burning gas.
import { describe, expect, it } from 'vitest';
import { CallModifier } from '../../../src/ee/types.js';
import { HookInternalError, l2BaseTokenHook } from '../../../src/hooks/zksync/index.js';
import { WorldState } from '../../../src/system/world.js';
import {
  be,
  cat,
  FINALIZE_ETH_WITHDRAWAL,
  hex,
  hookCall,
  keccak,
  pad32,
  utf8,
  WITHDRAW_WITH_MESSAGE,
  withdrawCalldata,
  withdrawWithMessageCalldata,
  ergsAfterRefusal,
  type HookCallOptions,
} from './helpers.js';

const BASE_TOKEN = 0x800an;
const SENDER = 0xc0ffeen;
const RECEIVER = 0x1111222233334444555566667777888899990000n;

/** The runner has already moved the value to 0x800a: the world starts with that balance there. */
function run(calldata: Uint8Array, o: HookCallOptions = {}, balance = o.value ?? 0n) {
  const world = WorldState.fromAccounts([[BASE_TOKEN, { balance }]]);
  const r = l2BaseTokenHook.run(hookCall(BASE_TOKEN, calldata, o), world);
  return { r, world, balance: world.getAccount(BASE_TOKEN).balance };
}

function expectRevertNoBurn(calldata: Uint8Array, o: HookCallOptions = {}) {
  const { r, world } = run(calldata, o);
  expect(r).toEqual({ status: 'revert', ergsLeft: ergsAfterRefusal(o, true), returnData: new Uint8Array(0) });
  expect(world.messages).toEqual([]);
  expect(world.logs).toEqual([]);
}

describe('L2 base token 0x800a: withdraw(address)', () => {
  it('burns the value and records selector ‖ receiver(20) ‖ value(32) (56 bytes) from the caller', () => {
    const value = 123_456_789n;
    const { r, world, balance } = run(withdrawCalldata(RECEIVER), { value });
    expect(r.status).toBe('success');
    expect(r.returnData.length).toBe(0);
    expect(balance).toBe(0n);
    const expected = cat(FINALIZE_ETH_WITHDRAWAL, be(RECEIVER, 20), be(value, 32));
    expect(expected.length).toBe(56);
    expect(world.messages).toEqual([{ sender: SENDER, data: expected, hash: keccak(expected) }]);
    expect(world.logs).toEqual([]); // no Era-style Withdrawal event at this commit (brief §6.4)
  });

  it('byte-for-byte layout of the message', () => {
    const { world } = run(withdrawCalldata(0xabn), { value: 0x0102n });
    expect(world.messages[0]!.data).toEqual(hex('6c0960f9' + '00'.repeat(19) + 'ab' + '00'.repeat(30) + '0102'));
  });

  it('burns only the value (other balance of 0x800a stays)', () => {
    const { balance } = run(withdrawCalldata(RECEIVER), { value: 5n }, 12n);
    expect(balance).toBe(7n);
  });

  it('charges the step, the burn (warm access 100 gas, EVM caller only) and keccak of the 56-byte message', () => {
    // update_account_nominal_token_balance under the caller's EE; Keccak256Impl charges whatever the EE.
    expect(run(withdrawCalldata(RECEIVER), { value: 1n, gas: 1000 }).r.ergsLeft).toBe((1000 - 100 - 42) * 256 - 10);
    const fromEoa = run(withdrawCalldata(RECEIVER), { value: 1n, gas: 1000, callerIsEvm: false });
    expect(fromEoa.r.ergsLeft).toBe((1000 - 42) * 256 - 10);
    const oog = run(withdrawCalldata(RECEIVER), { value: 1n, gas: 142 });
    expect(oog.r).toEqual({ status: 'revert', ergsLeft: 0, returnData: new Uint8Array(0) });
  });

  it('a zero-value withdrawal is recorded', () => {
    const { r, world } = run(withdrawCalldata(RECEIVER));
    expect(r.status).toBe('success');
    expect(world.messages[0]!.data).toEqual(cat(FINALIZE_ETH_WITHDRAWAL, be(RECEIVER, 20), be(0n, 32)));
  });

  it('trailing calldata is ignored', () => {
    expect(run(cat(withdrawCalldata(RECEIVER), hex('ff')), { value: 1n }).r.status).toBe('success');
  });

  describe('rejections (revert, no gas burned)', () => {
    it('DELEGATECALL / CALLCODE (static or not)', () => {
      for (const modifier of [
        CallModifier.Delegate,
        CallModifier.DelegateStatic,
        CallModifier.EVMCallcode,
        CallModifier.EVMCallcodeStatic,
      ])
        expectRevertNoBurn(withdrawCalldata(RECEIVER), { modifier, value: 3n });
    });
    it('STATICCALL', () => expectRevertNoBurn(withdrawCalldata(RECEIVER), { modifier: CallModifier.Static }));
    it('short calldata and unknown selector', () => {
      expectRevertNoBurn(hex('51cff8'));
      expectRevertNoBurn(cat(hex('51cff8d8'), be(RECEIVER)));
    });
    it('argument shorter than one word', () =>
      expectRevertNoBurn(withdrawCalldata(RECEIVER).slice(0, 35), { value: 1n }));
    it('dirty high bytes of the address word (checked after the burn: the hook result is a revert)', () => {
      const c = withdrawCalldata(RECEIVER);
      c[4] = 1;
      const { r, world } = run(c, { value: 9n });
      expect(r).toEqual({ status: 'revert', ergsLeft: 100_000 * 256 - 10 - 100 * 256, returnData: new Uint8Array(0) });
      expect(world.messages).toEqual([]);
      // The burn happened inside the hook; the runner's frame rollback undoes it (see the scenarios).
    });
  });

  it('the constructor modifier is an internal error; a burn beyond the balance is an internal error', () => {
    expect(() => run(withdrawCalldata(RECEIVER), { modifier: CallModifier.Constructor })).toThrow(HookInternalError);
    expect(() => run(withdrawCalldata(RECEIVER), { value: 10n }, 9n)).toThrow(HookInternalError);
  });
});

describe('L2 base token 0x800a: withdrawWithMessage(address,bytes)', () => {
  it('records selector ‖ receiver(20) ‖ value(32) ‖ sender(20) ‖ data and burns the value', () => {
    const data = utf8('additional data for the L1 side, longer than one word');
    const value = 10n ** 18n;
    const { r, world, balance } = run(withdrawWithMessageCalldata(RECEIVER, data), { value });
    expect(r.status).toBe('success');
    expect(r.returnData.length).toBe(0);
    expect(balance).toBe(0n);
    const expected = cat(FINALIZE_ETH_WITHDRAWAL, be(RECEIVER, 20), be(value, 32), be(SENDER, 20), data);
    expect(expected.length).toBe(76 + data.length);
    expect(world.messages).toEqual([{ sender: SENDER, data: expected, hash: keccak(expected) }]);
    expect(world.logs).toEqual([]);
  });

  it('follows the offset word (non-standard offsets are allowed) and accepts empty data', () => {
    const data = utf8('xy');
    const c = cat(WITHDRAW_WITH_MESSAGE, be(RECEIVER), be(96n), be(0xdeadn), be(2n), pad32(data));
    const { r, world } = run(c, { value: 1n });
    expect(r.status).toBe('success');
    expect(world.messages[0]!.data.subarray(76)).toEqual(data);
    const empty = run(withdrawWithMessageCalldata(RECEIVER, new Uint8Array(0)));
    expect(empty.r.status).toBe('success');
    expect(empty.world.messages[0]!.data.length).toBe(76);
    // Unpadded data exactly at the end of the calldata is fine (no word-alignment check here).
    const tight = cat(WITHDRAW_WITH_MESSAGE, be(RECEIVER), be(64n), be(3n), utf8('abc'));
    expect(run(tight).r.status).toBe('success');
  });

  it('does not check the high bytes of the address word (the receiver is the low 20 bytes)', () => {
    const c = withdrawWithMessageCalldata(RECEIVER, utf8('d'));
    c.fill(0xff, 4, 16);
    const { r, world } = run(c);
    expect(r.status).toBe('success');
    expect(world.messages[0]!.data.subarray(4, 24)).toEqual(be(RECEIVER, 20));
  });

  it('charges keccak of the whole message from an EVM caller', () => {
    const data = new Uint8Array(30); // message 106 bytes = 4 words
    expect(run(withdrawWithMessageCalldata(RECEIVER, data), { gas: 500 }).r.ergsLeft).toBe(
      (500 - 100 - (30 + 6 * 4)) * 256 - 10,
    );
  });

  describe('rejections (revert, no gas burned)', () => {
    const good = withdrawWithMessageCalldata(RECEIVER, utf8('hello'));
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
    it('shorter than two words of arguments', () => {
      expectRevertNoBurn(good.slice(0, 67));
      expectRevertNoBurn(cat(WITHDRAW_WITH_MESSAGE, be(RECEIVER)));
    });
    it('offset pointing past the calldata (including huge offsets)', () => {
      for (const off of [BigInt(good.length), 1n << 40n, (1n << 256n) - 1n]) {
        const c = good.slice();
        c.set(be(off), 36);
        expectRevertNoBurn(c);
      }
    });
    it('length word present but the data runs past the calldata', () => {
      for (const len of [6n, 33n, 1n << 32n, (1n << 256n) - 1n]) {
        const c = good.slice(0, 68 + 32 + 5); // exactly 5 data bytes available
        c.set(be(len), 68);
        expectRevertNoBurn(c);
      }
    });
  });
});
