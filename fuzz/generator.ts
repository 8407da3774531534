// fast-check generator of random but meaningful EVM programs and transactions. A program is a list of
// stack-neutral snippets (so that it keeps executing instead of underflowing at the first opcode) and a
// terminator. Contracts C0..C3 may call contracts of a higher index only (a DAG: the frame count stays
// small), plus precompiles, the sender, an existing EOA, a nonexistent address and themselves by
// DELEGATECALL/CALLCODE-free routes; nested CREATE/CREATE2 carry their own generated init and runtime code.
// Everything is generated as a structure (shrinkable by fast-check) and compiled to bytecode.
import fc from 'fast-check';
import { addrHex, asm, qty, toHex, type Asm, type OpName } from './asm.js';
import { COINBASE, SENDER, type FuzzAccount, type FuzzCase } from './harness.js';
import { U256_MAX } from '../src/encoding/limits.js';

export const CONTRACTS: readonly bigint[] = [0n, 1n, 2n, 3n].map(
  (i) => 0xc0de000000000000000000000000000000000000n + i,
);
export const EOA = 0xe0a0000000000000000000000000000000000001n;
export const NOBODY = 0xdead000000000000000000000000000000000000n;

/** Edge values the issue asks for, plus their neighbours and a few shift/byte boundaries. */
const edgeValue: fc.Arbitrary<bigint> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      0n,
      1n,
      2n,
      31n,
      32n,
      255n,
      256n,
      1n << 255n,
      (1n << 255n) - 1n,
      U256_MAX,
      U256_MAX - 1n,
      1n << 128n,
      1n << 64n,
    ),
  },
  { weight: 2, arbitrary: fc.bigInt({ min: 0n, max: 300n }) },
  { weight: 2, arbitrary: fc.bigInt({ min: 0n, max: U256_MAX }) },
);

const smallSlot = fc.bigInt({ min: 0n, max: 3n });
const memOffset: fc.Arbitrary<bigint> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(0n, 1n, 31n, 32n, 64n, 100n, 256n) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(1n << 12n, 1n << 16n, 100_000n, 1n << 20n, 1n << 32n, (1n << 64n) - 1n, U256_MAX),
  },
);
const memLength: fc.Arbitrary<bigint> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(0n, 1n, 20n, 32n, 33n, 64n, 128n, 200n) },
  { weight: 1, arbitrary: fc.constantFrom(1n << 12n, 1n << 16n, 1n << 20n, 1n << 32n, U256_MAX) },
);

export type Sink =
  | { k: 'pop' }
  | { k: 'sstore'; slot: bigint }
  | { k: 'mstore'; off: bigint }
  | { k: 'tstore'; slot: bigint };
const sink: fc.Arbitrary<Sink> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ k: 'pop' as const }) },
  { weight: 4, arbitrary: smallSlot.map((slot) => ({ k: 'sstore' as const, slot })) },
  { weight: 1, arbitrary: fc.constantFrom(0n, 32n, 64n).map((off) => ({ k: 'mstore' as const, off })) },
  { weight: 1, arbitrary: smallSlot.map((slot) => ({ k: 'tstore' as const, slot })) },
);

/** Who a call, BALANCE, SELFDESTRUCT… names. */
export type Target =
  | { k: 'contract'; i: number }
  | { k: 'precompile'; n: number }
  | { k: 'sender' }
  | { k: 'eoa' }
  | { k: 'nobody'; n: number }
  | { k: 'self' }
  | { k: 'caller' }
  | { k: 'coinbase' };

function target(minContract: number): fc.Arbitrary<Target> {
  const arbs: fc.WeightedArbitrary<Target>[] = [
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 10 }).map((n) => ({ k: 'precompile' as const, n })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Target>(
        { k: 'sender' },
        { k: 'eoa' },
        { k: 'self' },
        { k: 'caller' },
        { k: 'coinbase' },
      ),
    },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 }).map((n) => ({ k: 'nobody' as const, n })) },
  ];
  if (minContract < CONTRACTS.length) {
    arbs.push({
      weight: 6,
      arbitrary: fc
        .integer({ min: minContract, max: CONTRACTS.length - 1 })
        .map((i) => ({ k: 'contract' as const, i })),
    });
  }
  return fc.oneof(...arbs);
}

