// Brief §2.2 (height > 1024 fails; the top-level frame is height 0), §0 ("an explicit stack in TS is
// fine"): recursion to the limit with every call kind and with nested CREATE, at Node's default stack
// size; 10,000 nested frames with a raised limit; and a proof that the runner loop keeps the JS stack
// flat (same stack depth at frame depth 10 and 5000). No timing assertions.
import { afterEach, describe, expect, it } from 'vitest';
import { ethereum, zksync } from '../../src/profiles/index.js';
import type { Profile } from '../../src/profiles/types.js';
import type { Address } from '../../src/ee/types.js';
import { bytesToBigInt } from '../../src/crypto/bytes.js';
import { asm } from '../helpers/bytecode.js';
import {
  SLOT_DIFF,
  callFromEoa,
  depthCalldata,
  recursor,
  recursorDiffWhenRefused,
  setup,
  storeBytes,
  type CallOpName,
} from './helpers.js';

const R = 0x7ec0000000000000000000000000000000000003n;
const F = 0xfac0000000000000000000000000000000000004n;
/** Enough gas for 1024 levels of 63/64 with two SSTOREs per level: (64/63)^1024 ≈ 1.0e7. */
const GAS_1024 = 10n ** 15n;

describe.each([ethereum, zksync])('recursion to depth 1024, profile $name (same in both)', (profile: Profile) => {
  it.each<CallOpName>(['CALL', 'CALLCODE', 'DELEGATECALL'])(
    '%s: levels 0..1024 write their slot, the 1025th call is refused',
    (op) => {
      const { env, world, rec } = setup(profile, [[R, { code: recursor(R, op, { store: true }).toBytes() }]]);
      const out = callFromEoa(env, R, GAS_1024, { calldata: depthCalldata(0) });
      expect(out.status).toBe('success');
      expect(bytesToBigInt(out.returnData)).toBe(1024n);
      for (let d = 0; d < 1024; d++) expect(world.sload(R, BigInt(d)), `slot ${d}`).toBe(2n);
      expect(world.sload(R, 1024n)).toBe(1n); // ran, its nested call failed
      expect(world.sload(R, 1025n)).toBe(0n); // never ran
      expect(world.sload(R, SLOT_DIFF + 1024n)).toBe(recursorDiffWhenRefused(op));
      // 1025 frames ran code and one more was opened and answered (depth 1025, rolled back).
      expect(rec.frames).toHaveLength(1026);
      expect(rec.frames[1025]!.info.depth).toBe(1025);
      expect(rec.frames[1025]!.states).toEqual(['preparing', 'finishing', 'revert']);
      expect(Math.max(...rec.frames.slice(0, 1025).map((f) => f.info.depth))).toBe(1024);
    },
  );

  it('STATICCALL: the deepest successful depth comes back through return data (no storage in static frames)', () => {
    const { env, world, rec } = setup(profile, [[R, { code: recursor(R, 'STATICCALL', { store: false }).toBytes() }]]);
    const out = callFromEoa(env, R, GAS_1024, { calldata: depthCalldata(0) });
    expect(out.status).toBe('success');
    expect(bytesToBigInt(out.returnData)).toBe(1024n);
    expect(rec.frames).toHaveLength(1026);
    expect(rec.frames.slice(1, 1025).every((f) => f.info.kind === 'staticcall' && f.close?.outcome === 'success')).toBe(
      true,
    );
    expect(world.sload(R, 0n)).toBe(0n);
  });
});

/**
 * A constructor at depth d (d is the PUSH32 immediate at bytes 1..32): copies its own initcode, writes
 * d+1 into the copy and CREATEs (or CREATE2s) it; then stores slot 0 = d, slot 1 = the child's address
 * (0 on failure) and deploys empty code.
 */
function chainInit(d: number, op: 'CREATE' | 'CREATE2'): Uint8Array {
  const a = asm().pushN(32, d);
  a.op('CODESIZE').push(0).push(0).op('CODECOPY'); // mem[0..] = own code
  a.op('DUP1').push(1).op('ADD').push(1).op('MSTORE'); // immediate := d + 1
  if (op === 'CREATE2') a.push(0); // salt
  a.op('CODESIZE').push(0).push(0).op(op); // d addr
  a.push(1).op('SSTORE'); // slot 1 = addr
  a.push(0).op('SSTORE'); // slot 0 = d
  return a.push(0).push(0).op('RETURN').toBytes();
}

describe.each([ethereum, zksync])('nested CREATE to depth 1024, profile $name', (profile: Profile) => {
  it.each<'CREATE' | 'CREATE2'>(['CREATE', 'CREATE2'])(
    '%s: constructors at depths 1..1024 run; the one at 1024 fails to create (ethereum: its nonce stays 1, zksync: bumped to 2)',
    (op) => {
      const init = chainInit(1, op);
      const factory = storeBytes(asm(), 0, init);
      if (op === 'CREATE2') factory.push(0);
      factory.push(init.length).push(0).push(0).op(op).push(0).op('SSTORE').op('STOP');
      const { env, world } = setup(profile, [[F, { code: factory.toBytes(), nonce: 1n }]]);
      const out = callFromEoa(env, F, GAS_1024);
      expect(out.status).toBe('success');
      let addr: Address = world.sload(F, 0n);
      let count = 0n;
      let last: Address = 0n;
      while (addr !== 0n) {
        count++;
        expect(world.sload(addr, 0n)).toBe(count);
        expect(world.getAccount(addr).nonce).toBe(world.sload(addr, 1n) === 0n ? (profile === zksync ? 2n : 1n) : 2n);
        last = addr;
        addr = world.sload(addr, 1n);
        if (count > 2000n) throw new Error('runaway chain');
      }
      expect(count).toBe(1024n);
      expect(world.getAccount(last).nonce).toBe(profile === zksync ? 2n : 1n); // brief §2.7 step 3, §9
    },
  );
});

describe.each([ethereum, zksync])('10,000 nested frames with maxDepth 10_000, profile $name', (profile: Profile) => {
  const saved = Error.stackTraceLimit;
  afterEach(() => {
    Error.stackTraceLimit = saved;
  });

  it('completes without a RangeError, returns depth 10000, and the JS stack is the same at frame depth 10 and 5000', () => {
    // 63/64 per level: (64/63)^10000 ≈ 2.4e68, so the entry gas must be far beyond 64 bits.
    const gas = 1n << 250n;
    const { env, rec } = setup(profile, [[R, { code: recursor(R, 'CALL', { store: false }).toBytes() }]], {
      maxDepth: 10_000,
    });
    const stackDepth = new Map<number, number>();
    rec.onOpen = (info) => {
      if (info.depth === 10 || info.depth === 5000) {
        Error.stackTraceLimit = Infinity;
        stackDepth.set(info.depth, new Error('probe').stack!.split('\n').length);
        Error.stackTraceLimit = saved;
      }
    };
    const out = callFromEoa(env, R, gas, { calldata: depthCalldata(0) });
    expect(out.status).toBe('success');
    expect(bytesToBigInt(out.returnData)).toBe(10_000n);
    expect(rec.frames).toHaveLength(10_002); // depths 0..10000 ran, 10001 was refused
    expect(stackDepth.get(10)).toBeGreaterThan(0);
    expect(stackDepth.get(5000)).toBe(stackDepth.get(10));
  });
});
