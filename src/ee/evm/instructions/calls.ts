// CALL, CALLCODE, DELEGATECALL, STATICCALL as preemption points (brief §4.2): the interpreter pays
// only memory expansion; access, value and new-account costs and the 63/64 rule are the runner's.
import type { Frame } from '../frame.js';
import { CallModifier, type CallKind } from '../../types.js';
import { Status } from '../status.js';
import { expandMemory } from '../memory.js';
import { ADDRESS_MASK } from '../../../encoding/limits.js';

const EMPTY = new Uint8Array(0);

/**
 * Pops the arguments, pays memory for the input and output ranges, records the output range and
 * hands all remaining gas to the request (brief §4.2 `call_impl`).
 */
function callImpl(f: Frame, kind: CallKind): Status {
  const s = f.stack;
  const gasArg = s.pop();
  const target = s.pop() & ADDRESS_MASK;
  let value = 0n;
  if (kind === 'call' || kind === 'callcode') value = s.pop();
  else if (kind === 'delegatecall') value = f.value; // CALLVALUE is inherited, never transferred
  const inOff = s.pop();
  const inSize = s.pop();
  const outOff = s.pop();
  const outSize = s.pop();
  // Only CALL moves value out of this account; CALLCODE with value in a static frame is allowed.
  if (kind === 'call' && value !== 0n && f.isStatic) return Status.StaticStateChange;
  if (!expandMemory(f, inOff, inSize) || !expandMemory(f, outOff, outSize)) return Status.OutOfGas;
  f.outOffset = outSize === 0n ? 0 : Number(outOff);
  f.outSize = outSize === 0n ? 0 : Number(outSize);
  const isStatic = f.isStatic || kind === 'staticcall';
  let modifier: CallModifier;
  if (kind === 'delegatecall') modifier = isStatic ? CallModifier.DelegateStatic : CallModifier.Delegate;
  else if (kind === 'callcode') modifier = isStatic ? CallModifier.EVMCallcodeStatic : CallModifier.EVMCallcode;
  else modifier = isStatic ? CallModifier.Static : CallModifier.NoModifier;
  f.pending = {
    type: 'call',
    kind,
    caller: f.address,
    callee: target,
    callersCaller: f.caller,
    modifier,
    calldata: inSize === 0n ? EMPTY : f.memory.borrow(Number(inOff), Number(inSize)),
    value,
    gasRequested: gasArg,
    gasAvailable: f.takeGas(),
  };
  return Status.Suspend;
}

export function call(f: Frame): Status {
  return callImpl(f, 'call');
}

export function callcode(f: Frame): Status {
  return callImpl(f, 'callcode');
}

export function delegatecall(f: Frame): Status {
  return callImpl(f, 'delegatecall');
}

export function staticcall(f: Frame): Status {
  return callImpl(f, 'staticcall');
}
