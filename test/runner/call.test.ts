// Brief §2.3/§2.4 (failure table for calls, EVM caller) and §10.1-6: what the calling frame sees for
// each row, measured from inside the caller (GAS before and after the CALL) and with a RunObserver.
// The rows behave the same in both profiles (all addresses are ≥ 0x10000); each table states it.
import { describe, expect, it } from 'vitest';
import { ethereum, zksync } from '../../src/profiles/index.js';
import type { Profile } from '../../src/profiles/types.js';
import type { AccountInit } from '../../src/system/world.js';
import type { Address } from '../../src/ee/types.js';
import { asm, type Asm } from '../helpers/bytecode.js';
import { bytesToBigInt } from '../../src/crypto/bytes.js';
import {
  A,
  B,
  EMPTY_ADDR,
  EOA,
  MAX_WORD,
  OUT,
  SLOT_DIFF,
  callFromEoa,
  depthCalldata,
  probe,
  pushCall,
  readProbe,
  recursor,
  recursorDiffWhenRefused,
  setup,
  allBut64th,
  type CallArgs,
  type CallOpName,
} from './helpers.js';

const COLD = 2600n;
const CALLVALUE = 9000n;
const NEWACCOUNT = 25000n;
const STIPEND = 2300n;
/** One GAS after the call. */
const G = 2n;
const BIG = 10_000_000n;

/** sstore(1,1) = 22106; mstore(0,v) = 12; revert/return(0,32) = 6. */
const USED_22124 = 22124n;
const bRevert = asm().sstore(1, 1).mstore(0, 0xdeadn).revert(0, 32);
const bOk = asm().sstore(1, 1).mstore(0, 0xbeefn).ret(0, 32);
const bInvalid = asm().op('INVALID');
/** Returns [GAS at entry, CALLVALUE, ADDRESS, CALLER]; costs 50 gas. */
const bEnv = asm()
  .op('GAS')
  .push(0)
  .op('MSTORE')
  .op('CALLVALUE')
  .push(32)
  .op('MSTORE')
  .op('ADDRESS')
  .push(64)
  .op('MSTORE')
  .op('CALLER')
  .push(96)
  .op('MSTORE')
  .ret(0, 128);
const B_ENV_USED = 50n;
const DATA40 = Uint8Array.from({ length: 40 }, (_, i) => i + 1);
const bData40 = (() => {
  const a = asm();
  const w0 = bytesToBigInt(DATA40.subarray(0, 32));
  const w1 = bytesToBigInt(Uint8Array.from([...DATA40.subarray(32, 40), ...new Array<number>(24).fill(0)]));
  return a.push(w0).push(0).op('MSTORE').push(w1).push(32).op('MSTORE').ret(0, 40);
})();

const code = (a: Asm) => a.toBytes();

function probeCaller(op: CallOpName, target: Address, args: CallArgs): { code: Uint8Array; pushes: bigint } {
  let pushes = 0;
  const c = probe((a) => {
    pushes = pushCall(a, op, target, args);
  });
  return { code: c.toBytes(), pushes: BigInt(pushes) * 3n };
}

interface Row {
  name: string;
  op?: CallOpName;
  target: Address;
  args: CallArgs;
  /** Caller balance (default 1000). */
  callerBalance?: bigint;
  /** Value of the entry call EOA → A. */
  entryValue?: bigint;
  accounts: [Address, AccountInit][];
  /** The row's expectation, the same in both profiles unless a profile entry overrides it. */
  expect: {
    flag: bigint;
    /**
     * Caller gas for the call, excluding the args pushes and the trailing GAS. A value call's stipend is
     * added to the callee for free and what is left of it comes back, so unused stipend shows as −2300.
     */
    cost: bigint | ((g1: bigint, pushes: bigint) => bigint);
    returnData?: string;
    balances?: [Address, bigint][];
    storage?: [Address, bigint, bigint][];
    /** The callee frame's outcome and chart states; null: no frame opened. */
    frame: { outcome: 'success' | 'revert' | 'halt'; states: string[] } | null;
    exists?: [Address, boolean][];
  };
}

