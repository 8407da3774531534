// The node's transport: JSON-RPC over HTTP (POST any path) and WebSocket (same port), with a request
// size limit, CORS for browser wallets, and GET /trace/<txhash> serving the offline trace viewer.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { renderTraceHtml } from '../trace/html.js';
import type { DevNode } from './devNode.js';
import { actorTrace } from './methods/debug.js';
import type { Connection } from './methods/types.js';
import { RpcHandler } from './rpc.js';
import { INVALID_REQUEST, RpcError } from './rpcError.js';

export interface ServerOptions {
  readonly host?: string;
  /** 0 = any free port. */
  readonly port?: number;
  /** Largest request body in bytes (HTTP and WebSocket). Default 16 MiB. */
  readonly maxBodyBytes?: number;
  readonly log?: (line: string) => void;
}

export interface NodeServer {
  readonly url: string;
  readonly wsUrl: string;
  readonly port: number;
  readonly rpc: RpcHandler;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY = 16 * 1024 * 1024;

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, GET, OPTIONS',
  'access-control-allow-headers': 'content-type',
};

export async function startServer(node: DevNode, opts: ServerOptions = {}): Promise<NodeServer> {
  const rpc = new RpcHandler(node);
  const log = opts.log ?? (() => {});
  rpc.onInternalError = (method, e) => log(`internal error in ${method}: ${(e as Error).stack ?? e}`);
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const httpConn: Connection = { subscriptions: new Map() };

  const server = http.createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS).end();
      return;
    }
    if (req.method === 'GET') {
      serveGet(req.url ?? '/', res);
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { ...CORS, allow: 'POST, GET, OPTIONS' }).end();
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBody) return tooLarge(res, req);
    const chunks: Buffer[] = [];
    let size = 0;
    let aborted = false;
    req.on('data', (c: Buffer) => {
      if (aborted) return;
      size += c.length;
      if (size > maxBody) {
        aborted = true;
        tooLarge(res, req);
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (aborted) return;
      const out = rpc.handleText(Buffer.concat(chunks).toString('utf8'), httpConn);
      res.writeHead(200, { ...CORS, 'content-type': 'application/json' });
      res.end(out ?? '');
    });
    req.on('error', () => {
      aborted = true;
    });
  });

  function tooLarge(res: http.ServerResponse, req: http.IncomingMessage): void {
    const err = new RpcError(INVALID_REQUEST, `request body too large (max ${maxBody} bytes)`);
    res.writeHead(413, { ...CORS, 'content-type': 'application/json', connection: 'close' });
    res.end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: err.code, message: err.message } }));
    req.resume();
  }

  function serveGet(url: string, res: http.ServerResponse): void {
    const m = /^\/trace\/(0x[0-9a-fA-F]{64})\/?$/.exec(url);
    if (m) {
      try {
        const html = renderTraceHtml(actorTrace(rpc.ctx, BigInt(m[1]!)));
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      } catch (e) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end(`${(e as Error).message}\n`);
      }
      return;
    }
    res.writeHead(200, { ...CORS, 'content-type': 'text/plain' });
    res.end("zkos node: JSON-RPC over POST and WebSocket; GET /trace/<txhash> for a transaction's trace viewer\n");
  }

  const wss = new WebSocketServer({ server, maxPayload: maxBody });
  wss.on('connection', (ws: WebSocket) => {
    const conn: Connection = {
      subscriptions: new Map(),
      notify: (msg) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
      },
    };
    ws.on('message', (data) => {
      const out = rpc.handleText(data.toString(), conn);
      if (out !== null && ws.readyState === ws.OPEN) ws.send(out);
    });
    ws.on('close', () => {
      for (const off of conn.subscriptions.values()) off();
      conn.subscriptions.clear();
    });
    ws.on('error', () => ws.terminate());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8545, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = opts.host ?? '127.0.0.1';
  return {
    url: `http://${host}:${port}`,
    wsUrl: `ws://${host}:${port}`,
    port,
    rpc,
    async close() {
      node.stop();
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
