// fast-check generator of random but meaningful EVM programs and transactions. A program is a list of
// stack-neutral snippets (so that it keeps executing instead of underflowing at the first opcode) and a
// terminator. Contracts C0..C3 may call contracts of a higher index only (a DAG: the frame count stays
// small), plus precompiles, the sender, an existing EOA, a nonexistent address and themselves by
// DELEGATECALL/CALLCODE-free routes; nested CREATE/CREATE2 carry their own generated init and runtime code.
// Everything is generated as a structure (shrinkable by fast-check) and compiled to bytecode.
import fc from 'fast-check';
import { addrHex, asm, fromHex, qty, toHex, type Asm, type OpName } from './asm.js';
import { COINBASE, SECRET_KEY, SENDER, type FuzzAccount, type FuzzAuthorization, type FuzzCase } from './harness.js';
import { AUTH_KEYS, AUTHORITIES, lastPrecompile, precompileInputs, type FuzzFork } from './forkInputs.js';
import { signAuthorization } from '../src/tx/authorization.js';
import { designatorFor } from '../src/runner/delegation.js';
import { U256_MAX } from '../src/encoding/limits.js';

/**
 * The fork the arbitraries are being built for (set by `caseSpec` while it constructs them; fast-check builds
 * the whole tree eagerly). Cancun keeps the original generator unchanged, so old seeds replay.
 */
let FORK: FuzzFork = 'Cancun';

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
  | { k: 'coinbase' }
  | { k: 'authority'; i: number };