const ANSWERED_REVERT = { outcome: 'revert' as const, states: ['preparing', 'finishing', 'revert'] };
const ANSWERED_OK = { outcome: 'success' as const, states: ['preparing', 'finishing', 'success'] };
const RAN = (outcome: 'success' | 'revert' | 'halt') => ({
  outcome,
  states: ['preparing', 'running', 'finishing', outcome],
});
const hexWord = (v: bigint) => '0x' + v.toString(16).padStart(64, '0');
const hexWords = (vs: bigint[]) => '0x' + vs.map((v) => hexWord(v).slice(2)).join('');

const rows: Row[] = [
  {
    name: 'insufficient balance for value (callee has code): push 0, value not moved, all passed gas incl. stipend returned',
    target: B,
    args: { value: 10n, gas: 50_000n },
    callerBalance: 5n,
    accounts: [[B, { code: code(bOk) }]],
    expect: {
      flag: 0n,
      cost: COLD + CALLVALUE - STIPEND,
      returnData: '0x',
      balances: [
        [A, 5n],
        [B, 0n],
      ],
      storage: [[B, 1n, 0n]],
      frame: ANSWERED_REVERT,
    },
  },
  {
    name: 'insufficient balance, empty callee: NEWACCOUNT still charged, passed gas returned, account not created',
    target: EMPTY_ADDR,
    args: { value: 10n, gas: 50_000n },
    callerBalance: 5n,
    accounts: [],
    expect: {
      flag: 0n,
      cost: COLD + CALLVALUE + NEWACCOUNT - STIPEND,
      returnData: '0x',
      balances: [[A, 5n]],
      frame: ANSWERED_REVERT,
      exists: [[EMPTY_ADDR, false]],
    },
  },
  {
    name: 'callee has no code (funded EOA): push 1, value moved, all passed gas returned',
    target: B,
    args: { value: 10n, gas: 50_000n },
    accounts: [[B, { balance: 1n }]],
    expect: {
      flag: 1n,
      cost: COLD + CALLVALUE - STIPEND,
      returnData: '0x',
      balances: [
        [A, 990n],
        [B, 11n],
      ],
      frame: ANSWERED_OK,
    },
  },
  {
    name: 'callee has no code and is empty: NEWACCOUNT, push 1, account created with the value',
    target: EMPTY_ADDR,
    args: { value: 10n, gas: 50_000n },
    accounts: [],
    expect: {
      flag: 1n,
      cost: COLD + CALLVALUE + NEWACCOUNT - STIPEND,
      returnData: '0x',
      balances: [
        [A, 990n],
        [EMPTY_ADDR, 10n],
      ],
      frame: ANSWERED_OK,
    },
  },
  {
    name: 'callee has no code, no value: push 1, only the access is paid',
    target: EMPTY_ADDR,
    args: { gas: 50_000n },
    accounts: [],
    expect: { flag: 1n, cost: COLD, returnData: '0x', frame: ANSWERED_OK },
  },
  {
    name: 'callee reverts: push 0, returndata = revert data, its storage write and the value rolled back',
    target: B,
    args: { value: 10n, gas: 50_000n, outOff: OUT, outSize: 32 },
    accounts: [[B, { code: code(bRevert) }]],
    expect: {
      flag: 0n,
      cost: COLD + CALLVALUE + USED_22124 - STIPEND,
      returnData: hexWord(0xdeadn),
      balances: [
        [A, 1000n],
        [B, 0n],
      ],
      storage: [[B, 1n, 0n]],
      frame: RAN('revert'),
    },
  },
  {
    name: 'callee halts (INVALID): push 0, empty returndata, the forwarded gas and stipend burned',
    target: B,
    args: { value: 10n, gas: 10_000n },
    accounts: [[B, { code: code(bInvalid) }]],
    expect: {
      flag: 0n,
      cost: COLD + CALLVALUE + 10_000n,
      returnData: '0x',
      balances: [
        [A, 1000n],
        [B, 0n],
      ],
      frame: RAN('halt'),
    },
  },
  {
    name: 'callee halts without value: the forwarded gas burned, no stipend',
    target: B,
    args: { gas: 10_000n },
    accounts: [[B, { code: code(bInvalid) }]],
    expect: { flag: 0n, cost: COLD + 10_000n, returnData: '0x', frame: RAN('halt') },
  },
  {
    name: 'callee succeeds: push 1, returndata, storage and value kept, leftover returned',
    target: B,
    args: { value: 10n, gas: 50_000n },
    accounts: [[B, { code: code(bOk) }]],
    expect: {
      flag: 1n,
      cost: COLD + CALLVALUE + USED_22124 - STIPEND,
      returnData: hexWord(0xbeefn),
      balances: [
        [A, 990n],
        [B, 10n],
      ],
      storage: [[B, 1n, 1n]],
      frame: RAN('success'),
    },
  },
  // Stipend rules (brief §10.6).
  {
    name: 'CALL with value: callee gets requested + 2300 stipend',
    target: B,
    args: { value: 10n, gas: 5000n, outOff: OUT, outSize: 64 },
    accounts: [[B, { code: code(bEnv) }]],
    expect: {
      flag: 1n,
      cost: COLD + CALLVALUE + B_ENV_USED - STIPEND,
      returnData: hexWords([5000n + STIPEND - 2n, 10n, B, A]),
      balances: [
        [A, 990n],
        [B, 10n],
      ],
      frame: RAN('success'),
    },
  },
  {
    name: 'CALL without value: callee gets exactly the requested gas, no stipend',
    target: B,
    args: { gas: 5000n },
    accounts: [[B, { code: code(bEnv) }]],
    expect: { flag: 1n, cost: COLD + B_ENV_USED, returnData: hexWords([5000n - 2n, 0n, B, A]), frame: RAN('success') },
  },
  {
    name: 'CALLCODE with value to an empty account: CALLVALUE but no NEWACCOUNT, self-transfer (balance unchanged)',
    op: 'CALLCODE',
    target: EMPTY_ADDR,
    args: { value: 10n, gas: 5000n },
    accounts: [],
    expect: {
      flag: 1n,
      cost: COLD + CALLVALUE - STIPEND,
      returnData: '0x',
      balances: [
        [A, 1000n],
        [EMPTY_ADDR, 0n],
      ],
      frame: ANSWERED_OK,
      exists: [[EMPTY_ADDR, false]],
    },
  },
  {
    name: 'CALLCODE with value to code: runs B’s code as A with requested + 2300, CALLVALUE = value',
    op: 'CALLCODE',
    target: B,
    args: { value: 10n, gas: 5000n },
    accounts: [[B, { code: code(bEnv) }]],
    expect: {
      flag: 1n,
      cost: COLD + CALLVALUE + B_ENV_USED - STIPEND,
      returnData: hexWords([5000n + STIPEND - 2n, 10n, A, A]),
      balances: [
        [A, 1000n],
        [B, 0n],
      ],
      frame: RAN('success'),
    },
  },
  {
    name: 'CALLCODE with value beyond the balance: push 0, passed gas and stipend returned',
    op: 'CALLCODE',
    target: B,
    args: { value: 2000n, gas: 5000n },
    accounts: [[B, { code: code(bEnv) }]],
    expect: {
      flag: 0n,
      cost: COLD + CALLVALUE - STIPEND,
      returnData: '0x',
      balances: [[A, 1000n]],
      frame: ANSWERED_REVERT,
    },
  },
  {
    name: 'DELEGATECALL: forwards the parent value (77) without transfer, no CALLVALUE charge, no stipend',
    op: 'DELEGATECALL',
    target: B,
    args: { gas: 5000n },
    entryValue: 77n,
    accounts: [[B, { code: code(bEnv) }]],
    expect: {
      flag: 1n,
      cost: COLD + B_ENV_USED,
      returnData: hexWords([5000n - 2n, 77n, A, EOA]),
      balances: [
        [A, 1077n],
        [B, 0n],
      ],
      frame: RAN('success'),
    },
  },
  {
    name: 'STATICCALL: value 0, no stipend',
    op: 'STATICCALL',
    target: B,
    args: { gas: 5000n },
    accounts: [[B, { code: code(bEnv) }]],
    expect: { flag: 1n, cost: COLD + B_ENV_USED, returnData: hexWords([5000n - 2n, 0n, B, A]), frame: RAN('success') },
  },
  // 63/64 (brief §4.4, §10.5): the callee's GAS equals all-but-one-64th of what is left after the charges.
  {
    name: '63/64: requesting 2^256-1 gas passes all but one 64th after access charges',
    target: B,
    args: { gas: MAX_WORD },
    accounts: [[B, { code: code(bEnv) }]],
    expect: { flag: 1n, cost: COLD + B_ENV_USED, frame: RAN('success') },
  },
  {
    name: '63/64 with value: all but one 64th after access + CALLVALUE, then + stipend',
    target: B,
    args: { gas: MAX_WORD, value: 1n },
    accounts: [[B, { code: code(bEnv) }]],
    expect: { flag: 1n, cost: COLD + CALLVALUE + B_ENV_USED - STIPEND, balances: [[B, 1n]], frame: RAN('success') },
  },
];

