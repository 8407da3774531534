// L1→L2 priority (0xFF) and upgrade (0xFE) transactions (issue #12 item 6).
// Rust: basic_bootloader/src/bootloader/transaction/mod.rs `ZkSyncTransaction::try_from_slice` /
// `validate_structure` / `l1_tx_calculate_hash`; process_transaction.rs `process_l1_transaction`,
// `execute_l1_transaction_and_notify_result`, `compute_gas_refund`; system_hooks contract_deployer.rs.
import { describe, expect, it } from 'vitest';
import { blake2s } from '@noble/hashes/blake2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { DYNAMIC_PART_OFFSET, encodeZkSyncTx, l1TxHash } from '../../src/encoding/zksyncTx.js';
import { decodeZkSyncTx } from '../../src/input/zksyncTx.js';
import { InputError } from '../../src/input/parse.js';
import { zksync } from '../../src/profiles/zksync.js';
import { createEnvironment } from '../../src/runner/environment.js';
import { WorldState } from '../../src/system/world.js';
import { l1TxFields, processL1Transaction, type L1Transaction } from '../../src/tx/l1.js';
import { bytesToBigInt } from '../../src/crypto/bytes.js';
import { asm } from '../helpers/bytecode.js';
import { BLOCK, COINBASE, CONTRACT } from './helpers.js';

const ALIAS = 0x1111000000000000000000000000000000001111n; // the L1 sender's alias
const BOB = 0xb0b0000000000000000000000000000000000b0bn;
const REFUND = 0x7e7e000000000000000000000000000000007e7en;
const TARGET = 0x7a7a000000000000000000000000000000007a7an;
const UPGRADER = 0x800fn;
const DEPLOYER = 0x8006n;

function deposit(o: Partial<L1Transaction> = {}): L1Transaction {
  return {
    type: 0xff,
    from: ALIAS,
    to: BOB,
    gasLimit: 300_000n,
    gasPerPubdataLimit: 800n,
    maxFeePerGas: 100n,
    maxPriorityFeePerGas: 0n,
    nonce: 0n,
    value: 10n ** 18n,
    mint: 10n ** 18n + 300_000n * 100n + 12345n,
    refundRecipient: REFUND,
    data: new Uint8Array(0),
    factoryDeps: [],
    ...o,
  };
}

function env(accounts: [bigint, { code?: Uint8Array; balance?: bigint }][] = []) {
  const world = WorldState.fromAccounts(accounts);
  return { world, env: createEnvironment({ profile: zksync, world, block: BLOCK }) };
}

const hex = (b: Uint8Array): bigint => bytesToBigInt(b);

describe('encoding (transaction/mod.rs try_from_slice, validate_structure, l1_tx_calculate_hash)', () => {
  const fields = l1TxFields(deposit({ data: new Uint8Array([1, 2, 3]) }));
  const enc = encodeZkSyncTx(fields);

  it('19 head words, then data at DYNAMIC_PART_EXPECTED_OFFSET = 19 × 32; round trip', () => {
    expect(DYNAMIC_PART_OFFSET).toBe(608);
    expect(hex(enc.subarray(14 * 32, 15 * 32))).toBe(608n); // data offset word
    expect(hex(enc.subarray(0, 32))).toBe(0xffn);
    expect(decodeZkSyncTx(enc)).toEqual(fields);
    // data (1 + 1 words), signature (1), factory deps (1), paymaster input (1), reserved dynamic (1)
    expect(enc.length).toBe(608 + 64 + 32 + 32 + 32 + 32);
  });

  it('hash = keccak256(0x20 ‖ encoding)', () => {
    const prefixed = new Uint8Array(32 + enc.length);
    prefixed[31] = 0x20;
    prefixed.set(enc, 32);
    expect(l1TxHash(enc)).toBe(hex(keccak_256(prefixed)));
  });

  it('strict: a wrong offset, dirty padding, a signature on an L1 transaction are errors naming the field', () => {
    const badOffset = enc.slice();
    badOffset[15 * 32 + 31] = badOffset[15 * 32 + 31]! ^ 0x20; // signature offset
    expect(() => decodeZkSyncTx(badOffset)).toThrow(/transaction\.signature\.offset/);
    const dirty = enc.slice();
    dirty[608 + 32 + 5] = 1; // inside the zero padding after the 3 data bytes
    expect(() => decodeZkSyncTx(dirty)).toThrow(/transaction\.data: non-zero padding/);
    const signed = encodeZkSyncTx({ ...fields, signature: new Uint8Array(65) });
    expect(() => decodeZkSyncTx(signed)).toThrow(InputError);
    expect(() => decodeZkSyncTx(signed)).toThrow(/transaction\.signature/);
    const wide = enc.slice();
    wide[3 * 32 + 23] = 1; // gasLimit wider than 64 bits
    expect(() => decodeZkSyncTx(wide)).toThrow(/transaction\.gasLimit: does not fit in 64 bits/);
  });
});

