// The synthetic workloads (call-heavy, create-heavy, storage-heavy). Their expected output and gas come
// from @ethereumjs/evm at startup; zkos-runner must agree exactly (checked before timing).
import { concat, word } from './asm.js';
import { callTreeCode } from './contracts/callTree.js';
import { createsCode } from './contracts/creates.js';
import { storageCode } from './contracts/storage.js';
import { DEFAULT_CALLER, DEFAULT_TARGET, type Workload } from './workloads.js';

const GAS = 1_000_000_000;

function synthetic(name: string, code: Uint8Array, calldata: Uint8Array): Workload {
  return {
    name,
    kind: 'synthetic',
    code,
    calldata,
    caller: DEFAULT_CALLER,
    to: DEFAULT_TARGET,
    value: 0n,
    gasLimit: GAS,
  };
}

/** Sizes scale with `scale` (1 = the benchmark; tests use small ones). */
export function syntheticWorkloads(scale = 1): Workload[] {
  const s = (n: number): number => Math.max(1, Math.round(n * scale));
  return [
    // 1 + 16·(1 + 16 + 256) = 4,369 frames, depth ≤ 3
    synthetic('call_tree_wide', callTreeCode, concat(word(3), word(16), word(s(16)))),
    // 1 + 10·400 = 4,001 frames, depth ≤ 400
    synthetic('call_chain_deep', callTreeCode, concat(word(s(400)), word(1), word(10))),
    // 2,000 deployments (1,000 CREATE + 1,000 CREATE2)
    synthetic('create_heavy', createsCode, word(s(1000))),
    // 4,000 fresh SSTOREs, 4,000 SLOADs, 4,000 clearing SSTOREs
    synthetic('storage_heavy', storageCode, word(s(4000))),
  ];
}

/** Frames a call-tree workload opens (for per-frame figures). */
export function callTreeFrames(depth: number, width: number, top: number): number {
  let inner = 0;
  for (let k = 0, p = 1; k < depth; k++, p *= width) inner += p;
  return 1 + top * inner;
}
