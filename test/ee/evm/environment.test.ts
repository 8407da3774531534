// Environment and block opcodes: context values, calldata/code copies, EIP-2929 account access,
// RETURNDATA bounds (EIP-211), BLOCKHASH window, BLOBHASH, PREVRANDAO.
import { expect, it } from 'vitest';
import { asm } from '../../helpers/bytecode.js';
import { CALLER, THIS, run, describeBothLoops } from '../../helpers/evm.js';
import { MockHost } from '../../helpers/mockHost.js';
import { bytesToHex, hexToBytes } from '../../../src/crypto/bytes.js';
import { KECCAK_EMPTY, keccak256Word } from '../../../src/crypto/keccak.js';
import type { OpName } from '../../../src/ee/evm/opcodes.js';

const OTHER = 0xbeefn;

describeBothLoops('context readers', () => {
  const host = (): MockHost =>
    new MockHost({ block: { number: 1000n }, tx: { blobHashes: [5n, 6n] } }).setAccount(THIS, { balance: 77n });
  // [op, expected, gas]
  const cases: [OpName, bigint, number][] = [
    ['ADDRESS', THIS, 2],
    ['CALLER', CALLER, 2],
    ['CALLVALUE', 9n, 2],
    ['ORIGIN', 0x0a11cen, 2],
    ['GASPRICE', 10n, 2],
    ['CALLDATASIZE', 3n, 2],
    ['CODESIZE', 1n, 2],
    ['COINBASE', 0xc014ba5en, 2],
    ['TIMESTAMP', 1_700_000_000n, 2],
    ['NUMBER', 1000n, 2],
    ['PREVRANDAO', 0x1234n, 2],
    ['GASLIMIT', 30_000_000n, 2],
    ['CHAINID', 1n, 2],
    ['BASEFEE', 7n, 2],
    ['BLOBBASEFEE', 1n, 2],
    ['SELFBALANCE', 77n, 5],
    ['RETURNDATASIZE', 0n, 2],
  ];
  it.each(cases)('%s', (op, expected, gas) => {
    const r = run(asm().op(op), { host: host(), value: 9n, calldata: new Uint8Array(3) });
    expect(r.frame.stack.peek()).toBe(expected);
    expect(r.gasUsed).toBe(BigInt(gas));
  });

  it.each([
    [999n, (0xb10cn << 64n) | 999n],
    [744n, (0xb10cn << 64n) | 744n],
    [743n, 0n],
    [1000n, 0n],
    [1001n, 0n],
    [1n << 200n, 0n],
  ])('BLOCKHASH(%s) at block 1000', (n, expected) => {
    const r = run(asm().push(n).op('BLOCKHASH'), { host: host() });
    expect(r.frame.stack.peek()).toBe(expected);
    expect(r.gasUsed).toBe(BigInt(3 + 20));
  });

  it.each([
    [0n, 5n],
    [1n, 6n],
    [2n, 0n],
    [1n << 255n, 0n],
  ])('BLOBHASH(%s)', (i, expected) => {
    const r = run(asm().push(i).op('BLOBHASH'), { host: host() });
    expect(r.frame.stack.peek()).toBe(expected);
    expect(r.gasUsed).toBe(BigInt(3 + 3));
  });
});