const BIN_OPS = [
  'ADD',
  'MUL',
  'SUB',
  'DIV',
  'SDIV',
  'MOD',
  'SMOD',
  'EXP',
  'SIGNEXTEND',
  'LT',
  'GT',
  'SLT',
  'SGT',
  'EQ',
  'AND',
  'OR',
  'XOR',
  'BYTE',
  'SHL',
  'SHR',
  'SAR',
  'KECCAK256',
] as const;
const ENV0 = [
  'ADDRESS',
  'ORIGIN',
  'CALLER',
  'CALLVALUE',
  'CALLDATASIZE',
  'CODESIZE',
  'GASPRICE',
  'RETURNDATASIZE',
  'COINBASE',
  'TIMESTAMP',
  'NUMBER',
  'PREVRANDAO',
  'GASLIMIT',
  'CHAINID',
  'SELFBALANCE',
  'BASEFEE',
  'BLOBBASEFEE',
  'PC',
  'MSIZE',
  'GAS',
] as const;
const CALL_OPS = ['CALL', 'CALLCODE', 'DELEGATECALL', 'STATICCALL'] as const;

export type Snip =
  | { k: 'bin'; op: (typeof BIN_OPS)[number]; a: bigint; b: bigint; sink: Sink }
  | { k: 'tern'; op: 'ADDMOD' | 'MULMOD'; a: bigint; b: bigint; c: bigint; sink: Sink }
  | { k: 'un'; op: 'ISZERO' | 'NOT' | 'CALLDATALOAD' | 'BLOCKHASH' | 'BLOBHASH' | 'MLOAD'; a: bigint; sink: Sink }
  | { k: 'env'; op: (typeof ENV0)[number]; sink: Sink }
  | { k: 'acct'; op: 'BALANCE' | 'EXTCODESIZE' | 'EXTCODEHASH'; who: Target; sink: Sink }
  | { k: 'mstore'; op: 'MSTORE' | 'MSTORE8'; off: bigint; val: bigint }
  | {
      k: 'copy';
      op: 'CALLDATACOPY' | 'CODECOPY' | 'RETURNDATACOPY' | 'MCOPY' | 'EXTCODECOPY';
      dst: bigint;
      src: bigint;
      len: bigint;
      who: Target;
    }
  | { k: 'sstore'; transient: boolean; slot: bigint; val: bigint }
  | { k: 'sload'; transient: boolean; slot: bigint; sink: Sink }
  | { k: 'log'; n: number; off: bigint; len: bigint; topics: bigint[] }
  | {
      k: 'call';
      op: (typeof CALL_OPS)[number];
      gas: bigint | 'all';
      to: Target;
      value: bigint;
      input: bigint[];
      argOff: bigint;
      argLen: bigint;
      retOff: bigint;
      retLen: bigint;
      sink: Sink;
    }
  | {
      k: 'create';
      op: 'CREATE' | 'CREATE2';
      value: bigint;
      salt: bigint;
      init: Program;
      callAfter: boolean;
      sink: Sink;
    }
  | { k: 'jump'; cond: bigint | null; skipped: Snip[] }
  | { k: 'badjump'; dest: bigint; cond: bigint | null }
  | { k: 'loop'; n: number; body: Snip[] };

export type Term =
  | { k: 'stop' }
  | { k: 'fall' }
  | { k: 'return'; off: bigint; len: bigint }
  | { k: 'revert'; off: bigint; len: bigint }
  | { k: 'invalid' }
  | { k: 'undefined' }
  | { k: 'selfdestruct'; to: Target }
  | { k: 'deploy'; code: Program; ef: boolean };

export interface Program {
  body: Snip[];
  end: Term;
}

