// ethers v6 drives the node: JsonRpcProvider, Wallet, ContractFactory deployment and event filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Contract, ContractFactory, JsonRpcProvider, Wallet, parseEther } from 'ethers';
import counter from './contracts/Counter.json' with { type: 'json' };
import { ACCOUNT1, KEY0, startTestNode } from './helpers.js';

describe('ethers v6 against zkos node', () => {
  let t: Awaited<ReturnType<typeof startTestNode>>;
  let provider: JsonRpcProvider;
  let wallet: Wallet;

  beforeAll(async () => {
    t = await startTestNode();
    provider = new JsonRpcProvider(t.url, 31337, { staticNetwork: true, pollingInterval: 20, cacheTimeout: -1 });
    wallet = new Wallet(KEY0, provider);
  });
  afterAll(async () => {
    provider.destroy();
    await t.close();
  });

  it('deploys with a ContractFactory, calls, and filters events', async () => {
    const factory = new ContractFactory(counter.abi, counter.bytecode, wallet);
    const deployed = await factory.deploy(41n);
    await deployed.waitForDeployment();
    const address = await deployed.getAddress();
    const c = new Contract(address, counter.abi, wallet);
    expect(await c.getFunction('count')()).toBe(41n);

    const tx = await c.getFunction('increment')();
    const receipt = await tx.wait();
    expect(receipt?.status).toBe(1);
    expect(await c.getFunction('count')()).toBe(42n);

    const tx2 = await c.getFunction('add')(8n);
    await tx2.wait();
    const filter = c.filters.Incremented!(wallet.address);
    const events = await c.queryFilter(filter, 0);
    expect(events.map((e) => (e as unknown as { args: [string, bigint] }).args[1])).toEqual([42n, 50n]);

    // A filter that matches no sender returns nothing.
    const none = await c.queryFilter(c.filters.Incremented!(ACCOUNT1), 0);
    expect(none).toHaveLength(0);
  });

  it('sends ether with a Wallet and sees nonce and balance change', async () => {
    const nonce = await provider.getTransactionCount(wallet.address);
    const before = await provider.getBalance(ACCOUNT1);
    const tx = await wallet.sendTransaction({ to: ACCOUNT1, value: parseEther('2') });
    const receipt = await tx.wait();
    expect(receipt?.gasUsed).toBe(21_000n);
    expect(await provider.getBalance(ACCOUNT1)).toBe(before + parseEther('2'));
    expect(await provider.getTransactionCount(wallet.address)).toBe(nonce + 1);
  });

  it('reports geth messages for invalid transactions', async () => {
    const nonce = await provider.getTransactionCount(wallet.address);
    const signed = await wallet.signTransaction({
      to: ACCOUNT1,
      value: 1n,
      nonce: nonce - 1,
      gasLimit: 21_000n,
      maxFeePerGas: 10n ** 10n,
      maxPriorityFeePerGas: 1n,
      chainId: 31337n,
    });
    await expect(provider.broadcastTransaction(signed)).rejects.toThrow(/nonce too low/);
    const poor = Wallet.createRandom(provider);
    await expect(poor.sendTransaction({ to: ACCOUNT1, value: 1n, gasLimit: 21_000n })).rejects.toThrow(
      /insufficient funds/,
    );
  });
});