/** The callee's GAS (word 0 of bEnv's output) expected for the 63/64 rows. */
function expected6364(row: Row, g1: bigint, pushes: bigint): bigint {
  const atCall = g1 - pushes;
  const charges = COLD + (row.args.value ? CALLVALUE : 0n);
  return allBut64th(atCall - charges) + (row.args.value ? STIPEND : 0n) - 2n;
}

describe.each([ethereum, zksync])('CALL failure table (brief §2.4), profile $name', (profile: Profile) => {
  it.each(rows)('$name', (row) => {
    const op = row.op ?? 'CALL';
    const caller = probeCaller(op, row.target, row.args);
    const { env, world, rec } = setup(profile, [
      [A, { code: caller.code, balance: row.callerBalance ?? 1000n, nonce: 1n }],
      ...row.accounts,
    ]);
    const p = readProbe(callFromEoa(env, A, BIG, { value: row.entryValue ?? 0n }));
    const e = row.expect;
    expect(p.result).toBe(e.flag);
    const cost = typeof e.cost === 'function' ? e.cost(p.g1, caller.pushes) : e.cost;
    expect(p.diff).toBe(caller.pushes + cost + G);
    if (e.returnData !== undefined) expect('0x' + Buffer.from(p.returnData).toString('hex')).toBe(e.returnData);
    if (row.name.startsWith('63/64')) {
      expect(p.returnData.length).toBe(128);
      expect(bytesToBigInt(p.returnData.subarray(0, 32))).toBe(expected6364(row, p.g1, caller.pushes));
    }
    for (const [addr, bal] of e.balances ?? [])
      expect(world.getAccount(addr).balance, `balance of ${addr.toString(16)}`).toBe(bal);
    for (const [addr, slot, v] of e.storage ?? []) expect(world.sload(addr, slot)).toBe(v);
    for (const [addr, ex] of e.exists ?? []) expect(world.exists(addr)).toBe(ex);
    // Frames: the entry frame (A) and, unless none is opened, exactly one callee frame under it.
    expect(rec.frames[0]!.info.codeAddress).toBe(A);
    if (e.frame === null) expect(rec.frames).toHaveLength(1);
    else {
      expect(rec.frames).toHaveLength(2);
      const f = rec.frames[1]!;
      expect(f.parent).toBe(0);
      expect(f.info.codeAddress).toBe(row.target);
      expect(f.info.depth).toBe(1);
      expect(f.close?.outcome).toBe(e.frame.outcome);
      expect(f.states).toEqual(e.frame.states);
    }
  });
});

