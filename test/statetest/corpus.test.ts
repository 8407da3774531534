// Every fixture of the local corpus parses, and pre-execution validation agrees with every Cancun
// case: rejected exactly when `expectException` is set, with an error the fixture names.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTransaction, casesForFork, loadStateTestFile, templateTxType } from '../../src/statetest/fixture.js';
import { matchesExpectedException, parseExpectedExceptions } from '../../src/tx/errors.js';
import { validateTransaction } from '../../src/tx/validate.js';
import { haveFixture, STATE_TESTS_DIR as ROOT } from '../helpers/fixtures.js';

const FIXTURE_EXCEPTIONS = [
  'GASLIMIT_PRICE_PRODUCT_OVERFLOW',
  'INITCODE_SIZE_EXCEEDED',
  'INSUFFICIENT_ACCOUNT_FUNDS',
  'INSUFFICIENT_MAX_FEE_PER_BLOB_GAS',
  'INSUFFICIENT_MAX_FEE_PER_GAS',
  'INTRINSIC_GAS_TOO_LOW',
  'NONCE_IS_MAX',
  'PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS',
  'RLP_INVALID_VALUE',
  'SENDER_NOT_EOA',
  'TYPE_3_TX_BLOB_COUNT_EXCEEDED',
  'TYPE_3_TX_CONTRACT_CREATION',
  'TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH',
  'TYPE_3_TX_ZERO_BLOBS',
];

function listJson(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listJson(p));
    else if (e.name.endsWith('.json')) out.push(p);
  }
  return out.sort();
}

describe.skipIf(!haveFixture(ROOT, 'GeneralStateTests corpus'))('GeneralStateTests corpus', () => {
  it('parses every file and validation matches every Cancun expectation', () => {
    const files = listJson(ROOT);
    expect(files.length).toBeGreaterThan(2000);
    let cases = 0;
    let rejected = 0;
    const mismatches: string[] = [];
    const exceptionCounts = new Map<string, number>();
    for (const file of files) {
      for (const test of loadStateTestFile(file).values()) {
        for (const c of casesForFork(test)) {
          cases++;
          const tx = buildTransaction(test, c.index);
          if (c.txbytes !== undefined && c.txbytes.length > 0) {
            const first = c.txbytes[0]!;
            const encodedType = first >= 0xc0 ? 0 : first;
            if (encodedType !== templateTxType(test.txTemplate, c.index.data)) {
              mismatches.push(`${test.name}#${c.position}: type ${tx.type} but txbytes type ${encodedType}`);
            }
          }
          const acct = test.pre.get(tx.sender);
          const err = validateTransaction(tx, {
            block: test.env,
            senderNonce: acct?.nonce ?? 0n,
            senderBalance: acct?.balance ?? 0n,
            senderHasCode: (acct?.code.length ?? 0) > 0,
          });
          if (c.expectException !== undefined) {
            rejected++;
            for (const name of parseExpectedExceptions(c.expectException)) {
              exceptionCounts.set(name, (exceptionCounts.get(name) ?? 0) + 1);
            }
            if (!matchesExpectedException(err, c.expectException)) {
              mismatches.push(`${test.name}#${c.position}: expected ${c.expectException}, got ${err?.code ?? 'valid'}`);
            }
          } else if (err !== null) {
            mismatches.push(`${test.name}#${c.position}: expected valid, got ${err.code}: ${err.message}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(cases).toBe(17524);
    expect(rejected).toBe(1140);
    expect([...exceptionCounts.keys()].sort()).toEqual(FIXTURE_EXCEPTIONS);
  }, 300_000);
});
