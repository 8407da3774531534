// The runner chart's actions (machines/runner.machine.ts): the real steps of the seed's loop. Prepare a call
// or deployment in a new frame actor, open the system frame (snapshot) and start the child, refuse a request,
// finish the ended frame (deposit, commit or roll back), pop it, resume the frame below, abort on a frame
// error. The charges, 63/64 and transfers themselves stay in call.ts / deploy.ts; hooks in hookCall.ts.
import type { FrameOutcome } from '../../machines/frame.machine.js';
import { runnerChart, runnerGuards } from '../../machines/runner.machine.js';
import {
  type Address,
  CallModifier,
  type DeploymentRequest,
  type ExternalCallRequest,
  type HaltReason,
} from '../ee/types.js';
import type { SystemHook } from '../hooks/registry.js';
import { calleeCode, chargeCodeLoad, isCallcode, isDelegate, prepareCall, transferValue } from './call.js';
import { CompiledChart } from './chartLogic.js';
import { depositCode, initConstructorAccount, prepareDeployment } from './deploy.js';
import type { FrameActorEvent, FrameKind, FrameRecord } from './frameActor.js';
import { HookExecution } from './hookCall.js';
import type { RunnerInbound, RunnerRuntime } from './runnerRuntime.js';

const EMPTY = new Uint8Array(0);
// Payload-free events are shared constants: no allocation per frame on these paths.
const PREPARED: RunnerInbound = Object.freeze({ type: 'request.prepared' });
const POPPED_EMPTY: RunnerInbound = Object.freeze({ type: 'frame.popped', empty: true });
const POPPED_MORE: RunnerInbound = Object.freeze({ type: 'frame.popped', empty: false });
const RUN: FrameActorEvent = Object.freeze({ type: 'frame.run' });
const FINISH: Readonly<Record<FrameOutcome, FrameActorEvent>> = Object.freeze({
  success: Object.freeze({ type: 'frame.finish', outcome: 'success' }),
  revert: Object.freeze({ type: 'frame.finish', outcome: 'revert' }),
  halt: Object.freeze({ type: 'frame.finish', outcome: 'halt' }),
});

/** `this` of the callee: the caller itself for DELEGATECALL and CALLCODE. */
const selfOf = (req: ExternalCallRequest): Address =>
  isDelegate(req.modifier) || isCallcode(req.modifier) ? req.caller : req.callee;

// ---- the chart's actions ----

/** Call request, step 1 (brief §2.3): a frame actor in `preparing`, then charges, 63/64, stipend. */
function prepareCallAction(rt: RunnerRuntime, ev: RunnerInbound): void {
  if (ev.type !== 'runner.start' && ev.type !== 'frame.spawn') return;
  const req = ev.request as ExternalCallRequest;
  const isEntry = ev.type === 'runner.start';
  rt.chargeSteps(rt.top());
  const callerErgs = rt.callerErgs(req.gasAvailable);
  const kind: FrameKind = rt.isSpecial(req.callee) ? 'hook' : req.kind;
  const f = rt.createFrame(kind, req.caller, selfOf(req), req.callee, req.value);
  f.request = req;
  const prep = prepareCall(rt.env, req, isEntry, callerErgs);
  if (prep.ok) given(rt, f, prep.ergsToPass, prep.ergsKept);
  rt.announce(f, req.calldata);
  rt.raised = prep.ok ? PREPARED : { type: 'request.refused', reason: 'CallFailedToExecute' };
}

/** Deployment request, step 1 (brief §2.7, §4.5): a frame actor in `preparing`, then the EE's preparation. */
function prepareDeploymentAction(rt: RunnerRuntime, ev: RunnerInbound): void {
  if (ev.type !== 'runner.start' && ev.type !== 'frame.spawn') return;
  const req = ev.request as DeploymentRequest;
  const isEntry = ev.type === 'runner.start';
  rt.chargeSteps(rt.top());
  const callerErgs = rt.callerErgs(req.gasAvailable);
  const f = rt.createFrame(req.scheme, req.deployer, 0n, 0n, req.value);
  f.request = req;
  const prep = prepareDeployment(rt.env, req, f.info.depth, isEntry, callerErgs);
  if (prep.ok) {
    f.info.address = f.info.codeAddress = prep.address;
    f.created = prep.address;
    given(rt, f, prep.constructorErgs, prep.ergsKept);
    rt.announce(f, req.initcode);
    rt.raised = PREPARED;
    return;
  }
  if (prep.address !== undefined) f.info.address = f.info.codeAddress = prep.address;
  // A collision burns the deployer's 63/64 (a halt of the creation); other refusals hand the ergs back.
  f.answer = { status: prep.reason === 'CreateCollision' ? 'halt' : 'revert', ergsReturned: prep.ergsReturned };
  rt.announce(f, req.initcode);
  rt.raised = { type: 'request.refused', reason: prep.reason };
}

