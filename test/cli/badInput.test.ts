// Bad input, case by case: the library and the CLI reject malformed input with an error naming the field
// and change nothing (no world change, no output file). Invalid transactions are rejected without a fee.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseScenario } from '../../src/input/scenario.js';
import { BASE_SCENARIO, BASE_STATETEST, checkCli } from '../../fuzz/badInput.js';
import { InputError } from '../../src/input/parse.js';
import { ethereum } from '../../src/profiles/ethereum.js';
import { createEnvironment } from '../../src/runner/environment.js';
import { parseStateTestFile } from '../../src/statetest/fixture.js';
import { worldStateRoot } from '../../src/statetest/runCase.js';
import { WorldState } from '../../src/system/world.js';
import { processTransaction } from '../../src/tx/process.js';
import type { Transaction } from '../../src/tx/types.js';
import { DEFAULT_BLOCK } from '../../src/runner/defaultBlock.js';

const dir = mkdtempSync(join(tmpdir(), 'zkos-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type J = Record<string, any>;
const scenario = (edit: (s: J) => void): string => {
  const s = structuredClone(BASE_SCENARIO) as J;
  edit(s);
  return JSON.stringify(s);
};
const statetest = (edit: (t: J) => void): string => {
  const s = structuredClone(BASE_STATETEST) as J;
  edit(s.badinput);
  return JSON.stringify(s);
};
const ALICE = '0x' + 'aa'.repeat(20);
const ZERO = (n: number) => '0x' + '00'.repeat(n);

// [what, document text, the field the message must name]
const SCENARIOS: [string, string, string][] = [
  ['invalid JSON', '{"transactions": [', 'not valid JSON'],
  ['empty file', '', 'not valid JSON'],
  ['top level not an object', '[1,2]', 'expected an object'],
  ['bad hex in a value', scenario((s) => (s.transactions[0].value = '0xzz')), 'transactions[0].value'],
  ['odd-length hex data', scenario((s) => (s.transactions[0].data = '0x123')), 'transactions[0].data'],
  ['odd-length code', scenario((s) => (s.pre[ALICE].code = '0x600')), 'code'],
  ['balance above 2^256-1', scenario((s) => (s.pre[ALICE].balance = '0x1' + '0'.repeat(64))), 'balance'],
  ['gas limit above 2^64-1', scenario((s) => (s.transactions[0].gasLimit = '0x10000000000000000')), 'gasLimit'],
  ['negative value', scenario((s) => (s.transactions[0].value = '-1')), 'value'],
  ['negative nonce as a JSON number', scenario((s) => (s.transactions[1].nonce = -1)), 'nonce'],
  ['missing transactions', scenario((s) => delete s.transactions), 'transactions'],
  ['missing from', scenario((s) => delete s.transactions[0].from), 'from'],
  ['number instead of a hex string', scenario((s) => (s.block.number = 16)), 'block.number'],
  ['array instead of an object', scenario((s) => (s.pre = [])), 'pre'],
  ['address of 19 bytes', scenario((s) => (s.transactions[0].to = '0x' + 'bb'.repeat(19))), 'to'],
  [
    'address of 21 bytes as a pre key',
    scenario((s) => (s.pre['0x' + 'cc'.repeat(21)] = {})),
    'pre[0x' + 'cc'.repeat(21),
  ],
  ['unsupported transaction type', scenario((s) => (s.transactions[0].type = '0x3')), 'type'],
  ['gasPrice together with maxFeePerGas', scenario((s) => (s.transactions[0].maxFeePerGas = '0x1')), 'gasPrice'],
  ['unknown profile', scenario((s) => (s.profile = 'optimism')), 'profile'],
  ['unknown field', scenario((s) => (s.transactions[0].gasprice = '0x1')), 'gasprice'],
];

const STATETESTS: [string, string, string][] = [
  ['invalid JSON', '{"a": {', 'invalid JSON'],
  [
    'bad hex balance',
    statetest((t) => (t.pre['0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b'].balance = '0xg')),
    'balance',
  ],
  ['odd-length data', statetest((t) => (t.transaction.data[1] = '0x0')), 'data[1]'],
  ['env number above 2^64-1', statetest((t) => (t.env.currentNumber = '0x1' + '0'.repeat(16))), 'currentNumber'],
  ['missing env field', statetest((t) => delete t.env.currentGasLimit), 'currentGasLimit'],
  ['wrong secret key length', statetest((t) => (t.transaction.secretKey = ZERO(31))), 'secretKey'],
  ['secret key 0 (not a valid key)', statetest((t) => (t.transaction.secretKey = ZERO(32))), 'secretKey'],
  ['index out of range', statetest((t) => (t.post.Cancun[0].indexes.data = 5)), 'data'],
  ['negative index', statetest((t) => (t.post.Cancun[0].indexes.gas = -1)), 'gas'],
  ['hash of the wrong length', statetest((t) => (t.post.Cancun[0].hash = ZERO(20))), 'hash'],
  ['coinbase of the wrong length', statetest((t) => (t.env.currentCoinbase = ZERO(32))), 'currentCoinbase'],
];

describe('CLI: bad input exits 2 naming the field, writes nothing', () => {
  for (const [what, text, field] of SCENARIOS) {
    it(`zkos run: ${what}`, async () => {
      const r = await checkCli({ doc: 'scenario', what, text, names: [field] }, dir, main);
      expect(r.problems, r.stderr).toEqual([]);
    });
  }
  for (const [what, text, field] of STATETESTS) {
    it(`zkos statetest: ${what}`, async () => {
      const r = await checkCli({ doc: 'statetest', what, text, names: [field] }, dir, main);
      expect(r.problems, r.stderr).toEqual([]);
    });
  }

  it('zkos run: a missing file and an unknown option', async () => {
    expect(
      (await checkCli({ doc: 'scenario', what: '', text: '{}', names: ['transactions'] }, dir, main)).problems,
    ).toEqual([]);
    const errs: string[] = [];
    const saved = console.error;
    console.error = (...a: unknown[]) => void errs.push(a.join(' '));
    try {
      expect(await main(['run', join(dir, 'nope.json')])).toBe(2);
      expect(await main(['run', '--frobnicate'])).toBe(2);
      expect(await main(['statetest', join(dir, 'nope')])).toBe(2);
    } finally {
      console.error = saved;
    }
    expect(errs.join('\n')).toMatch(/nope\.json: cannot read: ENOENT/);
    expect(errs.join('\n')).toMatch(/unknown option --frobnicate/);
  });

  it('zkos run: an oversized creation (initcode > 49152 bytes) is a rejected transaction: exit 1, named, no fee', async () => {
    const file = join(dir, 'big.json');
    const text = scenario(
      (s) =>
        (s.transactions = [{ from: ALICE, data: '0x' + '00'.repeat(49153), gasLimit: '0xf42400', gasPrice: '0xa' }]),
    );
    writeFileSync(file, text);
    const out = join(dir, 'big-out.json');
    let printed = '';
    const saved = process.stdout.write;
    process.stdout.write = ((s: string) => {
      printed += s;
      return true;
    }) as typeof process.stdout.write;
    try {
      expect(await main(['run', file, '--out', out])).toBe(1);
    } finally {
      process.stdout.write = saved;
    }
    expect(printed).toMatch(/InitcodeTooLarge|initcode size 49153/);
    expect(existsSync(out)).toBe(true); // a valid file: the trace of the rejection is written
  });
});

describe('library: parsers throw InputError naming the field', () => {
  it('parseScenario', () => {
    for (const [, text, field] of SCENARIOS) {
      let err: unknown;
      try {
        parseScenario(text, 'x.json');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).message).toContain(field);
    }
  });

  it('parseStateTestFile', () => {
    for (const [what, text, field] of STATETESTS) {
      if (what === 'invalid JSON') continue; // JSON text is parsed by loadStateTestFile (covered via the CLI)
      let err: unknown;
      try {
        parseStateTestFile(JSON.parse(text), 'x.json');
      } catch (e) {
        err = e;
      }
      expect(err, what).toBeInstanceOf(InputError);
      expect((err as InputError).message, what).toContain(field);
    }
  });
});

describe('library: invalid transactions change nothing', () => {
  const SENDER = 0xaan;
  const base: Transaction = {
    type: 2,
    chainId: 1n,
    nonce: 0n,
    gasLimit: 100_000n,
    to: 0xbbn,
    value: 0n,
    data: new Uint8Array(0),
    maxFeePerGas: 10n,
    maxPriorityFeePerGas: 1n,
    accessList: [],
    blobVersionedHashes: [],
    sender: SENDER,
  };
  const cases: [string, Partial<Transaction>, string][] = [
    ['nonce too high', { nonce: 5n }, 'NonceTooHigh'],
    ['nonce too low', { nonce: 0n, sender: 0xccn }, 'NonceTooLow'],
    ['gas limit above the block', { gasLimit: 40_000_000n }, 'GasLimitAboveBlock'],
    ['gas limit below intrinsic', { gasLimit: 20_000n }, 'IntrinsicGasTooLow'],
    ['fee cap below the base fee', { maxFeePerGas: 6n, maxPriorityFeePerGas: 1n }, 'FeeCapBelowBaseFee'],
    ['priority fee above the fee cap', { maxFeePerGas: 10n, maxPriorityFeePerGas: 11n }, 'PriorityFeeAboveFeeCap'],
    ['insufficient funds', { value: 10n ** 30n }, 'InsufficientFunds'],
    ['value above 2^256-1', { value: 1n << 256n }, 'FieldOverflow'],
    ['gas limit above 2^64-1', { gasLimit: 1n << 64n }, 'FieldOverflow'],
    ['oversized initcode', { to: null, data: new Uint8Array(49153), gasLimit: 10_000_000n }, 'InitcodeTooLarge'],
    ['sender with code', { sender: 0xbbn }, 'SenderNotEOA'],
  ];
  for (const [what, patch, code] of cases) {
    it(what, () => {
      const world = WorldState.fromAccounts([
        [SENDER, { balance: 10n ** 18n }],
        [0xbbn, { code: Uint8Array.of(0x00) }],
        [0xccn, { balance: 10n ** 18n, nonce: 3n }],
      ]);
      const before = worldStateRoot(world);
      const env = createEnvironment({ profile: ethereum, world, block: DEFAULT_BLOCK });
      const r = processTransaction(env, { ...base, ...patch });
      expect(r.valid).toBe(false);
      if (!r.valid) expect(r.errors.map((e) => e.code)).toContain(code);
      expect(worldStateRoot(world)).toEqual(before);
    });
  }
});
