// Shared setup of the fork tests: one transaction on the `ethereum` profile at a named fork.
import { createEnvironment } from '../../src/runner/environment.js';
import { ethereum } from '../../src/profiles/ethereum.js';
import type { ForkName } from '../../src/forks/index.js';
import { WorldState, type AccountInit } from '../../src/system/world.js';
import { processTransaction, type TxResult } from '../../src/tx/process.js';
import type { Transaction } from '../../src/tx/types.js';
import { addressFromSecretKey } from '../../src/tx/sender.js';
import { BLOCK } from '../runner/helpers.js';

export const key = (n: number): Uint8Array => new Uint8Array(32).fill(n);
export const SENDER_KEY = key(1);
export const SENDER = addressFromSecretKey(SENDER_KEY);
export const EOA = 0xe0a0000000000000000000000000000000000001n;
export const ONE_ETH = 10n ** 18n;

/** A type-2 call from SENDER to EOA with no data; override any field. */
export function tx(fields: Partial<Transaction> = {}): Transaction {
  return {
    type: 2,
    chainId: 1n,
    nonce: 0n,
    gasLimit: 1_000_000n,
    to: EOA,
    value: 0n,
    data: new Uint8Array(0),
    maxFeePerGas: 10n,
    maxPriorityFeePerGas: 1n,
    accessList: [],
    blobVersionedHashes: [],
    sender: SENDER,
    ...fields,
  };
}

/** Runs `t` at `fork` over `pre` (SENDER funded with 1 ether unless `pre` names it). */
export function run(
  fork: ForkName,
  t: Transaction,
  pre: [bigint, AccountInit][] = [],
): { result: TxResult; world: WorldState } {
  const accounts = new Map<bigint, AccountInit>([[SENDER, { balance: ONE_ETH }], ...pre]);
  const world = WorldState.fromAccounts(accounts);
  const env = createEnvironment({ profile: ethereum, fork, world, block: BLOCK });
  return { result: processTransaction(env, t), world };
}

/** The receipt of a valid run (throws with the error of a rejected one). */
export function ok(r: { result: TxResult }): Extract<TxResult, { valid: true }> {
  if (!r.result.valid) throw new Error(`rejected: ${r.result.error.code}: ${r.result.error.message}`);
  return r.result;
}

/** The exception names of a rejected run (throws for a valid one). */
export function rejected(r: { result: TxResult }): readonly string[] {
  if (r.result.valid) throw new Error('expected a rejection');
  return r.result.error.exceptions;
}
