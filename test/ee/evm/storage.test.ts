// SLOAD/SSTORE gas and refunds (EIP-2200 + EIP-2929 + EIP-3529), the 2300 sentry, static
// violations, and transient storage (EIP-1153).
import { expect, it } from 'vitest';
import { asm } from '../../helpers/bytecode.js';
import { NO_REFUND_TABLE, THIS, run, describeBothLoops } from '../../helpers/evm.js';
import { MockHost } from '../../helpers/mockHost.js';

/** Host with slot 0 of THIS holding `original` (as tx-start and current value). */
function hostWith(original: bigint, warm: boolean): MockHost {
  const h = new MockHost().setAccount(THIS, { storage: new Map([[0n, original]]) });
  if (warm) h.warmSlot(THIS, 0n);
  return h;
}

/** SSTOREs of `values` into slot 0, in order. */
function stores(values: bigint[]): ReturnType<typeof asm> {
  const a = asm();
  for (const v of values) a.sstore(0, v);
  return a;
}

// The EIP-3529 test table (warm slot): [original, values stored, gas used, refund].
const eip3529: [bigint, bigint[], number, number][] = [
  [0n, [0n, 0n], 212, 0],
  [0n, [0n, 1n], 20112, 0],
  [0n, [1n, 0n], 20112, 19900],
  [0n, [1n, 2n], 20112, 0],
  [0n, [1n, 1n], 20112, 0],
  [1n, [0n, 0n], 3012, 4800],
  [1n, [0n, 1n], 3012, 2800],
  [1n, [0n, 2n], 3012, 0],
  [1n, [2n, 0n], 3012, 4800],
  [1n, [2n, 3n], 3012, 0],
  [1n, [2n, 1n], 3012, 2800],
  [1n, [2n, 2n], 3012, 0],
  [1n, [1n, 0n], 3012, 4800],
  [1n, [1n, 2n], 3012, 0],
  [1n, [1n, 1n], 212, 0],
  [0n, [1n, 0n, 1n], 40118, 19900],
  [1n, [0n, 1n, 0n], 5918, 7600],
];

describeBothLoops('SSTORE (EIP-3529 table, warm slot)', () => {
  it.each(eip3529)('original %s, stores %s → gas %s, refund %s', (original, values, gas, refund) => {
    const r = run(stores(values), { host: hostWith(original, true) });
    expect(r.end.status).toBe('success');
    expect(r.gasUsed).toBe(BigInt(gas));
    expect(r.host.refund).toBe(refund);
    expect(r.host.sload(THIS, 0n)).toBe(values[values.length - 1]);
  });

  it.each(eip3529)('cold slot adds 2100 once (original %s, stores %s)', (original, values, gas, refund) => {
    const r = run(stores(values), { host: hostWith(original, false) });
    expect(r.gasUsed).toBe(BigInt(gas + 2100));
    expect(r.host.refund).toBe(refund);
  });

  it.each(eip3529)('no refund counter in the zksync table (original %s, stores %s)', (original, values, gas) => {
    const r = run(stores(values), { host: hostWith(original, true), table: NO_REFUND_TABLE });
    expect(r.gasUsed).toBe(BigInt(gas));
    expect(r.host.refund).toBe(0);
  });

  it('a dirty slot with original ≠ current is priced from the original (EIP-2200)', () => {
    // original 1, current 2 (written earlier in the tx), store 0: warm read + clear refund.
    const host = hostWith(1n, true).setCurrent(THIS, 0n, 2n);
    const r = run(stores([0n]), { host });
    expect(r.gasUsed).toBe(BigInt(6 + 100));
    expect(r.host.refund).toBe(4800);
  });

  it('the 2300 sentry: SSTORE with exactly 2300 gas left halts, 2301 runs', () => {
    const code = stores([0n]); // a warm no-op store costs 100
    const ok = run(code, { host: hostWith(0n, true), gas: 6n + 2301n });
    expect(ok.end.status).toBe('success');
    expect(ok.end.gasLeft).toBe(2201n);
    const fail = run(code, { host: hostWith(0n, true), gas: 6n + 2300n });
    expect(fail.end).toMatchObject({ status: 'halt', haltReason: 'OutOfGas', gasLeft: 0n });
  });

  it('SSTORE set boundary pair', () => {
    const code = stores([1n]);
    expect(run(code, { host: hostWith(0n, true), gas: 20006n }).end.status).toBe('success');
    const r = run(code, { host: hostWith(0n, true), gas: 20005n });
    expect(r.end).toMatchObject({ status: 'halt', haltReason: 'OutOfGas' });
  });

  it('SSTORE in a static frame halts', () => {
    const r = run(stores([1n]), { isStatic: true });
    expect(r.end).toMatchObject({ status: 'halt', haltReason: 'StaticStateChange', gasLeft: 0n });
  });
});

describeBothLoops('SLOAD (EIP-2929)', () => {
  it('cold then warm', () => {
    const host = new MockHost().setAccount(THIS, { storage: { 5: 42n } });
    const r = run(asm().sload(5).sload(5), { host });
    expect(r.gasUsed).toBe(BigInt(3 + 2100 + 3 + 100));
    expect(r.frame.stack.toArray()).toEqual([42n, 42n]);
  });

  it('cold boundary pair', () => {
    expect(run(asm().sload(1), { gas: 2103n }).end.status).toBe('success');
    expect(run(asm().sload(1), { gas: 2102n }).end).toMatchObject({ status: 'halt', haltReason: 'OutOfGas' });
    // Not even the warm price: the slot must not be touched.
    const host = new MockHost();
    run(asm().sload(1), { gas: 102n, host });
    expect(host.warmSlots.size).toBe(0);
  });
});

describeBothLoops('TLOAD/TSTORE (EIP-1153)', () => {
  it('stores and loads transient values for 100 gas each', () => {
    const r = run(asm().tstore(1, 42).push(1).op('TLOAD').push(2).op('TLOAD'));
    expect(r.frame.stack.toArray()).toEqual([42n, 0n]);
    expect(r.gasUsed).toBe(BigInt(6 + 100 + 3 + 100 + 3 + 100));
    expect(r.host.tload(THIS, 1n)).toBe(42n);
  });

  it('TSTORE in a static frame halts; TLOAD is allowed', () => {
    expect(run(asm().tstore(1, 1), { isStatic: true }).end).toMatchObject({
      status: 'halt',
      haltReason: 'StaticStateChange',
    });
    expect(run(asm().push(1).op('TLOAD'), { isStatic: true }).end.status).toBe('success');
  });
});
