// The whole native resource (issue #12 item 4). Each test runs two programs of the same length and the same
// number of instructions that differ in one operation, so the difference of `nativeUsed` is exactly that
// operation's native, derived from the Rust constants (values in src/profiles/zksync.ts):
// FSM = basic_system/src/system_implementation/flat_storage_model, CC = basic_system/src/cost_constants.rs.
import { describe, expect, it } from 'vitest';
import { asm, type Asm } from '../helpers/bytecode.js';
import { chargeCodeLoad } from '../../src/runner/call.js';
import { depositCode } from '../../src/runner/deploy.js';
import { NativeMeter } from '../../src/system/resources.js';
import { ZKSYNC_NATIVE_COSTS } from '../../src/profiles/zksync.js';
import { hashedLengths, l2ValidationNative } from '../../src/tx/validationNative.js';
import type { AccountInit } from '../../src/system/world.js';
import { CONTRACT, OTHER, runTx, type RunOptions } from './helpers.js';

const withDelegations = (raw: number, bigint: number, blake: number) => raw + bigint * 4 + blake * 16;
const WARM_STORAGE_READ = 4000;
const COLD_EXISTING_READ = withDelegations(100_000, 0, 1320);
const COLD_NEW_READ = 2 * COLD_EXISTING_READ;
const COLD_EXISTING_WRITE = withDelegations(40_000, 0, 660);
const COLD_NEW_WRITE = withDelegations(100_000, 0, 1300);
const ACCOUNT_ACCESS = 4000;
const ACCOUNT_WRITE = 1000;
const keccakNative = (len: number) => Math.max(1, Math.ceil(len / 136)) * 17_500 + 2500; // keccak256.rs
const blake = (len: number) => 800 + 340 * Math.ceil(len / 64); // preimage_cache.rs expose_preimage
/**
 * The interpreter's own native of an opcode (evm_interpreter native_resource_constants.rs *_NATIVE_COST), on top
 * of STEP_NATIVE_COST; the programs below use JUMPDEST (JUMPDEST_NATIVE_COST 40) as the placeholder.
 */
const NRC: Record<string, number> = { JUMPDEST: 40, SLOAD: 100, SSTORE: 100, TLOAD: 100, TSTORE: 100, BALANCE: 60 };
Object.assign(NRC, { LOG2: 50, KECCAK256: 90 });
const own = (op: string): number => NRC[op]! - NRC.JUMPDEST!;
/** `pay_for_memory_growth` (gas.rs): HEAP_EXPANSION_BASE_NATIVE_COST + 1 per byte of growth. */
const growth = (bytes: number): number => 35 + bytes;
/** Default native per gas 100 (SIMULATION_NATIVE_PER_GAS) × gas per pubdata 1. */
const NATIVE_PER_PUBDATA = 100;

function nativeOf(code: Asm, o: RunOptions = {}): bigint {
  const bytes = code.toBytes();
  const accounts = (o.accounts ?? []).map(([a, init]): [bigint, AccountInit] =>
    a === CONTRACT ? [a, { ...init, code: bytes }] : [a, init],
  );
  const { r } = runTx(bytes, { ...o, accounts });
  expect(r.nativeUsed).toBeDefined();
  return r.nativeUsed!;
}

/** native(a) − native(b) for two programs that must be the same size. */
function delta(a: Asm, b: Asm, o: RunOptions = {}): number {
  expect(a.toBytes().length).toBe(b.toBytes().length);
  return Number(nativeOf(a, o) - nativeOf(b, o));
}

const existingSlot: RunOptions = { accounts: [[CONTRACT, { storage: [[1n, 5n]] }]] };

