// Opcode steps in the trace (TraceRecorder as a StepTracer): kept per frame when asked (runScenario
// { steps: true }, `zkos run --record-steps`, or whenever an EIP-3155 tracer runs), consistent with the frame's
// gas, and bounded by STEP_LIMITS.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCommand } from '../../src/cli/run.js';
import { parseScenario } from '../../src/input/scenario.js';
import { createEip3155Writer } from '../../src/trace/eip3155.js';
import { runScenario } from '../../src/trace/runScenario.js';
import { type RunTrace, STEP_LIMITS } from '../../src/trace/schema.js';

const flow = () =>
  parseScenario(readFileSync(new URL('../../scenarios/flow-revert.json', import.meta.url), 'utf8'), 'flow-revert');

describe('opcode steps in the trace', () => {
  it('are absent unless asked for', () => {
    const trace = runScenario(flow()).trace!;
    expect(trace.frames.some((f) => f.steps !== undefined)).toBe(false);
  });

  it('belong to the frame that ran them: a leaf frame’s step costs add up to its gas used', () => {
    const trace = runScenario(flow(), { steps: true }).trace!;
    for (const f of trace.frames) {
      expect(f.steps!.length).toBeGreaterThan(10);
      expect(f.steps![0]!.pc).toBe(0);
      expect(f.steps![0]!.gas).toBe(f.gas);
      if (f.children.length > 0) continue;
      const spent = f.steps!.reduce((s, x) => s + x.gasCost, 0);
      if (f.kind === 'call') expect(spent).toBe(f.gasUsed);
      else {
        // A creation also pays 200 gas per byte of deployed code after its last step.
        const code = trace.transactions[0]!.stateChanges.find((c) => c.address === f.createdAddress)!.code!.after;
        expect(spent + 200 * ((code.length - 2) / 2)).toBe(f.gasUsed);
      }
    }
    // #2 ping: the last steps are LOG2 then RETURN; #3 fail ends in REVERT.
    expect(trace.frames[2]!.steps!.map((s) => s.opName)).toContain('LOG2');
    expect(trace.frames[3]!.steps!.at(-1)!.opName).toBe('REVERT');
    const s = trace.frames[2]!.steps!.find((x) => x.opName === 'SSTORE')!;
    expect(s.stack.length).toBe(Math.min(STEP_LIMITS.stackWords, s.stackSize));
  });

  it('are kept alongside an EIP-3155 tracer, which sees the same steps', () => {
    let lines = 0;
    const writer = createEip3155Writer({ write: (c: string) => (lines += c.split('\n').length - 1) });
    const trace = runScenario(flow(), { tracer: writer }).trace!;
    writer.flush();
    const kept = trace.frames.reduce((n, f) => n + f.steps!.length, 0);
    expect(kept).toBe(writer.steps);
    expect(lines).toBe(writer.steps);
  });

  it('are bounded per frame; the rest is counted', () => {
    // JUMPDEST PUSH1 0 JUMP, forever: 12 gas a round until out of gas.
    const scenario = parseScenario(
      JSON.stringify({
        pre: {
          '0x1111111111111111111111111111111111111111': { balance: '0xde0b6b3a7640000' },
          '0x00000000000000000000000000000000000000aa': { code: '0x5b600056' },
        },
        transactions: [
          {
            from: '0x1111111111111111111111111111111111111111',
            to: '0x00000000000000000000000000000000000000aa',
            gas: '200000',
          },
        ],
      }),
      'loop',
    );
    let executed = 0;
    const trace = runScenario(scenario, { steps: true, tracer: { step: () => executed++ } }).trace!;
    const f = trace.frames[0]!;
    expect(executed).toBeGreaterThan(STEP_LIMITS.perFrame);
    expect(f.steps!.length).toBe(STEP_LIMITS.perFrame);
    expect(f.stepsOmitted).toBe(executed - STEP_LIMITS.perFrame);
  });

  it('zkos run --record-steps writes them to --out', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'zkos-steps-')), 'trace.json');
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await runCommand(['--builtin', 'flow', '--record-steps', '--out', out, '-q'])).toBe(0);
    } finally {
      spy.mockRestore();
    }
    const trace = JSON.parse(readFileSync(out, 'utf8')) as RunTrace;
    expect(trace.frames[2]!.steps!.length).toBeGreaterThan(10);
    expect(trace.frames[2]!.call?.name).toBe('ping');
  });
});
