// The native of the EVM instructions themselves (issue #12 item 4, per-opcode part). Expected values come from
// matter-labs/zksync-os at 0a82da0, written out here rather than read from the profile:
// NRC = evm_interpreter/src/native_resource_constants.rs; `Interpreter::run` (interpreter.rs) charges
// STEP_NATIVE_COST for every instruction, then each opcode charges its own *_NATIVE_COST in
// `spend_gas_and_native` (instructions/*.rs); `Gas::pay_for_memory_growth` and `gas_utils::copy_cost` (gas.rs)
// and `exp_cost` (arithmetic.rs) add the operand-dependent parts.
import { describe, expect, it } from 'vitest';
import { asm, type Asm } from '../helpers/bytecode.js';
import { launch, run } from '../helpers/evm.js';
import type { StepTracer } from '../../src/ee/evm/trace.js';
import { instructionTableFor } from '../../src/runner/environment.js';
import { zksync } from '../../src/profiles/zksync.js';
import { ethereum } from '../../src/profiles/ethereum.js';
import { runTx } from './helpers.js';
import type { OpName } from '../../src/ee/evm/op.js';

const STEP = 20; // NRC STEP_NATIVE_COST
/** NRC *_NATIVE_COST of the opcodes tested here (GASLIMIT charges GAS_NATIVE_COST; BLOB* literal 40). */
const NRC: Record<string, number> = {
  ADD: 140,
  MUL: 400,
  SUB: 140,
  DIV: 1500,
  SDIV: 1000,
  MOD: 1300,
  SMOD: 800,
  ADDMOD: 1700,
  MULMOD: 2300,
  SIGNEXTEND: 400,
  LT: 190,
  GT: 190,
  SLT: 430,
  SGT: 430,
  EQ: 500,
  ISZERO: 300,
  AND: 100,
  OR: 90,
  XOR: 90,
  NOT: 60,
  BYTE: 160,
  SHL: 240,
  SHR: 240,
  SAR: 400,
  ADDRESS: 60,
  BALANCE: 60,
  ORIGIN: 60,
  CALLER: 60,
  CALLVALUE: 60,
  CALLDATALOAD: 280,
  CALLDATASIZE: 40,
  CODESIZE: 40,
  GASPRICE: 60,
  EXTCODESIZE: 60,
  EXTCODEHASH: 60,
  RETURNDATASIZE: 60,
  BLOCKHASH: 60,
  COINBASE: 60,
  TIMESTAMP: 60,
  NUMBER: 60,
  PREVRANDAO: 40,
  GASLIMIT: 60,
  CHAINID: 60,
  SELFBALANCE: 60,
  BASEFEE: 60,
  BLOBHASH: 40,
  BLOBBASEFEE: 40,
  POP: 40,
  SLOAD: 100,
  TLOAD: 100,
  PC: 40,
  MSIZE: 40,
  GAS: 60,
  JUMPDEST: 40,
  PUSH0: 50,
};
/** NRC PUSH_NATIVE_COSTS[1..=32]. */
const PUSH = [
  60, 120, 140, 140, 150, 160, 170, 180, 190, 200, 210, 210, 220, 230, 240, 210, 240, 240, 240, 240, 250, 260, 260, 260,
  260, 270, 280, 280, 290, 290, 300, 300,
];
const DUP = 60; // NRC DUP_NATIVE_COST
const SWAP = 90; // NRC SWAP_NATIVE_COST
const MSTORE = 250; // NRC MSTORE_NATIVE_COST
const growth = (bytes: number): number => 35 + bytes; // HEAP_EXPANSION_BASE + HEAP_EXPANSION_PER_BYTE × bytes
const copy = (len: number): number => 80 + len; // COPY_BASE_NATIVE_COST + COPY_BYTE_NATIVE_COST × len

const ZKSYNC_TABLE = instructionTableFor(zksync);

class NoTracer implements StepTracer {
  step(): void {}
}

/** The frame's native on the untraced loop; the traced loop must report the same. */
function nativeOf(code: Asm, calldata = new Uint8Array(0)): number {
  const untraced = run(code, { table: ZKSYNC_TABLE, calldata }).frame.native;
  const traced = run(code, { table: ZKSYNC_TABLE, calldata, tracer: new NoTracer() }).frame.native;
  expect(traced).toBe(untraced);
  return untraced;
}

/** native(a) − native(b) for two programs of the same size and instruction count. */
function delta(a: Asm, b: Asm): number {
  expect(a.toBytes().length).toBe(b.toBytes().length);
  return nativeOf(a) - nativeOf(b);
}

