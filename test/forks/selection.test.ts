// Fork selection: library default (ethereum → Osaka, zksync → Cancun only), one shared instruction table per
// (refund rule, fork opcodes), scenario "fork" field and unsigned type-4 scenario transactions.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/input/parse.js';
import { parseScenario } from '../../src/input/scenario.js';
import { ethereum } from '../../src/profiles/ethereum.js';
import { zksync } from '../../src/profiles/zksync.js';
import { createEnvironment, instructionTableFor, resolveFork } from '../../src/runner/environment.js';
import { delegationTarget } from '../../src/runner/delegation.js';
import { WorldState } from '../../src/system/world.js';
import { runScenario } from '../../src/trace/runScenario.js';
import { cancun, forkByName, osaka, prague, SUPPORTED_FORKS } from '../../src/forks/index.js';
import { BLOCK } from '../runner/helpers.js';

const env = (opts: Partial<Parameters<typeof createEnvironment>[0]> = {}) =>
  createEnvironment({ profile: ethereum, world: WorldState.fromAccounts([]), block: BLOCK, ...opts });

describe('fork selection', () => {
  it('ethereum defaults to Osaka (the latest), zksync to Cancun; names are case-insensitive', () => {
    expect(SUPPORTED_FORKS).toEqual(['Cancun', 'Prague', 'Osaka']);
    expect(env().fork).toBe(osaka);
    expect(env({ profile: zksync }).fork).toBe(cancun);
    expect(env({ fork: 'Prague' }).fork).toBe(prague);
    expect(forkByName('pRaGuE')).toBe(prague);
    expect(env({ fork: prague }).txParams).toBe(prague.tx);
    expect(env({ profile: zksync }).txParams).toBe(zksync.tx);
  });

  it('an unknown fork or one the profile cannot run throws, naming it', () => {
    expect(() => env({ fork: 'Shanghai' as never })).toThrow(
      /createEnvironment: field "fork" must be one of Cancun, Prague, Osaka/,
    );
    expect(() => env({ profile: zksync, fork: 'Osaka' })).toThrow(/zksync profile runs Cancun, not Osaka/);
    expect(() => resolveFork(ethereum, 'Shanghai')).toThrow(/unknown fork 'Shanghai'/);
  });

  it('one instruction table per combination, chosen when the environment is created (CLZ only in Osaka)', () => {
    expect(instructionTableFor(ethereum, prague)).toBe(instructionTableFor(ethereum, cancun));
    expect(instructionTableFor(ethereum, osaka)).not.toBe(instructionTableFor(ethereum, prague));
    expect(instructionTableFor(ethereum, osaka).rows[0x1e]!.name).toBe('CLZ');
    expect(instructionTableFor(ethereum, prague).rows[0x1e]!.defined).toBe(false);
  });

  it('forks are frozen data layered Cancun ⊂ Prague ⊂ Osaka', () => {
    for (const f of [cancun, prague, osaka]) expect(Object.isFrozen(f)).toBe(true);
    expect(prague.tx.supportedTypes).toEqual([0, 1, 2, 3, 4]);
    expect(osaka.tx.gas).toBe(prague.tx.gas);
    expect(osaka.tx.maxTxGas).toBe(1n << 24n);
    expect(prague.tx.maxTxGas).toBeUndefined();
    expect([...osaka.precompileAddresses].filter((a) => !prague.precompileAddresses.has(a))).toEqual([0x100n]);
  });
});

describe('scenario "fork"', () => {
  const base = {
    pre: { '0x1111111111111111111111111111111111111111': { balance: '0xde0b6b3a7640000' } },
    transactions: [
      { from: '0x1111111111111111111111111111111111111111', to: '0x2222222222222222222222222222222222222222' },
    ],
  };
  it("defaults to the profile's fork, accepts the supported names and rejects others naming the field", () => {
    expect(parseScenario(JSON.stringify(base), 's.json').fork).toBeUndefined();
    expect(parseScenario(JSON.stringify({ ...base, fork: 'Prague' }), 's.json').fork).toBe('Prague');
    expect(() => parseScenario(JSON.stringify({ ...base, fork: 'Shanghai' }), 's.json')).toThrow(InputError);
    expect(() => parseScenario(JSON.stringify({ ...base, fork: 'Shanghai' }), 's.json')).toThrow(/s\.json › fork/);
    expect(() => parseScenario(JSON.stringify({ ...base, profile: 'zksync', fork: 'Osaka' }), 's.json')).toThrow(
      /zksync profile runs Cancun only/,
    );
  });

  it('an unsigned type-4 transaction delegates its named authority (Osaka by default)', () => {
    const authority = '0x3333333333333333333333333333333333333333';
    const s = parseScenario(
      JSON.stringify({
        ...base,
        transactions: [
          {
            ...base.transactions[0],
            authorizationList: [{ authority, address: '0x2222222222222222222222222222222222222222' }],
          },
        ],
      }),
      's.json',
    );
    const run = runScenario(s, { record: false });
    const r = run.results[0]!;
    expect(r.valid && r.gasUsed).toBe(21000n + 25000n);
    expect(delegationTarget(run.world.getAccount(BigInt(authority)).code)).toBe(
      0x2222222222222222222222222222222222222222n,
    );
    // Cancun has no type 4.
    expect(runScenario({ ...s, fork: 'Cancun' }, { record: false }).results[0]!.valid).toBe(false);
  });
});
