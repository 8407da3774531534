import { describe, expect, it } from 'vitest';
import { calldataGas, ETHEREUM_TX_GAS_PARAMS, intrinsicGas, ZKSYNC_TX_GAS_PARAMS } from '../../src/tx/intrinsic.js';
import type { AccessList } from '../../src/tx/types.js';

const call = (data: number[] | Uint8Array, accessList: AccessList = []) => ({
  to: 0xccn as bigint | null,
  data: data instanceof Uint8Array ? data : Uint8Array.from(data),
  accessList,
});
const create = (data: Uint8Array, accessList: AccessList = []) => ({ to: null, data, accessList });

describe('intrinsicGas (Ethereum)', () => {
  it('charges 21000 for a plain transfer', () => {
    expect(intrinsicGas(call([]))).toBe(21000n);
  });

  it('charges 4 per zero and 16 per non-zero calldata byte', () => {
    expect(calldataGas(Uint8Array.from([0, 1, 0, 0xff]))).toBe(40n);
    expect(intrinsicGas(call([0, 1, 0, 0xff]))).toBe(21040n);
    expect(intrinsicGas(call(new Uint8Array(100)))).toBe(21400n);
  });

  it('charges 2400 per access-list address and 1900 per storage key', () => {
    const al: AccessList = [
      { address: 1n, storageKeys: [0n, 1n] },
      { address: 1n, storageKeys: [2n] }, // duplicates are charged again
      { address: 2n, storageKeys: [] },
    ];
    expect(intrinsicGas(call([], al))).toBe(21000n + 3n * 2400n + 3n * 1900n);
  });

  it('adds 32000 and 2 per initcode word for a creation (EIP-3860)', () => {
    expect(intrinsicGas(create(new Uint8Array(0)))).toBe(53000n);
    // 33 non-zero bytes: 528 calldata + 2 words × 2
    expect(intrinsicGas(create(new Uint8Array(33).fill(1)))).toBe(53000n + 528n + 4n);
    // 32 zero bytes: 128 calldata + 1 word × 2
    expect(intrinsicGas(create(new Uint8Array(32)))).toBe(53000n + 128n + 2n);
    // the largest initcode: 49152 zero bytes
    expect(intrinsicGas(create(new Uint8Array(49152)))).toBe(53000n + 4n * 49152n + 2n * 1536n);
  });

  it('matches a fixture: stEIP2930/transactionCosts data[6] (one address, two keys, data 0x00)', () => {
    const al: AccessList = [{ address: 0x101n, storageKeys: [0n, 1n] }];
    expect(intrinsicGas(call([0], al), ETHEREUM_TX_GAS_PARAMS)).toBe(21000n + 4n + 2400n + 3800n);
  });
});

describe('intrinsicGas (ZKsync)', () => {
  it('uses 18000 + 3000 and charges the deployment extra at execution', () => {
    expect(ZKSYNC_TX_GAS_PARAMS.base).toBe(21000);
    expect(ZKSYNC_TX_GAS_PARAMS.createAtExecution).toBe(32000);
    expect(intrinsicGas(call([]), ZKSYNC_TX_GAS_PARAMS)).toBe(21000n);
    expect(intrinsicGas(create(new Uint8Array(33).fill(1)), ZKSYNC_TX_GAS_PARAMS)).toBe(21000n + 528n + 4n);
  });
});
