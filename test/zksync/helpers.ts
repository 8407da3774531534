// Shared fixtures of the ZKsync OS fidelity suite (issue #12): a zksync environment over a small pre-state
// and one EIP-1559 transaction. Expected values in the tests are derived from the Rust source at 0a82da0
// (matter-labs/zksync-os); each test names the Rust function it checks.
import { zksync } from '../../src/profiles/zksync.js';
import type { Profile } from '../../src/profiles/types.js';
import { createEnvironment, hooksFor } from '../../src/runner/environment.js';
import type { RunEnvironment } from '../../src/runner/context.js';
import type { BlockContext } from '../../src/ee/host.js';
import type { HookRegistry } from '../../src/hooks/registry.js';
import { WorldState, type AccountInit } from '../../src/system/world.js';
import { processTransaction, type TxReceipt } from '../../src/tx/process.js';
import type { Transaction } from '../../src/tx/types.js';
import type { StepTracer } from '../../src/ee/evm/trace.js';

export const SENDER = 0xa11ce00000000000000000000000000000000001n;
export const CONTRACT = 0xc0de000000000000000000000000000000000001n;
export const OTHER = 0x0be1000000000000000000000000000000000002n;
export const COINBASE = 0xc014ba5e00000000000000000000000000000001n;
export const BOOTLOADER = 0x8001n;
export const INITIAL = 10n ** 18n;

export const BLOCK: BlockContext = {
  coinbase: COINBASE,
  number: 1n,
  timestamp: 1_700_000_000n,
  gasLimit: 30_000_000n,
  baseFee: 10n,
  prevRandao: 0n,
  difficulty: 0n,
  chainId: 270n,
  blobBaseFee: 7n,
  excessBlobGas: 0n,
};

export interface RunOptions {
  readonly profile?: Profile;
  readonly accounts?: [bigint, AccountInit][];
  readonly gasLimit?: bigint;
  readonly maxFeePerGas?: bigint;
  readonly value?: bigint;
  readonly data?: Uint8Array;
  readonly to?: bigint | null;
  readonly nativePrice?: bigint;
  readonly gasPerPubdata?: bigint;
  readonly hooks?: (registry: HookRegistry) => void;
  /** Runs the traced step loop (EIP-3155 steps) instead of the untraced one. */
  readonly tracer?: StepTracer;
}

export interface Ran {
  readonly r: TxReceipt;
  readonly world: WorldState;
  readonly env: RunEnvironment;
}

/** Runs one EIP-1559 transaction from SENDER to CONTRACT (running `code`) and expects it to be valid. */
export function runTx(code: Uint8Array, o: RunOptions = {}): Ran {
  const profile = o.profile ?? zksync;
  const world = WorldState.fromAccounts([[SENDER, { balance: INITIAL }], [CONTRACT, { code }], ...(o.accounts ?? [])]);
  const hooks = hooksFor(profile);
  o.hooks?.(hooks);
  const env = createEnvironment({
    profile,
    world,
    block: BLOCK,
    hooks,
    nativePrice: o.nativePrice,
    gasPerPubdata: o.gasPerPubdata,
    ...(o.tracer === undefined ? {} : { tracer: o.tracer }),
  });
  const tx: Transaction = {
    type: 2,
    chainId: 270n,
    nonce: 0n,
    gasLimit: o.gasLimit ?? 1_000_000n,
    to: o.to === undefined ? CONTRACT : o.to,
    value: o.value ?? 0n,
    data: o.data ?? new Uint8Array(0),
    maxFeePerGas: o.maxFeePerGas ?? 25n,
    maxPriorityFeePerGas: 2n,
    accessList: [],
    blobVersionedHashes: [],
    sender: SENDER,
  };
  const r = processTransaction(env, tx);
  if (!r.valid) throw new Error(`invalid transaction: ${r.error.message}`);
  return { r, world, env };
}