const callValue = fc.oneof(
  { weight: 4, arbitrary: fc.constant(0n) },
  { weight: 2, arbitrary: fc.constantFrom(1n, 1000n) },
  { weight: 1, arbitrary: fc.constantFrom(10n ** 18n, U256_MAX) },
);
const callGas: fc.Arbitrary<bigint | 'all'> = fc.oneof(
  { weight: 4, arbitrary: fc.constant('all' as const) },
  { weight: 3, arbitrary: fc.constantFrom(0n, 1n, 100n, 2300n, 5000n, 20_000n, 60_000n, 200_000n) },
  { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 100_000n }) },
  { weight: 1, arbitrary: fc.constant(U256_MAX) },
);

function term(level: number, owner: number, initcode: boolean): fc.Arbitrary<Term> {
  const tgt = target(0);
  const arbs: fc.WeightedArbitrary<Term>[] = [
    { weight: 3, arbitrary: fc.constant({ k: 'stop' as const }) },
    { weight: 1, arbitrary: fc.constant({ k: 'fall' as const }) },
    { weight: 3, arbitrary: fc.record({ k: fc.constant('return' as const), off: memOffset, len: memLength }) },
    { weight: 2, arbitrary: fc.record({ k: fc.constant('revert' as const), off: memOffset, len: memLength }) },
    { weight: 1, arbitrary: fc.constantFrom({ k: 'invalid' as const }, { k: 'undefined' as const }) },
    { weight: 1, arbitrary: tgt.map((to) => ({ k: 'selfdestruct' as const, to })) },
  ];
  if (initcode) {
    const ef = fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });
    arbs.push({
      weight: 10,
      arbitrary: fc.record({
        k: fc.constant('deploy' as const),
        code: program(Math.max(0, level - 1), owner, false),
        ef,
      }),
    });
  }
  return fc.oneof(...arbs);
}

