// Every engine the bench times, behind one interface (peers/peer.ts), by name: zkos-runner and
// @ethereumjs/evm in-process, Hardhat's EDR in-process through napi, anvil as a JSON-RPC child process.
import { runEthereumjs } from './ethereumjs.js';
import { runOurs } from './ours.js';
import type { PeerEngine } from './peers/peer.js';

export const ENGINE_NAMES = ['zkos', 'ethereumjs', 'edr', 'anvil'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export const ENGINE_LABELS: Record<EngineName, string> = {
  zkos: 'zkos-runner',
  ethereumjs: '@ethereumjs/evm',
  edr: 'EDR (eth_call)',
  anvil: 'anvil (eth_call)',
};

/** Peers report output only (eth_call has no gas); zkos and ethereumjs also report gas used and refund. */
export const REPORTS_GAS: Record<EngineName, boolean> = { zkos: true, ethereumjs: true, edr: false, anvil: false };

/** Opens an engine; peers throw with the reason when they cannot start (the caller skips them). */
export async function openEngine(name: EngineName): Promise<PeerEngine> {
  switch (name) {
    case 'zkos':
      return { name, run: async (w) => runOurs(w), close: async () => {} };
    case 'ethereumjs':
      return { name, run: (w) => runEthereumjs(w), close: async () => {} };
    case 'edr':
      return (await import('./peers/edr.js')).openEdr();
    case 'anvil':
      return (await import('./peers/anvil.js')).openAnvil();
  }
}
