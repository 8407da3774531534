// Pure gas functions: memory, copy, EXP, keccak, LOG, SSTORE (EIP-2200/2929/3529), 63/64, initcode.
import { describe, expect, it } from 'vitest';
import * as G from '../../../src/ee/evm/gas.js';

describe('gas functions', () => {
  it.each([
    [0, 0],
    [1, 3],
    [32, 96 + 2],
    [1024, 3072 + 2048],
    [2 ** 20, 3 * 2 ** 20 + 2 ** 31],
    [2 ** 27 - 1, 3 * (2 ** 27 - 1) + Number((2n ** 27n - 1n) ** 2n / 512n)],
  ])('memoryCost(%i words) = %i', (w, cost) => {
    expect(G.memoryCost(w)).toBe(cost);
  });

  it('memoryExpansionCost is the difference of totals and 0 when not growing', () => {
    expect(G.memoryExpansionCost(1, 3)).toBe(G.memoryCost(3) - G.memoryCost(1));
    expect(G.memoryExpansionCost(3, 1)).toBe(0);
  });

  it('word-based costs round up', () => {
    expect(G.copyCost(0)).toBe(0);
    expect(G.copyCost(1)).toBe(3);
    expect(G.copyCost(33)).toBe(6);
    expect(G.keccak256Cost(0)).toBe(30);
    expect(G.keccak256Cost(33)).toBe(42);
    expect(G.initcodeCost(49152)).toBe(3072);
    expect(G.create2HashCost(65)).toBe(18);
    expect(G.codeDepositCost(10)).toBe(2000);
    expect(G.logCost(2, 10)).toBe(375 + 750 + 80);
  });

  it.each([
    [0n, 0],
    [1n, 50],
    [0xffn, 50],
    [0x100n, 100],
    [(1n << 256n) - 1n, 1600],
  ])('expCost(%s) = %i', (e, cost) => {
    expect(G.expCost(e)).toBe(cost);
  });

  it('maxCallGas keeps one 64th', () => {
    expect(G.maxCallGas(64)).toBe(63);
    expect(G.maxCallGas(100)).toBe(99);
    expect(G.maxCallGas(6400)).toBe(6300);
    expect(G.maxCallGas(0)).toBe(0);
  });

  // [original, current, new, cold, gas, refund]
  it.each([
    [0n, 0n, 0n, false, 100, 0],
    [0n, 0n, 1n, false, 20000, 0],
    [0n, 0n, 1n, true, 22100, 0],
    [1n, 1n, 2n, false, 2900, 0],
    [1n, 1n, 0n, false, 2900, 4800],
    [1n, 1n, 1n, true, 2200, 0],
    [1n, 0n, 1n, false, 100, -4800 + 2800],
    [1n, 0n, 2n, false, 100, -4800],
    [1n, 2n, 0n, false, 100, 4800],
    [1n, 2n, 1n, false, 100, 2800],
    [0n, 1n, 0n, false, 100, 19900],
    [0n, 1n, 2n, false, 100, 0],
  ])('sstoreCost(%s, %s, %s, cold %s) = %i gas, %i refund', (o, c, n, cold, gas, refund) => {
    expect(G.sstoreCost(o, c, n, cold)).toEqual({ gas, refund });
  });

  it('constants', () => {
    expect(G.GAS_SSTORE_RESET).toBe(2900);
    expect(G.SSTORE_CLEARS_SCHEDULE).toBe(4800);
    expect(G.MAX_CODE_SIZE).toBe(24576);
    expect(G.MAX_INITCODE_SIZE).toBe(49152);
    expect(G.accountAccessCost(true)).toBe(2600);
    expect(G.accountAccessCost(false)).toBe(100);
    expect(G.GAS_CALL_VALUE).toBe(9000);
    expect(G.GAS_NEW_ACCOUNT).toBe(25000);
    expect(G.GAS_CALL_STIPEND).toBe(2300);
  });
});