function snippet(level: number, owner: number): fc.Arbitrary<Snip> {
  const tgt = target(owner + 1);
  const arbs: fc.WeightedArbitrary<Snip>[] = [
    {
      weight: 6,
      arbitrary: fc.record({
        k: fc.constant('bin' as const),
        op: fc.constantFrom(...BIN_OPS),
        a: edgeValue,
        b: edgeValue,
        sink,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        k: fc.constant('tern' as const),
        op: fc.constantFrom('ADDMOD' as const, 'MULMOD' as const),
        a: edgeValue,
        b: edgeValue,
        c: edgeValue,
        sink,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        k: fc.constant('un' as const),
        op: fc.constantFrom(
          'ISZERO' as const,
          'NOT' as const,
          'CALLDATALOAD' as const,
          'BLOCKHASH' as const,
          'BLOBHASH' as const,
          'MLOAD' as const,
        ),
        a: fc.oneof(edgeValue, memOffset),
        sink,
      }),
    },
    { weight: 3, arbitrary: fc.record({ k: fc.constant('env' as const), op: fc.constantFrom(...ENV0), sink }) },
    {
      weight: 2,
      arbitrary: fc.record({
        k: fc.constant('acct' as const),
        op: fc.constantFrom('BALANCE' as const, 'EXTCODESIZE' as const, 'EXTCODEHASH' as const),
        who: target(0),
        sink,
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        k: fc.constant('mstore' as const),
        op: fc.constantFrom('MSTORE' as const, 'MSTORE8' as const),
        off: memOffset,
        val: edgeValue,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        k: fc.constant('copy' as const),
        op: fc.constantFrom(
          'CALLDATACOPY' as const,
          'CODECOPY' as const,
          'RETURNDATACOPY' as const,
          'MCOPY' as const,
          'EXTCODECOPY' as const,
        ),
        dst: memOffset,
        src: memOffset,
        len: memLength,
        who: target(0),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        k: fc.constant('sstore' as const),
        transient: fc.boolean(),
        slot: smallSlot,
        val: edgeValue,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ k: fc.constant('sload' as const), transient: fc.boolean(), slot: smallSlot, sink }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        k: fc.constant('log' as const),
        n: fc.integer({ min: 0, max: 4 }),
        off: memOffset,
        len: memLength,
        topics: fc.array(edgeValue, { minLength: 4, maxLength: 4 }),
      }),
    },
    {
      weight: 6,
      arbitrary: fc.record({
        k: fc.constant('call' as const),
        op: fc.constantFrom(...CALL_OPS),
        gas: callGas,
        to: tgt,
        value: callValue,
        input: fc.array(edgeValue, { maxLength: 6 }),
        argOff: fc.oneof({ weight: 6, arbitrary: fc.constant(0n) }, { weight: 1, arbitrary: memOffset }),
        argLen: fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(0n, 32n, 64n, 96n, 128n, 192n) },
          { weight: 1, arbitrary: memLength },
        ),
        retOff: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(0n, 32n, 64n) }, { weight: 1, arbitrary: memOffset }),
        retLen: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(0n, 32n, 64n) }, { weight: 1, arbitrary: memLength }),
        sink,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        k: fc.constant('badjump' as const),
        dest: fc.constantFrom(0n, 1n, 3n, 0xffffn, U256_MAX),
        cond: fc.option(edgeValue, { nil: null }),
      }),
    },
  ];
  if (level > 0) {
    const inner = fc.array(snippet(level - 1, owner), { maxLength: 3 });
    arbs.push(
      {
        weight: 3,
        arbitrary: fc.record({
          k: fc.constant('create' as const),
          op: fc.constantFrom('CREATE' as const, 'CREATE2' as const),
          value: callValue,
          salt: fc.constantFrom(0n, 1n, U256_MAX),
          init: program(level - 1, owner, true),
          callAfter: fc.boolean(),
          sink,
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          k: fc.constant('jump' as const),
          cond: fc.option(edgeValue, { nil: null }),
          skipped: inner,
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({ k: fc.constant('loop' as const), n: fc.integer({ min: 1, max: 4 }), body: inner }),
      },
    );
  }
  return fc.oneof(...arbs);
}

/** A program of `level` nesting (creates/jumps/loops nest one level less) run by contract `owner`. */
export function program(level: number, owner: number, initcode = false): fc.Arbitrary<Program> {
  return fc.record({
    body: fc.array(snippet(level, owner), { maxLength: level >= 2 ? 8 : 4 }),
    end: term(level, owner, initcode),
  });
}

// ---- compilation ----

function targetAddress(a: Asm, t: Target): void {
  switch (t.k) {
    case 'contract':
      a.push(CONTRACTS[t.i]!);
      break;
    case 'precompile':
      a.push(t.n);
      break;
    case 'sender':
      a.push(SENDER);
      break;
    case 'eoa':
      a.push(EOA);
      break;
    case 'nobody':
      a.push(NOBODY + BigInt(t.n));
      break;
    case 'self':
      a.op('ADDRESS');
      break;
    case 'caller':
      a.op('CALLER');
      break;
    case 'coinbase':
      a.op('COINBASE');
      break;
  }
}

function emitSink(a: Asm, s: Sink): void {
  if (s.k === 'pop') a.op('POP');
  else if (s.k === 'sstore') a.push(s.slot).op('SSTORE');
  else if (s.k === 'tstore') a.push(s.slot).op('TSTORE');
  else a.push(s.off).op('MSTORE');
}

/** Memory area where initcode is assembled (away from the call argument/return area). */
const INIT_AREA = 0x400;

function emitSnip(a: Asm, s: Snip): void {
  switch (s.k) {
    case 'bin':
      a.push(s.b)
        .push(s.a)
        .op(s.op as OpName);
      emitSink(a, s.sink);
      return;
    case 'tern':
      a.push(s.c).push(s.b).push(s.a).op(s.op);
      emitSink(a, s.sink);
      return;
    case 'un':
      a.push(s.a).op(s.op);
      emitSink(a, s.sink);
      return;
    case 'env':
      a.op(s.op);
      emitSink(a, s.sink);
      return;
    case 'acct':
      targetAddress(a, s.who);
      a.op(s.op);
      emitSink(a, s.sink);
      return;
    case 'mstore':
      a.push(s.val).push(s.off).op(s.op);
      return;
    case 'copy':
      a.push(s.len).push(s.src).push(s.dst);
      if (s.op === 'EXTCODECOPY') targetAddress(a, s.who);
      a.op(s.op);
      return;
    case 'sstore':
      a.push(s.val)
        .push(s.slot)
        .op(s.transient ? 'TSTORE' : 'SSTORE');
      return;
    case 'sload':
      a.push(s.slot).op(s.transient ? 'TLOAD' : 'SLOAD');
      emitSink(a, s.sink);
      return;
    case 'log':
      for (let i = s.n - 1; i >= 0; i--) a.push(s.topics[i] ?? 0n);
      a.push(s.len)
        .push(s.off)
        .raw(0xa0 + s.n);
      return;
    case 'call': {
      s.input.forEach((w, i) => {
        a.push(w)
          .push(BigInt(i * 32))
          .op('MSTORE');
      });
      a.push(s.retLen).push(s.retOff).push(s.argLen).push(s.argOff);
      if (s.op === 'CALL' || s.op === 'CALLCODE') a.push(s.value);
      targetAddress(a, s.to);
      if (s.gas === 'all') a.op('GAS');
      else a.push(s.gas);
      a.op(s.op);
      emitSink(a, s.sink);
      return;
    }
    case 'create': {
      const init = compileProgram(s.init);
      a.storeBytes(init, INIT_AREA);
      if (s.op === 'CREATE2') a.push(s.salt);
      a.push(init.length).push(INIT_AREA).push(s.value).op(s.op);
      if (s.callAfter) {
        a.push(0).push(0).push(0).push(0).push(0).dup(6).op('GAS', 'CALL');
        emitSink(a, s.sink);
        a.op('POP');
      } else emitSink(a, s.sink);
      return;
    }
    case 'jump': {
      const l = a.fresh();
      if (s.cond === null) a.pushLabel(l).op('JUMP');
      else a.push(s.cond).pushLabel(l).op('JUMPI');
      for (const x of s.skipped) emitSnip(a, x);
      a.label(l);
      return;
    }
    case 'badjump':
      if (s.cond === null) a.push(s.dest).op('JUMP');
      else a.push(s.cond).push(s.dest).op('JUMPI');
      return;
    case 'loop': {
      const l = a.fresh();
      a.push(s.n).label(l);
      for (const x of s.body) emitSnip(a, x);
      a.push(1).swap(1).op('SUB').dup(1).pushLabel(l).op('JUMPI', 'POP');
      return;
    }
  }
}

export function compileProgram(p: Program): Uint8Array {
  const a = asm();
  for (const s of p.body) emitSnip(a, s);
  const e = p.end;
  switch (e.k) {
    case 'stop':
      a.op('STOP');
      break;
    case 'fall':
      break;
    case 'return':
    case 'revert':
      a.push(e.len)
        .push(e.off)
        .op(e.k === 'return' ? 'RETURN' : 'REVERT');
      break;
    case 'invalid':
      a.op('INVALID');
      break;
    case 'undefined':
      a.raw(0x0c);
      break;
    case 'selfdestruct':
      targetAddress(a, e.to);
      a.op('SELFDESTRUCT');
      break;
    case 'deploy': {
      const code = compileProgram(e.code);
      const bytes = e.ef ? Uint8Array.from([0xef, ...code]) : code;
      a.storeBytes(bytes, 0);
      a.push(bytes.length).push(0).op('RETURN');
      break;
    }
  }
  return a.toBytes();
}

// ---- whole cases ----

export interface CaseSpec {
  contracts: { program: Program; balance: bigint; nonce: bigint; storage: [bigint, bigint][] }[];
  tx:
    | { k: 'call'; to: Target; value: bigint; data: bigint[]; gasLimit: bigint; type: 0 | 2 }
    | { k: 'create'; init: Program; value: bigint; gasLimit: bigint; type: 0 | 2 };
  senderNonce: bigint;
}

const gasLimit = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(21_000n, 21_500n, 23_000n, 30_000n, 53_000n, 60_000n, 100_000n, 300_000n, 1_000_000n),
  },
  { weight: 3, arbitrary: fc.bigInt({ min: 21_000n, max: 400_000n }) },
  { weight: 1, arbitrary: fc.bigInt({ min: 400_000n, max: 3_000_000n }) },
);