describeBothLoops('calldata and code', () => {
  const calldata = hexToBytes('0x' + '11'.repeat(31) + '2233');
  it.each([
    [0n, BigInt('0x' + '11'.repeat(31) + '22')],
    [31n, 0x2233n << 240n],
    [33n, 0n],
    [1n << 255n, 0n],
  ])('CALLDATALOAD(%s) pads with zeros', (off, expected) => {
    const r = run(asm().push(off).op('CALLDATALOAD'), { calldata });
    expect(r.frame.stack.peek()).toBe(expected);
    expect(r.gasUsed).toBe(6n);
  });

  it('CALLDATALOAD of whole words: small and full-width values, the last whole word, a view at an offset', () => {
    // Calldata as a view into a larger buffer (a CALL's input is a view of the caller's memory).
    const backing = new Uint8Array(100).fill(0xee);
    const view = backing.subarray(7, 7 + 70);
    view.fill(0);
    view[31] = 0x2a; // word 0: 42
    for (let i = 32; i < 64; i++) view[i] = i; // word 1: bytes 0x20..0x3f
    view[69] = 0x01; // bytes 38..69: the last whole word ends at the end
    const full = BigInt('0x' + Array.from({ length: 32 }, (_, i) => (32 + i).toString(16).padStart(2, '0')).join(''));
    for (const [off, expected] of [
      [0n, 42n],
      [32n, full],
      [38n, ((full & ((1n << 208n) - 1n)) << 48n) | 1n],
      [7n, (0x2an << 56n) | 0x20212223242526n],
    ] as const) {
      const r = run(asm().push(off).op('CALLDATALOAD'), { calldata: view });
      expect(r.frame.stack.peek(), `offset ${off}`).toBe(expected);
    }
  });

  it('CALLDATACOPY copies and zero-pads; 3 + 3/word + memory', () => {
    const r = run(asm().push(40).push(30).push(0).op('CALLDATACOPY').ret(0, 64), { calldata });
    expect(bytesToHex(r.end.returnData)).toBe('0x' + '1122' + '33' + '00'.repeat(61));
    expect(r.gasUsed).toBe(BigInt(9 + 3 + 3 * 2 + 6 + 6));
  });

  it('CODECOPY copies the running code with padding', () => {
    const code = asm().push(64).push(0).push(0).op('CODECOPY').ret(0, 64).toBytes();
    const r = run(code);
    expect(r.end.returnData.subarray(0, code.length)).toEqual(code);
    expect(r.end.returnData.subarray(code.length).every((b) => b === 0)).toBe(true);
  });
});

describeBothLoops('other accounts (EIP-2929)', () => {
  const host = (): MockHost => new MockHost().setAccount(OTHER, { balance: 5n, code: hexToBytes('0x6001600201') });
  it.each([
    ['BALANCE', 5n],
    ['EXTCODESIZE', 5n],
    ['EXTCODEHASH', keccak256Word(hexToBytes('0x6001600201'))],
  ] as [OpName, bigint][])('%s: cold 2600, then warm 100', (op, expected) => {
    const r = run(asm().push(OTHER).op(op).push(OTHER).op(op), { host: host() });
    expect(r.frame.stack.toArray()).toEqual([expected, expected]);
    expect(r.gasUsed).toBe(BigInt(3 + 2600 + 3 + 100));
  });

  it('the address is truncated to 160 bits', () => {
    const r = run(
      asm()
        .push((1n << 200n) | OTHER)
        .op('BALANCE'),
      { host: host() },
    );
    expect(r.frame.stack.peek()).toBe(5n);
  });

  it('EXTCODEHASH: 0 for a non-existent account, keccak("") for a funded account without code', () => {
    const h = new MockHost().setAccount(0xaan, { balance: 1n });
    const r = run(asm().push(0xabn).op('EXTCODEHASH').push(0xaan).op('EXTCODEHASH'), { host: h });
    expect(r.frame.stack.toArray()).toEqual([0n, KECCAK_EMPTY]);
  });

  it('EXTCODECOPY: 100 + cold 2500 + copy + memory', () => {
    const r = run(asm().push(32).push(0).push(0).push(OTHER).op('EXTCODECOPY').ret(0, 32), { host: host() });
    expect(bytesToHex(r.end.returnData)).toBe('0x6001600201' + '00'.repeat(27));
    expect(r.gasUsed).toBe(BigInt(12 + 2600 + 3 + 3 + 6));
  });

  it('BALANCE cold boundary pair', () => {
    expect(run(asm().push(OTHER).op('BALANCE'), { gas: 2603n }).end.status).toBe('success');
    expect(run(asm().push(OTHER).op('BALANCE'), { gas: 2602n }).end.status).toBe('halt');
  });
});

describeBothLoops('RETURNDATACOPY (EIP-211)', () => {
  it.each([
    ['offset 1, size 0 past empty data', 1n, 0n],
    ['offset 0, size 1 past empty data', 0n, 1n],
    ['offset 2^255', 1n << 255n, 0n],
  ])('%s halts', (_name, off, size) => {
    const r = run(asm().push(size).push(off).push(0).op('RETURNDATACOPY'));
    expect(r.end).toMatchObject({ status: 'halt', haltReason: 'ReturnDataOutOfBounds', gasLeft: 0n });
  });

  it('offset 0, size 0 is fine', () => {
    const r = run(asm().push(0).push(0).push(0).op('RETURNDATACOPY'));
    expect(r.end.status).toBe('success');
    expect(r.gasUsed).toBe(12n);
  });
});
