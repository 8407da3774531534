// Hostile execution: programs built to push the engine to its bounds (memory expansion up to the gas limit,
// 1024-deep recursion through every call kind, quadratic copy patterns, CREATE2 collisions, a full block of
// them). Each scenario builds a pre-state and transactions and checks the exact outcome; the script
// (`node dist/fuzz/main.js hostile`) also reports time and peak memory.
import { ethereum } from '../src/profiles/ethereum.js';
import { createEnvironment } from '../src/runner/environment.js';
import type { BlockContext } from '../src/ee/host.js';
import { WorldState, type AccountInit } from '../src/system/world.js';
import { processTransaction, type TxResult } from '../src/tx/process.js';
import type { Transaction } from '../src/tx/types.js';
import { asm, type Asm } from './asm.js';

export const H_SENDER = 0x5e4de50000000000000000000000000000000001n;
const A = 0xa000000000000000000000000000000000000001n;
const B = 0xb000000000000000000000000000000000000002n;
const F = 0xf000000000000000000000000000000000000003n;

export interface HostileScenario {
  readonly name: string;
  readonly description: string;
  readonly blockGasLimit: bigint;
  readonly pre: Map<bigint, AccountInit>;
  readonly txs: readonly Transaction[];
  /** Checks the results and the world afterwards; returns the problems found (empty = correct). */
  check(results: readonly TxResult[], world: WorldState): string[];
}

function tx(to: bigint | null, gasLimit: bigint, data: Uint8Array = new Uint8Array(0), nonce = 0n): Transaction {
  return {
    type: 0,
    chainId: 1n,
    nonce,
    gasLimit,
    to,
    value: 0n,
    data,
    gasPrice: 1n,
    accessList: [],
    blobVersionedHashes: [],
    sender: H_SENDER,
  };
}

function block(gasLimit: bigint): BlockContext {
  return {
    coinbase: 0xc0ffeen,
    number: 1n,
    timestamp: 1000n,
    gasLimit,
    baseFee: 1n,
    prevRandao: 0n,
    difficulty: 0n,
    chainId: 1n,
    blobBaseFee: 1n,
    excessBlobGas: 0n,
  };
}

const SENDER_INIT: AccountInit = { balance: 10n ** 40n };

/** Memory expansion cost of `words` words (Yellow Paper C_mem). */
export function memoryCost(words: bigint): bigint {
  return 3n * words + (words * words) / 512n;
}

function word(r: TxResult): bigint {
  if (!r.valid) return -1n;
  let v = 0n;
  for (const b of r.returnData) v = (v << 8n) | BigInt(b);
  return v;
}

function expectStatus(r: TxResult | undefined, status: string, what: string, out: string[]): void {
  if (!r) out.push(`${what}: no result`);
  else if (!r.valid) out.push(`${what}: rejected (${r.error.code})`);
  else if (r.status !== status)
    out.push(`${what}: status ${r.status}${r.haltReason ? ` (${r.haltReason})` : ''}, expected ${status}`);
}

/** MSTORE at the highest offset the gas limit pays for (success, every gas unit accounted) and one word beyond (OOG). */
export function memoryExpansion(gasLimit = 30_000_000n): HostileScenario {
  // Code: PUSH1 1, PUSH4 off, MSTORE, STOP: 3 + 3 + 3 static gas, then the expansion.
  const budget = gasLimit - 21_000n - 9n;
  let w = 0n;
  for (let step = 1n << 30n; step > 0n; step >>= 1n) if (memoryCost(w + step) <= budget) w += step;
  const code = (words: bigint) =>
    asm()
      .push(1)
      .raw(0x63, ...[24, 16, 8, 0].map((s) => Number((((words - 1n) * 32n) >> BigInt(s)) & 0xffn)))
      .op('MSTORE', 'STOP')
      .toBytes();
  const pre = new Map<bigint, AccountInit>([
    [H_SENDER, SENDER_INIT],
    [A, { code: code(w) }],
    [B, { code: code(w + 1n) }],
    [
      F,
      {
        code: asm()
          .push(1)
          .push(1n << 64n)
          .op('MSTORE', 'STOP')
          .toBytes(),
      },
    ],
  ]);
  return {
    name: 'memory-expansion',
    description: `MSTORE expanding memory to ${w} words (${(w * 32n) / 1024n} KiB), the most ${gasLimit} gas pays for; one word more; an offset of 2^64`,
    blockGasLimit: gasLimit,
    pre,
    txs: [tx(A, gasLimit, undefined, 0n), tx(B, gasLimit, undefined, 1n), tx(F, gasLimit, undefined, 2n)],
    check(rs) {
      const out: string[] = [];
      expectStatus(rs[0], 'success', 'largest affordable expansion', out);
      const expected = 21_000n + 9n + memoryCost(w);
      if (rs[0]?.valid && rs[0].gasUsed !== expected)
        out.push(`largest expansion used ${rs[0].gasUsed} gas, expected ${expected}`);
      for (const [i, what] of [
        [1, 'one word beyond'],
        [2, 'offset 2^64'],
      ] as const) {
        const r = rs[i];
        if (!r?.valid || r.status === 'success' || r.gasUsed !== gasLimit)
          out.push(
            `${what}: expected an out-of-gas using all ${gasLimit} gas, got ${r?.valid ? `${r.status} ${r.gasUsed}` : 'rejected'}`,
          );
      }
      return out;
    },
  };
}