function target(minContract: number): fc.Arbitrary<Target> {
  const arbs: fc.WeightedArbitrary<Target>[] = [
    {
      weight: 3,
      arbitrary: fc.integer({ min: 1, max: lastPrecompile(FORK) }).map((n) => ({ k: 'precompile' as const, n })),
    },
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
  if (FORK !== 'Cancun') {
    // EIP-7702 authorities (some delegated in the pre-state or by the transaction) and P256VERIFY's address.
    arbs.push(
      {
        weight: 3,
        arbitrary: fc.integer({ min: 0, max: AUTHORITIES.length - 1 }).map((i) => ({ k: 'authority' as const, i })),
      },
      { weight: 1, arbitrary: fc.constant({ k: 'precompile' as const, n: 0x100 }) },
    );
  }
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
  | {
      k: 'un';
      op: 'ISZERO' | 'NOT' | 'CALLDATALOAD' | 'BLOCKHASH' | 'BLOBHASH' | 'MLOAD' | 'CLZ';
      a: bigint;
      sink: Sink;
    }
  | { k: 'pcall'; name: string; address: bigint; input: string; gas: bigint | 'all'; sink: Sink }
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

/** Prague/Osaka additions: curated precompile calls (BLS, P256, MODEXP bounds) and CLZ (Osaka). */
function forkSnippets(): fc.WeightedArbitrary<Snip>[] {
  if (FORK === 'Cancun') return [];
  const inputs = precompileInputs(FORK);
  const out: fc.WeightedArbitrary<Snip>[] = [
    {
      weight: 3,
      arbitrary: fc
        .record({
          k: fc.constant('pcall' as const),
          pick: fc.integer({ min: 0, max: inputs.length - 1 }),
          gas: fc.oneof(
            { weight: 4, arbitrary: fc.constant('all' as const) },
            { weight: 1, arbitrary: fc.constantFrom(0n, 500n, 3000n, 6900n, 20_000n, 100_000n) },
          ),
          sink,
        })
        .map(({ pick, gas, sink }) => {
          const p = inputs[pick]!;
          return { k: 'pcall' as const, name: p.name, address: p.address, input: toHex(p.input), gas, sink };
        }),
    },
  ];
  if (FORK === 'Osaka')
    out.push({
      weight: 3,
      arbitrary: fc.record({ k: fc.constant('un' as const), op: fc.constant('CLZ' as const), a: edgeValue, sink }),
    });
  return out;
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
    ...forkSnippets(),
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
    case 'authority':
      a.push(AUTHORITIES[t.i]!);
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
    case 'pcall': {
      const input = fromHex(s.input);
      a.storeBytes(input, 0);
      a.push(64).push(0).push(input.length).push(0).push(s.address);
      if (s.gas === 'all') a.op('GAS');
      else a.push(s.gas);
      a.op('STATICCALL');
      emitSink(a, s.sink);
      a.push(0).op('MLOAD').push(3).op('SSTORE'); // the first output word
      return;
    }
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

/** An EIP-7702 authorization as generated: who signs, for which chain and delegate, nonce and signature shape. */
export interface AuthSpec {
  /** AUTHORITIES index, or -1 for the transaction's sender. */
  who: number;
  chainId: bigint;
  to: Target | { k: 'zero' };
  /** Added to the authority's nonce in the pre-state (the sender's: after its own bump). */
  nonceDelta: bigint;
  sig: 'ok' | 'highS' | 'yParity2' | 'r0';
}

/** Pre-state of one authority. */
export interface AuthorityPre {
  kind: 'absent' | 'eoa' | 'delegated' | 'code';
  nonce: bigint;
  delegate: number;
}

/** Gas limit: absolute, or relative to the EIP-7623 floor / the EIP-7825 cap. */
export type GasSpec = bigint | { above: bigint } | 'floor-1' | 'floor' | 'floor+1' | 'cap' | 'cap+1';

export interface CaseSpec {
  fork?: FuzzFork;
  contracts: { program: Program; balance: bigint; nonce: bigint; storage: [bigint, bigint][] }[];
  tx:
    | {
        k: 'call';
        to: Target;
        value: bigint;
        data: bigint[];
        gasLimit: GasSpec;
        type: 0 | 2 | 4;
        bulk?: { n: number; byte: number };
        auths?: AuthSpec[];
      }
    | { k: 'create'; init: Program; value: bigint; gasLimit: GasSpec; type: 0 | 2 | 4; auths?: AuthSpec[] };
  senderNonce: bigint;
  authorities?: AuthorityPre[];
}

const gasLimit = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(21_000n, 21_500n, 23_000n, 30_000n, 53_000n, 60_000n, 100_000n, 300_000n, 1_000_000n),
  },
  { weight: 3, arbitrary: fc.bigInt({ min: 21_000n, max: 400_000n }) },
  { weight: 1, arbitrary: fc.bigInt({ min: 400_000n, max: 3_000_000n }) },
);

/** Prague+: also limits at the calldata floor and (meaningful in Osaka) at the transaction gas cap. */
const forkGasLimit: fc.Arbitrary<GasSpec> = fc.oneof(
  { weight: 2, arbitrary: gasLimit },
  // Most cases: the intrinsic gas (authorizations and bulk calldata included) plus what `gasLimit` leaves.
  { weight: 5, arbitrary: gasLimit.map((g) => ({ above: g - 21_000n })) },
  { weight: 2, arbitrary: fc.constantFrom<GasSpec>('floor-1', 'floor', 'floor+1') },
  { weight: 1, arbitrary: fc.constantFrom<GasSpec>('cap', 'cap+1') },
);

function authSpec(): fc.Arbitrary<AuthSpec> {
  return fc.record({
    who: fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 0, max: AUTHORITIES.length - 1 }) },
      { weight: 1, arbitrary: fc.constant(-1) },
    ),
    chainId: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(1n, 0n) }, { weight: 1, arbitrary: fc.constant(2n) }),
    to: fc.oneof(
      {
        weight: 5,
        arbitrary: fc.integer({ min: 0, max: CONTRACTS.length - 1 }).map((i) => ({ k: 'contract' as const, i })),
      },
      { weight: 2, arbitrary: fc.integer({ min: 1, max: 0x11 }).map((n) => ({ k: 'precompile' as const, n })) },
      { weight: 1, arbitrary: fc.constant({ k: 'precompile' as const, n: 0x100 }) },
      { weight: 1, arbitrary: fc.constant({ k: 'nobody' as const, n: 0 }) },
      { weight: 2, arbitrary: fc.constant({ k: 'zero' as const }) },
      {
        weight: 2,
        arbitrary: fc.integer({ min: 0, max: AUTHORITIES.length - 1 }).map((i) => ({ k: 'authority' as const, i })),
      },
    ),
    nonceDelta: fc.oneof({ weight: 6, arbitrary: fc.constant(0n) }, { weight: 1, arbitrary: fc.constantFrom(1n, 2n) }),
    sig: fc.oneof(
      { weight: 8, arbitrary: fc.constant('ok' as const) },
      { weight: 1, arbitrary: fc.constantFrom('highS' as const, 'yParity2' as const, 'r0' as const) },
    ),
  });
}

