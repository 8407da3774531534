// The zks_ methods that make sense for an in-memory node (zksync profile only).
import { qty } from '../format.js';
import { parseCallRequest } from '../params.js';
import { param } from '../rpcError.js';
import type { MethodTable, NodeContext } from './types.js';

/** The L1 chain id reported by zks_L1ChainId (ZKsync's local-setup L1 uses 9). */
export const L1_CHAIN_ID = 9n;
/** Gas per pubdata byte reported by zks_estimateFee (pubdata is not metered in this runner). */
export const GAS_PER_PUBDATA = 800n;

export function zksMethods(ctx: NodeContext): MethodTable {
  return {
    zks_L1ChainId: () => qty(L1_CHAIN_ID),
    zks_estimateFee: (p) => {
      const req = param(() => parseCallRequest(p[0], 'params[0]'));
      const gas = ctx.node.estimateGas(req, { tag: 'pending' }, new Map());
      const base = ctx.node.chain.pendingBaseFee;
      return {
        gas_limit: qty(gas),
        gas_per_pubdata_limit: qty(GAS_PER_PUBDATA),
        max_fee_per_gas: qty(base),
        max_priority_fee_per_gas: '0x0',
      };
    },
  };
}
