// The native resource (zksync profile, brief §7): one budget per transaction = gasLimit × ceil(gasPrice /
// nativePrice) − intrinsic 4000 − 1 per calldata byte; 20 per instruction, 6 per code byte at frame start.
// Running out is fatal for the transaction: state rolled back, all gas consumed. Gas used is at least
// native used / native per gas.
import { describe, expect, it } from 'vitest';
import { ethereum } from '../../src/profiles/ethereum.js';
import { zksync } from '../../src/profiles/zksync.js';
import type { Profile } from '../../src/profiles/types.js';
import { createEnvironment } from '../../src/runner/environment.js';
import { WorldState } from '../../src/system/world.js';
import { processTransaction, type TxResult } from '../../src/tx/process.js';
import { asm } from '../helpers/bytecode.js';
import { BLOCK as TEST_BLOCK } from './helpers.js';

const SENDER = 0xa11cen;
const CONTRACT = 0x10001n;
const BLOCK = { ...TEST_BLOCK, baseFee: 10n };

/** SSTORE(1, 1), then `n` JUMPDESTs (1 gas, 20 native each), then STOP. */
function program(n: number): Uint8Array {
  const a = asm().sstore(1, 1);
  for (let i = 0; i < n; i++) a.op('JUMPDEST');
  return a.op('STOP').toBytes();
}

function run(
  profile: Profile,
  code: Uint8Array,
  gasLimit: bigint,
  nativePrice?: bigint,
  fee = 10n,
): { r: TxResult; world: WorldState } {
  const world = WorldState.fromAccounts([
    [SENDER, { balance: 10n ** 18n }],
    [CONTRACT, { code }],
  ]);
  const env = createEnvironment({ profile, world, block: { ...BLOCK, baseFee: fee }, nativePrice });
  const r = processTransaction(env, {
    type: 2,
    chainId: 1n,
    nonce: 0n,
    gasLimit,
    to: CONTRACT,
    value: 0n,
    data: new Uint8Array(0),
    maxFeePerGas: fee,
    maxPriorityFeePerGas: 0n,
    accessList: [],
    blobVersionedHashes: [],
    sender: SENDER,
  });
  return { r, world };
}

describe('native resource (zksync)', () => {
  it('with the simulation rate (100 native per gas) a normal call is bounded by gas, not native', () => {
    const { r, world } = run(zksync, program(100), 200_000n);
    expect(r.valid && r.status).toBe('success');
    expect(world.sload(CONTRACT, 1n)).toBe(1n);
  });

  it('running out of native reverts the whole transaction and consumes all gas; nonce and fee stay', () => {
    // nativePrice = gasPrice → 1 native per gas: 1,000,000 native pays validation (~700,000, ecrecover
    // alone 522,000) but not 20,000 JUMPDESTs × 20.
    const { r, world } = run(zksync, program(20_000), 1_000_000n, 10n);
    expect(r.valid).toBe(true);
    if (!r.valid) return;
    expect(r.status).toBe('halt');
    expect(r.haltReason).toBe('OutOfNative');
    expect(r.gasUsed).toBe(1_000_000n);
    expect(world.sload(CONTRACT, 1n)).toBe(0n); // the storage write was rolled back
    expect(world.getAccount(SENDER).nonce).toBe(1n);
    expect(world.getAccount(SENDER).balance).toBe(10n ** 18n - 1_000_000n * 10n);
  });

  it('gas used is raised to native used / native per gas when native dominates', () => {
    // 2 native per gas (price 10, native price 5): each JUMPDEST costs 1 gas but 20 + 40 native = 30 gas.
    const n = 5_000;
    const { r } = run(zksync, program(n), 1_000_000n, 5n);
    expect(r.valid && r.status).toBe('success');
    if (!r.valid) return;
    const code = program(n);
    // Every native charge, from the Rust constants (src/profiles/zksync.ts cites each):
    // Validation (eoa.rs validate, process_l2_transaction): the sender read cold (access + properties slot +
    // preimage + blake2s(124)) and its balance read, two hashes of < 136 bytes, ecrecover, the nonce bump, the
    // fee transfer (2 account writes), 12 bytes of pubdata × 2.
    const senderReads = 2 * 4000 + 4000 + 121_120 + 500 + 800 + 340 * 2;
    const validation = senderReads + 2 * (17_500 + 2500) + 522_000 + 5000 + 2 * 5000 + 12 * 2;
    const call = 4000 + 500 + 800 + 340 * Math.ceil(code.length / 64); // callee read, bytecode preimage + blake2s
    // Preprocessing, then STEP_NATIVE_COST per instruction (PUSH1 PUSH1 SSTORE, the JUMPDESTs, STOP) plus each
    // opcode's own (native_resource_constants.rs: PUSH1 60, SSTORE 100, JUMPDEST 40; STOP charges none).
    const steps = 6 * code.length + 20 * (3 + n + 1) + 2 * 60 + 100 + 40 * n;
    const sstore = 4000 + 242_240 + 120_800; // warm read, cold read of a new slot, write of a new slot
    const pubdata = 34 * 2; // slot 1: 32-byte key + 2 bytes (0 -> 1), × 2 native per pubdata byte
    const native = 4000 + validation + call + steps + sstore + pubdata;
    expect(r.gasUsed).toBe(BigInt(Math.floor(native / 2)));
  });

  it('a gas limit whose native cannot cover the intrinsic native is an invalid transaction', () => {
    // ceil(10 / 100) = 1 native per gas: 800,000 native covers the intrinsic and the validation native
    // (ecrecover alone is 522,000); 21,000 covers the intrinsic 4,000 but not the validation.
    expect(run(zksync, program(1), 800_000n, 100n).r.valid).toBe(true);
    const short = run(zksync, program(1), 21_000n, 100n);
    expect(!short.r.valid && short.r.error.code).toBe('OutOfNativeDuringValidation');
    const tiny = run(zksync, program(1), 3_000n, 100n);
    expect(tiny.r.valid).toBe(false);
    if (!tiny.r.valid) expect(tiny.r.errors.map((e) => e.code)).toContain('IntrinsicGasTooLow');
    // A zero gas price buys zero native: valid for gas, invalid for native (brief §7.3).
    const free = run(zksync, program(1), 100_000n, 1n, 0n);
    expect(free.r.valid).toBe(false);
    if (!free.r.valid) expect(free.r.error.code).toBe('OutOfNativeDuringValidation');
  });

  it('the ethereum profile meters no native', () => {
    const { r } = run(ethereum, program(20_000), 200_000n, 10n);
    expect(r.valid && r.status).toBe('success');
  });
});