/** The request failed in preparation: the frame goes preparing → finishing with the reason. */
function refuseRequestAction(rt: RunnerRuntime, ev: RunnerInbound): void {
  if (ev.type !== 'request.refused') return;
  const f = rt.top()!;
  // A call whose charges cannot be paid fails the caller (failedToExecute); its frame shows a halt.
  const a = f.answer ?? { status: 'halt', ergsReturned: null };
  rt.answer(f, a.status, a.ergsReturned, ev.reason);
}

/** What the request's frame is given: the ergs, its EE's whole gas of them, the caller's kept ergs. */
function given(rt: RunnerRuntime, f: FrameRecord, ergsGiven: bigint, ergsKept: bigint): void {
  f.ergsGiven = ergsGiven;
  f.ergsKept = ergsKept;
  f.gasGiven = ergsGiven / rt.ergsPerGas;
  f.info.gas = Number(f.gasGiven);
}

/** Start the system frame (snapshot) and the child, or answer at once (brief §2.3 steps 2-4, §2.7 4-7). */
function openFrameAction(rt: RunnerRuntime): void {
  const f = rt.top()!;
  const req = f.request!;
  const { env } = rt;
  const world = env.system.world;
  f.rollback = world.snapshot(); // the frame covers the transfer (brief §2.3 step 2, §2.7 step 4)
  if (req.type === 'create') {
    initConstructorAccount(env, req.deployer, f.created!, req.value);
    f.ee = env.createEvm({
      address: f.created!,
      codeAddress: f.created!,
      caller: req.deployer,
      value: req.value,
      calldata: EMPTY,
      code: req.initcode,
      gas: f.gasGiven,
      isStatic: false,
      isConstructor: true,
      depth: f.info.depth,
    });
    run(rt, f, req.initcode.length);
    return;
  }
  const plan = planCall(rt, f, req);
  if ('answer' in plan) {
    // Answered without running code: the callee gets nothing used, the caller all its gas back.
    if (plan.answer !== 'success') world.revert(f.rollback);
    rt.answer(f, plan.answer, f.ergsGiven + f.ergsKept, plan.reason);
    return;
  }
  if ('hook' in plan) {
    f.ee = new HookExecution(env, plan.hook, req, f.ergsGiven, f.info.callerFrame === null);
    rt.toFrame(f, RUN);
    return;
  }
  f.ee = env.createEvm({
    address: selfOf(req),
    codeAddress: req.callee,
    caller: isDelegate(req.modifier) ? req.callersCaller : req.caller,
    value: req.value,
    calldata: req.calldata,
    code: plan.code,
    gas: f.gasGiven,
    isStatic:
      req.modifier === CallModifier.Static ||
      req.modifier === CallModifier.DelegateStatic ||
      req.modifier === CallModifier.EVMCallcodeStatic,
    isConstructor: false,
    depth: f.info.depth,
  });
  chargeCodeLoad(env, plan.code);
  run(rt, f, plan.code.length);
}

/** What a prepared call does inside its frame: run EVM code, run a hook, or answer at once. */
type CallPlan =
  | { readonly code: Uint8Array }
  | { readonly hook: SystemHook }
  | { readonly answer: 'success' | 'revert'; readonly reason?: string };

/** Depth check, value transfer, hook or EOA shortcut, in the profile's order (brief §2.3, §2.6). */
function planCall(rt: RunnerRuntime, f: FrameRecord, req: ExternalCallRequest): CallPlan {
  const { env } = rt;
  const depthExceeded = f.info.depth > rt.maxDepth;
  if (depthExceeded && !env.profile.eoaShortcutBeforeDepthCheck)
    return { answer: 'revert', reason: 'CallDepthExceeded' };
  if (!transferValue(env, req)) return { answer: 'revert', reason: 'InsufficientBalance' };
  if (f.info.kind === 'hook') {
    if (depthExceeded) return { answer: 'revert', reason: 'CallDepthExceeded' };
    const hook = env.hooks.get(req.callee);
    // A hookless special address is an empty account (brief §2.6 step 6).
    return hook ? { hook } : { answer: 'success' };
  }
  const code = calleeCode(env, req.callee); // EIP-7702: a delegated account runs its delegate's code
  if (code.length === 0) return { answer: 'success' }; // EOA shortcut, before the depth check (brief §2.3)
  if (depthExceeded) return { answer: 'revert', reason: 'CallDepthExceeded' };
  return { code };
}

/** Bytecode preprocessing native, then the child runs its EE (its `frame.run`) with its sub-gas ergs aside. */
function run(rt: RunnerRuntime, f: FrameRecord, codeLength: number): void {
  rt.env.native?.charge(rt.env.native.costs.perCodeByte * codeLength);
  f.ergsFraction = Number(f.ergsGiven % rt.ergsPerGas);
  rt.toFrame(f, RUN);
}

