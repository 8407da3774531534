// Command-line usage errors: every `zkos` command reports them the same way (message, usage, exit 2).

/** A bad command line: a flag, a value or a path the command cannot use. */
export class UsageError extends Error {}

/** Prints a UsageError as `zkos <command>: <message>` and the usage, and returns exit code 2; rethrows anything else. */
export function reportUsageError(command: string, usage: string, e: unknown): number {
  if (!(e instanceof UsageError)) throw e;
  console.error(`zkos ${command}: ${e.message}\n\n${usage}`);
  return 2;
}

/** The parsed command line, or an exit code: 0 after printing the usage for `--help`, 2 for a usage error. */
export function parseCommandLine<T extends { readonly help: boolean }>(
  command: string,
  usage: string,
  argv: readonly string[],
  parse: (argv: readonly string[]) => T,
): T | number {
  let opts: T;
  try {
    opts = parse(argv);
  } catch (e) {
    return reportUsageError(command, usage, e);
  }
  if (opts.help) {
    console.log(usage);
    return 0;
  }
  return opts;
}
