// Shared helpers of the node tests: a node on 127.0.0.1 with an ephemeral port, and raw JSON-RPC calls.
import { ethereum, type Profile } from '../../src/index.js';
import { DevNode, type DevNodeOptions } from '../../src/node/devNode.js';
import { type NodeServer, startServer } from '../../src/node/server.js';

export const ETH = 10n ** 18n;

/** The first dev account of the default mnemonic and its key (anvil's and Hardhat's account 0). */
export const ACCOUNT0 = '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266';
export const KEY0 = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
export const ACCOUNT1 = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8';
export const KEY1 = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';

export async function startTestNode(
  opts: Partial<DevNodeOptions> & { profile?: Profile; maxBodyBytes?: number } = {},
): Promise<{ node: DevNode; server: NodeServer; url: string; close: () => Promise<void> }> {
  const node = new DevNode({
    profile: opts.profile ?? ethereum,
    chainId: opts.chainId ?? 31337n,
    accounts: opts.accounts ?? 10,
    balance: opts.balance ?? 10_000n * ETH,
    ...(opts.automine !== undefined ? { automine: opts.automine } : {}),
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.fork ? { fork: opts.fork } : {}),
  });
  const server = await startServer(node, {
    port: 0,
    ...(opts.maxBodyBytes ? { maxBodyBytes: opts.maxBodyBytes } : {}),
  });
  return { node, server, url: server.url, close: () => server.close() };
}

export interface RpcReply {
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

/** One JSON-RPC call over HTTP. */
export async function rpc(url: string, method: string, params: unknown[] = []): Promise<RpcReply> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  return (await res.json()) as RpcReply;
}

/** The result of a call that must succeed. */
export async function call(url: string, method: string, params: unknown[] = []): Promise<unknown> {
  const r = await rpc(url, method, params);
  if (r.error) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.result;
}
