import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/input/parse.js';
import {
  buildTransaction,
  casesForFork,
  loadStateTestFile,
  parseStateTestFile,
  type StateTest,
} from '../../src/statetest/fixture.js';
import { matchesExpectedException } from '../../src/tx/errors.js';
import { validateTransaction } from '../../src/tx/validate.js';
import { haveFixture, STATE_TESTS_DIR as ROOT } from '../helpers/fixtures.js';

const SK = '0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8';
const SENDER = '0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b';
const ZERO32 = '0x' + '00'.repeat(32);

function only(file: string): StateTest {
  const tests = loadStateTestFile(`${ROOT}/${file}`);
  expect(tests.size).toBe(1);
  return [...tests.values()][0]!;
}

function validate(test: StateTest, index: { data: number; gas: number; value: number }) {
  const tx = buildTransaction(test, index);
  const acct = test.pre.get(tx.sender);
  return validateTransaction(tx, {
    block: test.env,
    senderNonce: acct?.nonce ?? 0n,
    senderBalance: acct?.balance ?? 0n,
    senderHasCode: (acct?.code.length ?? 0) > 0,
  });
}

describe.skipIf(!haveFixture(ROOT, 'statetest fixture parsing: real fixtures'))('real fixtures', () => {
  it('stExample/add11: env, pre and one Cancun case', () => {
    const t = only('stExample/add11.json');
    expect(t.name).toBe('add11');
    expect(t.env.chainId).toBe(1n);
    expect(t.env.coinbase).toBe(0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ban);
    expect(t.env.blobBaseFee).toBe(1n);
    expect(t.env.excessBlobGas).toBe(0n);
    expect(t.env.prevRandao).toBe(0x20000n);
    expect(t.env.difficulty).toBe(0x20000n);
    expect(t.pre.size).toBeGreaterThan(1);
    const sender = t.pre.get(BigInt(SENDER))!;
    expect(sender.code.length).toBe(0);
    expect(t.txTemplate.sender).toBe(BigInt(SENDER));
    const cancun = casesForFork(t);
    expect(cancun.length).toBe(1);
    expect(cancun[0]!.expectedStateRoot).toMatch(/^0x[0-9a-f]{64}$/);
    expect(cancun[0]!.expectedLogsHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(cancun[0]!.expectException).toBeUndefined();
    expect(cancun[0]!.txbytes!.length).toBeGreaterThan(0);
    const tx = buildTransaction(t, cancun[0]!.index);
    expect(tx.type).toBe(0);
    expect(tx.gasPrice).toBe(0x0an);
    expect(validate(t, cancun[0]!.index)).toBeNull();
  });

  it('stEIP2930/transactionCosts: 12 Cancun cases, null access list → legacy, others type 1', () => {
    const t = only('stEIP2930/transactionCosts.json');
    const cancun = casesForFork(t);
    expect(cancun.length).toBe(12);
    expect(t.txTemplate.accessLists!.length).toBe(12);
    const types = cancun.map((c) => buildTransaction(t, c.index).type);
    expect(types.filter((x) => x === 0).length).toBe(1);
    expect(types.filter((x) => x === 1).length).toBe(11);
    const tx6 = buildTransaction(t, { data: 6, gas: 0, value: 0 });
    expect(tx6.accessList).toEqual([{ address: 0x101n, storageKeys: [0n, 1n] }]);
    for (const c of cancun) {
      const first = c.txbytes![0]!;
      expect(first >= 0xc0 ? 0 : first).toBe(buildTransaction(t, c.index).type);
    }
  });

  it('Pyspecs insufficient_balance_blob_tx: 144 blob tests, all rejected for funds', () => {
    const tests = loadStateTestFile(`${ROOT}/Pyspecs/cancun/eip4844_blobs/insufficient_balance_blob_tx.json`);
    expect(tests.size).toBe(144);
    let n = 0;
    for (const t of tests.values()) {
      for (const c of casesForFork(t)) {
        n++;
        const tx = buildTransaction(t, c.index);
        expect(tx.type).toBe(3);
        expect(tx.blobVersionedHashes.length).toBeGreaterThan(0);
        expect(matchesExpectedException(validate(t, c.index), c.expectException!)).toBe(true);
      }
    }
    expect(n).toBe(144);
  });

  it('Cancun createBlobhashTx: a blob creation is built (to = null) and rejected', () => {
    const t = only('Cancun/stEIP4844-blobtransactions/createBlobhashTx.json');
    const [c] = casesForFork(t);
    const tx = buildTransaction(t, c!.index);
    expect(tx.type).toBe(3);
    expect(tx.to).toBeNull();
    expect(tx.accessList[0]!.storageKeys).toEqual([0n, 1n]);
    expect(validate(t, c!.index)?.code).toBe('BlobCreate');
    expect(c!.expectException).toBe('TransactionException.TYPE_3_TX_CONTRACT_CREATION');
  });

  it('ValueOverflowParis: a value above 2^256 ("0x:bigint …") parses and validation rejects it', () => {
    const t = only('stTransactionTest/ValueOverflowParis.json');
    const [c] = casesForFork(t);
    const tx = buildTransaction(t, c!.index);
    expect(tx.value).toBe((1n << 256n) + 1n);
    const err = validate(t, c!.index);
    expect(err?.code).toBe('FieldOverflow');
    expect(matchesExpectedException(err, c!.expectException!)).toBe(true);
  });

  it('CreateTransactionHighNonce: nonce 2^64-1 in state and tx', () => {
    const t = only('stCreateTest/CreateTransactionHighNonce.json');
    expect(t.pre.get(BigInt(SENDER))!.nonce).toBe((1n << 64n) - 1n);
    for (const c of casesForFork(t)) expect(validate(t, c.index)?.code).toBe('NonceMax');
  });
});

/** A minimal well-formed fixture; tests mutate copies of it. */
function fixture(): Record<string, any> {
  return {
    t1: {
      _info: { comment: 'synthetic' },
      env: {
        currentBaseFee: '0x0a',
        currentCoinbase: '0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba',
        currentDifficulty: '0x020000',
        currentExcessBlobGas: '0x0e0000',
        currentGasLimit: '0x05500000',
        currentNumber: '0x01',
        currentRandom: '0x0000000000000000000000000000000000000000000000000000000000020000',
        currentTimestamp: '0x03e8',
      },
      pre: {
        [SENDER]: { balance: '0x0de0b6b3a7640000', code: '0x', nonce: '0x00', storage: {} },
        '0x1000000000000000000000000000000000000000': {
          balance: '0x00',
          code: '0x600160015500',
          nonce: '0x01',
          storage: { '0x01': '0x02', '0x0000000000000000000000000000000000000000000000000000000000000003': '0x04' },
        },
      },
      transaction: {
        data: ['0x', '0x00ff'],
        accessLists: [null, [{ address: '0x1000000000000000000000000000000000000000', storageKeys: [ZERO32] }]],
        gasLimit: ['0x5208', '0x0186a0'],
        gasPrice: '0x0a',
        nonce: '0x00',
        secretKey: SK,
        sender: SENDER,
        to: '0x1000000000000000000000000000000000000000',
        value: ['0x00', '0x01'],
      },
      post: {
        Cancun: [
          { hash: ZERO32, logs: ZERO32, indexes: { data: 0, gas: 0, value: 0 }, txbytes: '0x00' },
          {
            hash: ZERO32,
            logs: ZERO32,
            indexes: { data: 1, gas: 1, value: 1 },
            txbytes: '0x01',
            expectException: 'TransactionException.INTRINSIC_GAS_TOO_LOW',
          },
        ],
      },
    },
  };
}

function parseError(mutate: (f: Record<string, any>) => void): InputError {
  const f = fixture();
  mutate(f);
  try {
    parseStateTestFile(f, 'x.json');
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

const A = '0x1000000000000000000000000000000000000000';

describe('synthetic fixtures', () => {
  it('parses a well-formed fixture', () => {
    const file = parseStateTestFile(fixture(), 'x.json');
    const t = file.get('t1')!;
    expect(t.file).toBe('x.json');
    expect(t.env.blobBaseFee).toBe(1n);
    expect(t.pre.get(BigInt(A))!.storage).toEqual(
      new Map([
        [1n, 2n],
        [3n, 4n],
      ]),
    );
    expect(t.pre.get(BigInt(A))!.code).toEqual(Uint8Array.of(0x60, 1, 0x60, 1, 0x55, 0));
    expect(t.cases.map((c) => c.fork)).toEqual(['Cancun', 'Cancun']);
    expect(t.cases[1]!.expectException).toBe('TransactionException.INTRINSIC_GAS_TOO_LOW');
    const tx0 = buildTransaction(t, t.cases[0]!.index);
    expect(tx0).toMatchObject({ type: 0, gasLimit: 21000n, value: 0n, to: BigInt(A), accessList: [], gasPrice: 10n });
    expect(tx0.maxFeePerGas).toBeUndefined();
    const tx1 = buildTransaction(t, t.cases[1]!.index);
    expect(tx1).toMatchObject({ type: 1, gasLimit: 100000n, value: 1n, data: Uint8Array.of(0, 0xff) });
    expect(tx1.accessList).toEqual([{ address: BigInt(A), storageKeys: [0n] }]);
    expect(tx1.sender).toBe(BigInt(SENDER));
  });

  it('derives types 2 and 3 and honours config.chainid', () => {
    const f = fixture();
    const tx = f['t1'].transaction;
    delete tx.gasPrice;
    tx.maxFeePerGas = '0x14';
    tx.maxPriorityFeePerGas = '0x01';
    f['t1'].config = { chainid: '0x05' };
    let t = parseStateTestFile(f, 'x.json').get('t1')!;
    expect(buildTransaction(t, { data: 0, gas: 0, value: 0 })).toMatchObject({
      type: 2,
      chainId: 5n,
      maxFeePerGas: 20n,
    });
    expect(buildTransaction(t, { data: 0, gas: 0, value: 0 }).accessList).toEqual([]);
    tx.maxFeePerBlobGas = '0x01';
    tx.blobVersionedHashes = ['0x01' + '00'.repeat(31)];
    t = parseStateTestFile(f, 'x.json').get('t1')!;
    const b = buildTransaction(t, { data: 1, gas: 1, value: 0 });
    expect(b).toMatchObject({ type: 3, maxFeePerBlobGas: 1n, blobVersionedHashes: [1n << 248n] });
  });

  it('uses the sender field when there is no secret key', () => {
    const f = fixture();
    delete f['t1'].transaction.secretKey;
    f['t1'].transaction.sender = A;
    expect(parseStateTestFile(f, 'x.json').get('t1')!.txTemplate.sender).toBe(BigInt(A));
  });

  it('keeps over-wide tx values for validation instead of throwing', () => {
    const f = fixture();
    f['t1'].transaction.gasLimit = ['0x010000000000000000'];
    f['t1'].transaction.value = ['0x' + '1'.repeat(70)];
    f['t1'].post.Cancun = [{ hash: ZERO32, logs: ZERO32, indexes: { data: 0, gas: 0, value: 0 } }];
    const t = parseStateTestFile(f, 'x.json').get('t1')!;
    const tx = buildTransaction(t, { data: 0, gas: 0, value: 0 });
    expect(tx.gasLimit).toBe(1n << 64n);
    expect(
      validateTransaction(tx, { block: t.env, senderNonce: 0n, senderBalance: 0n, senderHasCode: false })?.code,
    ).toBe('FieldOverflow');
  });

  const pre = (f: Record<string, any>) => f['t1'].pre[A];
  it.each<[string, (f: Record<string, any>) => void, RegExp]>([
    [
      'bad hex balance',
      (f) => (pre(f).balance = '0xzz'),
      /^x\.json › t1 › pre\.0x1000000000000000000000000000000000000000\.balance: not a hex quantity/,
    ],
    [
      'balance above 2^256-1',
      (f) => (pre(f).balance = '0x1' + '0'.repeat(64)),
      /pre\.0x1{1}0{39}\.balance: quantity exceeds 2\^256-1/,
    ],
    ['negative balance', (f) => (pre(f).balance = '-0x01'), /\.balance: negative quantity/],
    ['numeric balance', (f) => (pre(f).balance = 5), /\.balance: expected a hex quantity string, got a number/],
    ['missing balance', (f) => delete pre(f).balance, /\.balance: missing field/],
    ['empty nonce', (f) => (pre(f).nonce = '0x'), /\.nonce: empty hex quantity/],
    ['nonce above 2^64-1', (f) => (pre(f).nonce = '0x010000000000000000'), /\.nonce: quantity exceeds 2\^64-1/],
    ['odd-length code', (f) => (pre(f).code = '0x600'), /\.code: odd-length hex data/],
    ['code without 0x', (f) => (pre(f).code = '6000'), /\.code: hex data must start with 0x/],
    [
      'bad storage value',
      (f) => (pre(f).storage['0x01'] = 'zz'),
      /pre\.0x1{1}0{39}\.storage\.0x01: not a hex quantity/,
    ],
    ['duplicate storage key', (f) => (pre(f).storage['0x0001'] = '0x01'), /storage\.0x0001: duplicate storage key/],
    ['short pre address', (f) => (f['t1'].pre['0x1234'] = pre(f)), /pre\.0x1234: address must be 20 bytes, got 2/],
    ['unknown account field', (f) => (pre(f).extra = 1), /\.extra: unknown field/],
    ['storage not an object', (f) => (pre(f).storage = []), /\.storage: expected an object, got an array/],
    [
      'coinbase of wrong length',
      (f) => (f['t1'].env.currentCoinbase = '0x2adc'),
      /env\.currentCoinbase: address must be 20 bytes/,
    ],
    ['missing env field', (f) => delete f['t1'].env.currentNumber, /env\.currentNumber: missing field/],
    [
      'to of wrong length',
      (f) => (f['t1'].transaction.to = '0x' + '11'.repeat(21)),
      /transaction\.to: address must be 20 bytes, got 21/,
    ],
    ['bad data entry', (f) => (f['t1'].transaction.data[1] = '0xgg'), /transaction\.data\[1\]: not hex data/],
    [
      'gasLimit not an array',
      (f) => (f['t1'].transaction.gasLimit = '0x5208'),
      /transaction\.gasLimit: expected an array, got a string/,
    ],
    [
      'access-list key short',
      (f) => (f['t1'].transaction.accessLists[1][0].storageKeys[0] = '0x00'),
      /accessLists\[1\]\[0\]\.storageKeys\[0\]: word must be 32 bytes, got 1/,
    ],
    [
      'access lists of wrong length',
      (f) => f['t1'].transaction.accessLists.pop(),
      /transaction\.accessLists: has 1 entries but data has 2/,
    ],
    ['sender mismatch', (f) => (f['t1'].transaction.sender = A), /transaction\.sender: does not match secretKey/],
    [
      'zero secret key',
      (f) => (f['t1'].transaction.secretKey = ZERO32),
      /transaction\.secretKey: invalid secp256k1 secret key/,
    ],
    ['no fee field', (f) => delete f['t1'].transaction.gasPrice, /transaction\.gasPrice: missing field/],
    ['unknown tx field', (f) => (f['t1'].transaction.blobGasUsed = []), /transaction\.blobGasUsed: unknown field/],
    [
      'index out of range',
      (f) => (f['t1'].post.Cancun[0].indexes.data = 2),
      /post\.Cancun\[0\]\.indexes\.data: index 2 out of range/,
    ],
    [
      'negative index',
      (f) => (f['t1'].post.Cancun[0].indexes.gas = -1),
      /post\.Cancun\[0\]\.indexes\.gas: expected a non-negative integer/,
    ],
    [
      'short state root',
      (f) => (f['t1'].post.Cancun[1].hash = '0x00'),
      /post\.Cancun\[1\]\.hash: word must be 32 bytes/,
    ],
    [
      'exception not a string',
      (f) => (f['t1'].post.Cancun[1].expectException = 1),
      /post\.Cancun\[1\]\.expectException: expected a string/,
    ],
    ['test not an object', (f) => (f['t1'] = []), /^x\.json › t1: expected an object, got an array/],
    ['missing pre', (f) => delete f['t1'].pre, /^x\.json › t1 › pre: missing field/],
  ])('names the field: %s', (_name, mutate, pattern) => {
    const err = parseError(mutate);
    expect(err.message).toMatch(pattern);
    expect(err.message.startsWith(err.field + ': ')).toBe(true);
  });

  it('rejects a file that is not an object', () => {
    expect(() => parseStateTestFile([], 'x.json')).toThrow(/^x\.json: expected an object, got an array$/);
  });

  it('buildTransaction rejects an index outside the template', () => {
    const t = parseStateTestFile(fixture(), 'x.json').get('t1')!;
    expect(() => buildTransaction(t, { data: 0, gas: 5, value: 0 })).toThrow(InputError);
  });
});
