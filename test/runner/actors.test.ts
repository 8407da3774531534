// Real supervision (issue #10 item 3): every frame is a child actor of the runner, created and stopped
// through xstate's public API; each frame's context names its caller frame, so the call tree stays
// visible; a frame that throws (an injected faulty hook) reaches the runner as an xstate error event and
// the transaction ends as one host error naming the frame, with the world exactly as before.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnyActorRef, InspectionEvent } from 'xstate';
import { ethereum, zksync } from '../../src/profiles/index.js';
import type { Profile } from '../../src/profiles/types.js';
import { createEnvironment, hooksFor } from '../../src/runner/environment.js';
import type { FrameInfo } from '../../src/runner/frameActor.js';
import { FrameHostError } from '../../src/runner/runner.js';
import { worldStateRoot } from '../../src/statetest/runCase.js';
import { WorldState } from '../../src/system/world.js';
import { processTransaction } from '../../src/tx/process.js';
import type { Transaction } from '../../src/tx/types.js';
import { asm } from '../helpers/bytecode.js';
import { A, B, BLOCK, EOA, callFromEoa, initcodeReturning, setup, storeBytes } from './helpers.js';

const C = 0xcccc000000000000000000000000000000000005n;
const CODELESS = 0xdead000000000000000000000000000000000006n;
const HOOK_AT = 0x4242n; // < 0x10000: special in zksync; registered, so special in ethereum too

function tree() {
  const init = initcodeReturning(Uint8Array.of(0x00)).toBytes();
  // A: CALL B, then CREATE, then CALL a code-less account. B: CALL C. C: STOP.
  const a = storeBytes(asm(), 0, init)
    .call(B, { gas: 200_000 })
    .op('POP')
    .push(init.length)
    .push(0)
    .push(0)
    .op('CREATE')
    .op('POP')
    .call(CODELESS, { gas: 10_000 })
    .op('STOP');
  const b = asm().call(C, { gas: 50_000 }).op('STOP');
  return [
    [A, { code: a.toBytes() }],
    [B, { code: b.toBytes() }],
    [C, { code: asm().op('STOP').toBytes() }],
  ] as const;
}

const contextOf = (ref: AnyActorRef): FrameInfo => (ref.getSnapshot() as { context: FrameInfo }).context;
const isFrameRef = (ref: AnyActorRef): boolean => ref.id.startsWith('frame-');