describe('storage (storage_cache.rs materialize_element, system/mod.rs EthereumLikeStorageAccessCostModel)', () => {
  it('cold SLOAD of an existing slot: warm read + COLD_EXISTING_STORAGE_READ_NATIVE_COST', () => {
    const d = delta(
      asm().push(1).op('SLOAD', 'POP', 'STOP'),
      asm().push(1).op('JUMPDEST', 'POP', 'STOP'),
      existingSlot,
    );
    expect(d).toBe(WARM_STORAGE_READ + COLD_EXISTING_READ + own('SLOAD'));
  });

  it('cold SLOAD of a slot not in the tree: warm read + COLD_NEW_STORAGE_READ_NATIVE_COST', () => {
    const d = delta(asm().push(1).op('SLOAD', 'POP', 'STOP'), asm().push(1).op('JUMPDEST', 'POP', 'STOP'));
    expect(d).toBe(WARM_STORAGE_READ + COLD_NEW_READ + own('SLOAD'));
  });

  it('a warm SLOAD pays the warm read only', () => {
    const a = asm().push(1).op('SLOAD').push(1).op('SLOAD', 'POP', 'POP', 'STOP');
    const b = asm().push(1).op('SLOAD').push(1).op('JUMPDEST', 'POP', 'POP', 'STOP');
    expect(delta(a, b, existingSlot)).toBe(WARM_STORAGE_READ + own('SLOAD'));
  });

  it('SSTORE of an existing slot (5 → 6): read + write extra + 34 bytes of pubdata (32 key + add-1 diff)', () => {
    const d = delta(
      asm().push(6).push(1).op('SSTORE', 'STOP'),
      asm().push(6).push(1).op('JUMPDEST', 'STOP'),
      existingSlot,
    );
    expect(d).toBe(
      WARM_STORAGE_READ + COLD_EXISTING_READ + COLD_EXISTING_WRITE + 34 * NATIVE_PER_PUBDATA + own('SSTORE'),
    );
  });

  it('SSTORE of a new slot (0 → 1): COLD_NEW_STORAGE_WRITE_EXTRA_NATIVE_COST', () => {
    const d = delta(asm().push(1).push(1).op('SSTORE', 'STOP'), asm().push(1).push(1).op('JUMPDEST', 'STOP'));
    expect(d).toBe(WARM_STORAGE_READ + COLD_NEW_READ + COLD_NEW_WRITE + 34 * NATIVE_PER_PUBDATA + own('SSTORE'));
  });

  it('TLOAD and TSTORE (io_subsystem.rs storage_read/storage_write): 4000 each', () => {
    expect(delta(asm().push(1).push(1).op('TSTORE', 'STOP'), asm().push(1).push(1).op('JUMPDEST', 'STOP'))).toBe(
      4000 + own('TSTORE'),
    );
    expect(delta(asm().push(1).op('TLOAD', 'POP', 'STOP'), asm().push(1).op('JUMPDEST', 'POP', 'STOP'))).toBe(
      4000 + own('TLOAD'),
    );
  });
});