/** The case arbitrary: 4 contracts, a call (mostly to C0) or a creation. `level` bounds nesting. */
export function caseSpec(level = 2): fc.Arbitrary<CaseSpec> {
  const contract = (i: number) =>
    fc.record({
      program: program(level, i),
      balance: fc.constantFrom(0n, 1n, 10n ** 9n),
      nonce: fc.constantFrom(0n, 1n),
      storage: fc.array(fc.tuple(smallSlot, edgeValue), { maxLength: 3 }),
    });
  const txCall = fc.record({
    k: fc.constant('call' as const),
    to: fc.oneof(
      { weight: 8, arbitrary: fc.constant({ k: 'contract' as const, i: 0 }) },
      { weight: 2, arbitrary: target(1) },
    ),
    value: fc.constantFrom(0n, 1n, 10n ** 9n),
    data: fc.array(edgeValue, { maxLength: 3 }),
    gasLimit,
    type: fc.constantFrom(0 as const, 2 as const),
  });
  const txCreate = fc.record({
    k: fc.constant('create' as const),
    init: program(level, -1, true),
    value: fc.constantFrom(0n, 1n),
    gasLimit,
    type: fc.constantFrom(0 as const, 2 as const),
  });
  return fc.record({
    contracts: fc.tuple(contract(0), contract(1), contract(2), contract(3)),
    tx: fc.oneof({ weight: 5, arbitrary: txCall }, { weight: 1, arbitrary: txCreate }),
    senderNonce: fc.constantFrom(0n, 3n),
  });
}

