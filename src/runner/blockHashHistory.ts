// EIP-2935 (Prague): at the start of a block the system address calls the history contract with the parent
// block hash, which its set() stores at slot (number − 1) mod 8191. A system call: no fee, no nonce, not
// counted against the block; silently skipped when no code is deployed there. BLOCKHASH keeps its 256 window.
import { bigIntToBytes } from '../crypto/bytes.js';
import type { RunEnvironment } from './context.js';
import { runSingleInteraction, type RunOutcome } from './runner.js';

export const HISTORY_STORAGE_ADDRESS = 0x0000f90827f1c53a10cb7a02335b175320002935n;
/** EIP-4788 / EIP-2935 SYSTEM_ADDRESS. */
export const SYSTEM_ADDRESS = 0xfffffffffffffffffffffffffffffffffffffffen;
export const HISTORY_SERVE_WINDOW = 8191n;
/** Gas of a system call (EIP-4788 convention). */
export const SYSTEM_CALL_GAS = 30_000_000n;

/**
 * Runs the block-start system call with `parentHash` and commits it. Returns the call's outcome, or null
 * when the fork has no history contract (before Prague) or no code is deployed at its address.
 */
export function storeParentBlockHash(env: RunEnvironment, parentHash: bigint): RunOutcome | null {
  if (!env.fork.blockHashHistory) return null;
  const world = env.system.world;
  if (world.getAccount(HISTORY_STORAGE_ADDRESS).code.length === 0) return null;
  const out = runSingleInteraction(env, {
    caller: SYSTEM_ADDRESS,
    callee: HISTORY_STORAGE_ADDRESS,
    calldata: bigIntToBytes(parentHash, 32),
    value: 0n,
    gas: SYSTEM_CALL_GAS,
  });
  world.commit(env.profile.deleteEmptyTouched);
  return out;
}
