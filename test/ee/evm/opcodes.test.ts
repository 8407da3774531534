// Table consistency: every Cancun opcode has a row with the right stack counts and static gas,
// undefined bytes share one gas-free row, and the table is frozen.
import { describe, expect, it } from 'vitest';
import { CANCUN_TABLE } from '../../helpers/evm.js';
import { buildInstructionTable, Op, UNDEFINED_ROW } from '../../../src/ee/evm/opcodes.js';
import { OSAKA_CONFIG } from '../../../src/ee/evm/config.js';

// Independent list: [name, pops, pushes, static gas as charged by this interpreter].
const expected: [string, number, number, number][] = [
  ['STOP', 0, 0, 0],
  ['ADD', 2, 1, 3],
  ['MUL', 2, 1, 5],
  ['SUB', 2, 1, 3],
  ['DIV', 2, 1, 5],
  ['SDIV', 2, 1, 5],
  ['MOD', 2, 1, 5],
  ['SMOD', 2, 1, 5],
  ['ADDMOD', 3, 1, 8],
  ['MULMOD', 3, 1, 8],
  ['EXP', 2, 1, 10],
  ['SIGNEXTEND', 2, 1, 5],
  ['LT', 2, 1, 3],
  ['GT', 2, 1, 3],
  ['SLT', 2, 1, 3],
  ['SGT', 2, 1, 3],
  ['EQ', 2, 1, 3],
  ['ISZERO', 1, 1, 3],
  ['AND', 2, 1, 3],
  ['OR', 2, 1, 3],
  ['XOR', 2, 1, 3],
  ['NOT', 1, 1, 3],
  ['BYTE', 2, 1, 3],
  ['SHL', 2, 1, 3],
  ['SHR', 2, 1, 3],
  ['SAR', 2, 1, 3],
  ['KECCAK256', 2, 1, 30],
  ['ADDRESS', 0, 1, 2],
  ['BALANCE', 1, 1, 100],
  ['ORIGIN', 0, 1, 2],
  ['CALLER', 0, 1, 2],
  ['CALLVALUE', 0, 1, 2],
  ['CALLDATALOAD', 1, 1, 3],
  ['CALLDATASIZE', 0, 1, 2],
  ['CALLDATACOPY', 3, 0, 3],
  ['CODESIZE', 0, 1, 2],
  ['CODECOPY', 3, 0, 3],
  ['GASPRICE', 0, 1, 2],
  ['EXTCODESIZE', 1, 1, 100],
  ['EXTCODECOPY', 4, 0, 100],
  ['RETURNDATASIZE', 0, 1, 2],
  ['RETURNDATACOPY', 3, 0, 3],
  ['EXTCODEHASH', 1, 1, 100],
  ['BLOCKHASH', 1, 1, 20],
  ['COINBASE', 0, 1, 2],
  ['TIMESTAMP', 0, 1, 2],
  ['NUMBER', 0, 1, 2],
  ['PREVRANDAO', 0, 1, 2],
  ['GASLIMIT', 0, 1, 2],
  ['CHAINID', 0, 1, 2],
  ['SELFBALANCE', 0, 1, 5],
  ['BASEFEE', 0, 1, 2],
  ['BLOBHASH', 1, 1, 3],
  ['BLOBBASEFEE', 0, 1, 2],
  ['POP', 1, 0, 2],
  ['MLOAD', 1, 1, 3],
  ['MSTORE', 2, 0, 3],
  ['MSTORE8', 2, 0, 3],
  ['SLOAD', 1, 1, 100],
  ['SSTORE', 2, 0, 0],
  ['JUMP', 1, 0, 8],
  ['JUMPI', 2, 0, 10],
  ['PC', 0, 1, 2],
  ['MSIZE', 0, 1, 2],
  ['GAS', 0, 1, 2],
  ['JUMPDEST', 0, 0, 1],
  ['TLOAD', 1, 1, 100],
  ['TSTORE', 2, 0, 100],
  ['MCOPY', 3, 0, 3],
  ['PUSH0', 0, 1, 2],
  ...Array.from({ length: 32 }, (_, i): [string, number, number, number] => [`PUSH${i + 1}`, 0, 1, 3]),
  ...Array.from({ length: 16 }, (_, i): [string, number, number, number] => [`DUP${i + 1}`, i + 1, i + 2, 3]),
  ...Array.from({ length: 16 }, (_, i): [string, number, number, number] => [`SWAP${i + 1}`, i + 2, i + 2, 3]),
  ...Array.from({ length: 5 }, (_, i): [string, number, number, number] => [`LOG${i}`, i + 2, 0, 375 * (i + 1)]),
  ['CREATE', 3, 1, 32000],
  ['CALL', 7, 1, 0],
  ['CALLCODE', 7, 1, 0],
  ['RETURN', 2, 0, 0],
  ['DELEGATECALL', 6, 1, 0],
  ['CREATE2', 4, 1, 32000],
  ['STATICCALL', 6, 1, 0],
  ['REVERT', 2, 0, 0],
  ['INVALID', 0, 0, 0],
  ['SELFDESTRUCT', 1, 0, 5000],
];

