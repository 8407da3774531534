// A pre-state and a block for @ethereumjs/vm, as the state-test harness, the fuzzer and scripts/diffcase.mjs
// set them up (one copy, so the three oracles cannot drift apart).
import { type Block, createBlock } from '@ethereumjs/block';
import type { Common } from '@ethereumjs/common';
import type { MerkleStateManager } from '@ethereumjs/statemanager';
import { Account, bigIntToBytes, bigIntToUnpaddedBytes, setLengthLeft } from '@ethereumjs/util';
import type { BlockContext } from '../src/ee/host.js';
import { toAddress } from './ethereumjs.js';

/** An account of the pre-state (our `AccountInit`): zero storage values are skipped, as the trie holds none. */
export interface EjsAccountInit {
  readonly nonce?: bigint;
  readonly balance?: bigint;
  readonly code?: Uint8Array;
  readonly storage?: Iterable<readonly [bigint, bigint]>;
}

/** Writes the accounts into `sm` and flushes it. */
export async function putPreState(
  sm: MerkleStateManager,
  accounts: Iterable<readonly [bigint, EjsAccountInit]>,
): Promise<void> {
  for (const [addr, a] of accounts) {
    const address = toAddress(addr);
    await sm.putAccount(address, new Account(a.nonce ?? 0n, a.balance ?? 0n));
    if (a.code?.length) await sm.putCode(address, a.code);
    for (const [k, v] of a.storage ?? [])
      if (v !== 0n) await sm.putStorage(address, setLengthLeft(bigIntToBytes(k), 32), bigIntToUnpaddedBytes(v));
  }
  await sm.flush();
}

/** A post-merge block header from our block context (no blob gas used yet, zero beacon root). */
export function blockFromContext(e: BlockContext, common: Common): Block {
  return createBlock(
    {
      header: {
        number: e.number,
        coinbase: toAddress(e.coinbase),
        timestamp: e.timestamp,
        gasLimit: e.gasLimit,
        baseFeePerGas: e.baseFee,
        difficulty: 0n,
        mixHash: setLengthLeft(bigIntToBytes(e.prevRandao), 32),
        excessBlobGas: e.excessBlobGas,
        blobGasUsed: 0n,
        parentBeaconBlockRoot: new Uint8Array(32),
      },
    },
    { common, skipConsensusFormatValidation: true },
  );
}
