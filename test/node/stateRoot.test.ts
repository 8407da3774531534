// The incremental state root of mined blocks equals the full recomputation after transfers, storage
// edits, deletions (EIP-161), deployments, snapshots and reverts.
import { describe, expect, it } from 'vitest';
import { ethereum } from '../../src/index.js';
import { bytesToHex } from '../../src/crypto/bytes.js';
import { DevNode } from '../../src/node/devNode.js';
import { RpcHandler } from '../../src/node/rpc.js';
import { worldStateRoot } from '../../src/statetest/runCase.js';
import counter from './contracts/Counter.json' with { type: 'json' };
import { ACCOUNT0, ACCOUNT1, ETH } from './helpers.js';

describe('incremental state root', () => {
  it('matches the full state root after every kind of change', () => {
    const node = new DevNode({ profile: ethereum, chainId: 31337n, accounts: 3, balance: 100n * ETH });
    const h = new RpcHandler(node);
    const conn = { subscriptions: new Map() };
    const req = (method: string, params: unknown[] = []) => {
      const r = h.handleOne({ jsonrpc: '2.0', id: 1, method, params }, conn)!;
      if (r.error) throw new Error(`${method}: ${r.error.message}`);
      return r.result;
    };
    const check = (what: string) => {
      req('evm_mine');
      expect(bytesToHex(node.chain.head.stateRoot), what).toBe(bytesToHex(worldStateRoot(node.chain.world)));
    };
    check('genesis + empty block');
    req('eth_sendTransaction', [{ from: ACCOUNT0, to: ACCOUNT1, value: '0x10' }]);
    check('transfer');
    const d = req('eth_sendTransaction', [{ from: ACCOUNT0, data: counter.bytecode + '00'.repeat(31) + '07' }]);
    const c = (req('eth_getTransactionReceipt', [d]) as { contractAddress: string }).contractAddress;
    check('deployment with storage');
    req('eth_sendTransaction', [{ from: ACCOUNT1, to: c, data: '0xd09de08a' }]);
    check('storage write in a call');
    const snap = req('evm_snapshot');
    req('anvil_setStorageAt', [c, '0x5', '0x' + '00'.repeat(31) + '09']);
    req('anvil_setBalance', ['0x' + '77'.repeat(20), '0x5']);
    check('edits');
    req('evm_revert', [snap]);
    check('after revert');
    req('anvil_setBalance', ['0x' + '66'.repeat(20), '0x0']);
    req('anvil_setNonce', ['0x' + '66'.repeat(20), '0x1']);
    check('account with nonce only');
    req('eth_sendTransaction', [{ from: ACCOUNT0, to: '0x' + '55'.repeat(20), value: '0x0' }]);
    check('zero transfer to an empty account (EIP-161 touch)');
    req('anvil_loadState', [req('anvil_dumpState')]);
    check('load');
  });
});
