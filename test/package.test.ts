// The published shape: `import ... from 'zkos-runner'` resolves through the exports map to the built JS
// (npm ci builds it via `prepare`), and a transaction runs through the public API alone.
import { describe, expect, it } from 'vitest';

describe("import from 'zkos-runner'", () => {
  it('exposes the entry points and runs a value transfer end to end', async () => {
    const api = await import('zkos-runner');
    for (const name of [
      'runTillCompletion',
      'runSingleInteraction',
      'createEnvironment',
      'processTransaction',
      'WorldState',
      'ethereum',
      'zksync',
      'frameLogic',
    ])
      expect(api, name).toHaveProperty(name);
    const machines = await import('zkos-runner/machines');
    expect(machines.frameChart.id).toBe('frame');
    expect(machines.runnerChart.id).toBe('runner');

    const sender = 0xa11cen;
    const world = api.WorldState.fromAccounts([[sender, { balance: 10n ** 18n }]]);
    const block = {
      coinbase: 0xc0ffeen,
      number: 1n,
      timestamp: 1n,
      gasLimit: 30_000_000n,
      baseFee: 7n,
      prevRandao: 0n,
      difficulty: 0n,
      chainId: 1n,
      blobBaseFee: 1n,
      excessBlobGas: 0n,
    };
    const env = api.createEnvironment({ profile: api.ethereum, world, block });
    const r = api.processTransaction(env, {
      type: 2,
      chainId: 1n,
      nonce: 0n,
      gasLimit: 21_000n,
      to: 0xb0bn,
      value: 5n,
      data: new Uint8Array(0),
      maxFeePerGas: 10n,
      maxPriorityFeePerGas: 1n,
      accessList: [],
      blobVersionedHashes: [],
      sender,
    });
    expect(r.valid && r.status).toBe('success');
    expect(world.getAccount(0xb0bn).balance).toBe(5n);
    expect(world.getAccount(0xc0ffeen).balance).toBe(21_000n); // priority fee 1 per gas
    expect(world.getAccount(sender).balance).toBe(10n ** 18n - 5n - 21_000n * 8n);
  });
});
