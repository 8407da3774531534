// Hardhat's EDR (@nomicfoundation/edr: revm through napi) in-process: one L1 provider at Cancun, each workload
// run as `eth_call` through `provider.handleRequest` with a state override placing the code.
import type { RunResult } from '../ours.js';
import type { Workload } from '../workloads.js';
import { now } from '../util.js';
import { ethCallParams, resultOf } from './rpc.js';
import type { PeerEngine } from './peer.js';

/** The slice of EDR's API the bench uses (typed here so the package stays an optional devDependency). */
interface EdrModule {
  EdrContext: new () => {
    registerProviderFactory(chainType: string, factory: unknown): Promise<void>;
    createProvider(
      chainType: string,
      config: unknown,
      logger: unknown,
      subs: unknown,
      decoder: unknown,
    ): Promise<{
      handleRequest(request: string): Promise<{ data: unknown }>;
    }>;
  };
  ContractDecoder: new () => unknown;
  L1_CHAIN_TYPE: string;
  CANCUN: string;
  MineOrdering: { Priority: unknown };
  l1ProviderFactory(): unknown;
}

export async function openEdr(): Promise<PeerEngine> {
  const edr = (await import('@nomicfoundation/edr')) as unknown as EdrModule;
  const ctx = new edr.EdrContext();
  await ctx.registerProviderFactory(edr.L1_CHAIN_TYPE, edr.l1ProviderFactory());
  const provider = await ctx.createProvider(
    edr.L1_CHAIN_TYPE,
    {
      allowBlocksWithSameTimestamp: false,
      allowUnlimitedContractSize: true,
      bailOnCallFailure: false,
      bailOnTransactionFailure: false,
      chainId: 31337n,
      coinbase: new Uint8Array(20),
      defaultTransactionGasLimit: 30_000_000n,
      genesisState: [],
      hardfork: edr.CANCUN,
      minGasPrice: 0n,
      initialBaseFeePerGas: 0n,
      mining: { autoMine: true, memPool: { order: edr.MineOrdering.Priority } },
      network: { genesisBlockGasLimit: 2_000_000_000n },
      networkId: 31337n,
      observability: {},
      ownedAccounts: [],
      precompileOverrides: [],
      transactionGasCap: false,
      chainOverrides: [],
    },
    { enable: false, decodeConsoleLogInputsCallback: () => [], printLineCallback: () => {} },
    { subscriptionCallback: () => {} },
    new edr.ContractDecoder(),
  );
  let id = 0;
  return {
    name: 'edr',
    async run(w: Workload): Promise<RunResult> {
      const request = JSON.stringify({ jsonrpc: '2.0', id: ++id, method: 'eth_call', params: ethCallParams(w) });
      const t0 = now();
      const response = await provider.handleRequest(request);
      const ms = now() - t0;
      const data = typeof response.data === 'string' ? JSON.parse(response.data) : response.data;
      return resultOf(data, ms);
    },
    async close(): Promise<void> {},
  };
}
