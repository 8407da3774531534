// Brief §2.6 (special address space < 0x10000), §6.2 (precompiles as hooks), §9/§10.3/§10.11/§10.12:
// hookless low addresses behave as empty accounts in zksync (code there never runs), precompiles work in
// both profiles and burn the forwarded gas on failure, and the EOA shortcut precedes the depth check
// only in zksync.
import { describe, expect, it } from 'vitest';
import { ethereum, zksync } from '../../src/profiles/index.js';
import type { Profile } from '../../src/profiles/types.js';
import type { Address } from '../../src/ee/types.js';
import { bigIntToBytes, bytesToBigInt, bytesToHex } from '../../src/crypto/bytes.js';
import { asm } from '../helpers/bytecode.js';
import {
  A,
  EMPTY_ADDR,
  EOA,
  OUT,
  SLOT_ALSO,
  callFromEoa,
  depthCalldata,
  probe,
  pushCall,
  readProbe,
  recursor,
  setup,
  storeBytes,
  type CallArgs,
} from './helpers.js';

const COLD = 2600n;
const WARM = 100n;
const CALLVALUE = 9000n;
const STIPEND = 2300n;
const BIG = 10_000_000n;
const IN_AT = 0x300;

/** sstore(0,1) + mstore(0,0x77) + return(0,32) = 22124 gas. */
const CODE_77 = asm().sstore(0, 1).mstore(0, 0x77n).ret(0, 32).toBytes();
const USED_77 = 22124n;
const word77 = '0x' + '77'.padStart(64, '0');

function caller(target: Address, args: CallArgs, input?: Uint8Array): { code: Uint8Array; pushes: bigint } {
  let n = 0;
  const c = probe(
    (a) => {
      n = pushCall(a, 'CALL', target, args);
    },
    0x400,
    input ? (a) => void storeBytes(a, IN_AT, input) : undefined,
  );
  return { code: c.toBytes(), pushes: BigInt(n) * 3n };
}

interface LowRow {
  name: string;
  target: Address;
  value: bigint;
  /** Whether the code at `target` runs in this profile. */
  runs: { ethereum: boolean; zksync: boolean };
}

const lowRows: LowRow[] = [
  { name: '0x1234 with code, value 5', target: 0x1234n, value: 5n, runs: { ethereum: true, zksync: false } },
  {
    name: '0xffff with code (last special address)',
    target: 0xffffn,
    value: 0n,
    runs: { ethereum: true, zksync: false },
  },
  {
    name: '0x10000 with code (first normal address)',
    target: 0x10000n,
    value: 5n,
    runs: { ethereum: true, zksync: true },
  },
  {
    name: '0x8009 (reserved, not hooked) with code',
    target: 0x8009n,
    value: 5n,
    runs: { ethereum: true, zksync: false },
  },
];

describe.each([ethereum, zksync])('low addresses, profile $name', (profile: Profile) => {
  it.each(lowRows)('nested CALL to $name', (row) => {
    const c = caller(row.target, { gas: 50_000n, value: row.value });
    const { env, world, rec } = setup(profile, [
      [A, { code: c.code, balance: 100n }],
      [row.target, { code: CODE_77, balance: 1n }],
    ]);
    const p = readProbe(callFromEoa(env, A, BIG));
    const runs = profile === ethereum ? row.runs.ethereum : row.runs.zksync;
    const valueCost = row.value !== 0n ? CALLVALUE - STIPEND : 0n;
    expect(p.result).toBe(1n);
    // Hookless special address: all passed gas (and the stipend) comes back; a normal address runs.
    expect(p.diff).toBe(c.pushes + COLD + valueCost + (runs ? USED_77 : 0n) + 2n);
    expect(bytesToHex(p.returnData)).toBe(runs ? word77 : '0x');
    expect(world.sload(row.target, 0n)).toBe(runs ? 1n : 0n);
    // The value stays at the address either way (brief §2.6 step 6).
    expect(world.getAccount(row.target).balance).toBe(1n + row.value);
    expect(world.getAccount(A).balance).toBe(100n - row.value);
    const f = rec.frames[1]!;
    expect(f.info.kind).toBe(runs ? 'call' : 'hook');
    expect(f.states).toEqual(
      runs ? ['preparing', 'running', 'finishing', 'success'] : ['preparing', 'finishing', 'success'],
    );
  });

  it('entry call from an EOA to 0x1234 with code: zksync succeeds empty keeping the value; ethereum runs the code', () => {
    const { env, world } = setup(profile, [[0x1234n, { code: CODE_77 }]]);
    const out = callFromEoa(env, 0x1234n, 100_000n, { value: 3n });
    expect(out.status).toBe('success');
    const runs = profile === ethereum;
    expect(bytesToHex(out.returnData)).toBe(runs ? word77 : '0x');
    expect(out.gasLeft).toBe(runs ? 100_000n - USED_77 : 100_000n);
    expect(world.getAccount(0x1234n).balance).toBe(3n);
    expect(world.sload(0x1234n, 0n)).toBe(runs ? 1n : 0n);
    expect(world.getAccount(EOA).balance).toBe(10n ** 18n - 3n);
  });
});

const INPUT40 = Uint8Array.from({ length: 40 }, (_, i) => 0xa0 + i);

