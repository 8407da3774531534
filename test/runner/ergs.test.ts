// Ergs (zksync profile, brief §7): 1 gas = 256 ergs. A system hook's 10-ergs step cost is charged in ergs;
// the sub-gas remainder stays with the calling frame, and the transaction reports
// gasUsed = gasLimit - floor(ergsLeft / 256). So k hook calls cost ceil(10k / 256) gas for their steps.
import { describe, expect, it } from 'vitest';
import { zksync } from '../../src/profiles/zksync.js';
import { createEnvironment } from '../../src/runner/environment.js';
import { WorldState } from '../../src/system/world.js';
import { processTransaction } from '../../src/tx/process.js';
import { asm } from '../helpers/bytecode.js';
import { BLOCK as TEST_BLOCK } from './helpers.js';

const SENDER = 0xa11cen;
const CALLER = 0x10001n;
const L1_MESSENGER = 0x8008n;
const BLOCK = { ...TEST_BLOCK, baseFee: 1n };

/** gasUsed of a transaction whose contract makes `k` calls to 0x8008 with empty calldata (each reverts). */
function gasUsedFor(k: number): bigint {
  const code = asm();
  for (let i = 0; i < k; i++) code.call(L1_MESSENGER, { gas: 50_000 }).op('POP');
  code.op('STOP');
  const world = WorldState.fromAccounts([
    [SENDER, { balance: 10n ** 18n }],
    [CALLER, { code: code.toBytes() }],
  ]);
  const env = createEnvironment({ profile: zksync, world, block: BLOCK });
  const r = processTransaction(env, {
    type: 2,
    chainId: 1n,
    nonce: 0n,
    gasLimit: 1_000_000n,
    to: CALLER,
    value: 0n,
    data: new Uint8Array(0),
    maxFeePerGas: 1n,
    maxPriorityFeePerGas: 0n,
    accessList: [],
    blobVersionedHashes: [],
    sender: SENDER,
  });
  if (!r.valid || r.status !== 'success') throw new Error('transaction failed');
  return r.gasUsed;
}

describe('ergs remainder of system-hook step costs (zksync)', () => {
  it('k calls cost ceil(10k/256) gas of steps on top of the per-call EVM cost', () => {
    const used = new Map<number, bigint>();
    for (const k of [2, 3, 25, 26, 27]) used.set(k, gasUsedFor(k));
    const perCall = used.get(3)! - used.get(2)!; // 20 and 30 ergs both round up to 1 gas
    expect(used.get(26)! - used.get(25)!).toBe(perCall + 1n); // 250 ergs -> 1 gas, 260 ergs -> 2 gas
    expect(used.get(27)! - used.get(26)!).toBe(perCall); // 270 ergs still 2 gas
    expect(used.get(25)! - used.get(2)!).toBe(perCall * 23n); // 20 -> 250 ergs: no extra whole gas
  });
});
