// THE instruction table (style anchors §5.3): one frozen row per opcode byte with name, handler,
// static gas (from gas.ts), stack inputs/outputs and immediate size. Undefined bytes share one row.
import type { Handler, InstructionTable, OpRow } from './frame.js';
import type { EvmConfig } from './config.js';
import { Op } from './op.js';
import * as G from './gas.js';
import * as arith from './instructions/arithmetic.js';
import * as bits from './instructions/bitwise.js';
import * as env from './instructions/environment.js';
import * as blk from './instructions/block.js';
import * as mem from './instructions/memory.js';
import * as sto from './instructions/storage.js';
import * as flow from './instructions/flow.js';
import * as inl from './generated/inlineHandlers.js';
import { makeLog } from './instructions/log.js';
import * as calls from './instructions/calls.js';
import * as cr from './instructions/create.js';
import { selfdestruct } from './instructions/system.js';
import { dynamicNative, staticNativeCosts } from './native.js';

export { Op, type OpName } from './op.js';

const row = (name: string, run: Handler, gas: number, pops: number, pushes: number, imm = 0): OpRow =>
  Object.freeze({ name, run, gas, pops, pushes, imm, defined: true });

/** The row shared by every undefined byte: halts with InvalidOpcode, no gas, no stack effect. */
export const UNDEFINED_ROW: OpRow = Object.freeze({
  name: 'UNDEFINED',
  run: flow.invalid,
  gas: 0,
  pops: 0,
  pushes: 0,
  imm: 0,
  defined: false,
});

