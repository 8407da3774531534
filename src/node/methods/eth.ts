// The eth_, net_ and web3_ methods.
import { keccak256 } from '../../crypto/keccak.js';
import { parseData, parseU64, parseWord, parseAddress, InputError } from '../../input/parse.js';
import { CLIENT_VERSION, DEFAULT_PRIORITY_FEE } from '../devNode.js';
import { queryLogs, logsOfBlock } from '../filters.js';
import { addr, data, formatBlock, formatMinedTx, formatReceipt, formatTx, qty, word } from '../format.js';
import {
  parseBlockRef,
  parseCallRequest,
  parseLogFilter,
  parseStateOverrides,
  type LogFilter,
  parseBoolean,
} from '../params.js';
import { INVALID_PARAMS, param, RpcError, SERVER_ERROR } from '../rpcError.js';
import { decodeRawTransaction, type SignedTx, TxDecodeError } from '../txCodec.js';
import type { Connection, MethodTable, NodeContext } from './types.js';

export function ethMethods(ctx: NodeContext): MethodTable {
  const { filters } = ctx;
  const n = () => ctx.node;
  const chain = () => ctx.node.chain;
  const zksync = () => ctx.node.profile.name === 'zksync';

  const blockOf = (v: unknown, field: string) => {
    const ref = param(() => parseBlockRef(v, field));
    if ('number' in ref) return chain().blockByNumber(ref.number) ?? null;
    if ('hash' in ref) return chain().blocks.find((b) => b.hash === ref.hash) ?? null;
    return chain().blockByNumber(n().resolveBlock(ref)) ?? null;
  };
  const txWhere = (hash: bigint) => {
    const t = chain().txIndex.get(hash);
    if (!t) return null;
    return { t, block: chain().blockByNumber(t.blockNumber)! };
  };
  const filterRange = (f: LogFilter): [bigint, bigint] => {
    const head = chain().head.number;
    const from = f.fromBlock ? n().resolveBlock(f.fromBlock) : head;
    const to = f.toBlock ? n().resolveBlock(f.toBlock) : head;
    return [from, to];
  };

  return {
    web3_clientVersion: () => CLIENT_VERSION,
    web3_sha3: (p) => data(keccak256(param(() => parseData(p[0], 'params[0]')))),
    net_version: () => n().chainId.toString(),
    net_listening: () => true,
    net_peerCount: () => '0x0',
    eth_chainId: () => qty(n().chainId),
    eth_syncing: () => false,
    eth_mining: () => n().automine,
    eth_hashrate: () => '0x0',
    eth_coinbase: () => addr(chain().coinbase),
    eth_accounts: () => n().accounts.map((a) => addr(a.address)),
    eth_blockNumber: () => qty(chain().head.number),
    eth_gasPrice: () => qty(chain().pendingBaseFee + DEFAULT_PRIORITY_FEE),
    eth_maxPriorityFeePerGas: () => qty(DEFAULT_PRIORITY_FEE),
    eth_blobBaseFee: () => '0x1',

    eth_getBalance: (p) => {
      const a = param(() => parseAddress(p[0], 'params[0]'));
      return qty(
        n().read(
          param(() => parseBlockRef(p[1], 'params[1]')),
          (w) => w.getAccount(a).balance,
        ),
      );
    },
    eth_getCode: (p) => {
      const a = param(() => parseAddress(p[0], 'params[0]'));
      return data(
        n().read(
          param(() => parseBlockRef(p[1], 'params[1]')),
          (w) => w.getAccount(a).code,
        ),
      );
    },
    eth_getStorageAt: (p) => {
      const a = param(() => parseAddress(p[0], 'params[0]'));
      const slot = param(() => parseU64Slot(p[1], 'params[1]'));
      return word(
        n().read(
          param(() => parseBlockRef(p[2], 'params[2]')),
          (w) => w.sload(a, slot),
        ),
      );
    },
    eth_getTransactionCount: (p) => {
      const a = param(() => parseAddress(p[0], 'params[0]'));
      const ref = param(() => parseBlockRef(p[1], 'params[1]'));
      if ('tag' in ref && ref.tag === 'pending') return qty(n().pendingNonce(a));
      return qty(n().read(ref, (w) => w.getAccount(a).nonce));
    },

    eth_call: (p) => {
      const req = param(() => parseCallRequest(p[0], 'params[0]'));
      const ref = param(() => parseBlockRef(p[1], 'params[1]'));
      const overrides = param(() => parseStateOverrides(p[2], 'params[2]'));
      return data(n().call(req, ref, overrides));
    },
    eth_estimateGas: (p) => {
      const req = param(() => parseCallRequest(p[0], 'params[0]'));
      const ref = param(() => parseBlockRef(p[1], 'params[1]', { tag: 'pending' }));
      const overrides = param(() => parseStateOverrides(p[2], 'params[2]'));
      return qty(n().estimateGas(req, ref, overrides));
    },
    eth_sendRawTransaction: (p) => {
      const raw = param(() => parseData(p[0], 'params[0]'));
      let signed: SignedTx;
      try {
        signed = decodeRawTransaction(raw);
      } catch (e) {
        if (e instanceof TxDecodeError) throw new RpcError(INVALID_PARAMS, `invalid argument 0: ${e.message}`);
        throw e;
      }
      return word(n().submit(signed));
    },
    eth_sendTransaction: (p) => word(n().sendTransaction(param(() => parseCallRequest(p[0], 'params[0]')))),

    eth_getTransactionByHash: (p) => {
      const hash = param(() => parseWord(p[0], 'params[0]'));
      const w = txWhere(hash);
      if (w) return formatMinedTx(w.block, w.t);
      for (const q of n().pool.values()) for (const s of q.values()) if (s.hash === hash) return formatTx(s, null);
      return null;
    },
    eth_getTransactionReceipt: (p) => {
      const w = txWhere(param(() => parseWord(p[0], 'params[0]')));
      return w ? formatReceipt(w.block, w.t, zksync()) : null;
    },
    eth_getTransactionByBlockNumberAndIndex: (p) => {
      const b = blockOf(p[0], 'params[0]');
      const t = b?.txs[Number(param(() => parseU64(p[1], 'params[1]')))];
      return b && t ? formatMinedTx(b, t) : null;
    },
    eth_getTransactionByBlockHashAndIndex: (p) => {
      const b = blockOf({ blockHash: p[0] }, 'params[0]');
      const t = b?.txs[Number(param(() => parseU64(p[1], 'params[1]')))];
      return b && t ? formatMinedTx(b, t) : null;
    },
    eth_getBlockByNumber: (p) => {
      const full = p[1] === undefined ? false : param(() => parseBoolean(p[1], 'params[1]'));
      const ref = param(() => parseBlockRef(p[0], 'params[0]'));
      const b = 'number' in ref ? chain().blockByNumber(ref.number) : blockOf(p[0], 'params[0]');
      return b ? formatBlock(b, full) : null;
    },
    eth_getBlockByHash: (p) => {
      const hash = param(() => parseWord(p[0], 'params[0]'));
      const full = p[1] === undefined ? false : param(() => parseBoolean(p[1], 'params[1]'));
      const b = chain().blocks.find((x) => x.hash === hash);
      return b ? formatBlock(b, full) : null;
    },
    eth_getBlockTransactionCountByNumber: (p) => {
      const b = blockOf(p[0], 'params[0]');
      return b ? qty(b.txs.length) : null;
    },
    eth_getBlockTransactionCountByHash: (p) => {
      const b = blockOf({ blockHash: p[0] }, 'params[0]');
      return b ? qty(b.txs.length) : null;
    },
    eth_getBlockReceipts: (p) => {
      const b = blockOf(p[0], 'params[0]');
      return b ? b.txs.map((t) => formatReceipt(b, t, zksync())) : null;
    },
    eth_getUncleCountByBlockNumber: () => '0x0',
    eth_getUncleCountByBlockHash: () => '0x0',

    eth_getLogs: (p) => {
      const f = param(() => parseLogFilter(p[0], 'params[0]'));
      const [from, to] = f.blockHash !== undefined ? [0n, 0n] : filterRange(f);
      return queryLogs(chain(), f, from, to);
    },
    eth_newFilter: (p) => {
      const f = param(() => parseLogFilter(p[0], 'params[0]'));
      const id = filters.install({ kind: 'logs', filter: f, pending: [] });
      // Polls return logs of blocks mined after installation (geth); eth_getFilterLogs also reads the past.
      return id;
    },
    eth_newBlockFilter: () => filters.install({ kind: 'blocks', pending: [] }),
    eth_newPendingTransactionFilter: () => filters.install({ kind: 'pendingTxs', pending: [] }),
    eth_getFilterChanges: (p) => filters.changes(filterId(p[0])),
    eth_getFilterLogs: (p) => {
      const f = filters.get(filterId(p[0]));
      if (f.kind !== 'logs') throw new RpcError(SERVER_ERROR, 'filter not found');
      const [from, to] = filterRange(f.filter);
      return queryLogs(chain(), f.filter, from, to);
    },
    eth_uninstallFilter: (p) => filters.uninstall(filterId(p[0])),

    eth_feeHistory: (p) => {
      const count = Number(param(() => parseU64(typeof p[0] === 'number' ? qty(p[0]) : p[0], 'params[0]')));
      const newest = n().resolveBlock(param(() => parseBlockRef(p[1], 'params[1]')));
      const percentiles = p[2] == null ? null : param(() => parsePercentiles(p[2]));
      return feeHistory(ctx, Math.min(count, 1024), newest, percentiles);
    },

    eth_subscribe: (p, conn) => subscribe(ctx, p, conn),
    eth_unsubscribe: (p, conn) => {
      const id = typeof p[0] === 'string' ? p[0] : '';
      const off = conn.subscriptions.get(id);
      if (!off) return false;
      off();
      conn.subscriptions.delete(id);
      return true;
    },
  };

  function subscribe(c: NodeContext, p: unknown[], conn: Connection): string {
    if (!conn.notify) throw new RpcError(SERVER_ERROR, 'notifications not supported (use the WebSocket endpoint)');
    const notify = conn.notify;
    const id = '0x' + (c.nextSubscription++).toString(16).padStart(32, '0');
    const send = (result: unknown) =>
      notify({ jsonrpc: '2.0', method: 'eth_subscription', params: { subscription: id, result } });
    let off: () => void;
    switch (p[0]) {
      case 'newHeads':
        off = n().onBlock((b) => {
          const { transactions: _t, uncles: _u, ...header } = formatBlock(b, false) as Record<string, unknown>;
          send(header);
        });
        break;
      case 'logs': {
        const f = param(() => parseLogFilter(p[1], 'params[1]'));
        off = n().onBlock((b) => {
          for (const l of logsOfBlock(b, f)) send(l);
        });
        break;
      }
      case 'newPendingTransactions':
        off = n().onPending((h) => send(word(h)));
        break;
      default:
        throw new RpcError(INVALID_PARAMS, `invalid argument 0: unsupported subscription ${JSON.stringify(p[0])}`);
    }
    conn.subscriptions.set(id, () => off());
    return id;
  }
}

