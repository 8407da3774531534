// JSON-RPC 2.0 dispatch: parse, validate the envelope, run single requests and batches, shape errors.
// A handler's unexpected exception is logged and answered with -32603; the node keeps serving.
import type { DevNode } from './devNode.js';
import { FilterStore } from './filters.js';
import { debugMethods } from './methods/debug.js';
import { devMethods } from './methods/dev.js';
import { ethMethods } from './methods/eth.js';
import type { Connection, MethodTable, NodeContext } from './methods/types.js';
import { zksMethods } from './methods/zks.js';
import { paramList } from './params.js';
import { INTERNAL_ERROR, INVALID_REQUEST, METHOD_NOT_FOUND, PARSE_ERROR, param, RpcError } from './rpcError.js';

/** Requests one batch may hold. */
export const MAX_BATCH = 1000;

type Id = string | number | null;
type Response = { jsonrpc: '2.0'; id: Id; result?: unknown; error?: { code: number; message: string; data?: unknown } };

export class RpcHandler {
  readonly ctx: NodeContext;
  private readonly methods: MethodTable;
  /** Unexpected handler failures (logged by the server). */
  onInternalError: (method: string, e: unknown) => void = () => {};

  constructor(readonly node: DevNode) {
    this.ctx = { node, filters: new FilterStore(), nextSubscription: 1 };
    node.onBlock((b) => this.ctx.filters.onBlock(b));
    node.onPending((h) => this.ctx.filters.onPendingTx(h));
    this.methods = {
      ...ethMethods(this.ctx),
      ...devMethods(this.ctx),
      ...debugMethods(this.ctx),
      ...(node.profile.name === 'zksync' ? zksMethods(this.ctx) : {}),
    };
  }

  /** Names of every method served. */
  get methodNames(): string[] {
    return Object.keys(this.methods);
  }

  /**
   * Handles a request body; returns the response text, or null when nothing is to be sent (notifications).
   * Never throws: a result that cannot be serialised becomes -32603.
   */
  handleText(text: string, conn: Connection): string | null {
    try {
      return this.handleTextUnsafe(text, conn);
    } catch (e) {
      this.onInternalError('(serialisation)', e);
      return JSON.stringify(
        errorResponse(null, new RpcError(INTERNAL_ERROR, `internal error: ${(e as Error).message}`)),
      );
    }
  }

  private handleTextUnsafe(text: string, conn: Connection): string | null {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return JSON.stringify(errorResponse(null, new RpcError(PARSE_ERROR, 'parse error')));
    }
    if (Array.isArray(body)) {
      if (body.length === 0) return JSON.stringify(errorResponse(null, new RpcError(INVALID_REQUEST, 'empty batch')));
      if (body.length > MAX_BATCH)
        return JSON.stringify(errorResponse(null, new RpcError(INVALID_REQUEST, `batch too large (max ${MAX_BATCH})`)));
      const out = body.map((r) => this.handleOne(r, conn)).filter((r): r is Response => r !== null);
      return out.length === 0 ? null : JSON.stringify(out);
    }
    const r = this.handleOne(body, conn);
    return r === null ? null : JSON.stringify(r);
  }

  /** One request object; null for a notification (no id). */
  handleOne(req: unknown, conn: Connection): Response | null {
    if (req === null || typeof req !== 'object' || Array.isArray(req))
      return errorResponse(null, new RpcError(INVALID_REQUEST, 'invalid request: expected an object'));
    const r = req as Record<string, unknown>;
    const id = r.id;
    const validId = id === undefined || id === null || typeof id === 'string' || typeof id === 'number';
    if (!validId) return errorResponse(null, new RpcError(INVALID_REQUEST, 'invalid request: bad id'));
    const idOut: Id = (id ?? null) as Id;
    if (r.jsonrpc !== '2.0')
      return errorResponse(idOut, new RpcError(INVALID_REQUEST, 'invalid request: jsonrpc must be "2.0"'));
    if (typeof r.method !== 'string')
      return errorResponse(idOut, new RpcError(INVALID_REQUEST, 'invalid request: method must be a string'));
    const method = r.method;
    const handler = Object.hasOwn(this.methods, method) ? this.methods[method] : undefined;
    let response: Response;
    if (!handler) {
      response = errorResponse(
        idOut,
        new RpcError(METHOD_NOT_FOUND, `the method ${method} does not exist/is not available`),
      );
    } else {
      try {
        const params = param(() => paramList(r.params));
        const result = handler(params, conn);
        response = { jsonrpc: '2.0', id: idOut, result: result === undefined ? null : result };
      } catch (e) {
        if (e instanceof RpcError) response = errorResponse(idOut, e);
        else {
          this.onInternalError(method, e);
          response = errorResponse(idOut, new RpcError(INTERNAL_ERROR, `internal error: ${(e as Error).message}`));
        }
      }
    }
    return id === undefined ? null : response;
  }
}

function errorResponse(id: Id, e: RpcError): Response {
  return {
    jsonrpc: '2.0',
    id,
    error: { code: e.code, message: e.message, ...(e.data !== undefined ? { data: e.data } : {}) },
  };
}