/** The case arbitrary: 4 contracts, a call (mostly to C0) or a creation. `level` bounds nesting. */
export function caseSpec(level = 2, fork: FuzzFork = 'Cancun'): fc.Arbitrary<CaseSpec> {
  const previous = FORK;
  FORK = fork;
  try {
    return buildCaseSpec(level, fork);
  } finally {
    FORK = previous;
  }
}

function buildCaseSpec(level: number, fork: FuzzFork): fc.Arbitrary<CaseSpec> {
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
  if (fork === 'Cancun')
    return fc.record({
      contracts: fc.tuple(contract(0), contract(1), contract(2), contract(3)),
      tx: fc.oneof({ weight: 5, arbitrary: txCall }, { weight: 1, arbitrary: txCreate }),
      senderNonce: fc.constantFrom(0n, 3n),
    });
  const auths = fc.oneof(
    { weight: 12, arbitrary: fc.array(authSpec(), { minLength: 1, maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constant([] as AuthSpec[]) },
  );
  const bulk = fc.record({ n: fc.constantFrom(0, 64, 300, 1000), byte: fc.constantFrom(0, 1, 0xff) });
  const forkCall = fc.record({
    k: fc.constant('call' as const),
    to: fc.oneof(
      { weight: 6, arbitrary: fc.constant({ k: 'contract' as const, i: 0 }) },
      {
        weight: 3,
        arbitrary: fc.integer({ min: 0, max: AUTHORITIES.length - 1 }).map((i) => ({ k: 'authority' as const, i })),
      },
      { weight: 2, arbitrary: target(1) },
    ),
    value: fc.constantFrom(0n, 1n, 10n ** 9n),
    data: fc.array(edgeValue, { maxLength: 3 }),
    gasLimit: forkGasLimit,
    type: fc.constantFrom(0 as const, 2 as const, 4 as const, 4 as const),
    bulk,
    auths,
  });
  const forkCreate = fc.record({
    k: fc.constant('create' as const),
    init: program(level, -1, true),
    value: fc.constantFrom(0n, 1n),
    gasLimit: forkGasLimit,
    // A type-4 creation is invalid (EIP-7702: no `to`).
    type: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(0 as const, 2 as const) },
      { weight: 1, arbitrary: fc.constant(4 as const) },
    ),
    auths,
  });
  const authorityPre = fc.record({
    kind: fc.constantFrom('absent' as const, 'eoa' as const, 'eoa' as const, 'delegated' as const, 'code' as const),
    nonce: fc.constantFrom(0n, 1n),
    delegate: fc.integer({ min: 0, max: CONTRACTS.length - 1 }),
  });
  return fc.record({
    fork: fc.constant(fork),
    contracts: fc.tuple(contract(0), contract(1), contract(2), contract(3)),
    tx: fc.oneof({ weight: 5, arbitrary: forkCall }, { weight: 1, arbitrary: forkCreate }),
    senderNonce: fc.constantFrom(0n, 3n),
    authorities: fc.array(authorityPre, { minLength: AUTHORITIES.length, maxLength: AUTHORITIES.length }),
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
    case 'authority':
      return AUTHORITIES[t.i]!;
    default:
      return CONTRACTS[0]!;
  }
}

const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

function targetOf(t: AuthSpec['to']): bigint {
  return t.k === 'zero' ? 0n : staticAddress(t)!;
}

/** Signs an authorization spec; invalid shapes are derived from a valid signature. */
function buildAuthorization(a: AuthSpec, spec: CaseSpec): FuzzAuthorization {
  const pre = a.who < 0 ? undefined : spec.authorities?.[a.who];
  const base = a.who < 0 ? spec.senderNonce + 1n : pre?.kind === 'absent' ? 0n : (pre?.nonce ?? 0n);
  const signed = signAuthorization(a.who < 0 ? SECRET_KEY : AUTH_KEYS[a.who]!, {
    chainId: a.chainId,
    address: targetOf(a.to),
    nonce: base + a.nonceDelta,
  });
  let { yParity, r, s } = signed;
  if (a.sig === 'highS') {
    s = SECP256K1_N - s;
    yParity = 1n - yParity;
  } else if (a.sig === 'yParity2') yParity = 2n;
  else if (a.sig === 'r0') r = 0n;
  return {
    chainId: qty(signed.chainId),
    address: addrHex(signed.address),
    nonce: qty(signed.nonce),
    yParity: qty(yParity),
    r: qty(r),
    s: qty(s),
  };
}

/** EIP-7623 floor of `data` (21000 + 10 × tokens). */
function floorOf(data: string): bigint {
  const bytes = fromHex(data);
  let tokens = 0n;
  for (const b of bytes) tokens += b === 0 ? 1n : 4n;
  return 21000n + 10n * tokens;
}

/** Intrinsic gas as Prague prices it (calldata, creation, EIP-7702 tuples). */
function intrinsicOf(data: string, create: boolean, auths: number): bigint {
  const bytes = fromHex(data);
  let gas = 21000n + 25000n * BigInt(auths);
  for (const b of bytes) gas += b === 0 ? 4n : 16n;
  if (create) gas += 32000n + 2n * BigInt(Math.ceil(bytes.length / 32));
  return gas;
}

function resolveGas(g: GasSpec, data: string, create = false, auths = 0): bigint {
  if (typeof g === 'bigint') return g;
  if (typeof g === 'object') return intrinsicOf(data, create, auths) + g.above;
  if (g === 'cap') return 1n << 24n;
  if (g === 'cap+1') return (1n << 24n) + 1n;
  return floorOf(data) + (g === 'floor-1' ? -1n : g === 'floor' ? 0n : 1n);
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
  spec.authorities?.forEach((a, i) => {
    if (a.kind === 'absent') return;
    const code =
      a.kind === 'delegated'
        ? toHex(designatorFor(CONTRACTS[a.delegate]!))
        : a.kind === 'code'
          ? toHex(compileProgram(spec.contracts[a.delegate]!.program))
          : '0x';
    pre[addrHex(AUTHORITIES[i]!)] = { balance: qty(10n ** 9n), nonce: qty(a.nonce), code, storage: {} };
  });
  const t = spec.tx;
  const fork = spec.fork !== undefined ? { fork: spec.fork } : {};
  const authorizationList =
    t.type === 4 ? { authorizationList: (t.auths ?? []).map((a) => buildAuthorization(a, spec)) } : {};
  const common = { type: t.type, nonce: qty(spec.senderNonce), value: qty(t.value) };
  if (t.k === 'call') {
    const to = staticAddress(t.to)!;
    const bulk = t.bulk && t.bulk.n > 0 ? t.bulk.byte.toString(16).padStart(2, '0').repeat(t.bulk.n) : '';
    const data = wordsBytes(t.data) + bulk;
    return {
      ...fork,
      pre,
      tx: {
        ...common,
        gasLimit: qty(resolveGas(t.gasLimit, data, false, t.type === 4 ? (t.auths?.length ?? 0) : 0)),
        to: addrHex(to),
        data,
        ...authorizationList,
      },
    };
  }
  const data = toHex(compileProgram(t.init));
  return {
    ...fork,
    pre,
    tx: {
      ...common,
      gasLimit: qty(resolveGas(t.gasLimit, data, true, t.type === 4 ? (t.auths?.length ?? 0) : 0)),
      to: null,
      data,
      ...authorizationList,
    },
  };
}

/** The FuzzCase arbitrary. */
export function fuzzCase(level = 2, fork: FuzzFork = 'Cancun'): fc.Arbitrary<FuzzCase> {
  return caseSpec(level, fork).map(buildCase);
}
