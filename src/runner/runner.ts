// The runner (seed "Runner Structure"): one loop that owns the callstack, dispatches spawn requests and
// completions, opens and finishes system frames, until the callstack is empty. It is the root xstate actor;
// every frame is a child actor whose parent is the frame that called it. Frames never talk to each
// other: the loop is the only driver, so the JS stack stays flat at any call depth (probes Q1).
import { createActor, type ActorLogic, type AnyActorRef, type Snapshot } from 'xstate';
import {
  CallModifier,
  type Address,
  type CallResult,
  type DeploymentRequest,
  type DeploymentResult,
  type ExecutionEnvironment,
  type ExternalCallRequest,
  type FrameEnd,
  type PreemptionPoint,
  type SpawnRequest,
} from '../ee/types.js';
import type { Overlay } from '../system/world.js';
import type { FrameOutcome } from '../../machines/frame.machine.js';
import { checkSingleInteraction, checkSpawnRequest } from './arguments.js';
import type { RunEnvironment } from './context.js';
import { calleeCode, chargeCodeLoad, isCallcode, isDelegate, prepareCall, runHook, transferValue } from './call.js';
import { depositCode, initConstructorAccount, prepareDeployment } from './deploy.js';
import { frameLogic, type FrameActorRef, type FrameInfo, type FrameKind } from './frameActor.js';

/** The outcome of the initial request (brief §2.1 `CompletedExecution` / `CompletedDeployment`). */
export interface RunOutcome {
  readonly status: 'success' | 'revert' | 'halt';
  readonly gasLeft: bigint;
  readonly returnData: Uint8Array;
  /** Deployed address for a successful deployment request. */
  readonly address?: Address;
  readonly haltReason?: string;
}

/** A frame on the callstack. */
interface Frame {
  readonly info: FrameInfo;
  readonly actor: FrameActorRef;
  readonly ee: ExecutionEnvironment;
  readonly rollback: Overlay;
  /** Ergs the caller kept aside (its 1/64 etc.), returned with this frame's result (brief §2.3). */
  readonly ergsKept: bigint;
  readonly gasGiven: bigint;
  readonly created: Address | null;
  point: PreemptionPoint;
  /** Instructions of this frame already charged to the native meter. */
  stepsCharged: number;
  /** Sub-gas ergs this frame holds besides its EE's whole gas (0 .. ergsPerGas − 1, brief §7). */
  ergsFraction: number;
}

const EMPTY = new Uint8Array(0);

/** Runs the loop for one initial request inside the runner actor (see `runTillCompletion`). */
class Loop {
  private readonly stack: Frame[] = [];
  private nextId = 0;
  private readonly maxDepth: number;
  /** Ergs remainder travelling with the result being handed to the parent (see `Frame.ergsFraction`). */
  private carry = 0;
  private readonly ergsPerGas: bigint;

  constructor(
    private readonly env: RunEnvironment,
    private readonly root: AnyActorRef,
    private readonly stopChild: (child: AnyActorRef) => void,
  ) {
    this.maxDepth = env.maxDepth ?? 1024;
    this.ergsPerGas = BigInt(env.profile.ergsPerGas);
  }

  /** The spawning frame's whole ergs: its EE's gas plus its sub-gas remainder, which moves with them. */
  private callerErgs(gas: bigint): bigint {
    const top = this.stack[this.stack.length - 1];
    const fraction = top ? top.ergsFraction : 0;
    if (top) top.ergsFraction = 0;
    return gas * this.ergsPerGas + BigInt(fraction);
  }

  /** Ergs handed back to the parent: whole gas for its EE, the remainder carried into its frame. */
  private giveBack(ergs: bigint): bigint {
    this.carry = Number(ergs % this.ergsPerGas);
    return ergs / this.ergsPerGas;
  }

