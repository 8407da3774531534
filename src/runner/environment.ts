// Wiring of one run environment from a profile: the system over a world, the hook registry the profile
// names, and the EVM with the profile's instruction table (built once per profile, brief §5.3 style).
import type { InspectionEvent, Observer } from 'xstate';
import type { LaunchParams } from '../ee/types.js';
import { EvmFrame, type StepTracer } from '../ee/evm/interpreter.js';
import { buildInstructionTable } from '../ee/evm/opcodes.js';
import type { InstructionTable } from '../ee/evm/frame.js';
import { zksyncP256VerifyPrecompile } from '../hooks/precompiles/100-p256VerifyZksync.js';
import { addPrecompiles } from '../hooks/precompileHooks.js';
import { HookRegistry } from '../hooks/registry.js';
import { addSystemContracts } from '../hooks/zksync/index.js';
import type { Profile } from '../profiles/types.js';
import type { BlockContext, TxContext } from '../ee/host.js';
import { EMPTY_TX_CONTEXT, System } from '../system/system.js';
import type { WorldState } from '../system/world.js';
import { forkByName, SUPPORTED_FORKS, type Fork, type ForkName } from '../forks/index.js';
import { checkEnvironmentOptions } from './arguments.js';
import type { RunEnvironment, RunObserver } from './context.js';
import type { TxValidationParams } from '../tx/validate.js';

/** Tables by the profile's knobs and the fork's opcodes: one per combination, shared by every frame. */
const tables = new Map<string, InstructionTable>();

/** The instruction table of a profile at a fork, built on first use and cached (selected once per environment). */
export function instructionTableFor(profile: Profile, fork: Fork = resolveFork(profile)): InstructionTable {
  const clz = fork.evm.clz === true;
  const native = profile.native?.evm;
  const key = `${profile.sstoreRefunds}|${profile.blobOpcodesStubbed}|${clz}|${native ? JSON.stringify(native) : ''}`;
  let t = tables.get(key);
  if (!t) {
    t = buildInstructionTable({
      sstoreRefunds: profile.sstoreRefunds,
      blobOpcodesStubbed: profile.blobOpcodesStubbed,
      clz,
      ...(native === undefined ? {} : { native }),
    });
    tables.set(key, t);
  }
  return t;
}

/** The fork an environment runs: `fork` (object or name), else the profile's default; throws for one it cannot run. */
export function resolveFork(profile: Profile, fork?: Fork | ForkName | string): Fork {
  const named = fork === undefined ? profile.defaultFork : typeof fork === 'string' ? fork : fork.name;
  const found = typeof fork === 'object' ? fork : forkByName(named);
  if (found === undefined) throw new RangeError(`unknown fork '${named}' (supported: ${SUPPORTED_FORKS.join(', ')})`);
  if (!profile.forks.includes(found.name))
    throw new RangeError(`the ${profile.name} profile runs ${profile.forks.join(', ')}, not ${found.name}`);
  return found;
}

/** The transaction rules in force: the profile's own (zksync) or the fork's. */
export function txParamsFor(profile: Profile, fork: Fork = resolveFork(profile)): TxValidationParams {
  return profile.tx ?? fork.tx;
}

/** The hook registry a profile asks for at a fork (the fork's precompiles; ZKsync system contracts). */
export function hooksFor(profile: Profile, fork: Fork = resolveFork(profile)): HookRegistry {
  const registry = new HookRegistry();
  if (profile.hooks.precompiles) addPrecompiles(registry, fork.precompiles);
  if (profile.p256Precompile) addPrecompiles(registry, [zksyncP256VerifyPrecompile]);
  if (profile.hooks.systemContracts) addSystemContracts(registry);
  return registry;
}

/** Options of `createEnvironment`. */
export interface EnvironmentOptions {
  readonly profile: Profile;
  /** Ethereum fork (object or name, e.g. 'Prague'); default: the profile's (`ethereum`: Osaka, `zksync`: Cancun). */
  readonly fork?: Fork | ForkName;
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
  const fork = resolveFork(opts.profile, opts.fork);
  const table = instructionTableFor(opts.profile, fork);
  const tracer = opts.tracer;
  return {
    system,
    profile: opts.profile,
    fork,
    txParams: txParamsFor(opts.profile, fork),
    hooks: opts.hooks ?? hooksFor(opts.profile, fork),
    createEvm: (params: LaunchParams) => new EvmFrame(params, system, table, tracer),
    maxDepth: opts.maxDepth,
    nativePrice: opts.nativePrice,
    gasPerPubdata: opts.gasPerPubdata,
    inspect: opts.inspect,
    observer: opts.observer,
  };
}
