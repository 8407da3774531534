// Every frame is an xstate actor (brief §0: an explicit stack is fine; the repo's design: runner = root
// actor, each frame a child of its calling frame). With an `inspect` callback: the actor tree equals the
// call tree, completed frames are stopped, and a host exception inside the runner is thrown from
// runTillCompletion (it is not turned into an EVM failure).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnyActorRef, InspectionEvent } from 'xstate';
import { ethereum, zksync } from '../../src/profiles/index.js';
import type { Profile } from '../../src/profiles/types.js';
import { hooksFor } from '../../src/runner/environment.js';
import type { FrameInfo } from '../../src/runner/frameActor.js';
import { asm } from '../helpers/bytecode.js';
import { A, B, EOA, callFromEoa, initcodeReturning, setup, storeBytes } from './helpers.js';

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

const isFrameRef = (ref: AnyActorRef): boolean => {
  const ctx = (ref.getSnapshot() as { context?: unknown }).context;
  return typeof ctx === 'object' && ctx !== null && 'kind' in ctx && 'depth' in ctx;
};

describe.each([ethereum, zksync])('frame actors under inspection, profile $name', (profile: Profile) => {
  it('actor tree = call tree, the runner is the root, frames are stopped after completion', () => {
    const events: InspectionEvent[] = [];
    const { env, rec } = setup(
      profile,
      tree().map(([k, v]) => [k, { ...v }]),
      { inspect: (e) => events.push(e) },
    );
    const out = callFromEoa(env, A, 1_000_000n);
    expect(out.status).toBe('success');

    const actors = events.filter((e) => e.type === '@xstate.actor').map((e) => e.actorRef as AnyActorRef);
    expect(actors.length).toBeGreaterThan(1);
    const root = actors[0]!;
    expect(root.id).toBe('runner');
    expect(root._parent).toBeUndefined();

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
    const byId = new Map<number, AnyActorRef>();
    for (const ref of frames) byId.set((ref.getSnapshot() as { context: FrameInfo }).context.id, ref);
    expect([...byId.keys()].sort()).toEqual([0, 1, 2, 3, 4]);
    for (const f of rec.frames) {
      const ref = byId.get(f.info.id)!;
      const expectedParent = f.parent === null ? root : byId.get(f.parent)!;
      expect(ref._parent, `parent of frame ${f.info.id}`).toBe(expectedParent);
      // Every inspected event about this actor shares the runner's root id.
      expect(ref.system).toBe(root.system);
    }
    // No live children left. The actors are stopped (xstate's processing status; internal field) …
    for (const ref of frames)
      expect((ref as unknown as { _processingStatus: number })._processingStatus, 'processing status').toBe(2);
    // … and, as for any stopped xstate actor, their snapshots say so.
    for (const ref of frames) expect(ref.getSnapshot().status, `snapshot status of ${ref.id}`).toBe('stopped');
    expect(root.getSnapshot().status).toBe('done');
  });

  afterEach(() => {
    vi.clearAllTimers();
    vi.useRealTimers();
  });

  it('a hook that throws surfaces as a host error thrown by runTillCompletion, not as an EVM failure', () => {
    // xstate re-throws an error of an actor nobody observes from a setTimeout (reportUnhandledError);
    // fake timers catch such a deferred throw so it shows up here instead of as an uncaught exception.
    vi.useFakeTimers();
    const hooks = hooksFor(profile).add(HOOK_AT, {
      name: 'boom',
      run() {
        throw new Error('boom: host bug');
      },
    });
    const a = asm().call(HOOK_AT, { gas: 10_000 }).op('STOP');
    const { env, world } = setup(profile, [[A, { code: a.toBytes(), balance: 0n }]], { hooks });
    expect(() => callFromEoa(env, A, 100_000n)).toThrow('boom: host bug');
    // Also at the top level (entry call straight into the hook).
    expect(() => callFromEoa(env, HOOK_AT, 100_000n)).toThrow('boom: host bug');
    expect(world.getAccount(EOA).nonce).toBe(0n);
    // Thrown once, synchronously: nothing is left to be thrown later as an uncaught exception.
    expect(vi.getTimerCount(), 'deferred re-throws scheduled by xstate').toBe(0);
  });
});