export type RecursionKind = 'CALL' | 'CALLCODE' | 'DELEGATECALL' | 'STATICCALL' | 'CREATE' | 'CREATE2';

/**
 * 1024-deep recursion. Calls: each frame returns 1 + what its self-call returned (mem[0] = depth + 1 before
 * the call; the call at depth 1024 fails, so the top returns 1025). Creates: a creation transaction whose
 * initcode logs and re-creates itself; 1025 frames log, the CREATE at depth 1024 fails.
 */
export function recursion(kind: RecursionKind): HostileScenario {
  // The 63/64 rule: reaching depth 1024 needs ~e^16 times the per-level cost; gas is a u64 quantity, not a loop bound.
  const gasLimit = kind.startsWith('CREATE') ? 10n ** 15n : 10n ** 11n;
  const pre = new Map<bigint, AccountInit>([[H_SENDER, SENDER_INIT]]);
  if (kind.startsWith('CREATE')) {
    const a = asm().push(0).push(0).op('LOG0'); // one log per frame
    a.op('CODESIZE').push(0).push(0).op('CODECOPY');
    if (kind === 'CREATE2') a.push(0);
    a.op('CODESIZE').push(0).push(0).op(kind, 'POP', 'STOP');
    const init = a.toBytes();
    return {
      name: `recursion-${kind}`,
      description: `initcode that logs and ${kind}s itself: 1025 frames deep (depth 0..1024)`,
      blockGasLimit: gasLimit,
      pre,
      txs: [tx(null, gasLimit, init)],
      check(rs, world) {
        const out: string[] = [];
        expectStatus(rs[0], 'success', 'recursion', out);
        const r = rs[0];
        if (r?.valid && r.logs.length !== 1025) out.push(`expected 1025 logs (frames), got ${r.logs.length}`);
        if (world.size !== 1025 + 1)
          out.push(
            `expected ${1025 + 1} accounts (sender and 1025 created; the coinbase got no fee and is empty), got ${world.size}`,
          );
        return out;
      },
    };
  }
  const a = asm().push(0).op('CALLDATALOAD').push(1).op('ADD').push(0).op('MSTORE');
  a.push(32).push(0).push(32).push(0);
  if (kind === 'CALL' || kind === 'CALLCODE') a.push(0);
  a.op('ADDRESS', 'GAS', kind, 'POP').push(32).push(0).op('RETURN');
  pre.set(A, { code: a.toBytes() });
  return {
    name: `recursion-${kind}`,
    description: `a contract that ${kind}s itself with all gas, 1025 frames deep (depth 0..1024; the call at 1024 fails)`,
    blockGasLimit: gasLimit,
    pre,
    txs: [tx(A, gasLimit, new Uint8Array(32))],
    check(rs) {
      const out: string[] = [];
      expectStatus(rs[0], 'success', 'recursion', out);
      const depth = rs[0] ? word(rs[0]) : -1n;
      if (depth !== 1025n) out.push(`expected 1025 frames, the top returned ${depth}`);
      return out;
    },
  };
}

/** A loop `while (GAS > reserve) { body }` storing the iteration count in slot 0. */
function gasLoop(a: Asm, reserve: number, body: (a: Asm) => void): Asm {
  const top = a.fresh();
  const end = a.fresh();
  a.push(0).label(top); // [count]
  a.push(reserve).op('GAS', 'LT').pushLabel(end).op('JUMPI'); // GAS < reserve → end
  body(a);
  a.push(1).op('ADD').pushLabel(top).op('JUMP');
  a.label(end).push(0).op('SSTORE', 'STOP');
  return a;
}

