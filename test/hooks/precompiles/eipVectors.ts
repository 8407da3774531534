// Loader for the JSON precompile vectors under test/fixtures/eip-vectors/ (see the README there).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Precompile, PrecompileResult } from '../../../src/hooks/precompiles/types.js';
import { bytesToHex, hexToBytes } from './helpers.js';

/** A success vector: `Expected` output at exactly `Gas`. */
export interface GasVector {
  readonly Name: string;
  readonly Input: string;
  readonly Expected: string;
  readonly Gas: number;
}

/** A failure vector: the call must fail (all gas burned). */
export interface FailVector {
  readonly Name: string;
  readonly Input: string;
  readonly ExpectedError: string;
}

/** Parses `test/fixtures/eip-vectors/<path>`. */
export function loadVectors<T>(path: string): T[] {
  return JSON.parse(readFileSync(new URL(`../../fixtures/eip-vectors/${path}`, import.meta.url), 'utf8')) as T[];
}

/**
 * Runs `p` on the vector with exactly its gas (output and gas used must match) and with one gas
 * less (must run out of gas).
 */
export function checkGasVector(p: Precompile, v: GasVector): void {
  const input = hexToBytes(v.Input);
  const r: PrecompileResult = p.run(input, v.Gas);
  expect(r.ok, v.Name).toBe(true);
  if (!r.ok) return;
  expect(r.gasUsed, v.Name).toBe(v.Gas);
  expect(bytesToHex(r.output), v.Name).toBe('0x' + v.Expected.toLowerCase());
  expect(p.run(input, v.Gas - 1), v.Name).toEqual({ ok: false, reason: 'OutOfGas' });
}

/** The vector must fail for a reason other than gas, given ample gas. */
export function checkFailVector(p: Precompile, v: FailVector): void {
  const r = p.run(hexToBytes(v.Input), 100_000_000);
  expect(r.ok, v.Name).toBe(false);
  if (!r.ok) expect(r.reason, v.Name).not.toBe('OutOfGas');
}

/** Set ZKOS_SLOW_VECTORS=1 to run the output check of the heavy benchmark vectors too. */
export const SLOW_VECTORS = process.env.ZKOS_SLOW_VECTORS === '1';

export interface VectorFiles {
  /** Success vectors: exact output and gas. */
  readonly good: readonly string[];
  /** fail-*.json vectors: every one must fail. */
  readonly bad: readonly string[];
  /**
   * Vectors too slow for the default run (geth's MSM benchmarks past k = 128): unless SLOW_VECTORS,
   * only their price is checked (through `price`, exactly, and OutOfGas one gas below).
   */
  readonly heavy?: (v: GasVector) => boolean;
  readonly price?: (input: Uint8Array) => number;
}

/** Registers one test per vector file for precompile `p` (call inside a `describe`). */
export function vectorTests(title: string, p: Precompile, files: VectorFiles): void {
  for (const file of files.good) {
    const vectors = loadVectors<GasVector>(file);
    const heavy = files.heavy ?? (() => false);
    const full = vectors.filter((v) => SLOW_VECTORS || !heavy(v));
    const priced = vectors.filter((v) => !SLOW_VECTORS && heavy(v));
    it(`${title}: ${file}, ${full.length} vectors run${priced.length ? `, ${priced.length} heavy priced only` : ''}`, {
      timeout: 300_000,
    }, () => {
      expect(vectors.length).toBeGreaterThan(0);
      for (const v of full) checkGasVector(p, v);
      for (const v of priced) {
        const input = hexToBytes(v.Input);
        expect(files.price?.(input), v.Name).toBe(v.Gas);
        expect(p.run(input, v.Gas - 1), v.Name).toEqual({ ok: false, reason: 'OutOfGas' });
      }
    });
  }
  for (const file of files.bad) {
    const vectors = loadVectors<FailVector>(file);
    it(`${title}: ${file}, ${vectors.length} vectors fail`, () => {
      expect(vectors.length).toBeGreaterThan(0);
      for (const v of vectors) checkFailVector(p, v);
    });
  }
}
