// The one way tests find the shared fixtures: `../shared/fixtures` next to the repository (ZKOS_SHARED_FIXTURES
// overrides). A test that needs a fixture asks `haveFixture`: missing fixtures fail the run in CI (CI=true)
// and are a visible skip everywhere else, never a silent one.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is test/helpers/fixtures.ts). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The shared fixtures directory. */
export const FIXTURES_DIR = process.env.ZKOS_SHARED_FIXTURES ?? resolve(REPO_ROOT, '../shared/fixtures');
/** ethereum-tests GeneralStateTests (Cancun). */
export const STATE_TESTS_DIR = join(FIXTURES_DIR, 'ethereum-tests/GeneralStateTests');
/** The bench's contract workloads. */
export const BENCH_FIXTURES_DIR = join(FIXTURES_DIR, 'bench');

/** Whether CI asked for a complete run (`CI=true`, as GitHub Actions and .ci/run set it). */
export function inCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

/**
 * Whether `path` exists, for `describe.skipIf(!haveFixture(...))`. When it is missing, throws in CI (the test
 * file fails at collection) and otherwise prints why `what` is skipped.
 */
export function haveFixture(path: string, what: string): boolean {
  if (existsSync(path)) return true;
  const message = `fixture missing: ${path} (looked for ../shared/fixtures next to ${REPO_ROOT}; set ZKOS_SHARED_FIXTURES)`;
  if (inCi()) throw new Error(`${message}; CI=true needs every fixture: ${what}`);
  console.warn(`SKIPPED ${what}: ${message}`);
  return false;
}
