// The step debugger (issue #10 item 6): the library API stops between runner events and after single
// instructions, shows the callstack (state, pc, gas, top of stack), leaves the world untouched until
// `finish`, and `finish` gives exactly the result of an ordinary run. `zkos run --step` drives it from a
// pipe.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createStepper } from '../../src/debug/stepper.js';
import { parseScenario } from '../../src/input/scenario.js';
import { createEnvironment } from '../../src/runner/environment.js';
import { WorldState } from '../../src/system/world.js';
import { runScenario, toTransaction } from '../../src/trace/runScenario.js';

const text = readFileSync(new URL('../../scenarios/flow.json', import.meta.url), 'utf8');
const scenario = parseScenario(text, 'flow.json');

function fresh() {
  const world = WorldState.fromAccounts(scenario.pre);
  const env = createEnvironment({ profile: scenario.profile, world, block: scenario.block });
  const tx = toTransaction(scenario.transactions[0]!, world, scenario.block.chainId);
  return { world, env, tx, stepper: createStepper(env, tx) };
}

describe('createStepper', () => {
  it('walks the runner event by event: entry, spawn, ends; the callstack at each stop', () => {
    const { stepper: s, world, tx } = fresh();
    const balance = world.getAccount(tx.sender).balance;
    const v1 = s.next();
    expect(v1).toMatchObject({ events: 1, runnerState: 'idle', pending: { type: 'runner.start', source: 'entry' } });
    expect(v1.frames).toEqual([]);
    const v2 = s.next();
    expect(v2.pending).toEqual({ type: 'frame.spawn', source: 'frame-0' });
    expect(v2.runnerState).toBe('running');
    expect(v2.frames.map((f) => [f.id, f.kind, f.state])).toEqual([[0, 'call', 'awaiting-child']]);
    expect(v2.frames[0]!.pc).toBeGreaterThan(0);
    const seen = [v1, v2];
    let v = v2;
    while (!v.done) {
      v = s.next();
      seen.push(v);
    }
    // Every frame's end reached the runner as an event; the run ended and committed.
    expect(seen.filter((x) => x.pending?.type === 'frame.end').map((x) => x.pending!.source)).toEqual([
      'frame-1',
      'frame-2',
      'frame-0',
    ]);
    expect(v.result).toMatchObject({ valid: true, status: 'success' });
    expect(world.getAccount(tx.sender).balance).toBeLessThan(balance);
  });

  it('instruction steps show pc, gas and stack; the world is untouched until finish, which matches a plain run', () => {
    const { stepper: s, world, tx } = fresh();
    const before = world.getAccount(tx.sender);
    const a = s.step();
    expect(a.executed).toMatchObject({ pc: 0, depth: 0 });
    expect(a.frames).toHaveLength(1);
    expect(a.frames[0]).toMatchObject({
      state: 'running',
      pc: a.executed!.pc + 1 + (a.executed!.op.startsWith('PUSH') ? Number(a.executed!.op.slice(4)) : 0),
    });
    const b = s.step();
    expect(b.instructions).toBe(a.instructions + 1);
    expect(b.frames[0]!.gas!).toBe(a.frames[0]!.gas! - BigInt(b.executed!.gasCost));
    expect(b.frames[0]!.stackTop!.length).toBeGreaterThan(0);
    // Into the child: step until the depth changes.
    let c = b;
    while (!c.done && (c.executed?.depth ?? 0) === 0) c = s.step();
    expect(c.executed!.depth).toBe(1);
    expect(c.frames.map((f) => f.state)).toEqual(['awaiting-child', 'running']);
    const fin = s.finishFrame();
    expect(fin.frames.map((f) => f.id)).toEqual([0]);
    expect(world.getAccount(tx.sender)).toEqual(before); // nothing applied yet
    const result = s.finish();
    const plain = runScenario(scenario).results[0]!;
    expect(result).toEqual(plain);
    expect(world.getAccount(tx.sender).nonce).toBe(before.nonce + 1n);
  });
});

describe('zkos run --step', () => {
  it('reads commands from a pipe and prints the frame tree with states at each stop', () => {
    const bin = fileURLToPath(new URL('../../bin/zkos.js', import.meta.url));
    const r = spawnSync(process.execPath, [bin, 'run', '--step'], { input: 'n\ns\n\nf\nc\n', encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("event 1: runner 'idle' receives runner.start from entry");
    expect(r.stdout).toContain("event 2: runner 'running' receives frame.spawn from frame-0");
    expect(r.stdout).toMatch(/#0 call Factory \[awaiting-child\] {2}pc \d+ next \w+ {2}gas \d+ {2}stack \[/);
    expect(r.stdout).toMatch(/instruction \d+: executed \w+ at pc \d+ \(depth 1/); // s, then repeated by the empty line
    expect(r.stdout).toContain('└─ #1 create2 Child [running]');
    expect(r.stdout).toMatch(/transaction 0 done: success, gas used \d+/);
  });

  it('q quits without applying the transaction', () => {
    const bin = fileURLToPath(new URL('../../bin/zkos.js', import.meta.url));
    const r = spawnSync(process.execPath, [bin, 'run', '--step'], { input: 'n\nq\n', encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('quit: the transaction was not applied');
    expect(r.stdout).not.toContain('transaction 0 done');
  });
});