/** `k` one-byte arguments, then `op` (or the JUMPDEST placeholder), then STOP. */
const withArgs = (k: number, op: OpName): Asm => {
  const a = asm();
  for (let i = 0; i < k; i++) a.push(i + 1);
  return a.op(op, 'STOP');
};

describe('Interpreter::run: STEP_NATIVE_COST plus each opcode’s own native', () => {
  it('PUSH1 PUSH1 ADD STOP: 4 steps + 2 × PUSH1_NATIVE_COST + ADD_NATIVE_COST (STOP charges only its step)', () => {
    expect(nativeOf(asm().push(1).push(2).op('ADD', 'STOP'))).toBe(4 * STEP + 2 * 60 + 140);
  });

  const arity: Record<string, number> = { ADDMOD: 3, MULMOD: 3, ISZERO: 1, NOT: 1, CALLDATALOAD: 1 };
  for (const op of ['BALANCE', 'EXTCODESIZE', 'EXTCODEHASH', 'BLOCKHASH', 'SLOAD', 'TLOAD', 'BLOBHASH', 'POP']) {
    arity[op] = 1;
  }
  const binary = ['ADD', 'MUL', 'SUB', 'DIV', 'SDIV', 'MOD', 'SMOD', 'SIGNEXTEND', 'LT', 'GT', 'SLT', 'SGT', 'EQ'];
  for (const op of [...binary, 'AND', 'OR', 'XOR', 'BYTE', 'SHL', 'SHR', 'SAR']) arity[op] = 2;
  it.each(Object.keys(NRC).filter((op) => op !== 'JUMPDEST'))(
    '%s: the paired programs differ by its *_NATIVE_COST',
    (op) => {
      const k = arity[op] ?? 0;
      expect(delta(withArgs(k, op as OpName), withArgs(k, 'JUMPDEST'))).toBe(NRC[op]! - NRC.JUMPDEST!);
    },
  );

  it('PUSH1..PUSH32 (stack.rs push::<N>, PUSH_NATIVE_COSTS) and PUSH0', () => {
    for (let n = 1; n <= 32; n++) expect(nativeOf(asm().pushN(n, 1).op('STOP'))).toBe(2 * STEP + PUSH[n - 1]!);
    expect(nativeOf(asm().op('PUSH0', 'STOP'))).toBe(2 * STEP + 50);
  });

  it('DUPn and SWAPn (DUP_NATIVE_COST, SWAP_NATIVE_COST: the same for every n)', () => {
    const args = (op: OpName): Asm => withArgs(17, op);
    for (let n = 1; n <= 16; n++) {
      expect(delta(args(`DUP${n}` as OpName), args('JUMPDEST'))).toBe(DUP - NRC.JUMPDEST!);
      expect(delta(args(`SWAP${n}` as OpName), args('JUMPDEST'))).toBe(SWAP - NRC.JUMPDEST!);
    }
  });

  it('an undefined opcode and INVALID charge only the step (run returns before any opcode cost)', () => {
    expect(nativeOf(asm().raw(0x0c))).toBe(STEP);
    expect(nativeOf(asm().op('INVALID'))).toBe(STEP);
  });

  it('EXP (exp_cost): EXP_BASE_NATIVE_COST + EXP_PER_BYTE_NATIVE_COST per exponent byte', () => {
    const exp = (e: number): Asm => asm().pushN(2, e).push(3).op('EXP', 'STOP');
    const none = (e: number): Asm => asm().pushN(2, e).push(3).op('JUMPDEST', 'STOP');
    expect(delta(exp(0), none(0))).toBe(700 - NRC.JUMPDEST!);
    expect(delta(exp(0x12), none(0x12))).toBe(700 + 5000 - NRC.JUMPDEST!);
    expect(delta(exp(0x1234), none(0x1234))).toBe(700 + 2 * 5000 - NRC.JUMPDEST!);
  });
});

