// EIP-2935: the block-start system call stores the parent hash in the history contract (the EIP's bytecode,
// copied as data from the EIP text), whose get() serves it; BLOCKHASH keeps its 256-block window.
import { describe, expect, it } from 'vitest';
import { hexToBytes } from '../../src/crypto/bytes.js';
import { ethereum } from '../../src/profiles/ethereum.js';
import {
  HISTORY_SERVE_WINDOW,
  HISTORY_STORAGE_ADDRESS,
  storeParentBlockHash,
} from '../../src/runner/blockHashHistory.js';
import { createEnvironment } from '../../src/runner/environment.js';
import { WorldState, type AccountInit } from '../../src/system/world.js';
import { processTransaction } from '../../src/tx/process.js';
import { asm } from '../helpers/bytecode.js';
import { parseScenario } from '../../src/input/scenario.js';
import { runScenario } from '../../src/trace/runScenario.js';
import { BLOCK } from '../runner/helpers.js';
import { ONE_ETH, SENDER, tx } from './helpers.js';

/** EIP-2935 HISTORY_STORAGE_CODE (the EIP's deployed bytecode). */
const HISTORY_CODE = hexToBytes(
  '0x3373fffffffffffffffffffffffffffffffffffffffe14604657602036036042575f35600143038111604257611fff81430311604257611fff9006545f5260205ff35b5f5ffd5b5f35611fff60014303065500',
);
const PARENT = 0x1234_5678_9abc_def0_1234_5678_9abc_def0_1234_5678_9abc_def0_1234_5678_9abc_def0n;
const block = { ...BLOCK, number: 10_000n };
const word = (v: bigint) => hexToBytes('0x' + v.toString(16).padStart(64, '0'));

function setup(fork: 'Cancun' | 'Prague' | 'Osaka', withContract = true) {
  const C = 0xc0de000000000000000000000000000000000001n;
  const blockhashProbe = asm()
    .push(block.number - 1n)
    .op('BLOCKHASH')
    .push0()
    .op('SSTORE')
    .op('STOP')
    .toBytes();
  const accounts: [bigint, AccountInit][] = [
    [SENDER, { balance: ONE_ETH }],
    [C, { code: blockhashProbe }],
  ];
  if (withContract) accounts.push([HISTORY_STORAGE_ADDRESS, { code: HISTORY_CODE, nonce: 1n }]);
  const world = WorldState.fromAccounts(accounts);
  const env = createEnvironment({ profile: ethereum, fork, world, block, blockHashes: (n) => n * 7n });
  return { world, env, C };
}

describe('EIP-2935 block-hash history', () => {
  it('Prague: the system call stores the parent hash at (number − 1) mod 8191 and get() returns it', () => {
    const { world, env } = setup('Prague');
    const out = storeParentBlockHash(env, PARENT);
    expect(out?.status).toBe('success');
    expect(HISTORY_SERVE_WINDOW).toBe(8191n);
    expect(world.sload(HISTORY_STORAGE_ADDRESS, (block.number - 1n) % HISTORY_SERVE_WINDOW)).toBe(PARENT);
    const read = processTransaction(env, tx({ to: HISTORY_STORAGE_ADDRESS, data: word(block.number - 1n) }));
    expect(read.valid && read.status).toBe('success');
    expect(read.valid && read.returnData).toEqual(word(PARENT));
    // The current block is not served: get() reverts.
    const current = processTransaction(env, tx({ nonce: 1n, to: HISTORY_STORAGE_ADDRESS, data: word(block.number) }));
    expect(current.valid && current.status).toBe('revert');
  });

  it('the system account stays absent (no nonce, no fee, nothing left behind)', () => {
    const { world, env } = setup('Osaka');
    storeParentBlockHash(env, PARENT);
    expect(world.exists(0xfffffffffffffffffffffffffffffffffffffffen)).toBe(false);
  });

  it('is skipped before Prague, and when no code is deployed', () => {
    expect(storeParentBlockHash(setup('Cancun').env, PARENT)).toBeNull();
    const { world, env } = setup('Prague', false);
    expect(storeParentBlockHash(env, PARENT)).toBeNull();
    expect(world.exists(HISTORY_STORAGE_ADDRESS)).toBe(false);
  });

  it('BLOCKHASH is unchanged: it serves the 256-block window from the chain, not the contract', () => {
    const { world, env, C } = setup('Prague');
    storeParentBlockHash(env, PARENT);
    processTransaction(env, tx({ to: C }));
    expect(world.sload(C, 0n)).toBe((block.number - 1n) * 7n);
  });

  it('zkos run scenarios: block.parentHash runs the call before the first transaction (recorded run too)', () => {
    const history = '0x0000f90827f1c53a10cb7a02335b175320002935';
    const text = JSON.stringify({
      fork: 'Prague',
      block: { number: '0x2710', parentHash: '0x' + PARENT.toString(16).padStart(64, '0') },
      pre: {
        [history]: { code: '0x' + Buffer.from(HISTORY_CODE).toString('hex'), nonce: '0x1' },
        '0x1111111111111111111111111111111111111111': { balance: '0xde0b6b3a7640000' },
      },
      transactions: [
        { from: '0x1111111111111111111111111111111111111111', to: history, data: '0x' + '0'.repeat(60) + '270f' },
      ],
    });
    for (const record of [false, true]) {
      const run = runScenario(parseScenario(text, 's.json'), { record });
      const r = run.results[0]!;
      expect(r.valid && r.status).toBe('success');
      expect(r.valid && r.returnData).toEqual(word(PARENT));
    }
  });
});
