// LOG0..LOG4 and SELFDESTRUCT: gas (static, per topic, per byte, cold beneficiary, new account),
// host effects, and static-context violations.
import { expect, it } from 'vitest';
import { asm } from '../../helpers/bytecode.js';
import { THIS, run, describeBothLoops } from '../../helpers/evm.js';
import { MockHost } from '../../helpers/mockHost.js';
import { bytesToHex } from '../../../src/crypto/bytes.js';
import type { OpName } from '../../../src/ee/evm/opcodes.js';

describeBothLoops('LOG', () => {
  it.each([0, 1, 2, 3, 4])('LOG%i: 375 + 375·topics + 8·bytes + memory', (n) => {
    const a = asm().mstore(0, 0xaabbccddn << 224n);
    for (let i = n; i >= 1; i--) a.push(0x100 + i);
    const r = run(
      a
        .push(4)
        .push(0)
        .op(`LOG${n}` as OpName),
    );
    expect(r.end.status).toBe('success');
    expect(r.gasUsed).toBe(BigInt(12 + 3 * n + 6 + 375 + 375 * n + 8 * 4));
    expect(r.host.logs).toHaveLength(1);
    const log = r.host.logs[0]!;
    expect(log.address).toBe(THIS);
    expect(log.topics).toEqual(Array.from({ length: n }, (_, i) => BigInt(0x101 + i)));
    expect(bytesToHex(log.data)).toBe('0xaabbccdd');
  });

  it('LOG in a static frame halts', () => {
    const r = run(asm().push(0).push(0).op('LOG0'), { isStatic: true });
    expect(r.end).toMatchObject({ status: 'halt', haltReason: 'StaticStateChange' });
    expect(r.host.logs).toHaveLength(0);
  });

  it('LOG1 boundary pair', () => {
    const code = asm().push(1).push(0).push(0).op('LOG1');
    expect(run(code, { gas: 9n + 750n }).end.status).toBe('success');
    expect(run(code, { gas: 9n + 749n }).end.haltReason).toBe('OutOfGas');
  });
});

describeBothLoops('SELFDESTRUCT', () => {
  const BENEFICIARY = 0xbe4en;
  // [description, own balance, beneficiary funded, beneficiary warm, expected gas]
  const cases: [string, bigint, boolean, boolean, number][] = [
    ['warm, non-empty beneficiary', 10n, true, true, 3 + 5000],
    ['cold, non-empty beneficiary', 10n, true, false, 3 + 5000 + 2600],
    ['cold, empty beneficiary, value moves', 10n, false, false, 3 + 5000 + 2600 + 25000],
    ['warm, empty beneficiary, value moves', 10n, false, true, 3 + 5000 + 25000],
    ['cold, empty beneficiary, no value', 0n, false, false, 3 + 5000 + 2600],
  ];
  it.each(cases)('%s', (_name, balance, funded, warm, gas) => {
    const host = new MockHost().setAccount(THIS, { balance });
    if (funded) host.setAccount(BENEFICIARY, { balance: 1n });
    if (warm) host.accessAccount(BENEFICIARY);
    const r = run(asm().push(BENEFICIARY).op('SELFDESTRUCT', 'INVALID'), { host });
    expect(r.end).toMatchObject({ status: 'success' });
    expect(r.end.returnData.length).toBe(0);
    expect(r.gasUsed).toBe(BigInt(gas));
    expect(host.selfDestructs).toEqual([{ address: THIS, beneficiary: BENEFICIARY }]);
    expect(host.getBalance(BENEFICIARY)).toBe(balance + (funded ? 1n : 0n));
  });

  it('boundary pair (cold, empty, value)', () => {
    const mk = (): MockHost => new MockHost().setAccount(THIS, { balance: 1n });
    const code = asm().push(BENEFICIARY).op('SELFDESTRUCT');
    expect(run(code, { host: mk(), gas: 32603n }).end.status).toBe('success');
    const host = mk();
    expect(run(code, { host, gas: 32602n }).end.haltReason).toBe('OutOfGas');
    expect(host.selfDestructs).toHaveLength(0);
  });

  it('static frame halts', () => {
    const r = run(asm().push(BENEFICIARY).op('SELFDESTRUCT'), { isStatic: true });
    expect(r.end).toMatchObject({ status: 'halt', haltReason: 'StaticStateChange' });
  });

  it('in a constructor it deploys empty code', () => {
    const r = run(asm().push(BENEFICIARY).op('SELFDESTRUCT'), { isConstructor: true });
    expect(r.end.status).toBe('success');
    expect(r.end.deployedCode!.length).toBe(0);
  });
});