describe('control flow, halts, logs and spawns (control_flow.rs, host.rs)', () => {
  it('JUMP (JUMP_NATIVE_COST 70) and JUMPDEST (40); JUMPI not taken (JUMPI_NATIVE_COST 300)', () => {
    expect(nativeOf(asm().push(3).op('JUMP', 'JUMPDEST', 'STOP'))).toBe(4 * STEP + PUSH[0]! + 70 + 40);
    expect(nativeOf(asm().push(0).push(9).op('JUMPI', 'STOP'))).toBe(4 * STEP + 2 * PUSH[0]! + 300);
  });

  it('RETURN (RETURN_NATIVE_COST 40) and REVERT (REVERT_NATIVE_COST 50) of nothing', () => {
    expect(nativeOf(asm().push(0).push(0).op('RETURN'))).toBe(3 * STEP + 2 * PUSH[0]! + 40);
    expect(nativeOf(asm().push(0).push(0).op('REVERT'))).toBe(3 * STEP + 2 * PUSH[0]! + 50);
  });

  it('LOG0 of nothing (LOG_NATIVE_COST 50; the event’s own native is the system’s)', () => {
    expect(nativeOf(asm().push(0).push(0).op('LOG0', 'STOP'))).toBe(4 * STEP + 2 * PUSH[0]! + 50);
  });

  it('MSTORE8 (MSTORE8_NATIVE_COST 250) and SELFDESTRUCT (SELFDESTRUCT_NATIVE_COST 100)', () => {
    expect(nativeOf(asm().push(1).push(0).op('MSTORE8', 'STOP'))).toBe(4 * STEP + 2 * PUSH[0]! + 250 + growth(32));
    expect(nativeOf(asm().push(0xbeef).op('SELFDESTRUCT'))).toBe(2 * STEP + PUSH[1]! + 100);
  });

  it('CALL (CALL_NATIVE_COST 1500, every call kind) and CREATE (CREATE_NATIVE_COST 25,000) count at the spawn', () => {
    const spawned = (code: Asm): number => {
      const { frame } = launch(code, { table: ZKSYNC_TABLE });
      expect(frame.start().type).toBe('spawn');
      return frame.native;
    };
    const call = (op: OpName, args: number): Asm => {
      const a = asm();
      for (let i = 0; i < args; i++) a.push(0);
      return a.op(op);
    };
    for (const op of ['CALL', 'CALLCODE'] as const) expect(spawned(call(op, 7))).toBe(8 * STEP + 7 * PUSH[0]! + 1500);
    for (const op of ['DELEGATECALL', 'STATICCALL'] as const) {
      expect(spawned(call(op, 6))).toBe(7 * STEP + 6 * PUSH[0]! + 1500);
    }
    expect(spawned(call('CREATE', 3))).toBe(4 * STEP + 3 * PUSH[0]! + 25_000);
    expect(spawned(call('CREATE2', 4))).toBe(5 * STEP + 4 * PUSH[0]! + 25_000);
  });
});

describe('Gas::pay_for_memory_growth: HEAP_EXPANSION_BASE_NATIVE_COST + 1 per byte of growth', () => {
  const mstoreAt = (off: number): Asm => asm().push(7).pushN(2, off).op('MSTORE', 'STOP');

  it('the first MSTORE grows memory to 32 bytes: 35 + 32 on top of the instructions', () => {
    expect(nativeOf(mstoreAt(0))).toBe(4 * STEP + PUSH[0]! + PUSH[1]! + MSTORE + growth(32));
  });

  it('growth is counted in word-rounded bytes: offset 0x100 grows to 288 bytes, 256 more than offset 0', () => {
    expect(nativeOf(mstoreAt(0x100)) - nativeOf(mstoreAt(0))).toBe(256);
    expect(nativeOf(mstoreAt(0x101)) - nativeOf(mstoreAt(0))).toBe(288);
  });

  it('each growth pays the base again; a store inside memory pays none', () => {
    const twice = (second: number): Asm => asm().mstore(0, 1).push(7).pushN(2, second).op('MSTORE', 'STOP');
    // 0 then 0x40: grows 32, then 64 more (to 96); 0 then 0: grows once.
    expect(nativeOf(twice(0x40)) - nativeOf(twice(0))).toBe(growth(64));
  });

  it('MLOAD (inlined) and MSTORE8 (a handler) grow memory the same way', () => {
    const load = (off: number): Asm => asm().pushN(2, off).op('MLOAD', 'STOP');
    expect(nativeOf(load(0x20)) - nativeOf(load(0))).toBe(32);
    expect(nativeOf(load(0))).toBe(3 * STEP + PUSH[1]! + 250 + growth(32)); // MLOAD_NATIVE_COST
    const store8 = (off: number): Asm => asm().push(1).pushN(2, off).op('MSTORE8', 'STOP');
    expect(nativeOf(store8(0x20)) - nativeOf(store8(0))).toBe(32);
  });

  it('KECCAK256 and RETURN grow memory too; a zero size never does', () => {
    const hash = (len: number): Asm => asm().pushN(1, len).push(0).op('KECCAK256', 'STOP');
    expect(nativeOf(hash(100)) - nativeOf(hash(0))).toBe(growth(128));
    const ret = (len: number): Asm => asm().pushN(1, len).push(0).op('RETURN');
    expect(nativeOf(ret(33)) - nativeOf(ret(0))).toBe(growth(64));
  });
});