describe('accounts (account_cache.rs materialize_element, transfer_nominal_token_value)', () => {
  const other = (init: AccountInit): RunOptions => ({ accounts: [[OTHER, init]] });
  it('BALANCE of a cold existing account: access + the properties slot read + preimage get + blake2s(124)', () => {
    const d = delta(
      asm().push(OTHER).op('BALANCE', 'POP', 'STOP'),
      asm().push(OTHER).op('JUMPDEST', 'POP', 'STOP'),
      other({ balance: 3n }),
    );
    expect(d).toBe(ACCOUNT_ACCESS + WARM_STORAGE_READ + COLD_EXISTING_READ + 500 + blake(124) + own('BALANCE'));
  });

  it('BALANCE of an account that does not exist: access + a new-slot read of its properties hash', () => {
    const d = delta(asm().push(OTHER).op('BALANCE', 'POP', 'STOP'), asm().push(OTHER).op('JUMPDEST', 'POP', 'STOP'));
    expect(d).toBe(ACCOUNT_ACCESS + WARM_STORAGE_READ + COLD_NEW_READ + own('BALANCE'));
  });

  it('a value transfer: two account updates (materialize + write each) and both balance diffs in pubdata', () => {
    const o: RunOptions = {
      accounts: [
        [CONTRACT, { balance: 10n }],
        [OTHER, { balance: 3n }],
      ],
    };
    const d = delta(
      asm().call(OTHER, { value: 1 }).op('POP', 'STOP'),
      asm().call(OTHER, { value: 0 }).op('POP', 'STOP'),
      o,
    );
    // pubdata: each side 1 metadata byte + a 1-byte add/sub diff with its own metadata byte
    expect(d).toBe(2 * (ACCOUNT_ACCESS + ACCOUNT_WRITE) + 2 * 3 * NATIVE_PER_PUBDATA);
  });

  it('loading a bytecode: a preimage get each time, blake2s only the first time in the transaction', () => {
    const meter = new NativeMeter(ZKSYNC_NATIVE_COSTS, 1e9);
    const env = { native: meter } as unknown as Parameters<typeof chargeCodeLoad>[0];
    const code = new Uint8Array(200);
    chargeCodeLoad(env, code);
    chargeCodeLoad(env, code);
    expect(meter.used).toBe(500 + blake(200) + 500);
  });

  it('code deployment (account_cache.rs deploy_code): materialize + PREIMAGE_CACHE_SET + properties write', () => {
    const { env, world } = runTx(asm().op('STOP').toBytes());
    const meter = new NativeMeter(ZKSYNC_NATIVE_COSTS, 1e9);
    const withMeter = { ...env, native: meter };
    expect(depositCode(withMeter, OTHER, new Uint8Array(10), 10_000n)).toBe(10_000n - 2000n);
    expect(meter.used).toBe(ACCOUNT_ACCESS + 500 + ACCOUNT_WRITE);
    expect(world.getAccount(OTHER).code.length).toBe(10);
  });
});

describe('events and hashing (io_subsystem.rs emit_event, keccak256.rs keccak256_native_cost)', () => {
  it('LOG2 of 40 bytes: EVENT_STORAGE_BASE + 2 × EVENT_TOPIC + 40 × EVENT_DATA_PER_BYTE', () => {
    const log = asm().push(2).push(1).push(40).push(0).op('LOG2', 'STOP');
    const none = asm().push(2).push(1).push(40).push(0).op('JUMPDEST', 'STOP');
    // The event's native, plus LOG_NATIVE_COST and the growth of memory to the 64 bytes (2 words) it reads.
    expect(delta(log, none)).toBe(6000 + 2 * 200 + 2 * 40 + own('LOG2') + growth(64));
  });

  it('KECCAK256 of 200 bytes: 2 rounds of 136 bytes; of 0 bytes: nothing (a constant)', () => {
    const hash = (n: number) => asm().push(n).push(0).op('KECCAK256', 'STOP');
    const none = (n: number) => asm().push(n).push(0).op('JUMPDEST', 'STOP');
    // The system function's native, plus KECCAK256_NATIVE_COST and the growth of memory to 224 bytes (7 words).
    expect(delta(hash(200), none(200))).toBe(keccakNative(200) + own('KECCAK256') + growth(224));
    expect(keccakNative(200)).toBe(2 * 17_500 + 2500);
    expect(delta(hash(0), none(0))).toBe(own('KECCAK256'));
  });
});