function filterId(v: unknown): string {
  if (typeof v !== 'string' || !/^0x[0-9a-f]+$/i.test(v))
    throw new RpcError(INVALID_PARAMS, 'invalid argument 0: filter id');
  return v.toLowerCase();
}

/** A storage slot: a quantity or a 32-byte word. */
function parseU64Slot(v: unknown, field: string): bigint {
  if (typeof v === 'string' && v.length === 66) return parseWord(v, field);
  if (typeof v === 'string' && /^0x[0-9a-fA-F]{1,64}$/.test(v)) return BigInt(v);
  throw new InputError(field, 'expected a storage slot (hex quantity or 32-byte word)');
}

function parsePercentiles(v: unknown): number[] {
  if (!Array.isArray(v)) throw new InputError('params[2]', 'expected an array of percentiles');
  let prev = -1;
  return v.map((x, i) => {
    if (typeof x !== 'number' || x < 0 || x > 100 || x < prev)
      throw new InputError(`params[2][${i}]`, 'percentiles must be increasing numbers in [0, 100]');
    prev = x;
    return x;
  });
}

function feeHistory(ctx: NodeContext, count: number, newest: bigint, percentiles: number[] | null): object {
  const chain = ctx.node.chain;
  const first = chain.blocks[0]!.number;
  const oldest = newest - BigInt(count) + 1n < first ? first : newest - BigInt(count) + 1n;
  const baseFees: string[] = [];
  const ratios: number[] = [];
  const rewards: string[][] = [];
  for (let k = oldest; k <= newest; k++) {
    const b = chain.blockByNumber(k)!;
    baseFees.push(qty(b.baseFeePerGas));
    ratios.push(Number(b.gasUsed) / Number(b.gasLimit));
    if (percentiles) {
      // Tips weighted by gas used (geth's method): sort by tip, walk cumulative gas.
      const tips = b.txs
        .map((t) => ({ tip: t.effectiveGasPrice - b.baseFeePerGas, gas: t.receipt.gasUsed }))
        .sort((x, y) => (x.tip < y.tip ? -1 : x.tip > y.tip ? 1 : 0));
      rewards.push(
        percentiles.map((pc) => {
          if (tips.length === 0) return '0x0';
          const threshold = (Number(b.gasUsed) * pc) / 100;
          let sum = 0;
          for (const t of tips) {
            sum += Number(t.gas);
            if (sum >= threshold) return qty(t.tip);
          }
          return qty(tips[tips.length - 1]!.tip);
        }),
      );
    }
  }
  baseFees.push(
    qty(newest === chain.head.number ? chain.pendingBaseFee : chain.blockByNumber(newest + 1n)!.baseFeePerGas),
  );
  return {
    oldestBlock: qty(oldest),
    baseFeePerGas: baseFees,
    gasUsedRatio: ratios,
    baseFeePerBlobGas: baseFees.map(() => '0x1'),
    blobGasUsedRatio: ratios.map(() => 0),
    ...(percentiles ? { reward: rewards } : {}),
  };
}
