// The built-in flow scenarios (scenarios/flow.json, flow-revert.json): the seed's flow diagram run end to
// end — frame kinds and actor states, the deployed code, nonces, balances, storage and return data.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/input/scenario.js';
import { bytesToHex, hexToBytes } from '../../src/crypto/bytes.js';
import { runScenario } from '../../src/trace/runScenario.js';
import { zksync } from '../../src/profiles/index.js';

const load = (name: string) => {
  const text = readFileSync(new URL(`../../scenarios/${name}`, import.meta.url), 'utf8');
  return { scenario: parseScenario(text, name), json: JSON.parse(text) };
};

const EOA = 0x1111111111111111111111111111111111111111n;
const FACTORY = 0xfac7000000000000000000000000000000000001n;
const COINBASE = 0xc0ffee0000000000000000000000000000000000n;
const word = (v: bigint) => v.toString(16).padStart(64, '0');

/** The Child runtime as deployed: the compiled code with the `factory` immutable filled in. */
function expectedChildCode(json: {
  compiled: { childRuntime: string; childImmutables: { start: number; length: number }[] };
}): string {
  const code = hexToBytes(json.compiled.childRuntime);
  for (const ref of json.compiled.childImmutables) code.set(hexToBytes(word(FACTORY)), ref.start);
  return bytesToHex(code);
}

describe('built-in flow scenario (seed flow diagram)', () => {
  const { scenario, json } = load('flow.json');
  const child = BigInt(json.compiled.childAddress);
  const run = runScenario(scenario);
  const trace = run.trace!;

  it('has one successful transaction returning (child address, 84)', () => {
    const r = run.results[0]!;
    expect(r.valid).toBe(true);
    if (!r.valid) return;
    expect(r.status).toBe('success');
    expect(bytesToHex(r.returnData)).toBe('0x' + word(child) + word(84n));
    expect(r.logs).toHaveLength(2);
  });

  it('runs three frames: call Factory, create2 Child, call Child', () => {
    expect(trace.frames.map((f) => [f.id, f.parent, f.kind, f.outcome])).toEqual([
      [0, null, 'call', 'success'],
      [1, 0, 'create2', 'success'],
      [2, 0, 'call', 'success'],
    ]);
    expect(trace.frames[1]!.createdAddress).toBe('0x' + child.toString(16).padStart(40, '0'));
    expect(BigInt(trace.frames[2]!.address)).toBe(child);
    expect(BigInt(trace.frames[2]!.caller)).toBe(FACTORY);
  });

  it('each frame actor walks the chart: the factory awaits its two children', () => {
    const states = trace.frames.map((f) => f.transitions.map((t) => t.state));
    expect(states[0]).toEqual([
      'preparing',
      'running',
      'awaiting-child',
      'running',
      'awaiting-child',
      'running',
      'finishing',
      'success',
    ]);
    expect(states[1]).toEqual(['preparing', 'running', 'finishing', 'success']);
    expect(states[2]).toEqual(['preparing', 'running', 'finishing', 'success']);
    // Transitions are ordered in the run's timeline; a child lives inside its parent's awaiting-child.
    const seq = (id: number, state: string, nth = 0) =>
      trace.frames[id]!.transitions.filter((t) => t.state === state)[nth]!.seq;
    expect(seq(1, 'preparing')).toBeGreaterThan(seq(0, 'awaiting-child', 0));
    expect(seq(1, 'success')).toBeLessThan(seq(0, 'running', 1));
    expect(seq(2, 'preparing')).toBeGreaterThan(seq(0, 'awaiting-child', 1));
  });

  it('deploys the Child code, sets nonces and moves the value', () => {
    const world = run.world;
    expect(bytesToHex(world.getAccount(child).code)).toBe(expectedChildCode(json));
    expect(world.getAccount(child).nonce).toBe(1n); // EIP-161
    expect(world.getAccount(FACTORY).nonce).toBe(2n); // 1 + one CREATE2
    expect(world.getAccount(EOA).nonce).toBe(1n);
    expect(world.getAccount(child).balance).toBe(100n);
    expect(world.getAccount(FACTORY).balance).toBe(0n);
    const r = run.results[0]!;
    if (!r.valid) throw new Error('invalid');
    const price = 10n;
    expect(world.getAccount(EOA).balance).toBe(10n ** 18n - r.gasUsed * price - 100n);
    expect(world.getAccount(COINBASE).balance).toBe(r.gasUsed * (price - 7n));
    expect(world.sload(child, 0n)).toBe(84n); // constructor 42, ping +42
    expect(world.sload(FACTORY, 0n)).toBe(1n); // deployed counter
  });

  it('runs the same frames and states in the zksync profile', () => {
    const z = runScenario({ ...scenario, profile: zksync });
    expect(z.trace!.frames.map((f) => f.transitions.map((t) => t.state))).toEqual(
      trace.frames.map((f) => f.transitions.map((t) => t.state)),
    );
    expect(bytesToHex(z.world.getAccount(child).code)).toBe(expectedChildCode(json));
  });
});

describe('built-in flow-revert scenario', () => {
  const { scenario, json } = load('flow-revert.json');
  const child = BigInt(json.compiled.childAddress);
  const run = runScenario(scenario);
  const trace = run.trace!;

  it('the fourth frame reverts inside a successful transaction', () => {
    expect(trace.frames.map((f) => f.outcome)).toEqual(['success', 'success', 'success', 'revert']);
    const failed = trace.frames[3]!;
    expect(failed.transitions.map((t) => t.state)).toEqual(['preparing', 'running', 'finishing', 'revert']);
    expect(failed.reverted).toBe(true);
    expect(failed.rolledBackBy).toBe(3);
    expect(trace.frames[0]!.transitions.map((t) => t.state)).toEqual([
      'preparing',
      'running',
      'awaiting-child',
      'running',
      'awaiting-child',
      'running',
      'awaiting-child',
      'running',
      'finishing',
      'success',
    ]);
    // Error(string) "Child: fail"
    expect(failed.returnData.startsWith('0x08c379a0')).toBe(true);
  });

  it('rolls back the failed frame’s storage write and log', () => {
    const failed = trace.frames[3]!;
    const write = failed.storage.find((s) => s.op === 'write')!;
    expect(write).toMatchObject({ slot: '0x0', before: '0x54', value: '0x2b', rolledBack: true });
    expect(failed.logs.every((l) => l.rolledBack)).toBe(true);
    expect(run.world.sload(child, 0n)).toBe(84n);
    const r = run.results[0]!;
    if (!r.valid) throw new Error('invalid');
    expect(r.status).toBe('success');
    expect(r.logs).toHaveLength(2);
    expect(bytesToHex(r.returnData)).toBe('0x' + word(child) + word(84n + 1000n));
    expect(trace.timeline.some((e) => e.kind === 'snapshot.revert' && e.frame === 3)).toBe(true);
  });
});