function wordsBytes(words: readonly bigint[]): string {
  return '0x' + words.map((w) => w.toString(16).padStart(64, '0')).join('');
}

function staticAddress(t: Target): bigint | null {
  switch (t.k) {
    case 'contract':
      return CONTRACTS[t.i]!;
    case 'precompile':
      return BigInt(t.n);
    case 'sender':
      return SENDER;
    case 'eoa':
      return EOA;
    case 'nobody':
      return NOBODY + BigInt(t.n);
    case 'coinbase':
      return COINBASE;
    default:
      return CONTRACTS[0]!;
  }
}

/** Compiles a spec into a FuzzCase. */
export function buildCase(spec: CaseSpec): FuzzCase {
  const pre: Record<string, FuzzAccount> = {};
  pre[addrHex(SENDER)] = { balance: qty(10n ** 20n), nonce: qty(spec.senderNonce), code: '0x', storage: {} };
  pre[addrHex(EOA)] = { balance: qty(10n ** 9n), nonce: '0x0', code: '0x', storage: {} };
  spec.contracts.forEach((c, i) => {
    const storage: Record<string, string> = {};
    for (const [k, v] of c.storage) if (v !== 0n) storage[qty(k)] = qty(v);
    pre[addrHex(CONTRACTS[i]!)] = {
      balance: qty(c.balance),
      nonce: qty(c.nonce),
      code: toHex(compileProgram(c.program)),
      storage,
    };
  });
  const t = spec.tx;
  const common = { type: t.type, nonce: qty(spec.senderNonce), value: qty(t.value), gasLimit: qty(t.gasLimit) };
  if (t.k === 'call') {
    const to = staticAddress(t.to)!;
    return { pre, tx: { ...common, to: addrHex(to), data: wordsBytes(t.data) } };
  }
  return { pre, tx: { ...common, to: null, data: toHex(compileProgram(t.init)) } };
}

/** The FuzzCase arbitrary. */
export function fuzzCase(level = 2): fc.Arbitrary<FuzzCase> {
  return caseSpec(level).map(buildCase);
}
