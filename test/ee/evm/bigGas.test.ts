// Gas above 2^53 crosses the EE boundary as an exact bigint: the frame keeps the part above its
// number window in `gasReserve`, and GAS, spawn requests and the frame end must all see the exact total.
import { expect, it } from 'vitest';
import { asm } from '../../helpers/bytecode.js';
import { launch, returnedWord, run, describeBothLoops } from '../../helpers/evm.js';
import type { PreemptionPoint } from '../../../src/ee/types.js';

const BIG = (1n << 62n) + 5n;

function expectSpawn(p: PreemptionPoint) {
  if (p.type !== 'spawn') throw new Error('expected a spawn request');
  return p.request;
}

describeBothLoops('gas above 2^53', () => {
  it('GAS reports the exact launch gas (minus its own 2) and the frame returns the exact gasLeft', () => {
    // GAS PUSH0 MSTORE PUSH1 32 PUSH0 RETURN
    const code = Uint8Array.of(0x5a, 0x5f, 0x52, 0x60, 0x20, 0x5f, 0xf3);
    const r = run(code, { gas: BIG });
    expect(r.end.status).toBe('success');
    expect(returnedWord(r)).toBe(BIG - 2n);
    // GAS 2, PUSH0 2, MSTORE 3 + 3 (one word of memory), PUSH1 3, PUSH0 2, RETURN 0
    expect(r.end.gasLeft).toBe(BIG - 15n);
    expect(r.gasUsed).toBe(15n);
  });

  it('REVERT also returns the exact gasLeft', () => {
    const r = run(asm().op('PUSH0', 'PUSH0', 'REVERT'), { gas: BIG });
    expect(r.end).toMatchObject({ status: 'revert', gasLeft: BIG - 4n });
  });

  it('a halt burns all gas including the reserve', () => {
    const r = run(Uint8Array.of(0xfe), { gas: BIG });
    expect(r.end).toMatchObject({ status: 'halt', haltReason: 'InvalidOpcode', gasLeft: 0n });
  });

  it('a CALL request hands over the exact remaining gas, and resuming with a huge gasReturned is exact', () => {
    // 7 pushes (21) then CALL (0 static in the EE; the runner charges access costs), then GAS.
    const code = asm()
      .push(0)
      .push(0)
      .push(0)
      .push(0)
      .push(0)
      .push(0xbeefn)
      .push(BIG)
      .op('CALL', 'POP', 'GAS')
      .ret(0, 0);
    const { frame } = launch(code, { gas: BIG });
    const req = expectSpawn(frame.start());
    expect(req.type).toBe('call');
    if (req.type !== 'call') return;
    expect(req.gasAvailable).toBe(BIG - 21n);
    expect(req.gasRequested).toBe(BIG);
    expect(frame.gasReserve).toBe(0n);
    expect(frame.gas).toBe(0);
    const back = (1n << 60n) + 7n;
    const end = frame.continueAfterCall({ status: 'success', gasReturned: back, returnData: new Uint8Array(0) });
    // POP 2, GAS 2, then ret(0, 0): two pushes (6), RETURN 0
    expect(frame.stack.toArray()).toEqual([back - 4n]);
    expect(end).toMatchObject({ type: 'end', status: 'success', gasLeft: back - 10n });
  });
});