/** Many CALLs each passing `size` bytes of calldata (memory paid once, the copies are not). */
export function callsWithLargeCalldata(gasLimit = 30_000_000n, size = 128 * 1024): HostileScenario {
  const a = asm()
    .push(1)
    .push(size - 32)
    .op('MSTORE');
  gasLoop(a, 30_000, (x) => x.push(0).push(0).push(size).push(0).push(0).push(B).push(0).op('CALL', 'POP'));
  const pre = new Map<bigint, AccountInit>([
    [H_SENDER, SENDER_INIT],
    [A, { code: a.toBytes() }],
    [B, { code: asm().op('CALLDATASIZE').push(0).op('SSTORE', 'STOP').toBytes() }],
  ]);
  return {
    name: 'calls-large-calldata',
    description: `CALL with ${size / 1024} KiB of calldata in a loop until ${gasLimit} gas runs out (callee: STOP with 0 gas)`,
    blockGasLimit: gasLimit,
    pre,
    txs: [tx(A, gasLimit)],
    check(rs, world) {
      const out: string[] = [];
      expectStatus(rs[0], 'success', 'loop', out);
      const n = world.sload(A, 0n);
      if (n < 1000n) out.push(`only ${n} iterations`);
      return out;
    },
  };
}

/** A callee returning `size` bytes, then RETURNDATACOPY of all of it in a loop; then repeated calls. */
export function hugeReturnDataCopy(gasLimit = 30_000_000n, size = 1 << 20): HostileScenario {
  const a = asm().push(0).push(0).push(0).push(0).push(0).push(B).op('GAS', 'CALL', 'POP');
  gasLoop(a, 200_000, (x) => x.push(size).push(0).push(0).op('RETURNDATACOPY'));
  const c = asm();
  gasLoop(c, 2_600_000, (x) =>
    x
      .push(0)
      .push(0)
      .push(0)
      .push(0)
      .push(0)
      .push(B)
      .op('GAS', 'CALL', 'POP')
      .push(32)
      .push(size - 32)
      .push(0)
      .op('RETURNDATACOPY'),
  );
  const pre = new Map<bigint, AccountInit>([
    [H_SENDER, SENDER_INIT],
    [A, { code: a.toBytes() }],
    [F, { code: c.toBytes() }],
    [B, { code: asm().push(size).push(0).op('RETURN').toBytes() }],
  ]);
  return {
    name: 'huge-returndatacopy',
    description: `a callee returning ${size >> 20} MiB; RETURNDATACOPY of all of it in a loop; and re-calling it in a loop`,
    blockGasLimit: gasLimit,
    pre,
    txs: [tx(A, gasLimit, undefined, 0n), tx(F, gasLimit, undefined, 1n)],
    check(rs, world) {
      const out: string[] = [];
      expectStatus(rs[0], 'success', 'copy loop', out);
      expectStatus(rs[1], 'success', 'call loop', out);
      if (world.sload(A, 0n) < 10n) out.push(`copy loop ran ${world.sload(A, 0n)} times`);
      if (world.sload(F, 0n) < 2n) out.push(`call loop ran ${world.sload(F, 0n)} times`);
      return out;
    },
  };
}

/** CREATE2 of the same (large) initcode with the same salt, again and again: one deployment, then collisions. */
export function create2Collisions(gasLimit = 30_000_000n, initSize = 40_000): HostileScenario {
  // F: CODECOPY the initcode appended to its own code, CREATE2 with salt 0, store the address in slot 1 + n.
  // Slot 0 is read first (warm), so that the 1/64 of gas left after a collision pays the final SSTORE.
  const head = (len: number) =>
    asm()
      .push(0)
      .op('SLOAD', 'POP')
      .push(initSize)
      .push(len)
      .push(0)
      .op('CODECOPY')
      .push(0)
      .push(initSize)
      .push(0)
      .push(0)
      .op('CREATE2')
      .push(0)
      .op('SLOAD')
      .push(1)
      .op('ADD')
      .op('SSTORE', 'STOP');
  const headLen = head(0).toBytes().length;
  const f = Uint8Array.from([...head(headLen).toBytes(), ...new Uint8Array(initSize)]);
  const a = asm();
  gasLoop(a, 320_000, (x) => x.push(0).push(0).push(0).push(0).push(0).push(F).push(300_000).op('CALL', 'POP'));
  const pre = new Map<bigint, AccountInit>([
    [H_SENDER, SENDER_INIT],
    [A, { code: a.toBytes() }],
    [F, { code: f, nonce: 1n }],
  ]);
  return {
    name: 'create2-collisions',
    description: `a loop of CALLs (300k gas each) to a contract that CREATE2s the same ${initSize / 1000} kB initcode with salt 0`,
    blockGasLimit: gasLimit,
    pre,
    txs: [tx(A, gasLimit)],
    check(rs, world) {
      const out: string[] = [];
      expectStatus(rs[0], 'success', 'loop', out);
      const n = world.sload(A, 0n);
      if (n < 50n) out.push(`only ${n} iterations`);
      // F's storage: slot (0 + 1) holds the deployed address (first CREATE2), collisions store 0 at slot 1 again.
      if (world.sload(F, 1n) !== 0n) out.push(`slot 1 of F should end 0 (collision), got ${world.sload(F, 1n)}`);
      // Every CREATE2 bumps the nonce, the colliding ones too (the bump precedes the collision check).
      if (world.getAccount(F).nonce !== n + 1n)
        out.push(`F nonce ${world.getAccount(F).nonce}, expected ${n + 1n} (1 + one per CREATE2)`);
      return out;
    },
  };
}

