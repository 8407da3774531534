// Opcodes the zksync profile changes (issue #12 item 7).
// Rust: evm_interpreter/src/instructions/environment.rs `blobhash` (pops the index, pushes 0) and
// `blobbasefee` (pushes 1); basic_system/.../system/mod.rs `charge_storage_write_extra` has no refund
// counter (EIP-3529 refunds never happen: `gas_refunded` is always 0 in process_transaction.rs).
import { describe, expect, it } from 'vitest';
import { ethereum } from '../../src/profiles/ethereum.js';
import { zksync } from '../../src/profiles/zksync.js';
import type { Profile } from '../../src/profiles/types.js';
import { createEnvironment } from '../../src/runner/environment.js';
import { runSingleInteraction } from '../../src/runner/runner.js';
import { WorldState } from '../../src/system/world.js';
import { asm } from '../helpers/bytecode.js';
import { BLOCK, CONTRACT, SENDER, runTx } from './helpers.js';

const HASH = (1n << 248n) | 0xabcdn; // a versioned hash (first byte 0x01)

/** Runs `code` as a call with a blob-hash context and returns slots 0 and 1. */
function blobSlots(profile: Profile): [bigint, bigint] {
  const code = asm().op('BLOBBASEFEE').push(0).op('SSTORE').push(0).op('BLOBHASH').push(1).op('SSTORE', 'STOP');
  const world = WorldState.fromAccounts([[CONTRACT, { code: code.toBytes() }]]);
  const env = createEnvironment({
    profile,
    world,
    block: BLOCK,
    tx: { origin: SENDER, gasPrice: 10n, blobHashes: [HASH] },
  });
  const out = runSingleInteraction(env, {
    caller: SENDER,
    callee: CONTRACT,
    calldata: new Uint8Array(0),
    value: 0n,
    gas: 100_000n,
  });
  expect(out.status).toBe('success');
  return [world.sload(CONTRACT, 0n), world.sload(CONTRACT, 1n)];
}

describe('BLOBBASEFEE and BLOBHASH (environment.rs blobbasefee / blobhash)', () => {
  it('zksync: BLOBBASEFEE is 1 whatever the block says, BLOBHASH(0) is 0 even with a blob hash in context', () => {
    expect(BLOCK.blobBaseFee).toBe(7n);
    expect(blobSlots(zksync)).toEqual([1n, 0n]);
  });

  it('ethereum: the block blob base fee and the versioned hash', () => {
    expect(blobSlots(ethereum)).toEqual([7n, HASH]);
  });

  it('same gas as Cancun in both profiles: BLOBHASH 3, BLOBBASEFEE 2', () => {
    const code = asm().op('GAS', 'BLOBBASEFEE', 'POP', 'GAS', 'SWAP1', 'SUB').push(0).op('SSTORE').toBytes();
    for (const profile of [zksync, ethereum]) {
      const { world } = runTx(code, { profile });
      expect(world.sload(CONTRACT, 0n)).toBe(2n + 2n + 2n); // BLOBBASEFEE 2, POP 2, GAS 2
    }
  });
});

describe('SSTORE refunds (system/mod.rs charge_storage_write_extra: no refund counter)', () => {
  it('clearing a slot refunds under ethereum, not under zksync', () => {
    const code = asm().sstore(1, 0).op('STOP').toBytes();
    const accounts: [bigint, { code: Uint8Array; storage: [bigint, bigint][] }][] = [
      [CONTRACT, { code, storage: [[1n, 5n]] }],
    ];
    expect(runTx(code, { profile: ethereum, accounts }).r.gasRefunded).toBeGreaterThan(0n);
    expect(runTx(code, { profile: zksync, accounts }).r.gasRefunded).toBe(0n);
  });
});
