// The forks `zkos statetest` can run: the one place that lists them. A fork named here must be executable
// by `runStateTestCase` with the profile it selects; adding one (Prague, Osaka) starts here.

/** Fork names as the fixtures' `post` keys spell them, oldest first. */
export const SUPPORTED_FORKS = ['Cancun'] as const;

export type SupportedFork = (typeof SUPPORTED_FORKS)[number];

/** The forks run when no `--fork` is given. */
export const DEFAULT_FORKS: readonly SupportedFork[] = ['Cancun'];

/** Whether `name` is a supported fork (exact spelling, as in the fixtures). */
export function isSupportedFork(name: string): name is SupportedFork {
  return (SUPPORTED_FORKS as readonly string[]).includes(name);
}
