// L1 messenger hook 0x8008 (brief §6.3): ABI strictness, modifier and value rules, message record,
// L1MessageSent event, return data, gas, internal error for a non-EVM caller.
import { describe, expect, it } from 'vitest';
import { CallModifier } from '../../../src/ee/types.js';
import { HookInternalError, L1_MESSAGE_SENT_TOPIC, l1MessengerHook } from '../../../src/hooks/zksync/index.js';
import { WorldState } from '../../../src/system/world.js';
import {
  be,
  cat,
  hex,
  hookCall,
  keccak,
  L1_MESSAGE_SENT,
  pad32,
  SEND_TO_L1,
  sendToL1Calldata,
  utf8,
  ergsAfterRefusal,
  type HookCallOptions,
} from './helpers.js';

const MESSENGER = 0x8008n;
const SENDER = 0xc0ffeen;

function run(calldata: Uint8Array, o: HookCallOptions = {}) {
  const world = new WorldState();
  const r = l1MessengerHook.run(hookCall(MESSENGER, calldata, o), world);
  return { r, world };
}

function expectRevertNoBurn(calldata: Uint8Array, o: HookCallOptions = {}) {
  const { r, world } = run(calldata, o);
  expect(r.status).toBe('revert');
  expect(r.ergsLeft).toBe(ergsAfterRefusal(o)); // system hooks revert without burning (brief §6.1, §10.12)
  expect(r.returnData.length).toBe(0);
  expect(world.messages).toEqual([]);
  expect(world.logs).toEqual([]);
}