// Row 1 of the table: the caller cannot pay the access / CALLVALUE / NEWACCOUNT charge. The runner
// answers CallFailedToExecute without opening a callee frame and the *caller* frame fails (EVM OOG):
// all its gas is gone. One gas more and the callee frame opens.
interface ChargeRow {
  name: string;
  target: Address;
  value: bigint;
  accounts: [Address, AccountInit][];
  charge: bigint;
}
const chargeRows: ChargeRow[] = [
  { name: 'cold access (2600)', target: B, value: 0n, accounts: [[B, { code: code(asm().op('STOP')) }]], charge: COLD },
  {
    name: 'access + CALLVALUE (11600)',
    target: B,
    value: 1n,
    accounts: [[B, { code: code(asm().op('STOP')) }]],
    charge: COLD + CALLVALUE,
  },
  {
    name: 'access + CALLVALUE + NEWACCOUNT (36600)',
    target: EMPTY_ADDR,
    value: 1n,
    accounts: [],
    charge: COLD + CALLVALUE + NEWACCOUNT,
  },
];

describe.each([ethereum, zksync])(
  'CALL charges the caller cannot pay, profile $name (same in both)',
  (profile: Profile) => {
    // A: 7 pushes (21 gas) then CALL with gas argument 0, then STOP.
    const callerCode = (target: Address, value: bigint) => asm().call(target, { gas: 0, value }).op('STOP').toBytes();

    it.each(chargeRows)('$name − 1: caller frame halts, the callee frame is refused in preparation', (row) => {
      const { env, world, rec } = setup(profile, [
        [A, { code: callerCode(row.target, row.value), balance: 100n }],
        ...row.accounts,
      ]);
      const out = callFromEoa(env, A, 21n + row.charge - 1n);
      expect(out.status).not.toBe('success');
      expect(out.gasLeft).toBe(0n);
      expect(out.returnData.length).toBe(0);
      // The callee's frame actor exists from before the charges: preparing → finishing → halt, with the reason.
      expect(rec.frames).toHaveLength(2);
      expect(rec.frames[1]!.states).toEqual(['preparing', 'finishing', 'halt']);
      expect(rec.frames[1]!.close).toMatchObject({ outcome: 'halt', reason: 'CallFailedToExecute', gasUsed: 0 });
      expect(rec.frames[1]!.info.gas).toBe(0);
      expect(rec.frames[0]!.close).toMatchObject({
        outcome: 'halt',
        haltReason: 'CallFailedToExecute',
        reverted: true,
      });
      expect(world.getAccount(A).balance).toBe(100n);
    });

    it.each(chargeRows)('$name exactly: the callee frame opens; passed 0 (+ stipend, returned)', (row) => {
      const { env, world, rec } = setup(profile, [
        [A, { code: callerCode(row.target, row.value), balance: 100n }],
        ...row.accounts,
      ]);
      const out = callFromEoa(env, A, 21n + row.charge);
      expect(out.status).toBe('success');
      // Nothing left to forward; a value call's 2300 stipend comes back unused to the caller.
      expect(out.gasLeft).toBe(row.value !== 0n ? STIPEND : 0n);
      expect(rec.frames).toHaveLength(2);
      expect(rec.frames[1]!.info.codeAddress).toBe(row.target);
      expect(rec.frames[1]!.info.gas).toBe(row.value !== 0n ? 2300 : 0);
      expect(world.getAccount(row.target).balance).toBe(row.value);
    });
  },
);

