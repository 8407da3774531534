// The hook branch of a call (brief §2.6, §6, §7.2), in named phases: budget the hook's own ergs step,
// run the hook, charge its native, build the frame's end. A hook frame runs it as its execution, so a
// hook that throws fails its frame actor (a host error), exactly like a faulty EE.
import type { ExecutionEnvironment, ExternalCallRequest, FrameEnd, PreemptionPoint } from '../ee/types.js';
import type { HookResult, SystemHook } from '../hooks/registry.js';
import type { RunEnvironment } from './context.js';

const EMPTY = new Uint8Array(0);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const ERGS_PER_GAS = 256n;

/** Gas the hook may use, and the sub-gas ergs left with the call (brief §7.2); null: the step is unpaid. */
export interface HookBudget {
  readonly gas: bigint;
  readonly ergsFraction: number;
}

/** Phase 1: the hook's own step cost is in ergs (1 gas = 256 ergs); it sees the whole gas left after it. */
export function hookBudget(hook: SystemHook, gasToPass: bigint): HookBudget | null {
  const stepErgs = BigInt(hook.stepErgs ?? 0);
  if (stepErgs === 0n) return { gas: gasToPass, ergsFraction: 0 };
  const ergs = gasToPass * ERGS_PER_GAS - stepErgs;
  if (ergs < 0n) return null;
  return { gas: ergs / ERGS_PER_GAS, ergsFraction: Number(ergs % ERGS_PER_GAS) };
}

/** Hooks count gas in numbers; no hook can use 2^53 gas, so clamp what they see. */
const hookGasOf = (budget: bigint): number => (budget > MAX_SAFE ? Number.MAX_SAFE_INTEGER : Number(budget));

/** Phase 2: the hook itself, on the world, with the call as the runner prepared it. */
export function runHook(
  env: RunEnvironment,
  hook: SystemHook,
  req: ExternalCallRequest,
  gas: number,
  isEntry: boolean,
): HookResult {
  return hook.run(
    {
      caller: req.caller,
      address: req.callee,
      calldata: req.calldata,
      value: req.value,
      modifier: req.modifier,
      gas,
      callerIsEvm: !isEntry,
    },
    env.system.world,
  );
}

/** Phase 3: the native the hook's work costs (zksync; brief §6.2). A halt used all its gas. */
export function chargeHookNative(
  env: RunEnvironment,
  hook: SystemHook,
  req: ExternalCallRequest,
  gas: number,
  r: HookResult,
): void {
  if (!env.native || !hook.nativeCost) return;
  env.native.charge(
    hook.nativeCost(env.native.costs, req.calldata.length, r.status === 'halt' ? gas : gas - r.gasLeft),
  );
}

/** Phase 4: the frame's end. A halt burns the gas and the ergs and returns nothing (PrecompileFailure). */
export function hookEnd(budget: bigint, gas: number, r: HookResult): FrameEnd {
  if (r.status === 'halt')
    return { type: 'end', status: 'halt', gasLeft: 0n, returnData: EMPTY, haltReason: 'PrecompileFailure' };
  return { type: 'end', status: r.status, gasLeft: budget - BigInt(gas - r.gasLeft), returnData: r.returnData };
}

/** A hook as a frame's execution: `start` runs the four phases and ends the frame. */
export class HookExecution implements ExecutionEnvironment {
  /** Sub-gas ergs the call keeps (0..255), known after phase 1. */
  ergsFraction = 0;

  constructor(
    private readonly env: RunEnvironment,
    private readonly hook: SystemHook,
    private readonly req: ExternalCallRequest,
    private readonly gasToPass: bigint,
    private readonly isEntry: boolean,
  ) {}

  start(): PreemptionPoint {
    const budget = hookBudget(this.hook, this.gasToPass);
    // An unpaid step reverts with nothing used: the caller gets all its gas back.
    if (budget === null) return { type: 'end', status: 'revert', gasLeft: this.gasToPass, returnData: EMPTY };
    const gas = hookGasOf(budget.gas);
    const r = runHook(this.env, this.hook, this.req, gas, this.isEntry);
    chargeHookNative(this.env, this.hook, this.req, gas, r);
    this.ergsFraction = r.status === 'halt' ? 0 : budget.ergsFraction;
    return hookEnd(budget.gas, gas, r);
  }

  continueAfterCall(): PreemptionPoint {
    throw new Error('a hook frame never spawns');
  }

  continueAfterDeployment(): PreemptionPoint {
    throw new Error('a hook frame never spawns');
  }
}
