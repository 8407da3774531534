// What a JSON-RPC method handler sees.
import type { DevNode } from '../devNode.js';
import type { FilterStore } from '../filters.js';

/** The connection a request came on (WebSocket connections can subscribe). */
export interface Connection {
  /** Sends a notification (absent over HTTP). */
  readonly notify?: (message: object) => void;
  /** Subscription id → unsubscribe; dropped when the connection closes. */
  readonly subscriptions: Map<string, () => void>;
}

export interface NodeContext {
  readonly node: DevNode;
  readonly filters: FilterStore;
  /** Next subscription id. */
  nextSubscription: number;
}

export type Handler = (params: unknown[], conn: Connection) => unknown;
export type MethodTable = Record<string, Handler>;