describe('an L1→L2 deposit (process_l1_transaction)', () => {
  it('mints the value to the sender, which moves it to the recipient; fee to 0x8001 → coinbase; rest refunded', () => {
    const { world, env: e } = env();
    const tx = deposit();
    const r = processL1Transaction(e, tx, { firstInBlock: false });
    if (!r.valid) throw new Error(r.error.message);
    expect(r.status).toBe('success');
    expect(world.getAccount(BOB).balance).toBe(tx.value);
    expect(world.getAccount(ALIAS).balance).toBe(0n);
    // compute_gas_refund: gas used = max(intrinsic 11000, native used / native per gas), native per gas =
    // ceil(price / L1_TX_NATIVE_PRICE 10) = 10.
    expect(r.gasUsed).toBe(r.nativeUsed! / 10n > 11_000n ? r.nativeUsed! / 10n : 11_000n);
    expect(r.l1.fee).toBe(r.gasUsed * 100n);
    expect(world.getAccount(COINBASE).balance).toBe(r.l1.fee);
    expect(world.getAccount(0x8001n).balance).toBe(0n);
    expect(world.getAccount(REFUND).balance).toBe(tx.mint - tx.value - r.l1.fee);
    expect(r.l1.txHash).toBe(l1TxHash(encodeZkSyncTx(l1TxFields(tx))));
    // Native includes the 88 bytes of intrinsic pubdata at gas per pubdata (800) × native per gas (10).
    expect(r.nativeUsed! >= 10_000n + 88n * 800n * 10n).toBe(true);
  });

  it('a reverting call undoes the mint: the refund recipient gets the deposit less the fee', () => {
    const reverter = asm().revert(0, 0).toBytes();
    const { world, env: e } = env([[CONTRACT, { code: reverter }]]);
    const tx = deposit({ to: CONTRACT });
    const r = processL1Transaction(e, tx, { firstInBlock: false });
    if (!r.valid) throw new Error(r.error.message);
    expect(r.status).toBe('revert');
    expect(world.getAccount(ALIAS).balance).toBe(0n);
    expect(world.getAccount(CONTRACT).balance).toBe(0n);
    expect(world.getAccount(REFUND).balance).toBe(tx.mint - r.l1.fee);
  });

  it('a deposit below value + gas limit × price is rejected (an internal error in ZKsync OS)', () => {
    const { env: e } = env();
    const r = processL1Transaction(e, deposit({ mint: 10n ** 18n }), { firstInBlock: false });
    expect(!r.valid && r.error.code).toBe('DepositTooLow');
  });

  it('no nonce check and no nonce bump (L1 transactions are ordered by L1)', () => {
    const { world, env: e } = env();
    const r = processL1Transaction(e, deposit({ nonce: 42n }), { firstInBlock: false });
    expect(r.valid).toBe(true);
    expect(world.getAccount(ALIAS).nonce).toBe(0n);
  });
});

describe('an upgrade transaction through the deployer hook 0x8006 (contract_deployer.rs)', () => {
  const code = asm().push(42).retTop().toBytes();
  const blakeHash = hex(blake2s(code));
  const keccakHash = hex(keccak_256(code));
  const calldata = () => {
    const c = new Uint8Array(4 + 128);
    c.set([0xf6, 0xec, 0xa0, 0xb0]);
    const put = (i: number, v: bigint) => {
      for (let k = 0; k < 32; k++) c[4 + i * 32 + 31 - k] = Number((v >> BigInt(8 * k)) & 0xffn);
    };
    put(0, TARGET);
    put(1, blakeHash);
    put(2, BigInt(code.length));
    put(3, keccakHash);
    return c;
  };
  const upgrade = (o: Partial<L1Transaction> = {}): L1Transaction =>
    deposit({
      type: 0xfe,
      from: UPGRADER,
      to: DEPLOYER,
      value: 0n,
      mint: 300_000n * 100n,
      data: calldata(),
      factoryDeps: [code],
      ...o,
    });

  it('sets the code by its blake2s hash, the preimage coming as a factory dependency; the hash is published, not the code', () => {
    const { world, env: e } = env();
    const r = processL1Transaction(e, upgrade(), { firstInBlock: true });
    if (!r.valid) throw new Error(r.error.message);
    expect(r.status).toBe('success');
    expect(world.getAccount(TARGET).code).toEqual(code);
    expect(world.getAccount(TARGET).codeHash).toBe(keccakHash);
    expect(r.pubdata!.bytecodes).toBe(0); // not_publish_bytecode: the 32-byte hash is in the state diff instead
    // compute_gas_refund with UPGRADE_TX_NATIVE_PER_GAS = 10000: gas used covers native used / 10000
    expect(r.gasUsed >= r.nativeUsed! / 10_000n).toBe(true);
    expect(r.gasUsed >= 11_000n).toBe(true);
    expect(r.l1.fee).toBe(r.gasUsed * 100n);
  });

  it('must be the first transaction of the block (UpgradeTxNotFirst) and must succeed (UpgradeTxFailed)', () => {
    const { env: e } = env();
    const notFirst = processL1Transaction(e, upgrade(), { firstInBlock: false });
    expect(!notFirst.valid && notFirst.error.code).toBe('UpgradeTxNotFirst');
    // The deployer hook only accepts the complex upgrader 0x800f as caller: the hook reverts, the upgrade fails.
    const wrongCaller = processL1Transaction(e, upgrade({ from: 0x8010n }), { firstInBlock: true });
    expect(!wrongCaller.valid && wrongCaller.error.code).toBe('UpgradeTxFailed');
  });
});
