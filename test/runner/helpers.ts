// Shared fixtures for the runner tests: a block, an environment over a pre-state, a recording
// RunObserver, probe contracts that measure a CALL/CREATE from inside the calling frame, and the
// recursion contracts used by the depth tests.
import { createEnvironment, type EnvironmentOptions } from '../../src/runner/environment.js';
import { runSingleInteraction, type RunOutcome } from '../../src/runner/runner.js';
import type { FrameClose, RunEnvironment, RunObserver } from '../../src/runner/context.js';
import type { FrameInfo } from '../../src/runner/frameActor.js';
import type { FrameState } from '../../machines/frame.machine.js';
import type { Profile } from '../../src/profiles/types.js';
import type { BlockContext } from '../../src/ee/host.js';
import { WorldState, type AccountInit } from '../../src/system/world.js';
import type { Address } from '../../src/ee/types.js';
import { asm, type Asm } from '../helpers/bytecode.js';
import { bytesToBigInt } from '../../src/crypto/bytes.js';

export const BLOCK: BlockContext = {
  coinbase: 0xc0ffee0000000000000000000000000000000000n,
  number: 1n,
  timestamp: 1_700_000_000n,
  gasLimit: 30_000_000n,
  baseFee: 7n,
  prevRandao: 0n,
  difficulty: 0n,
  chainId: 1n,
  blobBaseFee: 1n,
  excessBlobGas: 0n,
};

/** Well-known addresses (all ≥ 0x10000, so code runs in both profiles). */
export const EOA = 0xe0a0000000000000000000000000000000000001n;
export const A = 0xaaaa000000000000000000000000000000000001n;
export const B = 0xbbbb000000000000000000000000000000000002n;
/** An account that never exists in the pre-state (empty in the EIP-161 sense). */
export const EMPTY_ADDR = 0xe3e3000000000000000000000000000000000003n;

export const MAX_WORD = (1n << 256n) - 1n;

/** One recorded frame: what the observer saw. */
export interface SeenFrame {
  info: FrameInfo;
  parent: number | null;
  states: FrameState[];
  close?: FrameClose;
}

/** A RunObserver that records frames (and lets a test hook into frameOpened). */
export class Recorder implements RunObserver {
  readonly frames: SeenFrame[] = [];
  onOpen?: (info: FrameInfo) => void;
  frameOpened(info: FrameInfo, parentId: number | null): void {
    this.frames[info.id] = { info, parent: parentId, states: [] };
    this.onOpen?.(info);
  }
  frameState(id: number, state: FrameState): void {
    const f = this.frames[id]!;
    // The runner reports the state after every event; keep the distinct transitions.
    if (f.states[f.states.length - 1] !== state) f.states.push(state);
  }
  frameClosed(id: number, end: FrameClose): void {
    this.frames[id]!.close = end;
  }
  /** Frames whose code address is `addr`. */
  at(addr: Address): SeenFrame[] {
    return this.frames.filter((f) => f.info.codeAddress === addr);
  }
}

export interface Setup {
  env: RunEnvironment;
  world: WorldState;
  rec: Recorder;
}

export function setup(
  profile: Profile,
  accounts: [Address, AccountInit][],
  extra: Partial<Omit<EnvironmentOptions, 'profile' | 'world' | 'block' | 'observer'>> = {},
): Setup {
  const world = WorldState.fromAccounts([[EOA, { balance: 10n ** 18n }], ...accounts]);
  const rec = new Recorder();
  const env = createEnvironment({ profile, world, block: BLOCK, observer: rec, ...extra });
  return { env, world, rec };
}

export function callFromEoa(
  env: RunEnvironment,
  callee: Address,
  gas: bigint,
  o: { value?: bigint; calldata?: Uint8Array } = {},
): RunOutcome {
  return runSingleInteraction(env, {
    caller: EOA,
    callee,
    calldata: o.calldata ?? new Uint8Array(0),
    value: o.value ?? 0n,
    gas,
  });
}