describe.each([ethereum, zksync])(
  'precompiles through the runner, profile $name (same in both)',
  (profile: Profile) => {
    it('0x04 identity: warm (100) + 15 + 3/word, output copied and in RETURNDATA', () => {
      const c = caller(0x04n, { gas: 50_000n, inOff: IN_AT, inSize: 40, outOff: OUT, outSize: 64 }, INPUT40);
      const { env, rec } = setup(profile, [[A, { code: c.code }]]);
      const p = readProbe(callFromEoa(env, A, BIG));
      expect(p.result).toBe(1n);
      expect(p.diff).toBe(c.pushes + WARM + 15n + 3n * 2n + 2n);
      expect(Array.from(p.returnData)).toEqual(Array.from(INPUT40));
      expect(Array.from(p.memory.subarray(OUT, OUT + 40))).toEqual(Array.from(INPUT40));
      expect(p.memory.subarray(OUT + 40, OUT + 64).every((b) => b === 0xff)).toBe(true);
      expect(rec.frames[1]!.info).toMatchObject({ kind: 'hook', codeAddress: 0x04n, depth: 1 });
      expect(rec.frames[1]!.close?.outcome).toBe('success');
    });

    it('0x04 identity: RETURNDATA keeps the input after the caller overwrites its memory', () => {
      const x = (1n << 256n) / 3n;
      const code = asm()
        .mstore(0, x)
        .push(0) // outSize
        .push(0) // outOffset
        .push(32) // inSize
        .push(0) // inOffset
        .push(0x04)
        .push(1000)
        .op('STATICCALL', 'POP')
        .mstore(0, 5n) // the input's memory changes after the call
        .push(32)
        .push(0)
        .push(32)
        .op('RETURNDATACOPY')
        .ret(32, 32)
        .toBytes();
      const { env } = setup(profile, [[A, { code }]]);
      const out = callFromEoa(env, A, BIG);
      expect(out.status).toBe('success');
      expect(bytesToBigInt(out.returnData)).toBe(x);
    });

    it('0x04 identity entry call from an EOA returns the calldata', () => {
      const { env } = setup(profile, []);
      const out = callFromEoa(env, 0x04n, 100_000n, { calldata: INPUT40 });
      expect(out.status).toBe('success');
      expect(Array.from(out.returnData)).toEqual(Array.from(INPUT40));
      expect(out.gasLeft).toBe(100_000n - 21n);
    });

    it.each([
      {
        name: '0x06 ecAdd with a point off the curve',
        target: 0x06n,
        gas: 10_000n,
        input: Uint8Array.from([...bigIntToBytes(1n, 32), ...bigIntToBytes(1n, 32), ...new Array<number>(64).fill(0)]),
      },
      { name: '0x04 identity with too little gas (20 < 21)', target: 0x04n, gas: 20n, input: INPUT40 },
    ])('failure burns all forwarded gas: $name', ({ target, gas, input }) => {
      const c = caller(target, { gas, inOff: IN_AT, inSize: input.length, outOff: OUT, outSize: 32 }, input);
      const { env, rec } = setup(profile, [[A, { code: c.code }]]);
      const p = readProbe(callFromEoa(env, A, BIG));
      expect(p.result).toBe(0n);
      expect(p.rdSize).toBe(0n);
      expect(p.diff).toBe(c.pushes + WARM + gas + 2n);
      expect(p.memory.subarray(OUT, OUT + 32).every((b) => b === 0xff)).toBe(true);
      expect(rec.frames[1]!.close?.outcome).toBe('halt');
    });
  },
);

// The frame chart (machines/frame.machine.ts): a hook frame takes `frame.run` (→ running) and `ee.end`
// (→ finishing) like an EVM frame; the RunObserver should see those states too.
describe.each([ethereum, zksync])('hook frame states as the observer sees them, profile $name', (profile: Profile) => {
  it('a precompile frame reports preparing → running → finishing → success', () => {
    const { env, rec } = setup(profile, []);
    callFromEoa(env, 0x04n, 100_000n, { calldata: INPUT40 });
    expect(rec.frames[0]!.states).toEqual(['preparing', 'running', 'finishing', 'success']);
  });
});

// Brief §2.3 step 3 / §9: transfer → EOA shortcut → depth check. In zksync a call to a code-less account
// from depth 1024 (callee depth 1025) succeeds; Ethereum fails every call beyond depth 1024.
describe.each([ethereum, zksync])('EOA shortcut before the depth check, profile $name', (profile: Profile) => {
  it('depth-1024 frame calls a code-less account: zksync 1, ethereum 0', () => {
    const R = 0x7ec0000000000000000000000000000000000002n;
    const { env, world } = setup(profile, [
      [R, { code: recursor(R, 'CALL', { store: true, alsoCall: EMPTY_ADDR }).toBytes() }],
    ]);
    const out = callFromEoa(env, R, 10n ** 15n, { calldata: depthCalldata(0) });
    expect(out.status).toBe('success');
    expect(bytesToBigInt(out.returnData)).toBe(1024n);
    expect(world.sload(R, 1024n)).toBe(1n); // the recursive call to code at depth 1025 fails in both
    expect(world.sload(R, 1023n)).toBe(2n);
    const flagAt1024 = world.sload(R, SLOT_ALSO + 1024n) - 1n;
    expect(flagAt1024).toBe(profile === zksync ? 1n : 0n);
    expect(world.sload(R, SLOT_ALSO + 1023n)).toBe(2n); // depth 1024 callee: fine in both
  });
});