  run(request: SpawnRequest): RunOutcome {
    const first = request.type === 'call' ? this.spawnCall(request, 0, true) : this.spawnDeployment(request, 0, true);
    if (first) return toOutcome(first);
    for (;;) {
      const top = this.stack[this.stack.length - 1]!;
      const point = top.point;
      if (point.type === 'spawn') {
        const depth = top.info.depth + 1;
        const req = point.request;
        const answer =
          req.type === 'call' ? this.spawnCall(req, depth, false) : this.spawnDeployment(req, depth, false);
        if (answer) this.resume(top, answer);
        continue;
      }
      const result = this.complete(top, point);
      this.stack.pop();
      const parent = this.stack[this.stack.length - 1];
      if (!parent) return toOutcome(result);
      this.resume(parent, result);
    }
  }

  // ---- call request (brief §2.3, §2.6) ----

  private spawnCall(req: ExternalCallRequest, depth: number, isEntry: boolean): CallResult | null {
    const { env } = this;
    this.carry = 0;
    const prep = prepareCall(env, req, isEntry, this.callerErgs(req.gasAvailable));
    if (!prep.ok) return { status: 'failedToExecute', gasReturned: 0n, returnData: EMPTY };
    const { ergsToPass, ergsKept } = prep;
    const gasToPass = ergsToPass / this.ergsPerGas;
    const world = env.system.world;
    const special = this.isSpecial(req.callee);
    const code = special ? EMPTY : calleeCode(env, req.callee);
    const kind: FrameKind = special ? 'hook' : req.kind;
    const actor = this.openActor(
      kind,
      depth,
      req.caller,
      this.selfOf(req),
      req.callee,
      req.value,
      gasToPass,
      req.calldata,
    );
    const rollback = world.snapshot(); // the callee frame covers the transfer (brief §2.3 step 2)
    // Answered without running code: the callee gets nothing used, the caller all its gas back.
    const answer = (status: 'success' | 'revert'): CallResult => {
      if (status !== 'success') world.revert(rollback);
      this.closeActor(actor, 'frame.answer', status, 0n, EMPTY);
      return { status, gasReturned: this.giveBack(ergsToPass + ergsKept), returnData: EMPTY };
    };

    const depthExceeded = depth > this.maxDepth;
    if (depthExceeded && !env.profile.eoaShortcutBeforeDepthCheck) return answer('revert');
    if (!transferValue(env, req)) return answer('revert');

    const hook = special ? env.hooks.get(req.callee) : undefined;
    if (special) {
      if (depthExceeded) return answer('revert');
      if (!hook) return answer('success'); // hookless special address: an empty account (brief §2.6 step 6)
      actor.send({ type: 'frame.run' });
      this.observeState(actor);
      const r = runHook(env, hook, req, ergsToPass, isEntry);
      actor.send({ type: 'ee.end' });
      this.observeState(actor);
      if (r.status !== 'success') world.revert(rollback);
      this.finishActor(actor, r.status, (ergsToPass - r.ergsLeft) / this.ergsPerGas, r.returnData);
      return {
        status: r.status,
        gasReturned: this.giveBack(r.ergsLeft + ergsKept),
        returnData: r.returnData,
        ...(r.status === 'halt' ? { haltReason: 'PrecompileFailure' } : {}),
      };
    }
    if (code.length === 0) return answer('success'); // EOA shortcut, before the depth check (brief §2.3)
    if (depthExceeded) return answer('revert');

    const ee = env.createEvm({
      address: this.selfOf(req),
      codeAddress: req.callee,
      caller: isDelegate(req.modifier) ? req.callersCaller : req.caller,
      value: req.value,
      calldata: req.calldata,
      code,
      gas: gasToPass,
      isStatic:
        req.modifier === CallModifier.Static ||
        req.modifier === CallModifier.DelegateStatic ||
        req.modifier === CallModifier.EVMCallcodeStatic,
      isConstructor: false,
      depth,
    });
    chargeCodeLoad(env, code);
    this.push(actor, ee, code, rollback, ergsKept, ergsToPass, null);
    return null;
  }

