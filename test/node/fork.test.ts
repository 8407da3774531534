// The node runs the fork it is given (`zkos node --fork`): CLZ (EIP-7939) exists at Osaka, not at Cancun.
import { afterEach, describe, expect, it } from 'vitest';
import { cancun, osaka } from '../../src/forks/index.js';
import { call, startTestNode } from './helpers.js';

// Runtime code: CLZ(1) → 255, returned as one word (PUSH1 1, CLZ, PUSH0, MSTORE, PUSH1 32, PUSH0, RETURN).
const CLZ_CODE = '0x60011e5f5260205ff3';
const CONTRACT = '0x00000000000000000000000000000000000c1a2e';

describe('zkos node --fork', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  const callClz = async (fork: typeof osaka) => {
    const t = await startTestNode({ fork });
    close = t.close;
    expect(t.node.chain.fork.name).toBe(fork.name);
    return call(t.url, 'eth_call', [{ to: CONTRACT, data: '0x' }, 'latest', { [CONTRACT]: { code: CLZ_CODE } }]);
  };

  it('executes CLZ at Osaka (the default)', async () => {
    expect(await callClz(osaka)).toBe(`0x${'00'.repeat(31)}ff`);
  });

  it('treats CLZ as an undefined opcode at Cancun', async () => {
    await expect(callClz(cancun)).rejects.toThrow();
  });
});
