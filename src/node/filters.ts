// Log queries and the filter methods' state (eth_newFilter, eth_newBlockFilter, eth_getFilterChanges).
import { bigIntToBytes } from '../crypto/bytes.js';
import { bloomMayContain } from './blockHeader.js';
import type { Block, Chain } from './chain.js';
import { formatLog, type RpcLog, word } from './format.js';
import type { LogFilter } from './params.js';
import { RpcError, SERVER_ERROR } from './rpcError.js';

/** Most blocks one eth_getLogs may scan (anvil has no limit; a bound keeps one request from stalling all). */
export const MAX_LOG_BLOCK_RANGE = 100_000n;

function blockMayMatch(b: Block, f: LogFilter): boolean {
  if (f.addresses && !f.addresses.some((a) => bloomMayContain(b.logsBloom, bigIntToBytes(a, 20)))) return false;
  for (const alts of f.topics)
    if (alts && !alts.some((t) => bloomMayContain(b.logsBloom, bigIntToBytes(t, 32)))) return false;
  return true;
}

/** The logs of block `b` that `f` selects. */
export function logsOfBlock(b: Block, f: LogFilter): RpcLog[] {
  const out: RpcLog[] = [];
  if (!blockMayMatch(b, f)) return out;
  for (const t of b.txs)
    t.receipt.logs.forEach((log, i) => {
      if (f.addresses && !f.addresses.includes(log.address)) return;
      for (let k = 0; k < f.topics.length; k++) {
        const alts = f.topics[k];
        if (alts && (log.topics[k] === undefined || !alts.includes(log.topics[k]!))) return;
      }
      out.push(formatLog(log, b, t, i));
    });
  return out;
}

/** eth_getLogs over [from, to]. */
export function queryLogs(chain: Chain, f: LogFilter, from: bigint, to: bigint): RpcLog[] {
  if (f.blockHash !== undefined) {
    const b = chain.blocks.find((x) => x.hash === f.blockHash);
    if (!b) throw new RpcError(SERVER_ERROR, 'unknown block');
    return logsOfBlock(b, f);
  }
  if (from > to) throw new RpcError(SERVER_ERROR, 'invalid block range params');
  if (to - from >= MAX_LOG_BLOCK_RANGE)
    throw new RpcError(SERVER_ERROR, `query exceeds max block range ${MAX_LOG_BLOCK_RANGE}`);
  const out: RpcLog[] = [];
  for (let n = from; n <= to; n++) {
    const b = chain.blockByNumber(n);
    if (b) out.push(...logsOfBlock(b, f));
  }
  return out;
}

type Installed =
  | { kind: 'logs'; filter: LogFilter; pending: RpcLog[] }
  | { kind: 'blocks'; pending: string[] }
  | { kind: 'pendingTxs'; pending: string[] };

/** Installed filters, fed by every new block and pooled transaction. */
export class FilterStore {
  private readonly filters = new Map<string, Installed>();
  private next = 1;

  /** Feeds a mined block to every filter. */
  onBlock(b: Block): void {
    for (const f of this.filters.values()) {
      if (f.kind === 'blocks') f.pending.push(word(b.hash));
      else if (f.kind === 'logs') {
        const upTo = f.filter.toBlock && 'number' in f.filter.toBlock ? f.filter.toBlock.number : null;
        if (upTo === null || b.number <= upTo) f.pending.push(...logsOfBlock(b, f.filter));
      }
    }
  }

  onPendingTx(hash: bigint): void {
    for (const f of this.filters.values()) if (f.kind === 'pendingTxs') f.pending.push(word(hash));
  }

  install(f: Installed): string {
    const id = '0x' + (this.next++).toString(16);
    this.filters.set(id, f);
    return id;
  }

  get(id: string): Installed {
    const f = this.filters.get(id);
    if (!f) throw new RpcError(SERVER_ERROR, 'filter not found');
    return f;
  }

  /** What arrived since the last poll. */
  changes(id: string): unknown[] {
    const f = this.get(id);
    const out = f.pending;
    f.pending = [];
    return out;
  }

  uninstall(id: string): boolean {
    return this.filters.delete(id);
  }

  clear(): void {
    this.filters.clear();
  }
}