describe('instruction table', () => {
  it('has every Cancun opcode with the independent stack counts and static gas', () => {
    expect(expected).toHaveLength(Object.keys(Op).length - 1); // all but Osaka's CLZ
    for (const [name, pops, pushes, gas] of expected) {
      const op = Op[name as keyof typeof Op];
      const row = CANCUN_TABLE.rows[op]!;
      expect({ name: row.name, pops: row.pops, pushes: row.pushes, gas: row.gas, defined: row.defined }).toEqual({
        name,
        pops,
        pushes,
        gas,
        defined: true,
      });
      expect(CANCUN_TABLE.handlers[op]).toBe(row.run);
      expect(CANCUN_TABLE.staticGas[op]).toBe(gas);
    }
  });

  it('PUSHn rows declare n immediate bytes', () => {
    for (let n = 1; n <= 32; n++) expect(CANCUN_TABLE.rows[Op.PUSH1 + n - 1]!.imm).toBe(n);
    expect(CANCUN_TABLE.rows[Op.PUSH0]!.imm).toBe(0);
  });

  it('CLZ (0x1e, EIP-7939) is undefined in Cancun and Prague tables, gas 5 with 1 in / 1 out in Osaka', () => {
    expect(CANCUN_TABLE.rows[Op.CLZ]).toBe(UNDEFINED_ROW);
    const osaka = buildInstructionTable(OSAKA_CONFIG);
    const row = osaka.rows[Op.CLZ]!;
    expect({ name: row.name, pops: row.pops, pushes: row.pushes, gas: row.gas }).toEqual({
      name: 'CLZ',
      pops: 1,
      pushes: 1,
      gas: 5,
    });
    for (let b = 0; b < 256; b++) if (b !== Op.CLZ) expect(osaka.rows[b]!.name).toBe(CANCUN_TABLE.rows[b]!.name);
  });

  it('undefined bytes share one row without gas', () => {
    const defined = new Set<number>(Object.values(Op).filter((b) => b !== Op.CLZ));
    let undefinedCount = 0;
    for (let b = 0; b < 256; b++) {
      if (defined.has(b)) continue;
      undefinedCount++;
      expect(CANCUN_TABLE.rows[b]).toBe(UNDEFINED_ROW);
      expect(CANCUN_TABLE.staticGas[b]).toBe(0);
    }
    expect(undefinedCount).toBe(256 - defined.size);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(CANCUN_TABLE)).toBe(true);
    expect(Object.isFrozen(CANCUN_TABLE.rows)).toBe(true);
    expect(Object.isFrozen(CANCUN_TABLE.rows[Op.ADD])).toBe(true);
  });
});
