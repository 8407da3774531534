// Command-line usage errors: every `zkos` command reports them the same way (message, usage, exit 2).

/** A bad command line: a flag, a value or a path the command cannot use. */
export class UsageError extends Error {}

/** Prints a UsageError as `zkos <command>: <message>` and the usage, and returns exit code 2; rethrows anything else. */
export function reportUsageError(command: string, usage: string, e: unknown): number {
  if (!(e instanceof UsageError)) throw e;
  console.error(`zkos ${command}: ${e.message}\n\n${usage}`);
  return 2;
}
