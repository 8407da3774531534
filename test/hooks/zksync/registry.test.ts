// Registration of the ZKsync system-contract hooks (brief §6.1) and which profile gets them.
import { describe, expect, it } from 'vitest';
import { HookRegistry } from '../../../src/hooks/registry.js';
import {
  addSystemContracts,
  contractDeployerHook,
  l1MessengerHook,
  l2BaseTokenHook,
} from '../../../src/hooks/zksync/index.js';
import { ethereum, zksync } from '../../../src/profiles/index.js';
import { hooksFor } from '../../../src/runner/environment.js';

describe('addSystemContracts', () => {
  it('registers 0x8006, 0x8008 and 0x800a only', () => {
    const r = addSystemContracts(new HookRegistry());
    expect(r.addresses().sort()).toEqual([0x8006n, 0x8008n, 0x800an]);
    expect(r.get(0x8006n)).toBe(contractDeployerHook);
    expect(r.get(0x8008n)).toBe(l1MessengerHook);
    expect(r.get(0x800an)).toBe(l2BaseTokenHook);
  });

  it('refuses a second registration (Rust add_hook asserts no duplicate)', () => {
    const r = addSystemContracts(new HookRegistry());
    expect(() => addSystemContracts(r)).toThrow(/already registered/);
  });

  it('the zksync profile has precompiles and system contracts; ethereum has no system contracts', () => {
    const zk = hooksFor(zksync);
    for (const a of [1n, 8n, 0x8006n, 0x8008n, 0x800an]) expect(zk.has(a)).toBe(true);
    for (const a of [0x8001n, 0x8005n, 0x800fn]) expect(zk.has(a)).toBe(false);
    const eth = hooksFor(ethereum);
    for (const a of [0x8006n, 0x8008n, 0x800an]) expect(eth.has(a)).toBe(false);
  });
});
