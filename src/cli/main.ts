// `zkos` command line: dispatches subcommands. Exit codes: 0 ok, 1 failures found, 2 bad usage or input.
const USAGE = `usage: zkos <command> [options]

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
