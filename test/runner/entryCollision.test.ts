// A deployment transaction whose address collides: Ethereum burns all its gas, ZKsync returns 1/64 of the
// gas left after intrinsic and the 32000 deployment charge (brief §2.7 step 2, §9).
import { describe, expect, it } from 'vitest';
import { createAddress } from '../../src/ee/evm/deployment.js';
import { ethereum } from '../../src/profiles/ethereum.js';
import { zksync } from '../../src/profiles/zksync.js';
import type { Profile } from '../../src/profiles/types.js';
import { createEnvironment } from '../../src/runner/environment.js';
import { WorldState } from '../../src/system/world.js';
import { intrinsicGas, ZKSYNC_TX_GAS_PARAMS } from '../../src/tx/intrinsic.js';
import { processTransaction } from '../../src/tx/process.js';
import type { Transaction } from '../../src/tx/types.js';
import { BLOCK as TEST_BLOCK } from './helpers.js';

const SENDER = 0xa11cen;
const BLOCK = { ...TEST_BLOCK, baseFee: 1n };

function collide(profile: Profile): { gasUsed: bigint; tx: Transaction } {
  const target = createAddress(SENDER, 0n);
  const world = WorldState.fromAccounts([
    [SENDER, { balance: 10n ** 18n }],
    [target, { nonce: 1n }],
  ]);
  const env = createEnvironment({ profile, world, block: BLOCK });
  const tx: Transaction = {
    type: 2,
    chainId: 1n,
    nonce: 0n,
    gasLimit: 200_000n,
    to: null,
    value: 0n,
    data: new Uint8Array([0x00]),
    maxFeePerGas: 1n,
    maxPriorityFeePerGas: 0n,
    accessList: [],
    blobVersionedHashes: [],
    sender: SENDER,
  };
  const r = processTransaction(env, tx);
  if (!r.valid) throw new Error(r.error.message);
  expect(r.status).not.toBe('success');
  expect(world.getAccount(SENDER).nonce).toBe(1n);
  return { gasUsed: r.gasUsed, tx };
}

describe('deployment transaction to a colliding address', () => {
  it('ethereum burns all the gas', () => {
    expect(collide(ethereum).gasUsed).toBe(200_000n);
  });

  it('zksync returns 1/64 of the execution gas', () => {
    const { gasUsed, tx } = collide(zksync);
    const execution =
      tx.gasLimit - intrinsicGas(tx, ZKSYNC_TX_GAS_PARAMS) - BigInt(ZKSYNC_TX_GAS_PARAMS.createAtExecution);
    expect(gasUsed).toBe(200_000n - execution / 64n);
  });
});