describe('precompiles (CC *_NATIVE_COST, system_hooks precompiles.rs)', () => {
  // Compared with identity on empty input (ID_BASE_NATIVE_COST 20): same code size and steps.
  const call = (addr: bigint) => asm().call(addr).op('POP', 'STOP');
  const vsIdentity = (addr: bigint) => delta(call(addr), call(4n)) + 20;
  it('ecrecover ECRECOVER_NATIVE_COST = native_with_delegations!(350_000, 43_000, 0)', () =>
    expect(vsIdentity(1n)).toBe(withDelegations(350_000, 43_000, 0)));
  it('sha256 and ripemd160 on 0 bytes: base + 1 round', () => {
    expect(vsIdentity(2n)).toBe(1600 + 4200);
    expect(vsIdentity(3n)).toBe(1600 + 4200);
  });
  it('modexp: MODEXP_WORST_CASE_NATIVE_PER_GAS (200, evm-compatibility) per erg of its 200-gas minimum', () =>
    expect(vsIdentity(5n)).toBe(200 * 256 * 200));
  it('bn254 add, mul, pairing (0 pairs: the base)', () => {
    expect(vsIdentity(6n)).toBe(withDelegations(46_000, 1650, 0));
    expect(vsIdentity(7n)).toBe(withDelegations(825_000, 62_000, 0));
    expect(vsIdentity(8n)).toBe(withDelegations(13_000_000, 500_000, 0));
  });
  it('identity with 64 bytes: ID_BASE + 64 × ID_BYTE', () => {
    const a = asm().call(4n, { inSize: 64 }).op('POP', 'STOP');
    const b = asm().call(4n, { inSize: 0 }).op('POP', 'STOP');
    expect(delta(a, b)).toBe(64 * 10 + growth(64)); // and the caller's memory grows to the 64 input bytes
  });
});

describe('system hooks (io_subsystem.rs emit_l1_message, l1_messenger.rs)', () => {
  it('sendToL1 of 10 bytes: log + message hashing and storage, keccak, the event, 102 bytes of pubdata', () => {
    // calldata: selector, offset 32, length 10, message (one word), stored at memory 0
    const calldata = (selector: bigint) =>
      asm()
        .mstore(0, selector << 224n)
        .mstore(4, 32)
        .mstore(36, 10)
        .mstore(68, 0x0102030405060708090an << 176n)
        .call(0x8008n, { inSize: 100 })
        .op('POP', 'STOP');
    const d = delta(calldata(0x62f84b24n), calldata(0x62f84b25n)); // the second is refused after the step
    const message = keccakNative(88) + 3 * keccakNative(64) + keccakNative(10) + 6000 + 2 * 10 + keccakNative(10);
    const event = 6000 + 3 * 200 + 2 * 96; // data = calldata[4..], 96 bytes
    expect(d).toBe(message + event + (4 + 10 + 88) * NATIVE_PER_PUBDATA);
  });
});

describe('L2 validation native (eoa.rs validate, process_transaction.rs process_l2_transaction)', () => {
  const tx = {
    type: 2 as const,
    chainId: 270n,
    nonce: 0n,
    gasLimit: 1_000_000n,
    to: OTHER,
    value: 0n,
    data: new Uint8Array(0),
    maxFeePerGas: 25n,
    maxPriorityFeePerGas: 2n,
    accessList: [],
    blobVersionedHashes: [],
    sender: CONTRACT,
  };
  it('sender read cold + balance read, two hashes of one keccak round, ECRECOVER_NATIVE_COST', () => {
    const senderReads = 2 * ACCOUNT_ACCESS + WARM_STORAGE_READ + COLD_EXISTING_READ + 500 + blake(124);
    expect(hashedLengths(tx).full).toBeLessThan(136);
    expect(l2ValidationNative(ZKSYNC_NATIVE_COSTS, tx, true)).toBe(
      senderReads + 2 * keccakNative(0) + withDelegations(350_000, 43_000, 0),
    );
  });
  it('each access-list address is an account read, each key a cold storage read', () => {
    const listed = { ...tx, accessList: [{ address: OTHER, storageKeys: [1n, 2n] }] };
    const { full, signed } = hashedLengths(listed);
    const hashes = (l: { full: number; signed: number }) => keccakNative(l.full) + keccakNative(l.signed);
    const d = l2ValidationNative(ZKSYNC_NATIVE_COSTS, listed, true) - l2ValidationNative(ZKSYNC_NATIVE_COSTS, tx, true);
    expect(d).toBe(
      ACCOUNT_ACCESS +
        WARM_STORAGE_READ +
        COLD_EXISTING_READ +
        500 +
        blake(124) +
        2 * (WARM_STORAGE_READ + COLD_EXISTING_READ) +
        hashes({ full, signed }) -
        hashes(hashedLengths(tx)),
    );
  });
});