  /** `this` of the callee: the caller itself for DELEGATECALL and CALLCODE. */
  private selfOf(req: ExternalCallRequest): Address {
    return isDelegate(req.modifier) || isCallcode(req.modifier) ? req.caller : req.callee;
  }

  private isSpecial(addr: Address): boolean {
    const bound = this.env.profile.specialAddressBound;
    return bound === null ? this.env.hooks.has(addr) : addr < bound;
  }

  // ---- deployment request (brief §2.7) ----

  private spawnDeployment(req: DeploymentRequest, depth: number, isEntry: boolean): DeploymentResult | null {
    const { env } = this;
    this.carry = 0;
    const prep = prepareDeployment(env, req, depth, isEntry, this.callerErgs(req.gasAvailable));
    if (!prep.ok)
      return { status: 'revert', gasReturned: this.giveBack(prep.ergsReturned), address: 0n, returnData: EMPTY };
    const { address, constructorErgs, ergsKept } = prep;
    const constructorGas = constructorErgs / this.ergsPerGas;
    const kind: FrameKind = req.scheme;
    const actor = this.openActor(kind, depth, req.deployer, address, address, req.value, constructorGas, req.initcode);
    const rollback = env.system.world.snapshot();
    initConstructorAccount(env, req.deployer, address, req.value);
    const ee = env.createEvm({
      address,
      codeAddress: address,
      caller: req.deployer,
      value: req.value,
      calldata: EMPTY,
      code: req.initcode,
      gas: constructorGas,
      isStatic: false,
      isConstructor: true,
      depth,
    });
    this.push(actor, ee, req.initcode, rollback, ergsKept, constructorErgs, address);
    return null;
  }

  // ---- frames ----

  private push(
    actor: FrameActorRef,
    ee: ExecutionEnvironment,
    code: Uint8Array,
    rollback: Overlay,
    ergsKept: bigint,
    ergsGiven: bigint,
    created: Address | null,
  ): void {
    actor.send({ type: 'frame.run' });
    this.observeState(actor);
    this.env.native?.charge(this.env.native.costs.perCodeByte * code.length); // bytecode preprocessing
    const frame: Frame = {
      info: actor.getSnapshot().context,
      actor,
      ee,
      rollback,
      ergsKept,
      gasGiven: ergsGiven / this.ergsPerGas,
      created,
      point: ee.start(),
      ergsFraction: Number(ergsGiven % this.ergsPerGas),
      stepsCharged: 0,
    };
    this.stack.push(frame);
    this.chargeSteps(frame);
    this.afterEe(frame);
  }

  /** Feeds a child's result back into the parent EE (continue-after-call / continue-after-deployment). */
  private resume(frame: Frame, result: CallResult | DeploymentResult): void {
    // The frame gave all its ergs to the request; the sub-gas part of what came back is its remainder now.
    frame.ergsFraction = this.carry;
    this.carry = 0;
    frame.actor.send({ type: 'child.done' });
    this.observeState(frame.actor);
    frame.point = 'address' in result ? frame.ee.continueAfterDeployment(result) : frame.ee.continueAfterCall(result);
    this.chargeSteps(frame);
    this.afterEe(frame);
  }

  /** Native for the instructions the EE ran since the last preemption (brief §4.2: 20 per step). */
  private chargeSteps(frame: Frame): void {
    const native = this.env.native;
    if (!native) return;
    const steps = frame.ee.steps ?? 0;
    native.charge(native.costs.perInstruction * (steps - frame.stepsCharged));
    frame.stepsCharged = steps;
  }

  private afterEe(frame: Frame): void {
    frame.actor.send({ type: frame.point.type === 'spawn' ? 'ee.spawn' : 'ee.end' });
    this.observeState(frame.actor);
  }

