// The forks `zkos statetest` can run: the engine's one list (src/forks/), re-exported under the names the CLI
// uses. Adding a fork happens in src/forks/ and nowhere else.
import { SUPPORTED_FORKS as ENGINE_FORKS, type ForkName } from '../forks/index.js';

/** Fork names as the fixtures' `post` keys spell them, oldest first. */
export const SUPPORTED_FORKS: readonly ForkName[] = ENGINE_FORKS;

export type SupportedFork = ForkName;

/** The forks run when no `--fork` is given: every supported fork the input has. */
export const DEFAULT_FORKS: readonly SupportedFork[] = SUPPORTED_FORKS;

/** Whether `name` is a supported fork (exact spelling, as in the fixtures). */
export function isSupportedFork(name: string): name is SupportedFork {
  return (SUPPORTED_FORKS as readonly string[]).includes(name);
}
