// Execution-environment opcodes 0x30-0x3f and SELFBALANCE: this frame's context, calldata, code,
// other accounts (EIP-2929 warm/cold) and the return-data buffer (EIP-211).
import type { Frame } from '../frame.js';
import { Status } from '../status.js';
import { GAS_COLD_ACCOUNT_SURCHARGE, copyCost } from '../gas.js';
import { addCopyNative, copyPadded, expandMemory, readWordAt } from '../memory.js';
import { ADDRESS_MASK } from '../../../encoding/limits.js';

export function address(f: Frame): Status {
  f.stack.push(f.address);
  return Status.Continue;
}

/** Charges the EIP-2929 cold surcharge (the table already charged the warm 100) and warms `addr`. */
function chargeAccountAccess(f: Frame, addr: bigint): boolean {
  if (f.host.accessAccount(addr)) {
    if (f.gas < GAS_COLD_ACCOUNT_SURCHARGE) return false;
    f.gas -= GAS_COLD_ACCOUNT_SURCHARGE;
  }
  return true;
}

export function balance(f: Frame): Status {
  const s = f.stack;
  const addr = s.peek() & ADDRESS_MASK;
  if (!chargeAccountAccess(f, addr)) return Status.OutOfGas;
  s.setTop(f.host.getBalance(addr));
  return Status.Continue;
}

export function origin(f: Frame): Status {
  f.stack.push(f.host.tx.origin);
  return Status.Continue;
}

export function caller(f: Frame): Status {
  f.stack.push(f.caller);
  return Status.Continue;
}

export function callvalue(f: Frame): Status {
  f.stack.push(f.value);
  return Status.Continue;
}

/** 32 bytes of calldata from the offset, zero-padded past the end. */
export function calldataload(f: Frame): Status {
  const s = f.stack;
  const data = f.calldata;
  const top = s.items[s.sp - 1]!;
  if (typeof top === 'number' ? top >= data.length : top >= BigInt(data.length)) {
    s.items[s.sp - 1] = 0;
    return Status.Continue;
  }
  const start = Number(top);
  if (start + 32 <= data.length) {
    // A whole word (every ABI argument but a short tail): read like MLOAD, small values as numbers.
    f.calldataView ??= new DataView(data.buffer, data.byteOffset, data.byteLength);
    s.items[s.sp - 1] = readWordAt(f.calldataView, start);
    return Status.Continue;
  }
  // The word runs past the end: the bytes there, zero-padded on the right.
  let v = 0n;
  for (let i = start; i < data.length; i++) v = (v << 8n) | BigInt(data[i]!);
  s.setTop(v << BigInt((32 - (data.length - start)) * 8));
  return Status.Continue;
}

export function calldatasize(f: Frame): Status {
  f.stack.pushNumber(f.calldata.length);
  return Status.Continue;
}

/** Shared body of CALLDATACOPY/CODECOPY: memory expansion, 3 gas per word, zero-padded copy. */
function copyFrom(f: Frame, src: Uint8Array): Status {
  const s = f.stack;
  const memOff = s.pop();
  const srcOff = s.pop();
  const size = s.pop();
  addCopyNative(f, size); // codecopy/calldatacopy (system.rs): the copy cost comes before the memory growth
  if (!expandMemory(f, memOff, size)) return Status.OutOfGas;
  if (size === 0n) return Status.Continue;
  const n = Number(size);
  const cost = copyCost(n);
  if (cost > f.gas) return Status.OutOfGas;
  f.gas -= cost;
  copyPadded(f.memory, Number(memOff), src, srcOff, n);
  return Status.Continue;
}

export function calldatacopy(f: Frame): Status {
  return copyFrom(f, f.calldata);
}

export function codesize(f: Frame): Status {
  f.stack.pushNumber(f.codeSize);
  return Status.Continue;
}

export function codecopy(f: Frame): Status {
  return copyFrom(f, f.params.code);
}

export function gasprice(f: Frame): Status {
  f.stack.push(f.host.tx.gasPrice);
  return Status.Continue;
}

export function extcodesize(f: Frame): Status {
  const s = f.stack;
  const addr = s.peek() & ADDRESS_MASK;
  if (!chargeAccountAccess(f, addr)) return Status.OutOfGas;
  s.setTop(BigInt(f.host.getCode(addr).length));
  return Status.Continue;
}

export function extcodecopy(f: Frame): Status {
  const s = f.stack;
  const addr = s.pop() & ADDRESS_MASK;
  const memOff = s.pop();
  const codeOff = s.pop();
  const size = s.pop();
  if (!expandMemory(f, memOff, size)) return Status.OutOfGas;
  addCopyNative(f, size); // host.rs `extcodecopy`: the copy cost comes after the memory growth
  const n = size === 0n ? 0 : Number(size);
  const cost = copyCost(n);
  if (cost > f.gas) return Status.OutOfGas;
  f.gas -= cost;
  if (!chargeAccountAccess(f, addr)) return Status.OutOfGas;
  if (n !== 0) copyPadded(f.memory, Number(memOff), f.host.getCode(addr), codeOff, n);
  return Status.Continue;
}

export function returndatasize(f: Frame): Status {
  f.stack.pushNumber(f.returnData.length);
  return Status.Continue;
}

/** Unlike the other copies, reading past the end of RETURNDATA is an exceptional halt (EIP-211). */
export function returndatacopy(f: Frame): Status {
  const s = f.stack;
  const memOff = s.pop();
  const dataOff = s.pop();
  const size = s.pop();
  addCopyNative(f, size); // system.rs `returndatacopy`: the copy cost comes first
  if (!expandMemory(f, memOff, size)) return Status.OutOfGas;
  const n = size === 0n ? 0 : Number(size);
  const cost = copyCost(n);
  if (cost > f.gas) return Status.OutOfGas;
  f.gas -= cost;
  const data = f.returnData;
  if (dataOff + size > BigInt(data.length)) return Status.ReturnDataOutOfBounds;
  if (n !== 0) {
    const start = Number(dataOff);
    f.memory.buf.set(data.subarray(start, start + n), Number(memOff));
  }
  return Status.Continue;
}

export function extcodehash(f: Frame): Status {
  const s = f.stack;
  const addr = s.peek() & ADDRESS_MASK;
  if (!chargeAccountAccess(f, addr)) return Status.OutOfGas;
  s.setTop(f.host.getCodeHash(addr));
  return Status.Continue;
}

export function selfbalance(f: Frame): Status {
  f.stack.push(f.host.getBalance(f.address));
  return Status.Continue;
}