  /** The top frame ended: deposit code, finish the system frame, build the parent's result. */
  private complete(frame: Frame, end: FrameEnd): CallResult | DeploymentResult {
    const world = this.env.system.world;
    let { status, gasLeft } = end;
    let returnData = end.returnData;
    if (frame.created !== null) {
      if (status === 'success') {
        const left = depositCode(this.env, frame.created, end.deployedCode ?? EMPTY, gasLeft);
        if (left < 0n) status = 'halt';
        else gasLeft = left;
        returnData = EMPTY;
      } else if (status === 'halt') {
        const keepsCode = end.haltReason === 'CodeSizeLimit' || end.haltReason === 'InvalidCodePrefix';
        returnData = keepsCode && this.env.profile.failedDeploymentReturnsCode ? end.returnData : EMPTY;
      }
    }
    if (status === 'halt') {
      gasLeft = 0n;
      if (frame.created === null) returnData = EMPTY;
    }
    if (status !== 'success') world.revert(frame.rollback);
    // A halt burns every erg of the frame (its remainder too); success and revert return them.
    const ergsLeft = status === 'halt' ? 0n : gasLeft * this.ergsPerGas + BigInt(frame.ergsFraction);
    const gasReturned = this.giveBack(ergsLeft + frame.ergsKept);
    this.finishActor(
      frame.actor,
      status,
      frame.gasGiven - gasLeft,
      returnData,
      end.haltReason,
      frame.created ?? undefined,
    );
    if (frame.created !== null)
      return { status, gasReturned, address: status === 'success' ? frame.created : 0n, returnData };
    return { status, gasReturned, returnData, ...(end.haltReason !== undefined ? { haltReason: end.haltReason } : {}) };
  }

  // ---- actors ----

  private openActor(
    kind: FrameKind,
    depth: number,
    caller: Address,
    address: Address,
    codeAddress: Address,
    value: bigint,
    gas: bigint,
    calldata: Uint8Array,
  ): FrameActorRef {
    const parentFrame = this.stack[this.stack.length - 1];
    const info: FrameInfo = { id: this.nextId++, kind, depth, caller, address, codeAddress, value, gas: Number(gas) };
    const actor = createActor(frameLogic, {
      input: info,
      parent: parentFrame ? parentFrame.actor : this.root,
      id: `frame-${info.id}`,
    });
    actor.start();
    this.env.observer?.frameOpened?.(info, parentFrame ? parentFrame.info.id : null, calldata);
    this.observeState(actor);
    return actor;
  }

  /** A frame answered without running code (EOA shortcut, depth, failed transfer, hookless address). */
  private closeActor(
    actor: FrameActorRef,
    event: 'frame.answer',
    outcome: FrameOutcome,
    gasUsed: bigint,
    returnData: Uint8Array,
  ): void {
    actor.send({ type: event });
    this.observeState(actor);
    this.finishActor(actor, outcome, gasUsed, returnData);
  }

  private finishActor(
    actor: FrameActorRef,
    outcome: FrameOutcome,
    gasUsed: bigint,
    returnData: Uint8Array,
    haltReason?: string,
    createdAddress?: Address,
  ): void {
    actor.send({ type: 'frame.finish', outcome });
    const snap = actor.getSnapshot();
    if (snap.status === 'error') throw snap.error;
    this.observeState(actor);
    this.env.observer?.frameClosed?.(snap.context.id, {
      outcome,
      gasUsed: Number(gasUsed),
      returnData,
      reverted: outcome !== 'success',
      haltReason,
      createdAddress: outcome === 'success' ? createdAddress : undefined,
    });
    this.stopChild(actor); // completed frames are stopped at once (probes Q2: no leak, no quadratic copy)
  }

  private observeState(actor: FrameActorRef): void {
    const snap = actor.getSnapshot();
    // An actor error is a host bug, never an EVM failure (probes Q1).
    if (snap.status === 'error') throw snap.error;
    this.env.observer?.frameState?.(snap.context.id, snap.value);
  }
}

