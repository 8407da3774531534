// Run-time validation of library inputs: a mistyped argument is an error naming the function and the field,
// thrown before anything runs (never `TypeError: Cannot mix BigInt and other types`, never a changed world).
import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  createEnvironment,
  DEFAULT_BLOCK,
  ethereum,
  InputError,
  makeTx,
  processTransaction,
  runSingleInteraction,
  runTillCompletion,
  WorldState,
  worldStateRoot,
} from '../../src/index.js';

const ALICE = 0xa11cen;
const env = () =>
  createEnvironment({
    profile: ethereum,
    world: WorldState.fromAccounts([[ALICE, { balance: 10n ** 18n }]]),
    block: DEFAULT_BLOCK,
  });
const loose = <T>(v: unknown): T => v as T;

describe('library argument validation', () => {
  it('createEnvironment names the block field, the world and the profile', () => {
    const world = new WorldState();
    expect(() =>
      createEnvironment(loose({ profile: ethereum, world, block: { ...DEFAULT_BLOCK, baseFee: 7 } })),
    ).toThrow('createEnvironment: field "block.baseFee" must be a bigint, got number 7 (write 7n)');
    expect(() => createEnvironment(loose({ profile: ethereum, block: DEFAULT_BLOCK }))).toThrow(
      'createEnvironment: field "world" must be a WorldState (WorldState.fromAccounts([...])), got nothing (missing)',
    );
    expect(() => createEnvironment(loose({ profile: 'ethereum', world, block: DEFAULT_BLOCK }))).toThrow(
      'createEnvironment: field "profile" must be an object, got string "ethereum"',
    );
    expect(() => createEnvironment(loose({ profile: ethereum, world }))).toThrow(
      'createEnvironment: field "block" must be an object, got nothing (missing)',
    );
    expect(() => createEnvironment(loose({ profile: ethereum, world, block: DEFAULT_BLOCK, nativePrice: 0n }))).toThrow(
      'createEnvironment: field "nativePrice" must be at least 1',
    );
  });

  it('processTransaction names the transaction field and leaves the world untouched', () => {
    const e = env();
    const before = worldStateRoot(e.system.world);
    const tx = makeTx({ from: ALICE, to: 0xb0bn, gas: 21_000n });
    // before: `TypeError: Cannot mix BigInt and other types` from deep inside
    expect(() => processTransaction(e, loose({ ...tx, gasLimit: 21000 }))).toThrow(
      'processTransaction: field "tx.gasLimit" must be a bigint, got number 21000 (write 21000n)',
    );
    const { blobVersionedHashes: _, ...noBlobs } = tx;
    expect(() => processTransaction(e, loose(noBlobs))).toThrow(
      'processTransaction: field "tx.blobVersionedHashes" must be an array of bigints ([] unless type 3), got nothing (missing)',
    );
    expect(() => processTransaction(e, loose({ ...tx, accessList: [{ address: 1n, storageKeys: [1] }] }))).toThrow(
      'processTransaction: field "tx.accessList[0].storageKeys[0]" must be a bigint, got number 1 (write 1n)',
    );
    expect(() => processTransaction(e, loose({ ...tx, type: '2' }))).toThrow(
      'processTransaction: field "tx.type" must be 0, 1, 2, 3 or 4',
    );
    expect(() => processTransaction(loose({}), tx)).toThrow(
      'processTransaction: field "env" must be a run environment from createEnvironment',
    );
    expect(worldStateRoot(e.system.world)).toEqual(before);
    // values wider than their encoding are still transactions that validation rejects, not argument errors
    const r = processTransaction(e, { ...tx, value: 1n << 256n });
    expect(r.valid).toBe(false);
    expect(processTransaction(e, tx)).toMatchObject({ valid: true, status: 'success' });
  });

  it('WorldState.fromAccounts names the entry and field', () => {
    expect(() => WorldState.fromAccounts(loose([[ALICE, { balance: 10 ** 18 }]]))).toThrow(
      'WorldState.fromAccounts: field "accounts[0][1].balance" must be a bigint, got number 1000000000000000000 (write 1000000000000000000n)',
    );
    expect(() =>
      WorldState.fromAccounts(
        loose([
          [1n, {}],
          ['0x' + 'ab'.repeat(20), {}],
        ]),
      ),
    ).toThrow('WorldState.fromAccounts: field "accounts[1][0] (address)" must be an address as a bigint');
    expect(() => WorldState.fromAccounts(loose([[1n, { code: '0x00' }]]))).toThrow(
      'field "accounts[0][1].code" must be a Uint8Array, got string "0x00" (convert with hexToBytes)',
    );
    expect(() => WorldState.fromAccounts(loose([[1n, { storage: [[1n, 2]] }]]))).toThrow(
      'field "accounts[0][1].storage[0][1] (value)" must be a bigint, got number 2 (write 2n)',
    );
    expect(() => WorldState.fromAccounts(loose([[1n, { blance: 1n }]]))).toThrow(
      'field "accounts[0][1].blance" is not an account field (nonce, balance, code, storage)',
    );
    expect(() => WorldState.fromAccounts(loose({ a: 1 }))).toThrow(
      'WorldState.fromAccounts: field "accounts" must be an iterable of [address, account] pairs',
    );
    // a storage generator is read once and loaded
    function* slots(): Generator<[bigint, bigint]> {
      yield [1n, 5n];
    }
    expect(WorldState.fromAccounts(new Map([[1n, { storage: slots() }]])).sload(1n, 1n)).toBe(5n);
  });

  it('runSingleInteraction and runTillCompletion name the field', () => {
    const e = env();
    expect(() =>
      runSingleInteraction(e, loose({ caller: ALICE, callee: 2n, calldata: new Uint8Array(0), value: 0n })),
    ).toThrow('runSingleInteraction: field "call.gas" must be a bigint, got nothing (missing)');
    expect(() => runTillCompletion(e, loose({ type: 'jump' }))).toThrow(
      'runTillCompletion: field "request.type" must be "call" or "create", got string "jump"',
    );
    expect(() =>
      runTillCompletion(
        e,
        loose({
          type: 'create',
          scheme: 'create',
          deployer: ALICE,
          initcode: [0],
          value: 0n,
          salt: 0n,
          gasAvailable: 1n,
        }),
      ),
    ).toThrow('runTillCompletion: field "request.initcode" must be a Uint8Array, got an array');
  });

  it('errors are ArgumentErrors (InputErrors) with the function and field', () => {
    try {
      makeTx(loose({ from: ALICE }));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ArgumentError);
      expect(e).toBeInstanceOf(InputError);
      expect((e as ArgumentError).fn).toBe('makeTx');
      expect((e as ArgumentError).field).toBe('gas');
    }
  });
});
