// Wiring of one run environment from a profile: the system over a world, the hook registry the profile
// names, and the EVM with the profile's instruction table (built once per profile, brief §5.3 style).
import type { InspectionEvent, Observer } from 'xstate';
import type { LaunchParams } from '../ee/types.js';
import { EvmFrame, type StepTracer } from '../ee/evm/interpreter.js';
import { buildInstructionTable } from '../ee/evm/opcodes.js';
import type { InstructionTable } from '../ee/evm/frame.js';
import { CANCUN_PRECOMPILES } from '../hooks/precompiles/sets.js';
import { zksyncP256VerifyPrecompile } from '../hooks/precompiles/100-p256VerifyZksync.js';
import { addPrecompiles } from '../hooks/precompileHooks.js';
import { HookRegistry } from '../hooks/registry.js';
import { addSystemContracts } from '../hooks/zksync/index.js';
import type { Profile } from '../profiles/types.js';
import type { BlockContext, TxContext } from '../ee/host.js';
import { EMPTY_TX_CONTEXT, System } from '../system/system.js';
import type { WorldState } from '../system/world.js';
import { checkEnvironmentOptions } from './arguments.js';
import type { RunEnvironment, RunObserver } from './context.js';

const tables = new Map<Profile, InstructionTable>();

/** The instruction table of a profile, built on first use and cached. */
export function instructionTableFor(profile: Profile): InstructionTable {
  let t = tables.get(profile);
  if (!t) {
    t = buildInstructionTable({
      sstoreRefunds: profile.sstoreRefunds,
      blobOpcodesStubbed: profile.blobOpcodesStubbed,
    });
    tables.set(profile, t);
  }
  return t;
}

/** The hook registry a profile asks for (precompiles; ZKsync system contracts). */
export function hooksFor(profile: Profile): HookRegistry {
  const registry = new HookRegistry();
  if (profile.hooks.precompiles) addPrecompiles(registry, CANCUN_PRECOMPILES);
  if (profile.p256Precompile) addPrecompiles(registry, [zksyncP256VerifyPrecompile]);
  if (profile.hooks.systemContracts) addSystemContracts(registry);
  return registry;
}

/** Options of `createEnvironment`. */
export interface EnvironmentOptions {
  readonly profile: Profile;
  readonly world: WorldState;
  readonly block: BlockContext;
  readonly tx?: TxContext;
  /** BLOCKHASH source (default: 0 for every block). */
  readonly blockHashes?: (n: bigint) => bigint;
  readonly inspect?: Observer<InspectionEvent> | ((event: InspectionEvent) => void);
  readonly observer?: RunObserver;
  /** EIP-3155 step tracer; when absent the interpreter runs its untraced loop. */
  readonly tracer?: StepTracer;
  readonly maxDepth?: number;
  readonly hooks?: HookRegistry;
  /** zksync: price of one unit of native; native per gas = ceil(gas price / native price) (brief §7.3). */
  readonly nativePrice?: bigint;
  /** zksync: block gas per pubdata byte (default 1). */
  readonly gasPerPubdata?: bigint;
}

/** Builds a `RunEnvironment` for `runTillCompletion`, `runSingleInteraction` and `processTransaction`. */
export function createEnvironment(opts: EnvironmentOptions): RunEnvironment {
  checkEnvironmentOptions(opts);
  const system = new System(opts.world, opts.block, opts.tx ?? EMPTY_TX_CONTEXT, opts.blockHashes);
  if (opts.observer !== undefined) system.observer = opts.observer;
  const table = instructionTableFor(opts.profile);
  const tracer = opts.tracer;
  return {
    system,
    profile: opts.profile,
    hooks: opts.hooks ?? hooksFor(opts.profile),
    createEvm: (params: LaunchParams) => new EvmFrame(params, system, table, tracer),
    maxDepth: opts.maxDepth,
    nativePrice: opts.nativePrice,
    gasPerPubdata: opts.gasPerPubdata,
    inspect: opts.inspect,
    observer: opts.observer,
  };
}
