// `startNode`: the library entry point of the node (what `zkos node` runs), loaded lazily so that
// importing the package does not load the server, the HD wallet or `ws`.
import type { Profile } from '../profiles/types.js';

export interface StartNodeOptions {
  /** Default 8545; 0 picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** Default `ethereum`. */
  readonly profile?: Profile;
  /** Default 31337. */
  readonly chainId?: bigint;
  /** Dev accounts (default 10) of the default mnemonic, each with `balance` wei (default 10,000 ETH). */
  readonly accounts?: number;
  readonly balance?: bigint;
}

export interface RunningNode {
  /** http://host:port (WebSocket: `wsUrl`). */
  readonly url: string;
  readonly wsUrl: string;
  close(): Promise<void>;
}

/** Starts an in-memory JSON-RPC node (HTTP and WebSocket). */
export async function startNode(opts: StartNodeOptions = {}): Promise<RunningNode> {
  const [{ DevNode }, { startServer }, { ethereum }] = await Promise.all([
    import('./devNode.js'),
    import('./server.js'),
    import('../profiles/index.js'),
  ]);
  const node = new DevNode({
    profile: opts.profile ?? ethereum,
    chainId: opts.chainId ?? 31337n,
    accounts: opts.accounts ?? 10,
    balance: opts.balance ?? 10_000n * 10n ** 18n,
  });
  const server = await startServer(node, { port: opts.port ?? 8545, host: opts.host ?? '127.0.0.1' });
  return { url: server.url, wsUrl: server.wsUrl, close: () => server.close() };
}