describe('gas_utils::copy_cost: COPY_BASE_NATIVE_COST + COPY_BYTE_NATIVE_COST per byte', () => {
  const cdc = (len: number): Asm => asm().pushN(1, len).push(0).push(0).op('CALLDATACOPY', 'STOP');

  it('CALLDATACOPY of 0 bytes: 5 steps, 3 × PUSH1, CALLDATACOPY_NATIVE_COST and the copy base', () => {
    expect(nativeOf(cdc(0))).toBe(5 * STEP + 3 * PUSH[0]! + 100 + copy(0));
  });

  it('CALLDATACOPY of 100 bytes: 100 copied bytes and the growth to 128 bytes more', () => {
    expect(nativeOf(cdc(100)) - nativeOf(cdc(0))).toBe(100 + growth(128));
  });

  it('CODECOPY, RETURNDATACOPY (CODECOPY/RETURNDATACOPY_NATIVE_COST 100) and MCOPY (copy cost only)', () => {
    const three = (op: OpName, len: number): Asm => asm().pushN(1, len).push(0).push(0).op(op, 'STOP');
    expect(nativeOf(three('CODECOPY', 0))).toBe(5 * STEP + 3 * PUSH[0]! + 100 + copy(0));
    expect(nativeOf(three('CODECOPY', 10)) - nativeOf(three('CODECOPY', 0))).toBe(10 + growth(32));
    expect(nativeOf(three('RETURNDATACOPY', 0))).toBe(5 * STEP + 3 * PUSH[0]! + 100 + copy(0));
    expect(nativeOf(three('MCOPY', 0))).toBe(5 * STEP + 3 * PUSH[0]! + copy(0));
    expect(nativeOf(three('MCOPY', 40)) - nativeOf(three('MCOPY', 0))).toBe(40 + growth(64));
  });
});

describe('the profile chooses the loop once: ethereum meters nothing', () => {
  it('an ethereum table has no native: frames run runLoop and report 0', () => {
    const table = instructionTableFor(ethereum);
    expect(table.metersNative).toBe(false);
    expect(ZKSYNC_TABLE.metersNative).toBe(true);
    const code = asm().mstore(0, 1).push(2).push(3).op('EXP', 'STOP');
    expect(run(code, { table }).frame.native).toBe(0);
    expect(run(code, { table, tracer: new NoTracer() }).frame.native).toBe(0);
  });
});

describe('traced and untraced loops agree on the transaction’s native (runner level)', () => {
  it('the same transaction reports the same nativeUsed on both loops', () => {
    const code = asm().mstore(0x40, 5).push(0x20).push(0).op('KECCAK256').push(1).op('SSTORE').push(9).push(2);
    const bytes = code.op('EXP', 'POP', 'STOP').toBytes();
    const untraced = runTx(bytes).r;
    const traced = runTx(bytes, { tracer: new NoTracer() }).r;
    expect(untraced.status).toBe('success');
    expect(traced.nativeUsed).toBe(untraced.nativeUsed);
    expect(traced.gasUsed).toBe(untraced.gasUsed);
  });
});

describe('a copy the native budget cannot pay (native is charged before gas: BaseResources::charge)', () => {
  // CALLDATACOPY of u32::MAX bytes: copy_cost asks ~4.3e9 native before the gas check, more than the
  // 1,000,000 gas × 100 native per gas the transaction has: out of native ends the transaction.
  const huge = asm().push(0xffff_ffff).push(0).push(0).op('CALLDATACOPY', 'STOP').toBytes();
  // One byte more does not fit usize: `cast_to_usize` halts the frame first (InvalidOperandOOG), no native.
  const beyond = asm().push(0x1_0000_0000).push(0).push(0).op('CALLDATACOPY', 'STOP').toBytes();

  it('zksync: the transaction halts OutOfNative and uses all its gas', () => {
    const { r } = runTx(huge);
    expect(r.status).toBe('halt');
    expect(r.haltReason).toBe('OutOfNative');
    expect(r.gasUsed).toBe(1_000_000n);
  });

  it('a length beyond usize is an ordinary out-of-gas halt of the frame, as on ethereum', () => {
    const z = runTx(beyond).r;
    expect(z.status).toBe('halt');
    expect(z.haltReason).not.toBe('OutOfNative');
    const e = runTx(huge, { profile: ethereum }).r;
    expect(e.haltReason).not.toBe('OutOfNative');
  });
});
