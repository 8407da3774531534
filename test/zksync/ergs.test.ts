// Ergs as a real counter (issue #12 items 2 and 3): 1 gas = profile.ergsPerGas = 256 ergs.
// Rust: evm_interpreter/src/gas.rs `apply_63_64_rule` (max = ergs − floor(floor(ergs/256)/64)·256) used by
// ee_trait_impl.rs `clarify_and_take_passed_resources`: the callee gets min(requested, max), so a sub-gas
// remainder moves with the ergs when the callee is given the maximum; runner.rs returns the callee's leftover
// plus the caller's kept part; an exceptional halt exhausts the callee's ergs (`create_immediate_return_state`),
// a revert returns them. System hooks charge a 10-erg step after their value/modifier pre-checks
// (l1_messenger.rs `l1_messenger_hook` → `_inner`).
import { describe, expect, it } from 'vitest';
import { asm } from '../helpers/bytecode.js';
import type { HookCall, HookRegistry, HookResult } from '../../src/hooks/registry.js';
import { allButOne64th } from '../../src/system/resources.js';
import { prepareCall } from '../../src/runner/call.js';
import { CallModifier } from '../../src/ee/types.js';
import { zksync } from '../../src/profiles/zksync.js';
import { CONTRACT, runTx } from './helpers.js';

const PROBE = 0x9001n; // special address space (< 0x10000): a hook, never code
const L1_MESSENGER = 0x8008n;

/** A hook that records the ergs it is given and then spends/answers as scripted, call by call. */
function probe(script: { spend: number; status: HookResult['status'] }[]) {
  const seen: number[] = [];
  const install = (registry: HookRegistry) =>
    registry.add(PROBE, {
      name: 'probe',
      run(call: HookCall): HookResult {
        seen.push(call.ergs);
        const step = script[seen.length - 1] ?? { spend: 0, status: 'success' };
        return { status: step.status, ergsLeft: call.ergs - step.spend, returnData: new Uint8Array(0) };
      },
    });
  return { seen, install };
}

const MAX_GAS = (1n << 64n) - 1n;

describe('63/64 on ergs (gas.rs apply_63_64_rule)', () => {
  it('computes the limit on whole gas: ergs − floor(floor(ergs/256)/64)·256', () => {
    const ergs = 6400n * 256n + 246n;
    expect(allButOne64th(ergs, 256n)).toBe(ergs - 100n * 256n);
    expect(allButOne64th(63n * 256n + 255n, 256n)).toBe(63n * 256n + 255n); // < 64 gas: nothing withheld
    expect(allButOne64th(6400n, 1n)).toBe(6300n); // Ethereum: plain EIP-150
  });

  it('prepareCall (runner.rs run_call_preparation): the remainder goes to the callee given the max, else stays', () => {
    const env = runTx(asm().op('STOP').toBytes()).env;
    const req = {
      type: 'call' as const,
      kind: 'call' as const,
      caller: 0x10001n,
      callee: 0x10001n, // warm after the transaction: 100 gas access
      callersCaller: 0n,
      modifier: CallModifier.NoModifier,
      calldata: new Uint8Array(0),
      value: 0n,
      gasAvailable: 0n,
    };
    env.system.world.accessAccount(0x10001n);
    const callerErgs = 6500n * 256n + 246n;
    const max = prepareCall(env, { ...req, gasRequested: MAX_GAS }, false, callerErgs);
    const remaining = callerErgs - 100n * 256n; // warm access charged in ergs
    expect(max).toEqual({ ok: true, ergsToPass: remaining - 100n * 256n, ergsKept: 100n * 256n });
    const some = prepareCall(env, { ...req, gasRequested: 1000n }, false, callerErgs);
    expect(some).toEqual({ ok: true, ergsToPass: 1000n * 256n, ergsKept: remaining - 1000n * 256n });
    expect(zksync.ergsPerGas).toBe(256);
  });
});

describe('the ergs remainder through the runner (runner.rs handle_requested_external_call)', () => {
  it('moves with the maximum to the callee, comes back on success and revert, is burned on a halt', () => {
    const p = probe([
      { spend: 0, status: 'success' }, // 1: sees the 246 remainder left by the messenger step, returns it
      { spend: 5, status: 'success' }, // 2: sees 246, spends 5 ergs: 241 comes back
      { spend: 3, status: 'revert' }, // 3: sees 241; a revert returns the rest: 238
      { spend: 0, status: 'halt' }, // 4: sees 238; a halt burns everything it was given, remainder included
      { spend: 0, status: 'success' }, // 5: sees 0
    ]);
    const code = asm()
      .call(L1_MESSENGER, { gas: 1000 }) // empty calldata: passes the pre-checks, pays 10 ergs, reverts
      .op('POP');
    for (let i = 0; i < 5; i++) code.call(PROBE, { gas: MAX_GAS }).op('POP');
    const { r } = runTx(code.op('STOP').toBytes(), { hooks: p.install });
    expect(r.status).toBe('success');
    expect(p.seen.map((e) => e % 256)).toEqual([246, 246, 241, 238, 0]);
  });

  it('a requested amount below the maximum is passed exactly; the remainder stays with the caller', () => {
    const p = probe([]);
    const code = asm().call(L1_MESSENGER, { gas: 1000 }).op('POP').call(PROBE, { gas: 5000 }).op('POP');
    runTx(code.op('STOP').toBytes(), { hooks: p.install });
    expect(p.seen).toEqual([5000 * 256]);
  });
});

describe('hook step order (l1_messenger.rs, contract_deployer.rs, l2_base_token.rs: step after pre-checks)', () => {
  it('a call refused by the value pre-check keeps its ergs; one refused after the step pays 10', () => {
    const withBalance = probe([]);
    const code = asm().call(L1_MESSENGER, { gas: 1000, value: 1 }).op('POP').call(PROBE, { gas: MAX_GAS });
    const bytes = code.op('STOP').toBytes();
    runTx(bytes, { hooks: withBalance.install, accounts: [[CONTRACT, { code: bytes, balance: 1n }]] });
    expect(withBalance.seen[0]! % 256).toBe(0); // the hook refused the value before its step

    const afterStep = probe([]);
    const bad = asm().call(L1_MESSENGER, { gas: 1000 }).op('POP').call(PROBE, { gas: MAX_GAS });
    runTx(bad.op('STOP').toBytes(), { hooks: afterStep.install });
    expect(afterStep.seen[0]! % 256).toBe(256 - 10); // unknown selector: refused after the 10-erg step
  });

  it('DELEGATECALL is refused by the modifier pre-check without the step', () => {
    const p = probe([]);
    const code = asm()
      .push(0)
      .push(0)
      .push(0)
      .push(0)
      .push(L1_MESSENGER)
      .push(1000)
      .op('DELEGATECALL', 'POP')
      .call(PROBE, { gas: MAX_GAS })
      .op('POP', 'STOP');
    runTx(code.toBytes(), { hooks: p.install });
    expect(p.seen[0]! % 256).toBe(0);
  });
});
