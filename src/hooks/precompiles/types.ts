// Shared shape of a Cancun precompile: a pure function of (input, gas available) to a result.

/**
 * Outcome of running a precompile. On failure (`ok: false`) the caller burns all the gas it gave
 * the precompile and returns no data; `reason` is informational ('OutOfGas', 'InvalidInput', ...).
 */
export type PrecompileResult = { ok: true; gasUsed: number; output: Uint8Array } | { ok: false; reason: string };

export interface Precompile {
  readonly address: bigint;
  readonly name: string;
  /**
   * Runs the precompile on `input` with `gasLimit` gas available. If the price exceeds `gasLimit`
   * the result is `{ ok: false, reason: 'OutOfGas' }`. `input` is only read, never mutated; it may be a
   * view of the caller's memory (see SpawnRequest.calldata). `output` may be `input` itself (identity): the
   * hook boundary (`runHook`) copies an output that shares the input's buffer before the caller sees it.
   */
  run(input: Uint8Array, gasLimit: number): PrecompileResult;
}
