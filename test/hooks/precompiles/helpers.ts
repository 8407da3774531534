// Test helpers for the precompile suites.
import { expect } from 'vitest';
import { bytesToHex, hexToBytes } from '../../../src/crypto/bytes.js';
import type { Precompile, PrecompileResult } from '../../../src/hooks/precompiles/types.js';

export { bytesToHex, hexToBytes };

export type Vector = { name: string; input: string; expected: string; gas: number };

/** Runs `p` on `input` with exactly the expected gas, one less, and plenty; checks output and gas. */
export function checkVector(p: Precompile, v: Vector): void {
  const input = hexToBytes(v.input);
  const exact = p.run(input, v.gas);
  expect(exact, v.name).toMatchObject({ ok: true, gasUsed: v.gas });
  expect(bytesToHex((exact as Extract<PrecompileResult, { ok: true }>).output), v.name).toBe(
    '0x' + v.expected.toLowerCase(),
  );
  const plenty = p.run(input, v.gas + 1_000_000);
  expect(plenty, v.name).toMatchObject({ ok: true, gasUsed: v.gas });
  if (v.gas > 0) expect(p.run(input, v.gas - 1), v.name).toEqual({ ok: false, reason: 'OutOfGas' });
}

export function okOutput(r: PrecompileResult): string {
  if (!r.ok) throw new Error('expected success, got ' + r.reason);
  return bytesToHex(r.output);
}