export const word = (data: Uint8Array, i: number): bigint => bytesToBigInt(data.subarray(32 * i, 32 * i + 32));

export type CallOpName = 'CALL' | 'CALLCODE' | 'DELEGATECALL' | 'STATICCALL';

export interface CallArgs {
  gas?: bigint;
  value?: bigint;
  inOff?: number;
  inSize?: number;
  outOff?: number;
  outSize?: number;
}

/** Pushes the arguments of `op` (value only for CALL/CALLCODE) and the op itself; returns the push count. */
export function pushCall(a: Asm, op: CallOpName, target: Address, o: CallArgs): number {
  a.push(o.outSize ?? 0)
    .push(o.outOff ?? 0)
    .push(o.inSize ?? 0)
    .push(o.inOff ?? 0);
  let n = 4;
  if (op === 'CALL' || op === 'CALLCODE') {
    a.push(o.value ?? 0n);
    n++;
  }
  a.push(target)
    .push(o.gas ?? 100_000n)
    .op(op);
  return n + 2;
}

/** Offsets in the probe's return data (32-byte words). */
export const P_RESULT = 0; // the CALL flag / CREATE address
export const P_DIFF = 1; // GAS before − GAS after (the whole op incl. the args pushes and one GAS)
export const P_RDSIZE = 2; // RETURNDATASIZE after the op
export const P_G1 = 3; // GAS reading just before the args
/** Byte offset of the output area of probe calls (0x100..0x140, pre-filled with 0xff…). */
export const OUT = 0x100;
/** Byte offset where the probe copies RETURNDATA (up to 0x200 bytes shown). */
export const RD = 0x200;

/**
 * A probe: pre-expands memory to `memBytes`, fills the output area with ones, then
 *   GAS; <op>; GAS
 * and returns [result, g1−g2, RETURNDATASIZE, g1, …memory 0x80..RD, RETURNDATA].
 * g1−g2 = (pushes × 3) + (everything the op cost the caller) + 2.
 */
export function probe(emit: (a: Asm) => void, memBytes = 0x400, pre?: (a: Asm) => void): Asm {
  const a = asm();
  a.push(0)
    .push(memBytes - 32)
    .op('MSTORE');
  pre?.(a);
  a.push(MAX_WORD)
    .push(OUT)
    .op('MSTORE')
    .push(MAX_WORD)
    .push(OUT + 32)
    .op('MSTORE');
  a.op('GAS');
  emit(a);
  a.op('GAS'); // g1, r, g2
  a.op('SWAP1')
    .push(P_RESULT * 32)
    .op('MSTORE'); // g1, g2
  a.op('DUP2', 'SUB')
    .push(P_DIFF * 32)
    .op('MSTORE'); // g1
  a.push(P_G1 * 32).op('MSTORE');
  a.op('RETURNDATASIZE')
    .push(P_RDSIZE * 32)
    .op('MSTORE');
  a.op('RETURNDATASIZE').push(0).push(RD).op('RETURNDATACOPY');
  a.op('RETURNDATASIZE').push(RD).op('ADD').push(0).op('RETURN');
  return a;
}

export interface ProbeResult {
  out: RunOutcome;
  result: bigint;
  diff: bigint;
  rdSize: bigint;
  g1: bigint;
  returnData: Uint8Array;
  memory: Uint8Array;
}

export function readProbe(out: RunOutcome): ProbeResult {
  if (out.status !== 'success') throw new Error(`probe frame did not succeed: ${out.status}`);
  const d = out.returnData;
  const rdSize = word(d, P_RDSIZE);
  return {
    out,
    result: word(d, P_RESULT),
    diff: word(d, P_DIFF),
    rdSize,
    g1: word(d, P_G1),
    returnData: d.slice(RD, RD + Number(rdSize)),
    memory: d.subarray(0, RD),
  };
}

