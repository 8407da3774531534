// The dev methods under anvil's and Hardhat's names: snapshots, mining and time, direct state edits,
// impersonation, reset, dump and load.
import { parseAddress, parseData, parseU256, parseU64, parseWord } from '../../input/parse.js';
import { qty } from '../format.js';
import { parseBoolean } from '../params.js';
import { INVALID_PARAMS, param, RpcError } from '../rpcError.js';
import { dumpWorld, parseDump } from '../stateFile.js';
import type { MethodTable, NodeContext } from './types.js';

export function devMethods(ctx: NodeContext): MethodTable {
  const n = () => ctx.node;
  const chain = () => ctx.node.chain;
  const address = (v: unknown) => param(() => parseAddress(v, 'params[0]'));

  const mine = (p: unknown[]) => {
    // evm_mine([timestamp]) or ([{ timestamp, blocks }]) (anvil).
    let blocks = 1;
    let ts: bigint | undefined;
    const a = p[0];
    if (typeof a === 'string' || typeof a === 'number') ts = param(() => parseU64(qtyOf(a), 'params[0]'));
    else if (a && typeof a === 'object') {
      const o = a as Record<string, unknown>;
      if (o.timestamp != null) ts = param(() => parseU64(qtyOf(o.timestamp), 'params[0].timestamp'));
      if (o.blocks != null) blocks = Number(param(() => parseU64(qtyOf(o.blocks), 'params[0].blocks')));
    }
    if (blocks > 10_000) throw new RpcError(INVALID_PARAMS, 'invalid argument 0: at most 10000 blocks per call');
    for (let i = 0; i < blocks; i++) {
      if (i === 0 && ts !== undefined) chain().nextTimestamp = ts;
      n().minePending(true);
    }
    return '0x0';
  };
  const setBalance = (p: unknown[]) => {
    const a = address(p[0]);
    const v = param(() => parseU256(p[1], 'params[1]'));
    chain().edit((w) => w.setBalance(a, v));
    return true;
  };
  const setCode = (p: unknown[]) => {
    const a = address(p[0]);
    const code = param(() => parseData(p[1], 'params[1]'));
    chain().edit((w) => w.setCode(a, code));
    return true;
  };
  const setNonce = (p: unknown[]) => {
    const a = address(p[0]);
    const v = param(() => parseU64(qtyOf(p[1]), 'params[1]'));
    chain().edit((w) => w.setNonce(a, v));
    return true;
  };
  const setStorageAt = (p: unknown[]) => {
    const a = address(p[0]);
    const slot = param(() =>
      typeof p[1] === 'string' && p[1].length === 66 ? parseWord(p[1], 'params[1]') : parseU256(p[1], 'params[1]'),
    );
    const v = param(() => parseWord(p[2], 'params[2]'));
    chain().edit((w) => {
      w.ensureExists(a);
      w.sstore(a, slot, v);
    });
    return true;
  };
  const impersonate = (p: unknown[]) => {
    n().impersonated.add(address(p[0]));
    return null;
  };
  const stopImpersonating = (p: unknown[]) => {
    n().impersonated.delete(address(p[0]));
    return null;
  };
  const dump = () => {
    const h = chain().head;
    const json = JSON.stringify(dumpWorld(chain().world, n().chainId, h.number, h.timestamp));
    return '0x' + Buffer.from(json, 'utf8').toString('hex');
  };
  const load = (p: unknown[]) => {
    const text = param(() => Buffer.from(parseData(p[0], 'params[0]')).toString('utf8'));
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new RpcError(INVALID_PARAMS, 'invalid argument 0: not a state dump (JSON expected)');
    }
    const d = param(() => parseDump(json, 'params[0]'));
    chain().edit((w) => {
      for (const [a, init] of d.accounts) {
        w.setBalance(a, init.balance ?? 0n);
        w.setNonce(a, init.nonce ?? 0n);
        w.setCode(a, init.code ?? new Uint8Array(0));
        for (const [k, v] of init.storage ?? []) w.sstore(a, k, v);
      }
    });
    return true;
  };

  return {
    evm_snapshot: () => qty(chain().snapshot()),
    evm_revert: (p) => chain().revert(Number(param(() => parseU64(qtyOf(p[0]), 'params[0]')))),
    evm_mine: mine,
    anvil_mine: (p) => mine([{ blocks: p[0] ?? 1 }]),
    hardhat_mine: (p) => mine([{ blocks: p[0] ?? 1 }]),
    evm_increaseTime: (p) => {
      const s = param(() => parseU64(qtyOf(p[0]), 'params[0]'));
      chain().timeOffset += s;
      return qty(chain().timeOffset);
    },
    evm_setNextBlockTimestamp: (p) => {
      const ts = param(() => parseU64(qtyOf(p[0]), 'params[0]'));
      if (ts < chain().head.timestamp)
        throw new RpcError(
          INVALID_PARAMS,
          `invalid argument 0: timestamp ${ts} is before the head's ${chain().head.timestamp}`,
        );
      chain().nextTimestamp = ts;
      return null;
    },
    evm_setAutomine: (p) => {
      n().automine = param(() => parseBoolean(p[0], 'params[0]'));
      if (n().automine) n().minePending();
      return null;
    },
    evm_setIntervalMining: (p) => {
      n().setIntervalMining(Number(param(() => parseU64(qtyOf(p[0]), 'params[0]'))));
      return null;
    },
    anvil_getAutomine: () => n().automine,
    hardhat_getAutomine: () => n().automine,
    anvil_setBalance: setBalance,
    hardhat_setBalance: setBalance,
    anvil_setCode: setCode,
    hardhat_setCode: setCode,
    anvil_setNonce: setNonce,
    hardhat_setNonce: setNonce,
    anvil_setStorageAt: setStorageAt,
    hardhat_setStorageAt: setStorageAt,
    anvil_impersonateAccount: impersonate,
    hardhat_impersonateAccount: impersonate,
    anvil_stopImpersonatingAccount: stopImpersonating,
    hardhat_stopImpersonatingAccount: stopImpersonating,
    anvil_reset: () => {
      n().reset();
      ctx.filters.clear();
      return null;
    },
    hardhat_reset: () => {
      n().reset();
      ctx.filters.clear();
      return null;
    },
    anvil_dumpState: dump,
    anvil_loadState: load,
  };
}

/** Hardhat and anvil accept plain JSON numbers where the spec says quantity. */
function qtyOf(v: unknown): unknown {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? '0x' + v.toString(16) : v;
}
