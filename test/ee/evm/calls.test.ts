// CALL-family opcodes as preemption points: the spawn request's fields, memory charged for both
// ranges, static rules, and the resume path (return-data copy, RETURNDATA buffer, 1/0 flag).
import { expect, it } from 'vitest';
import { asm } from '../../helpers/bytecode.js';
import { CALLER, THIS, launch, describeBothLoops } from '../../helpers/evm.js';
import { CallModifier, type ExternalCallRequest, type PreemptionPoint } from '../../../src/ee/types.js';
import { bytesToHex, hexToBytes } from '../../../src/crypto/bytes.js';
import type { OpName } from '../../../src/ee/evm/opcodes.js';

const TARGET = 0xbeefn;

function expectCall(p: PreemptionPoint): ExternalCallRequest {
  if (p.type !== 'spawn' || p.request.type !== 'call') throw new Error('expected a call request');
  return p.request;
}

/** Pushes call args (value only for CALL/CALLCODE) and the op. */
function callOp(
  op: OpName,
  o: { gas?: bigint; value?: bigint; inOff?: number; inSize?: number; outOff?: number; outSize?: number },
) {
  const a = asm()
    .push(o.outSize ?? 0)
    .push(o.outOff ?? 0)
    .push(o.inSize ?? 0)
    .push(o.inOff ?? 0);
  if (op === 'CALL' || op === 'CALLCODE') a.push(o.value ?? 0n);
  return a
    .push(TARGET)
    .push(o.gas ?? 5000n)
    .op(op);
}

describeBothLoops('CALL spawn request', () => {
  it('carries the expected fields and hands over all remaining gas', () => {
    const code = asm().mstore(0, 0xdeadbeefn << 224n);
    const prefixGas = 12;
    callOp('CALL', { value: 7n, inOff: 0, inSize: 4, outOff: 32, outSize: 8 }).bytes.forEach((b) => {
      code.raw(b);
    });
    const { frame } = launch(code, { gas: 100_000n });
    const req = expectCall(frame.start());
    expect(req).toMatchObject({
      type: 'call',
      kind: 'call',
      caller: THIS,
      callee: TARGET,
      callersCaller: CALLER,
      modifier: CallModifier.NoModifier,
      value: 7n,
      gasRequested: 5000n,
      // 7 pushes; memory grows from 1 word to 2 for the output range (3 more gas).
      gasAvailable: BigInt(100_000 - prefixGas - 21 - 3),
    });
    expect(bytesToHex(req.calldata)).toBe('0xdeadbeef');
    expect(frame.gas).toBe(0);
  });

  it('resumes: copies min(len, outSize) bytes, sets RETURNDATA to the whole output, pushes 1', () => {
    const code = callOp('CALL', { outOff: 32, outSize: 8 }).op('RETURNDATASIZE').ret(0, 64);
    const { frame } = launch(code);
    expectCall(frame.start());
    const data = hexToBytes('0x0102030405060708090a');
    const end = frame.continueAfterCall({ status: 'success', gasReturned: 12345n, returnData: data });
    expect(end.type).toBe('end');
    if (end.type !== 'end') return;
    expect(end.status).toBe('success');
    expect(bytesToHex(end.returnData)).toBe('0x' + '00'.repeat(32) + '0102030405060708' + '00'.repeat(24));
    expect(frame.stack.toArray()).toEqual([1n, 10n]);
    expect(end.gasLeft).toBe(BigInt(12345 - 2 - 6));
  });

  it('a reverted callee pushes 0 and exposes its revert data; short data copies only what exists', () => {
    const code = callOp('CALL', { outOff: 0, outSize: 32 }).op('RETURNDATASIZE').ret(0, 32);
    const { frame } = launch(code);
    expectCall(frame.start());
    const end = frame.continueAfterCall({ status: 'revert', gasReturned: 500n, returnData: Uint8Array.of(0xaa, 0xbb) });
    expect(frame.stack.toArray()).toEqual([0n, 2n]);
    if (end.type !== 'end') throw new Error();
    expect(bytesToHex(end.returnData)).toBe('0xaabb' + '00'.repeat(30));
  });

  it('failedToExecute ends the caller frame as a halt with no gas', () => {
    const { frame } = launch(callOp('CALL', {}));
    expectCall(frame.start());
    const end = frame.continueAfterCall({ status: 'failedToExecute', gasReturned: 0n, returnData: new Uint8Array(0) });
    expect(end).toMatchObject({ type: 'end', status: 'halt', gasLeft: 0n, haltReason: 'CallFailedToExecute' });
  });

  // gasRequested is now bigint and carries the stack argument unclipped (types.ts); it used to be
  // saturated to Number.MAX_SAFE_INTEGER. The runner clips it against 63/64 of the available gas.
  it('passes the requested gas through unclipped, even 2^256-1', () => {
    const { frame } = launch(callOp('CALL', { gas: (1n << 256n) - 1n }));
    expect(expectCall(frame.start()).gasRequested).toBe((1n << 256n) - 1n);
  });

  it('charges memory for the output range even with empty input (huge offset → halt)', () => {
    const { frame } = launch(callOp('CALL', { outOff: 0, outSize: 0 }).op('STOP'));
    expect(frame.start().type).toBe('spawn');
    const big = asm()
      .push(1)
      .push(1n << 40n)
      .push(0)
      .push(0)
      .push(0)
      .push(TARGET)
      .push(5000)
      .op('CALL');
    expect(launch(big).frame.start()).toMatchObject({ type: 'end', status: 'halt', haltReason: 'OutOfGas' });
  });

  it('resuming twice is a host bug', () => {
    const { frame } = launch(callOp('CALL', {}));
    frame.start();
    frame.continueAfterCall({ status: 'success', gasReturned: 10n, returnData: new Uint8Array(0) });
    expect(() =>
      frame.continueAfterCall({ status: 'success', gasReturned: 10n, returnData: new Uint8Array(0) }),
    ).toThrow();
  });
});

describeBothLoops('call kinds and modifiers', () => {
  // [op, isStatic, kind, modifier, value seen by the callee]
  const cases: [OpName, boolean, string, number, bigint][] = [
    ['CALL', false, 'call', CallModifier.NoModifier, 3n],
    ['CALL', true, 'call', CallModifier.Static, 0n],
    ['CALLCODE', false, 'callcode', CallModifier.EVMCallcode, 3n],
    ['CALLCODE', true, 'callcode', CallModifier.EVMCallcodeStatic, 3n],
    ['DELEGATECALL', false, 'delegatecall', CallModifier.Delegate, 99n],
    ['DELEGATECALL', true, 'delegatecall', CallModifier.DelegateStatic, 99n],
    ['STATICCALL', false, 'staticcall', CallModifier.Static, 0n],
    ['STATICCALL', true, 'staticcall', CallModifier.Static, 0n],
  ];
  it.each(cases)('%s (static frame: %s)', (op, isStatic, kind, modifier, value) => {
    const v = op === 'CALL' && isStatic ? 0n : 3n;
    const { frame } = launch(callOp(op, { value: v }), { isStatic, value: 99n });
    const req = expectCall(frame.start());
    expect(req).toMatchObject({ kind, modifier, value, caller: THIS, callee: TARGET, callersCaller: CALLER });
  });

  it('CALL with value in a static frame halts', () => {
    const { frame } = launch(callOp('CALL', { value: 1n }), { isStatic: true });
    expect(frame.start()).toMatchObject({ type: 'end', status: 'halt', haltReason: 'StaticStateChange', gasLeft: 0n });
  });
});