/** Initcode that returns `runtime` (≤ 32 bytes); costs exactly 18 gas. */
export function initcodeReturning(runtime: Uint8Array): Asm {
  if (runtime.length === 0 || runtime.length > 32) throw new Error('1..32 bytes');
  return asm()
    .pushN(runtime.length, bytesToBigInt(runtime))
    .push(0)
    .op('MSTORE')
    .push(runtime.length)
    .push(32 - runtime.length)
    .op('RETURN');
}

/** Writes `bytes` into memory at `off` with 32-byte MSTOREs (the tail word is zero-padded). */
export function storeBytes(a: Asm, off: number, bytes: Uint8Array): Asm {
  for (let i = 0; i < bytes.length; i += 32) {
    const chunk = new Uint8Array(32);
    chunk.set(bytes.subarray(i, i + 32));
    a.push(bytesToBigInt(chunk))
      .push(off + i)
      .op('MSTORE');
  }
  return a;
}

export const words = (n: number): number => Math.ceil(n / 32);
/** all but one 64th (EIP-150). */
export const allBut64th = (g: bigint): bigint => g - g / 64n;

/** Storage slot bases used by the recursion contract. */
export const SLOT_DIFF = 1n << 128n; // g1 − g2 around the recursive call, per depth
export const SLOT_ALSO = 1n << 129n; // 1 + flag of the extra call, per depth

/**
 * The recursion contract at `self`: level d (calldata word 0) calls itself with d+1 via `op`, forwarding
 * all gas (GAS as the gas argument), and returns the deepest depth reached (its own d if the nested call
 * failed, else the child's answer). With `store`, level d also writes slot d = 1 + flag of the nested
 * call and slot SLOT_DIFF+d = GAS before − GAS after the nested call (the args pushes, one GAS, the call,
 * one GAS). With `alsoCall`, it then CALLs that address (no value) and stores 1 + flag at SLOT_ALSO+d.
 */
export function recursor(self: Address, op: CallOpName, o: { store: boolean; alsoCall?: Address }): Asm {
  const a = asm();
  a.push(0).op('CALLDATALOAD'); // d
  a.op('DUP1').push(1).op('ADD').push(0).op('MSTORE'); // mem[0] = d + 1
  a.op('GAS'); // d g1
  a.push(32).push(32).push(32).push(0);
  if (op === 'CALL' || op === 'CALLCODE') a.push(0);
  a.push(self).op('GAS').op(op); // d g1 r1
  a.op('GAS'); // d g1 r1 g2
  a.op('SWAP1'); // d g1 g2 r1
  if (o.store) {
    a.op('DUP1').push(1).op('ADD').op('DUP5').op('SSTORE'); // sstore(d, r1 + 1)
    a.op('SWAP2', 'SUB'); // d r1 (g1 − g2)
    a.op('DUP3').push(SLOT_DIFF).op('ADD').op('SSTORE'); // d r1
  } else {
    a.op('SWAP2', 'POP', 'POP'); // d r1
  }
  if (o.alsoCall !== undefined) {
    a.push(0).push(0).push(0).push(0).push(0).push(o.alsoCall).op('GAS').op('CALL'); // d r1 r2
    if (o.store) a.push(1).op('ADD').op('DUP3').push(SLOT_ALSO).op('ADD').op('SSTORE');
    else a.op('POP');
  }
  a.push(32).op('MLOAD').op('DUP3').op('SWAP1', 'SUB', 'MUL', 'ADD'); // d + r1 * (child − d)
  return a.retTop();
}

/** Gas of the recursor's measured section when the nested call returns all it was given (warm self). */
export const recursorDiffWhenRefused = (op: CallOpName): bigint =>
  BigInt((op === 'CALL' || op === 'CALLCODE' ? 6 : 5) * 3 + 2 + 3 + 100 + 2); // pushes, GAS arg, out-range memory word, warm access, GAS

export const depthCalldata = (d: number): Uint8Array => {
  const b = new Uint8Array(32);
  b[31] = d & 0xff;
  b[30] = (d >> 8) & 0xff;
  return b;
};
