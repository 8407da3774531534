// `zkos` command line: dispatches subcommands. Exit codes: 0 ok, 1 failures found, 2 bad usage or input.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const USAGE = `usage: zkos <command> [options]
       zkos --version

commands:
  run [scenario.json]      execute a scenario (default: the seed's flow diagram) and print the frame tree
  statetest <file|dir>...  run Ethereum GeneralStateTests (Cancun) and compare state roots
  node                     an in-memory JSON-RPC development node (anvil-like) over the runner

Run 'zkos <command> --help' for the options of a command.`;

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'run': {
      const { runCommand } = await import('./run.js');
      return runCommand(rest);
    }
    case 'statetest': {
      const { statetestCommand } = await import('./statetest.js');
      return statetestCommand(rest);
    }
    case 'node': {
      const { nodeCommand } = await import('./node.js');
      return nodeCommand(rest);
    }
    case '--version':
    case '-V':
      console.log(packageVersion());
      return 0;
    case undefined:
    case '-h':
    case '--help':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      console.error(`zkos: unknown command '${command}'\n\n${USAGE}`);
      return 2;
  }
}

/** The `version` of the package.json next to the code (src/cli under vitest, dist/src/cli when built). */
export function packageVersion(): string {
  for (const rel of ['../../package.json', '../../../package.json']) {
    const p = fileURLToPath(new URL(rel, import.meta.url));
    if (!existsSync(p)) continue;
    const pkg = JSON.parse(readFileSync(p, 'utf8')) as { name?: unknown; version?: unknown };
    if (pkg.name === 'zkos-runner' && typeof pkg.version === 'string') return pkg.version;
  }
  throw new Error('package.json of zkos-runner not found next to the CLI');
}