describe('L1 messenger 0x8008: sendToL1(bytes)', () => {
  it('uses the documented topic: keccak256("L1MessageSent(address,bytes32,bytes)")', () => {
    expect(L1_MESSAGE_SENT_TOPIC).toBe(L1_MESSAGE_SENT);
    expect(L1_MESSAGE_SENT).toBe(0x3a36e47291f4201faf137fab081d92295bce2d53be2c6ca68ba82c7faa9ce241n);
  });

  it('records the message, emits L1MessageSent and returns keccak256(message)', () => {
    const message = utf8('hello L1');
    const calldata = sendToL1Calldata(message);
    const { r, world } = run(calldata);
    const hash = keccak(message);
    expect(r.status).toBe('success');
    expect(r.returnData).toEqual(be(hash));
    expect(world.messages).toEqual([{ sender: SENDER, data: message, hash }]);
    expect(world.logs).toEqual([
      { address: MESSENGER, topics: [L1_MESSAGE_SENT, SENDER, hash], data: calldata.slice(4) },
    ]);
    // The event data is the ABI encoding of `bytes`: offset 32, length, message padded.
    expect(world.logs[0]!.data).toEqual(cat(be(32n), be(8n), pad32(message)));
  });

  it('charges the 10-erg step, keccak 30 + 6/word and LOG3 375 + 3·375 + 8/byte of event data, in ergs', () => {
    const message = new Uint8Array(33).fill(7); // 2 words hashed; event data 32 + 32 + 64 = 128 bytes
    const { r } = run(sendToL1Calldata(message), { gas: 50_000 });
    expect(r.status).toBe('success');
    const keccakGas = 30 + 6 * 2;
    const logGas = 375 + 375 * 3 + 8 * 128;
    expect(r.ergsLeft).toBe((50_000 - keccakGas - logGas) * 256 - 10);
  });

  it('accepts an empty message and extra trailing words (only the length bound and word alignment are checked)', () => {
    const empty = run(sendToL1Calldata(new Uint8Array(0)));
    expect(empty.r.status).toBe('success');
    expect(empty.world.messages[0]!.data).toEqual(new Uint8Array(0));
    expect(empty.r.returnData).toEqual(be(keccak(new Uint8Array(0))));
    const trailing = cat(sendToL1Calldata(utf8('ab')), new Uint8Array(64).fill(1));
    const t = run(trailing);
    expect(t.r.status).toBe('success');
    expect(t.world.messages[0]!.data).toEqual(utf8('ab'));
    expect(t.world.logs[0]!.data).toEqual(trailing.slice(4)); // the event carries the whole argument area
  });

  it('an out-of-gas charge reverts with all gas consumed and records nothing', () => {
    const calldata = sendToL1Calldata(utf8('x'));
    // The 10-erg step comes first: 36 gas of ergs leaves 36·256 − 10, short of the 36-gas keccak.
    const keccakOnly = run(calldata, { gas: 36 });
    expect(keccakOnly.r).toEqual({ status: 'revert', ergsLeft: 0, returnData: new Uint8Array(0) });
    // Enough for the hash but not the event: the hook reverts (the runner rolls the message back).
    const noLog = run(calldata, { ergs: (36 + 2268) * 256 + 9 });
    expect(noLog.r.status).toBe('revert');
    expect(noLog.r.ergsLeft).toBe(0);
    expect(run(calldata, { ergs: (36 + 2268) * 256 + 10 }).r).toMatchObject({ status: 'success', ergsLeft: 0 });
  });

  describe('rejections (revert, no gas burned)', () => {
    const good = sendToL1Calldata(utf8('msg'));

    it('non-zero value', () => expectRevertNoBurn(good, { value: 1n }));
    it('DELEGATECALL', () => expectRevertNoBurn(good, { modifier: CallModifier.Delegate }));
    it('delegate static', () => expectRevertNoBurn(good, { modifier: CallModifier.DelegateStatic }));
    it('CALLCODE', () => expectRevertNoBurn(good, { modifier: CallModifier.EVMCallcode }));
    it('static callcode', () => expectRevertNoBurn(good, { modifier: CallModifier.EVMCallcodeStatic }));
    it('STATICCALL (sendToL1 writes)', () => expectRevertNoBurn(good, { modifier: CallModifier.Static }));
    it('calldata shorter than a selector', () => {
      expectRevertNoBurn(new Uint8Array(0));
      expectRevertNoBurn(hex('62f84b'));
    });
    it('unknown selector', () => expectRevertNoBurn(cat(hex('62f84b25'), good.slice(4))));
    it('selector only / arguments shorter than the offset word', () => {
      expectRevertNoBurn(SEND_TO_L1);
      expectRevertNoBurn(good.slice(0, 35));
    });
    it('offset word other than 32', () => {
      for (const off of [0n, 31n, 33n, 64n, 1n << 255n]) {
        const c = good.slice();
        c.set(be(off), 4);
        expectRevertNoBurn(c);
      }
    });
    it('missing length word', () => expectRevertNoBurn(cat(SEND_TO_L1, be(32n))));
    it('length beyond the calldata (including huge lengths)', () => {
      for (const len of [33n, 1000n, (1n << 64n) + 3n, (1n << 256n) - 1n]) {
        const c = good.slice();
        c.set(be(len), 36);
        expectRevertNoBurn(c);
      }
    });
    it('message not padded to whole words: (len − 4) % 32 ≠ 0', () => {
      const unpadded = cat(SEND_TO_L1, be(32n), be(3n), utf8('msg'));
      expectRevertNoBurn(unpadded);
      expectRevertNoBurn(good.slice(0, good.length - 1));
    });
  });

  it('a length exactly filling the calldata is accepted', () => {
    const message = new Uint8Array(64).fill(0xab);
    expect(run(cat(SEND_TO_L1, be(32n), be(64n), message)).r.status).toBe('success');
  });

  it('a non-EVM caller (an EOA transaction calling 0x8008) is an internal error (brief §6.3 pitfall)', () => {
    expect(() => run(sendToL1Calldata(utf8('m')), { callerIsEvm: false })).toThrow(HookInternalError);
    // ABI errors are still plain reverts for such a caller.
    expectRevertNoBurn(SEND_TO_L1, { callerIsEvm: false });
  });

  it('the constructor modifier is an internal error', () => {
    expect(() => run(sendToL1Calldata(utf8('m')), { modifier: CallModifier.Constructor })).toThrow(HookInternalError);
  });
});