/** Builds the frozen table for `config` (Cancun; Osaka adds CLZ); build once per profile and share between frames. */
export function buildInstructionTable(config: EvmConfig): InstructionTable {
  const t: OpRow[] = new Array<OpRow>(256).fill(UNDEFINED_ROW);
  const set = (op: number, r: OpRow): void => {
    t[op] = r;
  };
  set(Op.STOP, row('STOP', flow.stop, G.GAS_ZERO, 0, 0));
  set(Op.ADD, row('ADD', inl.ADD, G.GAS_VERY_LOW, 2, 1));
  set(Op.MUL, row('MUL', inl.MUL, G.GAS_LOW, 2, 1));
  set(Op.SUB, row('SUB', inl.SUB, G.GAS_VERY_LOW, 2, 1));
  set(Op.DIV, row('DIV', inl.DIV, G.GAS_LOW, 2, 1));
  set(Op.SDIV, row('SDIV', inl.SDIV, G.GAS_LOW, 2, 1));
  set(Op.MOD, row('MOD', arith.mod, G.GAS_LOW, 2, 1));
  set(Op.SMOD, row('SMOD', arith.smod, G.GAS_LOW, 2, 1));
  set(Op.ADDMOD, row('ADDMOD', arith.addmod, G.GAS_MID, 3, 1));
  set(Op.MULMOD, row('MULMOD', arith.mulmod, G.GAS_MID, 3, 1));
  set(Op.EXP, row('EXP', arith.exp, G.GAS_EXP, 2, 1));
  set(Op.SIGNEXTEND, row('SIGNEXTEND', arith.signextend, G.GAS_LOW, 2, 1));

  set(Op.LT, row('LT', inl.LT, G.GAS_VERY_LOW, 2, 1));
  set(Op.GT, row('GT', inl.GT, G.GAS_VERY_LOW, 2, 1));
  set(Op.SLT, row('SLT', inl.SLT, G.GAS_VERY_LOW, 2, 1));
  set(Op.SGT, row('SGT', inl.SGT, G.GAS_VERY_LOW, 2, 1));
  set(Op.EQ, row('EQ', inl.EQ, G.GAS_VERY_LOW, 2, 1));
  set(Op.ISZERO, row('ISZERO', inl.ISZERO, G.GAS_VERY_LOW, 1, 1));
  set(Op.AND, row('AND', inl.AND, G.GAS_VERY_LOW, 2, 1));
  set(Op.OR, row('OR', inl.OR, G.GAS_VERY_LOW, 2, 1));
  set(Op.XOR, row('XOR', inl.XOR, G.GAS_VERY_LOW, 2, 1));
  set(Op.NOT, row('NOT', inl.NOT, G.GAS_VERY_LOW, 1, 1));
  set(Op.BYTE, row('BYTE', bits.byte, G.GAS_VERY_LOW, 2, 1));
  set(Op.SHL, row('SHL', inl.SHL, G.GAS_VERY_LOW, 2, 1));
  set(Op.SHR, row('SHR', inl.SHR, G.GAS_VERY_LOW, 2, 1));
  set(Op.SAR, row('SAR', bits.sar, G.GAS_VERY_LOW, 2, 1));
  if (config.clz === true) set(Op.CLZ, row('CLZ', bits.clz, G.GAS_CLZ, 1, 1));

  set(Op.KECCAK256, row('KECCAK256', mem.keccak256, G.GAS_KECCAK256, 2, 1));

  set(Op.ADDRESS, row('ADDRESS', env.address, G.GAS_BASE, 0, 1));
  set(Op.BALANCE, row('BALANCE', env.balance, G.GAS_WARM_ACCESS, 1, 1));
  set(Op.ORIGIN, row('ORIGIN', env.origin, G.GAS_BASE, 0, 1));
  set(Op.CALLER, row('CALLER', env.caller, G.GAS_BASE, 0, 1));
  set(Op.CALLVALUE, row('CALLVALUE', env.callvalue, G.GAS_BASE, 0, 1));
  set(Op.CALLDATALOAD, row('CALLDATALOAD', env.calldataload, G.GAS_VERY_LOW, 1, 1));
  set(Op.CALLDATASIZE, row('CALLDATASIZE', env.calldatasize, G.GAS_BASE, 0, 1));
  set(Op.CALLDATACOPY, row('CALLDATACOPY', env.calldatacopy, G.GAS_VERY_LOW, 3, 0));
  set(Op.CODESIZE, row('CODESIZE', env.codesize, G.GAS_BASE, 0, 1));
  set(Op.CODECOPY, row('CODECOPY', env.codecopy, G.GAS_VERY_LOW, 3, 0));
  set(Op.GASPRICE, row('GASPRICE', env.gasprice, G.GAS_BASE, 0, 1));
  set(Op.EXTCODESIZE, row('EXTCODESIZE', env.extcodesize, G.GAS_WARM_ACCESS, 1, 1));
  set(Op.EXTCODECOPY, row('EXTCODECOPY', env.extcodecopy, G.GAS_WARM_ACCESS, 4, 0));
  set(Op.RETURNDATASIZE, row('RETURNDATASIZE', env.returndatasize, G.GAS_BASE, 0, 1));
  set(Op.RETURNDATACOPY, row('RETURNDATACOPY', env.returndatacopy, G.GAS_VERY_LOW, 3, 0));
  set(Op.EXTCODEHASH, row('EXTCODEHASH', env.extcodehash, G.GAS_WARM_ACCESS, 1, 1));

  set(Op.BLOCKHASH, row('BLOCKHASH', blk.blockhash, G.GAS_BLOCKHASH, 1, 1));
  set(Op.COINBASE, row('COINBASE', blk.coinbase, G.GAS_BASE, 0, 1));
  set(Op.TIMESTAMP, row('TIMESTAMP', blk.timestamp, G.GAS_BASE, 0, 1));
  set(Op.NUMBER, row('NUMBER', blk.number, G.GAS_BASE, 0, 1));
  set(Op.PREVRANDAO, row('PREVRANDAO', blk.prevrandao, G.GAS_BASE, 0, 1));
  set(Op.GASLIMIT, row('GASLIMIT', blk.gaslimit, G.GAS_BASE, 0, 1));
  set(Op.CHAINID, row('CHAINID', blk.chainid, G.GAS_BASE, 0, 1));
  set(Op.SELFBALANCE, row('SELFBALANCE', env.selfbalance, G.GAS_SELFBALANCE, 0, 1));
  set(Op.BASEFEE, row('BASEFEE', blk.basefee, G.GAS_BASE, 0, 1));
  set(Op.BLOBHASH, row('BLOBHASH', config.blobOpcodesStubbed ? blk.blobhashStub : blk.blobhash, G.GAS_BLOBHASH, 1, 1));
  set(
    Op.BLOBBASEFEE,
    row('BLOBBASEFEE', config.blobOpcodesStubbed ? blk.blobbasefeeStub : blk.blobbasefee, G.GAS_BLOBBASEFEE, 0, 1),
  );

  set(Op.POP, row('POP', inl.POP, G.GAS_BASE, 1, 0));
  set(Op.MLOAD, row('MLOAD', inl.MLOAD, G.GAS_VERY_LOW, 1, 1));
  set(Op.MSTORE, row('MSTORE', inl.MSTORE, G.GAS_VERY_LOW, 2, 0));
  set(Op.MSTORE8, row('MSTORE8', mem.mstore8, G.GAS_VERY_LOW, 2, 0));
  // SLOAD: the warm price is static, the cold surcharge dynamic; SSTORE is all dynamic (EIP-2929).
  set(Op.SLOAD, row('SLOAD', sto.sload, G.GAS_WARM_ACCESS, 1, 1));
  set(Op.SSTORE, row('SSTORE', sto.makeSstore(config.sstoreRefunds), G.GAS_ZERO, 2, 0));
  set(Op.JUMP, row('JUMP', inl.JUMP, G.GAS_MID, 1, 0));
  set(Op.JUMPI, row('JUMPI', inl.JUMPI, G.GAS_HIGH, 2, 0));
  set(Op.PC, row('PC', flow.pc, G.GAS_BASE, 0, 1));
  set(Op.MSIZE, row('MSIZE', mem.msize, G.GAS_BASE, 0, 1));
  set(Op.GAS, row('GAS', flow.gas, G.GAS_BASE, 0, 1));
  set(Op.JUMPDEST, row('JUMPDEST', inl.JUMPDEST, G.GAS_JUMPDEST, 0, 0));
  set(Op.TLOAD, row('TLOAD', sto.tload, G.GAS_TRANSIENT, 1, 1));
  set(Op.TSTORE, row('TSTORE', sto.tstore, G.GAS_TRANSIENT, 2, 0));
  set(Op.MCOPY, row('MCOPY', mem.mcopy, G.GAS_MCOPY, 3, 0));
  set(Op.PUSH0, row('PUSH0', inl.PUSH0, G.GAS_PUSH0, 0, 1));
  set(Op.PUSH1, row('PUSH1', inl.PUSH1, G.GAS_VERY_LOW, 0, 1, 1));
  for (let n = 2; n <= 32; n++) set(Op.PUSH1 + n - 1, row(`PUSH${n}`, inl.PUSHn, G.GAS_VERY_LOW, 0, 1, n));
  for (let n = 1; n <= 16; n++) set(Op.DUP1 + n - 1, row(`DUP${n}`, inl.DUPn, G.GAS_VERY_LOW, n, n + 1));
  for (let n = 1; n <= 16; n++) {
    set(Op.SWAP1 + n - 1, row(`SWAP${n}`, inl.SWAPn, G.GAS_VERY_LOW, n + 1, n + 1));
  }
  for (let n = 0; n <= 4; n++) {
    set(Op.LOG0 + n, row(`LOG${n}`, makeLog(n), G.GAS_LOG + n * G.GAS_LOG_TOPIC, n + 2, 0));
  }

  set(Op.CREATE, row('CREATE', cr.create, G.GAS_CREATE, 3, 1));
  // Calls: access, value and new-account costs are charged by the runner (brief §2.3, §4.2).
  set(Op.CALL, row('CALL', calls.call, G.GAS_ZERO, 7, 1));
  set(Op.CALLCODE, row('CALLCODE', calls.callcode, G.GAS_ZERO, 7, 1));
  set(Op.RETURN, row('RETURN', flow.ret, G.GAS_ZERO, 2, 0));
  set(Op.DELEGATECALL, row('DELEGATECALL', calls.delegatecall, G.GAS_ZERO, 6, 1));
  set(Op.CREATE2, row('CREATE2', cr.create2, G.GAS_CREATE, 4, 1));
  set(Op.STATICCALL, row('STATICCALL', calls.staticcall, G.GAS_ZERO, 6, 1));
  set(Op.REVERT, row('REVERT', flow.revert, G.GAS_ZERO, 2, 0));
  set(Op.INVALID, row('INVALID', flow.invalid, G.GAS_ZERO, 0, 0));
  set(Op.SELFDESTRUCT, row('SELFDESTRUCT', selfdestruct, G.GAS_SELFDESTRUCT, 1, 0));

  const staticGas = new Uint32Array(256);
  const minStack = new Uint16Array(256);
  const maxStack = new Uint16Array(256);
  const handlers: Handler[] = new Array<Handler>(256);
  for (let op = 0; op < 256; op++) {
    const r = t[op]!;
    const inlined = inl.INLINED_HANDLERS[op];
    // The loops run these opcodes' generated bodies inline and never call the row: a row may leave one
    // undefined (an older fork), but a different handler would silently not run.
    if (r.defined && inlined !== undefined && r.run !== inlined) {
      throw new Error(
        `instruction table: ${r.name} is inlined in the step loops; its row must use the generated handler`,
      );
    }
    handlers[op] = r.run;
    staticGas[op] = r.gas;
    // An undefined opcode fails the loops' first check (sp < minStack) before any inlined body runs; the loop
    // then reports InvalidOpcode from the row. No stack reaches 0xffff.
    minStack[op] = r.defined ? r.pops : 0xffff;
    // The op may run while sp - pops + pushes ≤ 1024.
    maxStack[op] = G.STACK_LIMIT + r.pops - r.pushes;
  }
  return Object.freeze({
    rows: Object.freeze(t),
    handlers: Object.freeze(handlers),
    staticGas,
    minStack,
    maxStack,
    metersNative: config.native !== undefined,
    nativeCost: staticNativeCosts(t, config.native),
    dynamicNative: dynamicNative(config.native),
  });
}
