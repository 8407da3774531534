// Strict scenario parsing: every error names the field path.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/input/scenario.js';
import { InputError } from '../../src/input/parse.js';

const FROM = '0x1111111111111111111111111111111111111111';
const err = (obj: unknown): string => {
  try {
    parseScenario(typeof obj === 'string' ? obj : JSON.stringify(obj), 's.json');
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('no error');
};

describe('parseScenario', () => {
  it('parses defaults: ethereum profile, default block, type-2 fees, nonce from state', () => {
    const s = parseScenario(JSON.stringify({ transactions: [{ from: FROM, to: null, data: '0x00' }] }), 's.json');
    expect(s.profile.name).toBe('ethereum');
    expect(s.block.chainId).toBe(1n);
    expect(s.transactions[0]).toMatchObject({ type: 2, to: null, value: 0n, gasLimit: 1_000_000n, maxFeePerGas: 10n });
    expect(s.transactions[0]!.nonce).toBeUndefined();
  });

  it('accepts decimal quantities, storage words and labels', () => {
    const s = parseScenario(
      JSON.stringify({
        profile: 'zksync',
        pre: { [FROM]: { balance: '1000', storage: { '0x01': '0x02', ['0x' + '0'.repeat(63) + '3']: '4' } } },
        labels: { [FROM]: 'me' },
        transactions: [{ from: FROM, to: FROM, gasPrice: '7', value: '0x10' }],
      }),
      's.json',
    );
    expect(s.profile.name).toBe('zksync');
    expect(s.pre.get(BigInt(FROM))!.balance).toBe(1000n);
    expect([...s.pre.get(BigInt(FROM))!.storage!]).toEqual([
      [1n, 2n],
      [3n, 4n],
    ]);
    expect(s.labels.get(BigInt(FROM))).toBe('me');
    expect(s.transactions[0]).toMatchObject({ type: 0, gasPrice: 7n, value: 16n });
  });

  it('names the offending field', () => {
    expect(err({ transactions: [{ from: FROM, value: '0xzz' }] })).toBe(
      's.json › transactions[0].value: not a hex quantity ("0xzz")',
    );
    expect(err({ transactions: [{ from: '0x12' }] })).toMatch(
      /^s\.json › transactions\[0\]\.from: address must be 20 bytes/,
    );
    expect(err({ transactions: [{ from: FROM, colour: 1 }] })).toBe('s.json › transactions[0].colour: unknown field');
    expect(err({ transactions: [], profile: 'geth' })).toMatch(
      /^s\.json › profile: expected "ethereum", "zksync" or "zksync-p256", got "geth"/,
    );
    expect(err({})).toBe('s.json › transactions: missing field');
    expect(err({ pre: { [FROM]: { balance: '-1' } }, transactions: [] })).toMatch(
      /pre\.0x1111111111111111111111111111111111111111\.balance: negative quantity/,
    );
    expect(err({ block: { number: '0x' }, transactions: [] })).toMatch(/^s\.json › block\.number: empty hex quantity/);
    expect(err({ transactions: [{ from: FROM, gasPrice: '1', maxFeePerGas: '2' }] })).toMatch(
      /transactions\[0\]\.gasPrice: give either/,
    );
    expect(err('{ nope')).toMatch(/^s\.json: not valid JSON/);
    expect(err([])).toMatch(/^s\.json: expected an object/);
  });
});
