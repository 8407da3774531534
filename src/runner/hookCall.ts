// The hook branch of a call as a frame's execution (brief §2.6, §7): the runner opened the callee frame
// and checked depth and transfer; the frame actor then runs the hook (`runHook` in call.ts: the hook
// charges its own ergs and native) and ends with what it left. A hook that throws fails its frame actor,
// which the runner sees as an xstate error event (a host error), exactly like a faulty EE.
import type { ExecutionEnvironment, ExternalCallRequest, PreemptionPoint } from '../ee/types.js';
import type { SystemHook } from '../hooks/registry.js';
import { runHook } from './call.js';
import type { RunEnvironment } from './context.js';

export class HookExecution implements ExecutionEnvironment {
  /** Ergs the hook left (0 after a halt), known once it ran: the runner returns them to the caller. */
  ergsLeft = 0n;

  constructor(
    private readonly env: RunEnvironment,
    private readonly hook: SystemHook,
    private readonly req: ExternalCallRequest,
    private readonly ergs: bigint,
    private readonly isEntry: boolean,
  ) {}

  /** Runs the hook with the frame's ergs and ends the frame (whole gas in `gasLeft`; the runner uses ergs). */
  start(): PreemptionPoint {
    const r = runHook(this.env, this.hook, this.req, this.ergs, this.isEntry);
    this.ergsLeft = r.ergsLeft;
    const gasLeft = r.ergsLeft / BigInt(this.env.profile.ergsPerGas);
    if (r.status === 'halt')
      return { type: 'end', status: 'halt', gasLeft: 0n, returnData: r.returnData, haltReason: 'PrecompileFailure' };
    return { type: 'end', status: r.status, gasLeft, returnData: r.returnData };
  }

  continueAfterCall(): PreemptionPoint {
    throw new Error('a hook frame never spawns');
  }

  continueAfterDeployment(): PreemptionPoint {
    throw new Error('a hook frame never spawns');
  }
}
