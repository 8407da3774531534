// Control flow and the generic step checks: jumps (JUMPDEST analysis), PUSH padding, PC/GAS,
// stack underflow/overflow at 1024, undefined opcodes, frame-end statuses.
import { expect, it } from 'vitest';
import { asm } from '../../helpers/bytecode.js';
import { run, describeBothLoops } from '../../helpers/evm.js';
import { Op } from '../../../src/ee/evm/opcodes.js';
import { bytesToHex } from '../../../src/crypto/bytes.js';

describeBothLoops('jumps', () => {
  it('JUMP to a JUMPDEST', () => {
    const r = run(asm().pushLabel('L').op('JUMP', 'INVALID').label('L').push(7));
    expect(r.end.status).toBe('success');
    expect(r.frame.stack.peek()).toBe(7n);
    expect(r.gasUsed).toBe(BigInt(3 + 8 + 1 + 3));
  });

  it('JUMP into PUSH data is invalid', () => {
    // PUSH2 0x5b5b: bytes 1 and 2 are JUMPDEST values inside push data.
    const r = run(asm().pushN(2, 0x5b5b).push(1).op('JUMP'));
    expect(r.end).toMatchObject({ status: 'halt', haltReason: 'InvalidJump', gasLeft: 0n });
  });

  it.each([
    ['past the end', 100n],
    ['at 2^255', 1n << 255n],
    ['onto a non-JUMPDEST', 0n],
  ])('JUMP %s is invalid', (_name, dest) => {
    expect(run(asm().push(dest).op('JUMP')).end.haltReason).toBe('InvalidJump');
  });

  it('JUMPI falls through on zero (even to a bad target) and jumps otherwise', () => {
    expect(run(asm().push(0).push(100).op('JUMPI').push(1)).frame.stack.peek()).toBe(1n);
    const r = run(asm().push(1).pushLabel('L').op('JUMPI', 'INVALID').label('L'));
    expect(r.end.status).toBe('success');
    expect(r.gasUsed).toBe(BigInt(3 + 3 + 10 + 1));
    expect(run(asm().push(1).push(100).op('JUMPI')).end.haltReason).toBe('InvalidJump');
  });
});

describeBothLoops('PUSH, PC, GAS', () => {
  it('PUSH past the end of code pads with zeros', () => {
    const r = run(Uint8Array.of(Op.PUSH3, 0x01));
    expect(r.frame.stack.peek()).toBe(0x010000n);
    expect(r.end.status).toBe('success');
  });

  it.each([1, 5, 6, 7, 12, 13, 20, 31, 32])('PUSH%i reads exactly n bytes', (n) => {
    const v = (1n << BigInt(8 * n)) - 3n;
    const r = run(asm().pushN(n, v).push0());
    expect(r.frame.stack.toArray()).toEqual([v, 0n]);
    expect(r.gasUsed).toBe(5n);
  });

  it('PC and GAS', () => {
    const r = run(asm().push(1).op('PC', 'GAS'), { gas: 100n });
    expect(r.frame.stack.toArray()).toEqual([1n, 2n, 100n - 3n - 2n - 2n]);
  });
});

describeBothLoops('stack limits', () => {
  it('1024 items are fine, the 1025th overflows', () => {
    const ok = asm();
    for (let i = 0; i < 1024; i++) ok.push0();
    expect(run(ok).end.status).toBe('success');
    expect(run(ok.push0()).end).toMatchObject({ status: 'halt', haltReason: 'StackOverflow' });
  });

  it('DUP1 on a full stack overflows; SWAP1 does not', () => {
    const full = (): ReturnType<typeof asm> => {
      const a = asm();
      for (let i = 0; i < 1024; i++) a.push0();
      return a;
    };
    expect(run(full().op('DUP1')).end.haltReason).toBe('StackOverflow');
    expect(run(full().op('SWAP1', 'POP')).end.status).toBe('success');
  });

  it.each([
    ['ADD with one item', asm().push(1).op('ADD')],
    ['DUP2 with one item', asm().push(1).op('DUP2')],
    [
      'SWAP16 with 16 items',
      (() => {
        const a = asm();
        for (let i = 0; i < 16; i++) a.push0();
        return a.op('SWAP16');
      })(),
    ],
    ['POP on empty', asm().op('POP')],
  ])('underflow: %s', (_name, code) => {
    expect(run(code).end).toMatchObject({ status: 'halt', haltReason: 'StackUnderflow', gasLeft: 0n });
  });
});

describeBothLoops('ends', () => {
  it.each([0x0c, 0x21, 0x4b, 0xa5, 0xef, 0xf6, 0xfe])('byte 0x%s is an invalid opcode', (b) => {
    expect(run(Uint8Array.of(b)).end).toMatchObject({ status: 'halt', haltReason: 'InvalidOpcode', gasLeft: 0n });
  });

  it('running off the end is STOP', () => {
    expect(run(asm().push(1)).end).toMatchObject({ status: 'success', gasLeft: 1_000_000n - 3n });
  });

  it('RETURN returns data and keeps gas', () => {
    const r = run(asm().mstore(0, 0xabcd).ret(30, 2));
    expect(bytesToHex(r.end.returnData)).toBe('0xabcd');
    expect(r.end.status).toBe('success');
    expect(r.gasUsed).toBe(BigInt(12 + 6));
  });

  it('REVERT returns data and keeps the remaining gas', () => {
    const r = run(asm().mstore(0, 0xabcd).revert(31, 1), { gas: 1000n });
    expect(r.end).toMatchObject({ status: 'revert', gasLeft: 1000n - 18n });
    expect(bytesToHex(r.end.returnData)).toBe('0xcd');
  });

  it('a halt burns all gas and returns no data', () => {
    const r = run(asm().mstore(0, 1).op('INVALID'));
    expect(r.end).toMatchObject({ status: 'halt', gasLeft: 0n, haltReason: 'InvalidOpcode' });
    expect(r.end.returnData.length).toBe(0);
  });
});