// Return data: min(len, outLen) bytes copied into the out range, the rest of it untouched;
// RETURNDATASIZE is the whole output.
describe.each([ethereum, zksync])('return data copy, profile $name (same in both)', (profile: Profile) => {
  it.each([
    { outSize: 8, copied: 8 },
    { outSize: 40, copied: 40 },
    { outSize: 64, copied: 40 },
    { outSize: 0, copied: 0 },
  ])('callee returns 40 bytes, outSize $outSize → $copied bytes copied, RETURNDATASIZE 40', ({ outSize, copied }) => {
    const caller = probeCaller('CALL', B, { gas: 50_000n, outOff: OUT, outSize });
    const { env } = setup(profile, [
      [A, { code: caller.code }],
      [B, { code: code(bData40) }],
    ]);
    const p = readProbe(callFromEoa(env, A, BIG));
    expect(p.result).toBe(1n);
    expect(p.rdSize).toBe(40n);
    expect(Array.from(p.returnData)).toEqual(Array.from(DATA40));
    const area = p.memory.subarray(OUT, OUT + 64);
    expect(Array.from(area.subarray(0, copied))).toEqual(Array.from(DATA40.subarray(0, copied)));
    expect(area.subarray(copied).every((b) => b === 0xff)).toBe(true); // pre-filled ones survive
  });
});

// Row "depth > 1024 (callee has code)": the 1025th nested call is answered with 0 and the caller gets
// back everything it passed (only the warm access, 100, is spent).
describe.each([ethereum, zksync])(
  'CALL beyond depth 1024 to code, profile $name (same in both)',
  (profile: Profile) => {
    it('the frame at depth 1024 sees 0 and keeps all passed gas', () => {
      const R = 0x7ec0000000000000000000000000000000000001n;
      const { env, world } = setup(profile, [[R, { code: recursor(R, 'CALL', { store: true }).toBytes() }]]);
      const out = callFromEoa(env, R, 10n ** 15n, { calldata: depthCalldata(0) });
      expect(out.status).toBe('success');
      expect(bytesToBigInt(out.returnData)).toBe(1024n);
      expect(world.sload(R, 1024n)).toBe(1n); // flag 0 at depth 1024
      expect(world.sload(R, 1023n)).toBe(2n); // flag 1 at depth 1023
      expect(world.sload(R, 1025n)).toBe(0n); // depth 1025 never ran
      expect(world.sload(R, SLOT_DIFF + 1024n)).toBe(recursorDiffWhenRefused('CALL'));
    });
  },
);
