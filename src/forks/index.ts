// Fork registry: the supported Ethereum forks, oldest first, and lookup by name.
import { cancun } from './cancun.js';
import { osaka } from './osaka.js';
import { prague } from './prague.js';
import type { Fork, ForkName } from './types.js';

export type { BlobSchedule, Fork, ForkName } from './types.js';
export { cancun, prague, osaka };

/** Every fork this engine executes, oldest first (the one list the CLI and the library use). */
export const FORKS: readonly Fork[] = Object.freeze([cancun, prague, osaka]);

/** Their names, oldest first. */
export const SUPPORTED_FORKS: readonly ForkName[] = Object.freeze(FORKS.map((f) => f.name));

/** The latest supported fork (the default for the `ethereum` profile). */
export const LATEST_FORK: Fork = osaka;

/** The fork named `name` (case-insensitive), or undefined. */
export function forkByName(name: string): Fork | undefined {
  const wanted = name.toLowerCase();
  return FORKS.find((f) => f.name.toLowerCase() === wanted);
}
