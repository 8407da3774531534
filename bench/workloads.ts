// Workload description shared by both engines, and loading of the six fixture JSONs
// (../shared/fixtures/bench, see its README).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hexToBytes, repoRoot } from './util.js';

/** One benchmark: code at `to`, called by `caller` with `calldata` and `gasLimit`; expected results. */
export interface Workload {
  readonly name: string;
  readonly kind: 'fixture' | 'synthetic';
  readonly code: Uint8Array;
  readonly calldata: Uint8Array;
  readonly caller: bigint;
  readonly to: bigint;
  readonly value: bigint;
  readonly gasLimit: number;
  /** Other accounts of the pre-state (synthetic workloads: callees). */
  readonly extraAccounts?: readonly { address: bigint; code: Uint8Array; balance?: bigint }[];
  /** Balance of the target (CREATE with value etc.). */
  readonly toBalance?: bigint;
  /** Expected results; synthetic workloads get them from @ethereumjs/evm at startup. */
  expectedOutput?: Uint8Array;
  expectedGasUsed?: number;
  expectedRefund?: number;
  /** Executed instructions (fixtures: from the evmone histogram tracer). */
  instructions?: number;
}

export const DEFAULT_CALLER = 0x1000000000000000000000000000000000000001n;
export const DEFAULT_TARGET = 0xbe7c43a580000000000000000000000000000001n;

export const FIXTURE_NAMES = [
  'snailtracer',
  'erc20_transfer',
  'ten_thousand_hashes',
  'blake2b_huff',
  'sha1_divs',
  'structarray_alloc',
] as const;

export function defaultFixturesDir(): string {
  return resolve(repoRoot(), '..', 'shared', 'fixtures', 'bench');
}

interface FixtureJson {
  name: string;
  code: string;
  calldata: string;
  callContext: { caller: string; to: string; value: string; gasLimit: number };
  expectedStatus: string;
  expectedOutput: string;
  gasUsed: number;
  gasRefund: number;
  instructionsExecuted: number;
}

/**
 * Loads a fixture. The target account holds the runtime `code` (the fixture's callContext: "target
 * account holds `code`"; for the two with `initCode` the README states deploying first gives the
 * same gas).
 */
export function loadFixture(dir: string, name: string): Workload {
  const path = join(dir, `${name}.json`);
  const j = JSON.parse(readFileSync(path, 'utf8')) as FixtureJson;
  if (j.expectedStatus !== 'success') throw new Error(`${path}: expectedStatus ${j.expectedStatus} not supported`);
  return {
    name: j.name,
    kind: 'fixture',
    code: hexToBytes(j.code),
    calldata: hexToBytes(j.calldata),
    caller: BigInt(j.callContext.caller),
    to: BigInt(j.callContext.to),
    value: BigInt(j.callContext.value),
    gasLimit: j.callContext.gasLimit,
    expectedOutput: hexToBytes(j.expectedOutput),
    expectedGasUsed: j.gasUsed,
    expectedRefund: j.gasRefund,
    instructions: j.instructionsExecuted,
  };
}

/** The six fixtures (in README order) found in `dir`. */
export function loadFixtures(dir: string = defaultFixturesDir()): Workload[] {
  if (!existsSync(dir)) throw new Error(`bench fixtures not found at ${dir} (use --fixtures DIR)`);
  const present = new Set(readdirSync(dir));
  return FIXTURE_NAMES.filter((n) => present.has(`${n}.json`)).map((n) => loadFixture(dir, n));
}
