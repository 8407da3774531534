// execution-spec-tests state-test forms: `authorizationList` entries (chainId, address, nonce, v, r, s, yParity,
// signer) become a type-4 transaction; the newer TransactionException names match our rejections.
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../../src/crypto/bytes.js';
import { buildTransaction, parseStateTestFile } from '../../src/statetest/fixture.js';
import { runStateTestCase, worldStateRoot } from '../../src/statetest/runCase.js';
import { WorldState } from '../../src/system/world.js';
import { signAuthorization } from '../../src/tx/authorization.js';
import { addressFromSecretKey } from '../../src/tx/sender.js';

const hex = (v: bigint) => '0x' + v.toString(16);
const addr = (v: bigint) => '0x' + v.toString(16).padStart(40, '0');
const SK = '0x' + '45'.repeat(32);
const AUTH_SK = new Uint8Array(32).fill(9);
const COINBASE = 0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ban;
const sender = addressFromSecretKey(Uint8Array.from(Buffer.from('45'.repeat(32), 'hex')));
const a = signAuthorization(AUTH_SK, { chainId: 1n, address: 0xc0den, nonce: 0n });
const EMPTY_LOGS = '0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347';

function fixture(authorizationList: unknown[], post: Record<string, unknown[]>, gasLimit = '0x0f4240') {
  return {
    t: {
      env: {
        currentCoinbase: addr(COINBASE),
        currentDifficulty: '0x0',
        currentGasLimit: '0x1c9c380',
        currentNumber: '0x1',
        currentTimestamp: '0x3e8',
        currentBaseFee: '0x7',
        currentRandom: '0x0',
        currentExcessBlobGas: '0x0',
      },
      pre: { [addr(sender)]: { balance: '0xde0b6b3a7640000', nonce: '0x0', code: '0x', storage: {} } },
      transaction: {
        nonce: '0x0',
        maxFeePerGas: '0xa',
        maxPriorityFeePerGas: '0x1',
        gasLimit: [gasLimit],
        to: addr(0xe0an),
        value: ['0x0'],
        data: ['0x'],
        secretKey: SK,
        authorizationList,
      },
      post,
    },
  };
}
const entry = (hash: string, expectException?: string) => ({
  hash,
  logs: EMPTY_LOGS,
  indexes: { data: 0, gas: 0, value: 0 },
  ...(expectException ? { expectException } : {}),
});
const eestAuth = {
  chainId: hex(a.chainId),
  address: addr(a.address),
  nonce: hex(a.nonce),
  v: hex(a.yParity),
  r: hex(a.r),
  s: hex(a.s),
  yParity: hex(a.yParity),
  signer: addr(addressFromSecretKey(AUTH_SK)),
};

describe('execution-spec-tests forms', () => {
  it('authorizationList entries parse into a type-4 transaction', () => {
    const file = parseStateTestFile(fixture([eestAuth], { Prague: [entry('0x' + '00'.repeat(32))] }), 'x.json');
    const test = file.get('t')!;
    const tx = buildTransaction(test, { data: 0, gas: 0, value: 0 });
    expect(tx.type).toBe(4);
    expect(tx.authorizationList).toEqual([
      { chainId: 1n, address: 0xc0den, nonce: 0n, yParity: a.yParity, r: a.r, s: a.s },
    ]);
  });

  it('v and yParity must agree; missing fields are named', () => {
    expect(() =>
      parseStateTestFile(fixture([{ ...eestAuth, v: hex(1n - a.yParity) }], { Prague: [] }), 'x.json'),
    ).toThrow(/authorizationList\[0\]\.v: differs from yParity/);
    const { r: _r, ...noR } = eestAuth;
    expect(() => parseStateTestFile(fixture([noR], { Prague: [] }), 'x.json')).toThrow(/authorizationList\[0\].*r/);
  });

  it('a rejected transaction matches TYPE_4_EMPTY_AUTHORIZATION_LIST / GAS_LIMIT_EXCEEDS_MAXIMUM / TYPE_4_TX_PRE_FORK', () => {
    // The post-state of a rejected transaction is the pre-state with the coinbase touched (absent: no change).
    const pre = WorldState.fromAccounts([[sender, { balance: 10n ** 18n }]]);
    const root = bytesToHex(worldStateRoot(pre));
    const cases: [unknown[], string, string, string?][] = [
      [[], 'Prague', 'TransactionException.TYPE_4_EMPTY_AUTHORIZATION_LIST'],
      [[eestAuth], 'Osaka', 'TransactionException.GAS_LIMIT_EXCEEDS_MAXIMUM', '0x1000001'],
      [[eestAuth], 'Cancun', 'TransactionException.TYPE_4_TX_PRE_FORK'],
    ];
    for (const [list, fork, exception, gas] of cases) {
      const test = parseStateTestFile(fixture(list, { [fork]: [entry(root, exception)] }, gas), 'x.json').get('t')!;
      const r = runStateTestCase(test, test.cases[0]!);
      expect({ fork, pass: r.pass, error: r.error }).toEqual({ fork, pass: true, error: undefined });
    }
  });
});