/** A 30M-gas block of the patterns above (each transaction a quarter of the block). */
export function hostileBlock(gasLimit = 30_000_000n): HostileScenario {
  const quarter = gasLimit / 4n;
  const parts = [
    memoryExpansion(quarter),
    callsWithLargeCalldata(quarter),
    hugeReturnDataCopy(quarter),
    create2Collisions(quarter),
  ];
  // Each part's contracts live at the same addresses: move each part to its own address range.
  const pre = new Map<bigint, AccountInit>([[H_SENDER, SENDER_INIT]]);
  const txs: Transaction[] = [];
  let nonce = 0n;
  parts.forEach((p, i) => {
    const shift = BigInt(i + 1) << 140n;
    const remap = (x: bigint) => (x === H_SENDER ? x : x + shift);
    for (const [addr, init] of p.pre)
      if (addr !== H_SENDER) pre.set(remap(addr), { ...init, code: relocate(init.code, shift) });
    txs.push({ ...p.txs[0]!, to: remap(p.txs[0]!.to!), nonce: nonce++ });
  });
  return {
    name: 'block-30M',
    description: `one ${gasLimit}-gas block: memory expansion, large-calldata calls, RETURNDATACOPY loop, CREATE2 collisions (${quarter} gas each)`,
    blockGasLimit: gasLimit,
    pre,
    txs,
    check(rs) {
      const out: string[] = [];
      let total = 0n;
      rs.forEach((r, i) => {
        if (!r.valid) out.push(`tx ${i} rejected: ${r.error.code}`);
        else total += r.gasUsed;
      });
      if (total > gasLimit) out.push(`block used ${total} gas > ${gasLimit}`);
      if (rs[0]?.valid && rs[0].status !== 'success') out.push(`memory expansion tx: ${rs[0].status}`);
      return out;
    },
  };
}

/** Replaces PUSH20 immediates of the scenario addresses A, B, F by their shifted counterparts. */
function relocate(code: Uint8Array | undefined, shift: bigint): Uint8Array | undefined {
  if (!code) return code;
  const out = Uint8Array.from(code);
  for (let pc = 0; pc < out.length; pc++) {
    const op = out[pc]!;
    if (op >= 0x60 && op <= 0x7f) {
      const n = op - 0x5f;
      if (n === 20) {
        let v = 0n;
        for (let i = 1; i <= 20; i++) v = (v << 8n) | BigInt(out[pc + i] ?? 0);
        if (v === A || v === B || v === F) {
          let w = v + shift;
          for (let i = 20; i >= 1; i--, w >>= 8n) out[pc + i] = Number(w & 0xffn);
        }
      }
      pc += n;
    }
  }
  return out;
}

export interface HostileRun {
  results: TxResult[];
  problems: string[];
  ms: number;
  gasUsed: bigint;
}

/** Runs a scenario's transactions in one block on the `ethereum` profile and checks them. */
export function runHostile(s: HostileScenario): HostileRun {
  const world = WorldState.fromAccounts(s.pre);
  const t0 = performance.now();
  const results: TxResult[] = [];
  for (const t of s.txs) {
    const env = createEnvironment({ profile: ethereum, fork: 'Cancun', world, block: block(s.blockGasLimit) });
    results.push(processTransaction(env, t));
  }
  const ms = performance.now() - t0;
  const gasUsed = results.reduce((g, r) => g + (r.valid ? r.gasUsed : 0n), 0n);
  return { results, problems: s.check(results, world), ms, gasUsed };
}

/** Every scenario of the hostile suite at full (30M-gas) size. */
export function hostileScenarios(): HostileScenario[] {
  return [
    memoryExpansion(),
    ...(['CALL', 'CALLCODE', 'DELEGATECALL', 'STATICCALL', 'CREATE', 'CREATE2'] as const).map(recursion),
    callsWithLargeCalldata(),
    hugeReturnDataCopy(),
    create2Collisions(),
    hostileBlock(),
  ];
}