describe.each([ethereum, zksync])('frame actors under supervision, profile $name', (profile: Profile) => {
  it('without an inspector the observer sees the same call tree (callerFrame is frame-N)', () => {
    const { env, rec } = setup(
      profile,
      tree().map(([k, v]) => [k, { ...v }]),
    );
    expect(callFromEoa(env, A, 1_000_000n).status).toBe('success');
    expect(rec.frames.map((f) => f.info.callerFrame)).toEqual([null, 'frame-0', 'frame-1', 'frame-0', 'frame-0']);
  });

  it('frames are children of the runner; contexts name the caller frame (the call tree); all stopped', () => {
    const events: InspectionEvent[] = [];
    const { env, rec } = setup(
      profile,
      tree().map(([k, v]) => [k, { ...v }]),
      { inspect: (e) => events.push(e) },
    );
    const out = callFromEoa(env, A, 1_000_000n);
    expect(out.status).toBe('success');

    const actors = events.filter((e) => e.type === '@xstate.actor').map((e) => e.actorRef as AnyActorRef);
    const root = actors[0]!;
    expect(root.id).toBe('runner');
    const frames = actors.filter(isFrameRef);
    expect(frames).toHaveLength(actors.length - 1); // the runner plus one actor per frame, nothing else
    // Frames as the observer saw them: A(0) → B(1) → C(2); A → create(3); A → CODELESS(4).
    expect(rec.frames.map((f) => [f.info.id, f.parent, f.info.kind, f.info.depth])).toEqual([
      [0, null, 'call', 0],
      [1, 0, 'call', 1],
      [2, 1, 'call', 2],
      [3, 0, 'create', 1],
      [4, 0, 'call', 1],
    ]);
    // The call tree, from the actors alone: each context names its caller frame's actor.
    expect(frames.map((ref) => [ref.id, contextOf(ref).callerFrame])).toEqual([
      ['frame-0', null],
      ['frame-1', 'frame-0'],
      ['frame-2', 'frame-1'],
      ['frame-3', 'frame-0'],
      ['frame-4', 'frame-0'],
    ]);
    // Every frame was sent to the runner as its child: xstate relays each one's events in one system,
    // and the runner (their parent) stopped every one of them with `stopChild`.
    for (const ref of frames) {
      expect(ref.system).toBe(root.system);
      expect(ref.getSnapshot().status, `snapshot status of ${ref.id}`).toBe('stopped');
    }
    expect(root.getSnapshot().status).toBe('done');
    // Each frame took xstate's stop event (the runner's `stopChild`) exactly once.
    const stops = events.filter(
      (e) => e.type === '@xstate.snapshot' && e.event.type === 'xstate.stop' && isFrameRef(e.actorRef as AnyActorRef),
    );
    expect(stops).toHaveLength(frames.length);
  });

  afterEach(() => {
    vi.clearAllTimers();
    vi.useRealTimers();
  });

  it('a faulty hook: xstate error event to the runner, one host error naming the frame, world as before', () => {
    // xstate re-throws an error nobody observes from a setTimeout (reportUnhandledError); fake timers
    // would catch such a deferred throw, so a count of 0 proves the error is reported exactly once.
    vi.useFakeTimers();
    const hooks = hooksFor(profile).add(HOOK_AT, {
      name: 'boom',
      run(_call, world) {
        world.setBalance(A, 12345n); // a half-done change that must not survive
        throw new Error('boom: host bug');
      },
    });
    const a = asm().push(1).push(0).op('SSTORE').call(HOOK_AT, { gas: 10_000 }).op('STOP');
    const world = WorldState.fromAccounts([
      [EOA, { balance: 10n ** 18n }],
      [A, { code: a.toBytes(), balance: 7n }],
    ]);
    const events: InspectionEvent[] = [];
    const env = createEnvironment({ profile, world, block: BLOCK, hooks, inspect: (e) => events.push(e) });
    const rootBefore = worldStateRoot(world);
    const tx: Transaction = {
      type: 2,
      chainId: 1n,
      nonce: 0n,
      gasLimit: 200_000n,
      to: A,
      value: 3n,
      data: new Uint8Array(0),
      maxFeePerGas: 10n,
      maxPriorityFeePerGas: 1n,
      accessList: [],
      blobVersionedHashes: [],
      sender: EOA,
    };
    let thrown: unknown;
    try {
      processTransaction(env, tx);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(FrameHostError);
    const err = thrown as FrameHostError;
    expect(err.message).toBe(
      'host error in frame #1 (hook 0x0000000000000000000000000000000000004242, depth 1): boom: host bug',
    );
    expect(err.frame?.id).toBe(1);
    expect((err.cause as Error).message).toBe('boom: host bug');
    // The runner got it as xstate's error event, from the frame's actor.
    const errorEvents = events.flatMap((e) =>
      e.type === '@xstate.event' && e.event.type.startsWith('xstate.error.actor.') ? [e] : [],
    );
    expect(errorEvents).toHaveLength(1);
    expect(errorEvents[0]!.event.type).toBe('xstate.error.actor.frame-1');
    expect((errorEvents[0] as { sourceRef?: AnyActorRef }).sourceRef?.id).toBe('frame-1');
    expect((errorEvents[0]!.actorRef as AnyActorRef).id).toBe('runner');
    // Every frame is stopped, the runner failed, the world is exactly as before the transaction.
    for (const e of events)
      if (e.type === '@xstate.actor' && isFrameRef(e.actorRef as AnyActorRef))
        expect(['stopped', 'error']).toContain((e.actorRef as AnyActorRef).getSnapshot().status);
    expect(worldStateRoot(world)).toEqual(rootBefore);
    expect(world.getAccount(EOA)).toMatchObject({ nonce: 0n, balance: 10n ** 18n });
    expect(world.getAccount(A).balance).toBe(7n);
    expect(world.sload(A, 0n)).toBe(0n);
    expect(vi.getTimerCount(), 'deferred re-throws scheduled by xstate').toBe(0);
    // The same at the top level (entry call straight into the hook), without inspection.
    const plain = createEnvironment({ profile, world, block: BLOCK, hooks });
    expect(() => callFromEoa(plain, HOOK_AT, 100_000n)).toThrow(/^host error in frame #0 \(hook .*\): boom: host bug$/);
    expect(vi.getTimerCount()).toBe(0);
    // Without inspection the frame actors carry xstate's session ids; the observer still sees `frame-N`.
    const seen: string[] = [];
    const opened: (string | null)[] = [];
    const observed = createEnvironment({
      profile,
      world,
      block: BLOCK,
      hooks,
      observer: {
        runnerStep: (_from, event, _to, source) => {
          if (event.startsWith('xstate.error.actor.')) seen.push(source);
        },
        frameOpened: (info) => void opened.push(info.callerFrame),
      },
    });
    expect(() => callFromEoa(observed, HOOK_AT, 100_000n)).toThrow(/^host error in frame #0/);
    expect(seen).toEqual(['frame-0']);
    expect(opened).toEqual([null]);
  });
});
