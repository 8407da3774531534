// `zkos node`: the in-memory JSON-RPC development node (src/node/). Runs until Ctrl-C (SIGINT) or
// SIGTERM, then writes --state and stops cleanly. Exit 2 on bad usage or an unreadable state file.
import { InputError } from '../input/parse.js';
import { forkByName, SUPPORTED_FORKS } from '../forks/index.js';
import type { Fork } from '../forks/types.js';
import { ethereum, zksync } from '../profiles/index.js';
import { startBanner } from '../node/banner.js';
import { DevNode } from '../node/devNode.js';
import { startServer } from '../node/server.js';
import {
  dumpWorldChunks,
  readStateFile,
  removeStaleTemporaries,
  worldFromDump,
  writeFileAtomic,
} from '../node/stateFile.js';
import { parseCommandLine, UsageError } from './usage.js';

const USAGE = `usage: zkos node [options]

An in-memory Ethereum JSON-RPC node (HTTP and WebSocket on one port); every transaction runs through
the runner and its frame actors.

options:
  --port N               port to listen on (default 8545; 0 = any free port)
  --host ADDR            address to bind (default 127.0.0.1)
  --profile NAME         ethereum | zksync (default ethereum)
  --fork NAME            EVM fork: Cancun, Prague or Osaka (default Osaka; zksync: Cancun)
  --chain-id N           chain id (default 31337)
  --accounts N           dev accounts from the mnemonic (default 10)
  --balance ETH          balance of each dev account in ether (default 10000)
  --mnemonic WORDS       BIP-39 mnemonic of the dev accounts (default: test test … junk)
  --block-time S         mine a block every S seconds (default: a block per transaction)
  --state FILE           load the state from FILE at start if it exists; write it on exit and every
                         --state-interval blocks (atomically: temp file, fsync, rename)
  --state-interval N     blocks between state writes (default 10)
  --inspect              send every transaction's actors to the Stately inspector (local relay)
  --inspect-port N       port of the inspector relay (default 8080)
  --max-body BYTES       largest JSON-RPC request (default 16777216)
  -h, --help             this text`;

interface Options {
  port: number;
  host: string;
  profile: 'ethereum' | 'zksync';
  fork?: Fork;
  chainId: bigint;
  accounts: number;
  balanceEth: bigint;
  mnemonic?: string;
  blockTime?: number;
  state?: string;
  stateInterval: number;
  inspect: boolean;
  inspectPort: number;
  maxBody?: number;
  help: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = {
    port: 8545,
    host: '127.0.0.1',
    profile: 'ethereum',
    chainId: 31337n,
    accounts: 10,
    balanceEth: 10_000n,
    stateInterval: 10,
    inspect: false,
    inspectPort: 8080,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    const int = (what: string, max = Number.MAX_SAFE_INTEGER): number => {
      const v = value();
      if (!/^[0-9]+$/.test(v) || Number(v) > max)
        throw new UsageError(`${a}: ${what} must be an integer from 0 to ${max}, got '${v}'`);
      return Number(v);
    };
    switch (a) {
      case '--port':
        o.port = int('port', 65535);
        break;
      case '--host':
        o.host = value();
        break;
      case '--profile': {
        const v = value();
        if (v !== 'ethereum' && v !== 'zksync')
          throw new UsageError(`--profile: expected ethereum or zksync, got '${v}'`);
        o.profile = v;
        break;
      }
      case '--fork': {
        const v = value();
        const fork = forkByName(v);
        if (fork === undefined)
          throw new UsageError(`--fork: unknown fork '${v}' (supported: ${SUPPORTED_FORKS.join(', ')})`);
        o.fork = fork;
        break;
      }
      case '--chain-id': {
        const v = value();
        if (!/^[0-9]+$/.test(v) || BigInt(v) === 0n || BigInt(v) >= 2n ** 64n)
          throw new UsageError(`--chain-id: expected an integer from 1 to 2^64-1, got '${v}'`);
        o.chainId = BigInt(v);
        break;
      }
      case '--accounts':
        o.accounts = int('count', 1000);
        break;
      case '--balance': {
        const v = value();
        if (!/^[0-9]+$/.test(v)) throw new UsageError(`--balance: expected whole ether, got '${v}'`);
        o.balanceEth = BigInt(v);
        break;
      }
      case '--mnemonic':
        o.mnemonic = value();
        break;
      case '--block-time':
        o.blockTime = int('seconds', 86_400);
        if (o.blockTime === 0) throw new UsageError('--block-time: must be at least 1 second');
        break;
      case '--state':
        o.state = value();
        break;
      case '--state-interval':
        o.stateInterval = int('blocks');
        if (o.stateInterval === 0) throw new UsageError('--state-interval: must be at least 1');
        break;
      case '--inspect':
        o.inspect = true;
        break;
      case '--inspect-port':
        o.inspectPort = int('port', 65535);
        break;
      case '--max-body':
        o.maxBody = int('bytes');
        if (o.maxBody < 1024) throw new UsageError('--max-body: at least 1024 bytes');
        break;
      case '-h':
      case '--help':
        o.help = true;
        break;
      default:
        throw new UsageError(`unknown option ${a}`);
    }
  }
  const profile = o.profile === 'zksync' ? zksync : ethereum;
  if (o.fork && !profile.forks.includes(o.fork.name))
    throw new UsageError(`--fork: the ${profile.name} profile runs ${profile.forks.join(', ')}, not ${o.fork.name}`);
  return o;
}

