// makeTx and DEFAULT_BLOCK: the defaults a viem/anvil user expects, and transactions that processTransaction runs.
import { describe, expect, it } from 'vitest';
import {
  createEnvironment,
  DEFAULT_BLOCK,
  ethereum,
  makeTx,
  processTransaction,
  WorldState,
  zksync,
} from '../../src/index.js';

const ALICE = 0xa11cen;
const BOB = 0xb0bn;
const STORE = 0xc0den; // PUSH1 0x2a PUSH1 0 SSTORE STOP
const storeCode = Uint8Array.of(0x60, 0x2a, 0x60, 0x00, 0x55, 0x00);

const world = () =>
  WorldState.fromAccounts([
    [ALICE, { balance: 10n ** 18n, nonce: 5n }],
    [STORE, { code: storeCode }],
  ]);

describe('makeTx', () => {
  it('defaults: EIP-1559 at the block base fee with no tip, nonce 0, chain 1, empty data, no value', () => {
    const tx = makeTx({ from: ALICE, to: BOB, gas: 21_000n });
    expect(tx).toEqual({
      type: 2,
      chainId: 1n,
      nonce: 0n,
      gasLimit: 21_000n,
      to: BOB,
      value: 0n,
      data: new Uint8Array(0),
      maxFeePerGas: DEFAULT_BLOCK.baseFee,
      maxPriorityFeePerGas: 0n,
      accessList: [],
      blobVersionedHashes: [],
      sender: ALICE,
    });
    expect(makeTx({ from: ALICE, gas: 100_000n }).to).toBeNull(); // no `to`: a creation
  });

  it('takes the nonce from the environment world and the fees and chain id from its block', () => {
    const block = { ...DEFAULT_BLOCK, baseFee: 1_000n, chainId: 324n };
    const env = createEnvironment({ profile: zksync, world: world(), block });
    const tx = makeTx({ from: ALICE, to: BOB, gas: 50_000n }, env);
    expect(tx).toMatchObject({ nonce: 5n, chainId: 324n, maxFeePerGas: 1_000n, maxPriorityFeePerGas: 0n });
    expect(makeTx({ from: ALICE, gas: 1n }, { world: world() }).nonce).toBe(5n);
    expect(makeTx({ from: ALICE, gas: 1n, nonce: 9n }, env).nonce).toBe(9n);
  });

  it('chooses the type from the fee fields, as viem does', () => {
    expect(makeTx({ from: ALICE, gas: 1n, gasPrice: 10n })).toMatchObject({ type: 0, gasPrice: 10n });
    const al = [{ address: BOB, storageKeys: [1n] }];
    expect(makeTx({ from: ALICE, gas: 1n, gasPrice: 10n, accessList: al })).toMatchObject({ type: 1 });
    expect(makeTx({ from: ALICE, gas: 1n, type: 0 })).toMatchObject({ type: 0, gasPrice: DEFAULT_BLOCK.baseFee });
    expect(makeTx({ from: ALICE, gas: 1n, maxPriorityFeePerGas: 2n })).toMatchObject({
      type: 2,
      maxFeePerGas: DEFAULT_BLOCK.baseFee + 2n,
      maxPriorityFeePerGas: 2n,
    });
  });

  it('builds transactions that processTransaction executes, nonce after nonce', () => {
    const w = world();
    const env = createEnvironment({ profile: ethereum, world: w, block: DEFAULT_BLOCK });
    const first = processTransaction(env, makeTx({ from: ALICE, to: STORE, gas: 100_000n }, env));
    expect(first).toMatchObject({ valid: true, status: 'success' });
    expect(w.sload(STORE, 0n)).toBe(0x2an);
    const second = processTransaction(env, makeTx({ from: ALICE, to: BOB, value: 1n, gas: 21_000n }, env));
    expect(second).toMatchObject({ valid: true, status: 'success', gasUsed: 21_000n });
    expect(w.getAccount(ALICE).nonce).toBe(7n);
    expect(w.getAccount(BOB).balance).toBe(1n);
    // fees at the base fee with no tip: the sender paid exactly gasUsed × base fee, the coinbase nothing
    const gas = (first.valid ? first.gasUsed : 0n) + 21_000n;
    expect(w.getAccount(ALICE).balance).toBe(10n ** 18n - 1n - gas * DEFAULT_BLOCK.baseFee);
    expect(w.getAccount(DEFAULT_BLOCK.coinbase).balance).toBe(0n);
  });

  it('names the field of a missing or mistyped argument', () => {
    const call = (init: unknown) => () => makeTx(init as Parameters<typeof makeTx>[0]);
    expect(call({ from: ALICE, to: BOB })).toThrow('makeTx: field "gas" must be a bigint, got nothing (missing)');
    expect(call({ from: ALICE, gas: 21000 })).toThrow(
      'makeTx: field "gas" must be a bigint, got number 21000 (write 21000n)',
    );
    expect(call({ from: '0x00000000000000000000000000000000000a11ce', gas: 1n })).toThrow(
      `makeTx: field "from" must be an address as a bigint, got string "0x00000000000000000000000000000000000a11ce" (write BigInt('0x00000000000000000000000000000000000a11ce'))`,
    );
    expect(call({ from: ALICE, gas: 1n, data: '0x12' })).toThrow(
      'makeTx: field "data" must be a Uint8Array, got string "0x12" (convert with hexToBytes)',
    );
    expect(call({ from: ALICE, gasLimit: 1n })).toThrow('makeTx: field "gasLimit" is spelled "gas" in makeTx');
    expect(call({ from: ALICE, gas: 1n, colour: 'red' })).toThrow('makeTx: field "colour" is not a makeTx field');
    expect(call({ from: ALICE, gas: 1n, type: 3 })).toThrow('makeTx: field "type" must be 0, 1 or 2');
    expect(call({ from: ALICE, gas: 1n, type: 2, gasPrice: 1n })).toThrow('makeTx: field "gasPrice" belongs to type 0');
    expect(call({ from: ALICE, gas: -1n })).toThrow('makeTx: field "gas" must not be negative, got -1n');
    expect(call({ from: ALICE, gas: 1n << 64n })).toThrow('makeTx: field "gas" must be at most 2^64-1');
    expect(call({ from: 1n << 160n, gas: 1n })).toThrow('makeTx: field "from" must be at most 2^160-1 (an address)');
    expect(call(undefined)).toThrow('makeTx: field "init" must be an object, got nothing (missing)');
  });
});