function toOutcome(r: CallResult | DeploymentResult): RunOutcome {
  if ('address' in r) {
    return {
      status: r.status,
      gasLeft: r.gasReturned,
      returnData: r.returnData,
      address: r.status === 'success' ? r.address : undefined,
    };
  }
  if (r.status === 'failedToExecute')
    return { status: 'halt', gasLeft: 0n, returnData: EMPTY, haltReason: 'CallFailedToExecute' };
  return { status: r.status, gasLeft: r.gasReturned, returnData: r.returnData, haltReason: r.haltReason };
}

// ---- the runner actor ----

type RunnerSnapshot = Snapshot<RunOutcome> & { readonly value: 'idle' | 'done' };

type RunnerEvent = { type: 'runner.start'; request: SpawnRequest };

function runnerLogic(env: RunEnvironment): ActorLogic<RunnerSnapshot, RunnerEvent, undefined> {
  return {
    getInitialSnapshot: () => ({ status: 'active', output: undefined, error: undefined, value: 'idle' }),
    transition: (snapshot, event, scope) => {
      if (event.type !== 'runner.start') return snapshot;
      const loop = new Loop(env, scope.self, (child) => {
        // Frames are stopped by their parent actor: the caller frame, or the runner for the top frame.
        const parent = (child as unknown as { _parent?: AnyActorRef })._parent;
        if (parent === scope.self) scope.stopChild(child);
        else (child as unknown as { _stop(): void })._stop();
      });
      const output = loop.run(event.request);
      return { status: 'done', output, error: undefined, value: 'done' };
    },
    getPersistedSnapshot: (s) => s,
  };
}

/**
 * `run_till_completion` (seed "Entrypoints"): executes an initial external call or deployment until the
 * callstack is empty and returns its outcome. Does not open a frame around the whole run: the caller
 * owns that (see `runSingleInteraction`).
 * @example
 * const out = runTillCompletion(env, { type: 'call', kind: 'call', caller, callee, callersCaller: 0n,
 *   modifier: 0, calldata, value: 0n, gasRequested: 100000, gasAvailable: 100000 });
 */
export function runTillCompletion(env: RunEnvironment, request: SpawnRequest): RunOutcome {
  checkSpawnRequest(env, request);
  const runner = createActor(runnerLogic(env), { inspect: env.inspect, id: 'runner', input: undefined });
  // We read the error from the snapshot and throw it here; without an error observer xstate would also
  // rethrow it later from a timer, as an unhandled error.
  runner.subscribe({ error: () => {} });
  runner.start();
  runner.send({ type: 'runner.start', request });
  const snap = runner.getSnapshot();
  if (snap.status === 'error') throw snap.error;
  if (snap.status !== 'done' || !snap.output) throw new Error('runner did not complete');
  return snap.output;
}

/** Parameters of `runSingleInteraction` (brief §2.1 item 2). */
export interface SingleInteraction {
  readonly caller: Address;
  readonly callee: Address;
  readonly calldata: Uint8Array;
  readonly value: bigint;
  readonly gas: bigint;
}

/**
 * `run_single_interaction` (seed "Entrypoints"): opens the topmost frame, runs the call as an entry frame
 * and finishes the frame, rolling back iff the call reverted. The caller validated the value beforehand.
 */
export function runSingleInteraction(env: RunEnvironment, call: SingleInteraction): RunOutcome {
  checkSingleInteraction(env, call);
  const world = env.system.world;
  const rollback = world.snapshot();
  const out = runTillCompletion(env, {
    type: 'call',
    kind: 'call',
    caller: call.caller,
    callee: call.callee,
    callersCaller: 0n,
    modifier: CallModifier.NoModifier,
    calldata: call.calldata,
    value: call.value,
    gasRequested: call.gas,
    gasAvailable: call.gas,
  });
  if (out.status !== 'success') world.revert(rollback);
  return out;
}