/** Runs `zkos node` until a stop signal; resolves to the exit code. */
export async function nodeCommand(argv: readonly string[]): Promise<number> {
  const opts = parseCommandLine('node', USAGE, argv, parseArgs);
  if (typeof opts === 'number') return opts;

  let genesis: { world: ReturnType<typeof worldFromDump>; number: bigint; timestamp: bigint } | undefined;
  const extra: string[] = [];
  if (opts.state !== undefined) {
    const { existsSync } = await import('node:fs');
    try {
      removeStaleTemporaries(opts.state);
    } catch {
      // the directory may not exist yet; the first write reports it
    }
    if (existsSync(opts.state)) {
      try {
        const d = readStateFile(opts.state);
        if (d.chainId !== opts.chainId)
          throw new InputError(opts.state, `chain id ${d.chainId} differs from --chain-id ${opts.chainId}`);
        genesis = { world: worldFromDump(d), number: d.number, timestamp: d.timestamp };
        extra.push(`State loaded from ${opts.state} (${d.accounts.length} accounts, block ${d.number})`, '');
      } catch (e) {
        if (e instanceof InputError) {
          console.error(`zkos node: --state: ${e.message}`);
          return 2;
        }
        throw e;
      }
    }
  }

  const node = new DevNode({
    profile: opts.profile === 'zksync' ? zksync : ethereum,
    ...(opts.fork ? { fork: opts.fork } : {}),
    chainId: opts.chainId,
    accounts: opts.accounts,
    balance: opts.balanceEth * 10n ** 18n,
    ...(opts.mnemonic ? { mnemonic: opts.mnemonic } : {}),
    automine: opts.blockTime === undefined,
    ...(genesis ? { genesis } : {}),
  });
  if (opts.blockTime !== undefined) node.setIntervalMining(opts.blockTime * 1000);

  let inspectServer: { close(): Promise<void>; httpUrl: string; wsUrl: string } | undefined;
  if (opts.inspect) {
    const { startInspectServer } = await import('../trace/inspectServer.js');
    try {
      const s = await startInspectServer({ port: opts.inspectPort });
      node.chain.inspect = s.inspect;
      inspectServer = s;
      extra.push(`Stately inspector: open ${s.httpUrl} (relay ${s.wsUrl}); every mined transaction's actors`, '');
    } catch (e) {
      console.error(
        `zkos node: --inspect: cannot start the relay on port ${opts.inspectPort}: ${(e as Error).message}`,
      );
      return 2;
    }
  }

  const saveState = (): void => {
    if (opts.state === undefined) return;
    const h = node.chain.head;
    writeFileAtomic(opts.state, dumpWorldChunks(node.chain.world, node.chainId, h.number, h.timestamp));
  };
  let blocksSinceSave = 0;
  node.onBlock(() => {
    if (opts.state === undefined || ++blocksSinceSave < opts.stateInterval) return;
    blocksSinceSave = 0;
    try {
      saveState();
    } catch (e) {
      console.error(`zkos node: --state: write failed: ${(e as Error).message}`);
    }
  });

  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(node, {
      port: opts.port,
      host: opts.host,
      ...(opts.maxBody ? { maxBodyBytes: opts.maxBody } : {}),
      log: (l) => console.error(l),
    });
  } catch (e) {
    console.error(`zkos node: cannot listen on ${opts.host}:${opts.port}: ${(e as Error).message}`);
    await inspectServer?.close();
    return 2;
  }
  process.stdout.write(startBanner(node, `${opts.host}:${server.port}`, extra));

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string): void => {
      if (stopping) return;
      stopping = true;
      process.stdout.write(`\n${signal}: stopping\n`);
      let code = 0;
      try {
        saveState();
        if (opts.state !== undefined) process.stdout.write(`State written to ${opts.state}\n`);
      } catch (e) {
        console.error(`zkos node: --state: write failed: ${(e as Error).message}`);
        code = 1;
      }
      void Promise.all([server.close(), inspectServer?.close()]).then(() => resolve(code));
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}
