// Pubdata per transaction (issue #12 item 5). Rust: zk_ee/src/common_structs/pubdata_compression.rs
// `optimal_compression_length_u256`; account_cache_entry.rs `AccountProperties::diff_compression_length`;
// storage_cache.rs `calculate_pubdata_used_by_tx` (32-byte key + compressed value per changed slot);
// logs_storage.rs `push_message` (4 + length + L2_TO_L1_LOG_SERIALIZE_SIZE 88); gas_helpers.rs
// `get_resources_to_charge_for_pubdata` (native = pubdata × gas_per_pubdata × native_per_gas).
import { describe, expect, it } from 'vitest';
import { accountDiffLength, compressedDiffLength } from '../../src/system/pubdata.js';
import { AccountRecord, EMPTY_ACCOUNT, NONEXISTENT } from '../../src/system/world.js';
import { keccak256Word } from '../../src/crypto/keccak.js';
import { zksync } from '../../src/profiles/zksync.js';
import { createEnvironment } from '../../src/runner/environment.js';
import { WorldState } from '../../src/system/world.js';
import { processTransaction } from '../../src/tx/process.js';
import { asm } from '../helpers/bytecode.js';
import { BLOCK, CONTRACT, INITIAL, runTx, SENDER } from './helpers.js';

describe('compression (pubdata_compression.rs optimal_compression_length_u256)', () => {
  it('takes the shortest of nothing (33), add, sub, transform (1 + operand bytes, operand < 32 bytes)', () => {
    expect(compressedDiffLength(0n, 0n)).toBe(1); // add 0: zero bytes + metadata
    expect(compressedDiffLength(5n, 6n)).toBe(2); // add 1
    expect(compressedDiffLength(6n, 5n)).toBe(2); // sub 1
    expect(compressedDiffLength(1000n, 1n)).toBe(2); // transform to 1 beats sub 999 (2 bytes)
    expect(compressedDiffLength(0n, 1n << 255n)).toBe(33); // every operand is 32 bytes: the full value
    expect(compressedDiffLength(1n << 255n, (1n << 255n) + 0x1234n)).toBe(3); // add 0x1234
  });
});

describe('account diffs (account_cache_entry.rs diff_compression_length)', () => {
  const code = new Uint8Array(32).fill(0x5b);
  const deployed = new AccountRecord(1n, 0n, code, keccak256Word(code));
  it('nonce and balance only: a metadata byte plus each diff that changed; nothing when neither did', () => {
    expect(
      accountDiffLength(
        new AccountRecord(0n, 7n, new Uint8Array(0), 0n),
        new AccountRecord(1n, 7n, new Uint8Array(0), 0n),
        false,
      ),
    ).toEqual({ diff: 1 + 2, bytecode: 0 });
    expect(accountDiffLength(EMPTY_ACCOUNT, EMPTY_ACCOUNT, false)).toEqual({ diff: 0, bytecode: 0 });
  });
  it('a deployment publishes the full properties and the bytecode', () => {
    // metadata 1 + versioning 8 + nonce (add 1) 2 + balance (0 → 0) 1 + bytecode len 4 + artifacts len 4 + observable len 4
    expect(accountDiffLength(NONEXISTENT, deployed, false)).toEqual({ diff: 24, bytecode: 32 });
  });
  it('set_bytecode_details (not_publish_bytecode): the 32-byte hash instead of the bytecode', () => {
    expect(accountDiffLength(NONEXISTENT, deployed, true)).toEqual({ diff: 1 + 8 + 2 + 1 + 32 + 4 + 4, bytecode: 0 });
  });
});

/** SSTORE(0, 1), then sendToL1 of 10 bytes from the contract. */
const storeAndMessage = asm()
  .sstore(0, 1)
  .mstore(0, 0x62f84b24n << 224n)
  .mstore(4, 32)
  .mstore(36, 10)
  .mstore(68, 0x0102030405060708090an << 176n)
  .call(0x8008n, { inSize: 100 })
  .op('POP', 'STOP')
  .toBytes();

describe('a transaction’s pubdata in the receipt (io_subsystem.rs net_pubdata_used)', () => {
  it('state diffs (sender, 0x8001, the slot), the L2→L1 message; measured before the refund', () => {
    const gasLimit = 1_000_000n;
    const { r } = runTx(storeAndMessage, { gasLimit });
    expect(r.status).toBe('success');
    const fee = gasLimit * BLOCK.baseFee; // 10^7 = 0x989680: 3 bytes
    expect(compressedDiffLength(INITIAL, INITIAL - fee)).toBe(4);
    const sender = 1 + 2 + 4; // nonce +1, balance − fee
    const bootloader = 1 + 4; // balance + fee
    const slot = 32 + 2;
    expect(r.pubdata).toEqual({
      stateDiffs: sender + bootloader + slot,
      bytecodes: 0,
      messages: 4 + 10 + 88,
      total: sender + bootloader + slot + 102,
      gasPerPubdata: 1n,
    });
  });

  it('a deployment publishes its bytecode', () => {
    const runtime = new Uint8Array(32).fill(0x5b);
    // initcode: CODECOPY the 32 bytes after it, RETURN them
    const init = asm().push(32).push(12).push(0).op('CODECOPY').push(32).push(0).op('RETURN').toBytes();
    expect(init.length).toBe(12);
    const data = new Uint8Array([...init, ...runtime]);
    const { r } = runTx(new Uint8Array(0), { to: null, data });
    expect(r.status).toBe('success');
    expect(r.pubdata!.bytecodes).toBe(32);
  });

  it('is charged from native: gas per pubdata × native per gas per byte (get_resources_to_charge_for_pubdata)', () => {
    const one = runTx(storeAndMessage, { gasPerPubdata: 1n });
    const zero = runTx(storeAndMessage, { gasPerPubdata: 0n });
    expect(zero.r.pubdata!.total).toBe(one.r.pubdata!.total);
    expect(one.r.nativeUsed! - zero.r.nativeUsed!).toBe(BigInt(one.r.pubdata!.total) * 100n);
  });

  it('a block gas per pubdata above the L2 user limit (1) is an invalid transaction (validate: GasPerPubdataTooHigh)', () => {
    const world = WorldState.fromAccounts([
      [SENDER, { balance: INITIAL }],
      [CONTRACT, { code: storeAndMessage }],
    ]);
    const env = createEnvironment({ profile: zksync, world, block: BLOCK, gasPerPubdata: 2n });
    const r = processTransaction(env, {
      type: 2,
      chainId: 270n,
      nonce: 0n,
      gasLimit: 1_000_000n,
      to: CONTRACT,
      value: 0n,
      data: new Uint8Array(0),
      maxFeePerGas: 25n,
      maxPriorityFeePerGas: 2n,
      accessList: [],
      blobVersionedHashes: [],
      sender: SENDER,
    });
    expect(r.valid).toBe(false);
    if (!r.valid) expect(r.error.code).toBe('GasPerPubdataTooHigh');
  });
});