/** The top frame ended: deposit code, finish the system frame (commit or roll back), stop its actor. */
function finishFrameAction(rt: RunnerRuntime, ev: RunnerInbound): void {
  if (ev.type !== 'frame.end') return;
  const f = rt.top()!;
  rt.chargeSteps(f);
  const world = rt.env.system.world;
  let outcome: FrameOutcome;
  let gasUsed: bigint;
  let returnData: Uint8Array;
  let haltReason: HaltReason | undefined;
  if (f.answer !== null) {
    const a = f.answer;
    outcome = a.status;
    gasUsed = 0n;
    returnData = EMPTY;
    rt.carry = 0;
    if (a.ergsReturned === null) rt.result = { status: 'failedToExecute', gasReturned: 0n, returnData: EMPTY };
    else {
      const gasReturned = rt.giveBack(a.ergsReturned);
      // A refused deployment returns status revert to the EE (address 0) whatever the frame shows.
      rt.result =
        f.request?.type === 'create'
          ? { status: 'revert', gasReturned, address: 0n, returnData: EMPTY }
          : { status: a.status === 'success' ? 'success' : 'revert', gasReturned, returnData: EMPTY };
    }
  } else {
    const end = ev.end;
    let { status, gasLeft } = end;
    returnData = end.returnData;
    haltReason = end.haltReason;
    if (f.created !== null) {
      if (status === 'success') {
        const left = depositCode(rt.env, f.created, end.deployedCode ?? EMPTY, gasLeft);
        if (left < 0n) status = 'halt';
        else gasLeft = left;
        returnData = EMPTY;
      } else if (status === 'halt') {
        const keepsCode = end.haltReason === 'CodeSizeLimit' || end.haltReason === 'InvalidCodePrefix';
        returnData = keepsCode && rt.env.profile.failedDeploymentReturnsCode ? end.returnData : EMPTY;
      }
    }
    if (status === 'halt') {
      gasLeft = 0n;
      if (f.created === null) returnData = EMPTY;
    }
    if (status !== 'success') world.revert(f.rollback!);
    // A halt burns every erg of the frame (its remainder too); success and revert return them. A hook
    // counted its own ergs.
    const hook = f.ee instanceof HookExecution ? f.ee : null;
    const ergsLeft = hook ? hook.ergsLeft : status === 'halt' ? 0n : gasLeft * rt.ergsPerGas + BigInt(f.ergsFraction);
    outcome = status;
    gasUsed = hook ? (f.ergsGiven - ergsLeft) / rt.ergsPerGas : f.gasGiven - gasLeft;
    const gasReturned = rt.giveBack(ergsLeft + f.ergsKept);
    rt.result =
      f.created !== null
        ? { status, gasReturned, address: status === 'success' ? f.created : 0n, returnData }
        : { status, gasReturned, returnData, ...(haltReason !== undefined ? { haltReason } : {}) };
  }
  rt.toFrame(f, FINISH[outcome]);
  rt.env.observer?.frameClosed?.(f.info.id, {
    outcome,
    gasUsed: Number(gasUsed),
    returnData,
    reverted: outcome !== 'success',
    haltReason,
    reason: f.reason,
    createdAddress: outcome === 'success' && f.created !== null ? f.created : undefined,
  });
  f.ee = null;
}

/** Pop the finished frame and stop its actor (probes Q2: stopped children do not leak or slow spawns). */
function popFrameAction(rt: RunnerRuntime): void {
  const f = rt.frames.pop()!;
  rt.stopFrame(f);
  rt.raised = rt.frames.length === 0 ? POPPED_EMPTY : POPPED_MORE;
}

/** Continue the frame below with the child's result (continue-after-call / continue-after-deployment). */
function resumeParentAction(rt: RunnerRuntime): void {
  const parent = rt.top()!;
  // The frame gave all its ergs to the request; the sub-gas part of what came back is its remainder now.
  parent.ergsFraction = rt.carry;
  rt.carry = 0;
  const result = rt.result!;
  rt.result = null;
  rt.toFrame(parent, { type: 'child.done', result });
}

/** A frame threw (xstate error event): stop every frame; the run fails with one error naming the frame. */
function abortTransactionAction(rt: RunnerRuntime, ev: RunnerInbound): void {
  const id = ev.type.slice('xstate.error.actor.'.length);
  const frame = rt.frames.find((f) => f.actor.id === id);
  rt.error = rt.describe((ev as { error?: unknown }).error, frame);
  rt.stopAll();
}

export const RUNNER_CHART = new CompiledChart<RunnerRuntime, RunnerInbound>(runnerChart, runnerGuards, {
  prepareCall: prepareCallAction,
  prepareDeployment: prepareDeploymentAction,
  openFrame: openFrameAction,
  refuseRequest: refuseRequestAction,
  finishFrame: finishFrameAction,
  popFrame: popFrameAction,
  resumeParent: resumeParentAction,
  abortTransaction: abortTransactionAction,
});
