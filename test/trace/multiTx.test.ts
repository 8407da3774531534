// Several transactions with nested frames: every frame hangs under a frame of its own transaction, in the trace
// JSON, the text tree, the `--out` file and the data the HTML viewer embeds (runner-local frame ids restart at
// 0 in every transaction; the recorder must not confuse them with run-wide ids).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCommand } from '../../src/cli/run.js';
import { parseScenario } from '../../src/input/scenario.js';
import { renderTraceHtml } from '../../src/trace/html.js';
import { formatRun } from '../../src/trace/pretty.js';
import { runScenario } from '../../src/trace/runScenario.js';
import type { RunTrace } from '../../src/trace/schema.js';

const flow = JSON.parse(readFileSync(new URL('../../scenarios/flow.json', import.meta.url), 'utf8'));
const selector: string = flow.compiled.factoryMethods['deployAndCall(bytes32,uint256)'];
const word = (n: number): string => n.toString(16).padStart(64, '0');
/** Factory.deployAndCall(salt, arg): each transaction opens a call frame with a CREATE2 child and a call child. */
const deployAndCall = (salt: number, arg: number) => ({
  from: '0x1111111111111111111111111111111111111111',
  to: '0xfac7000000000000000000000000000000000001',
  data: `0x${selector}${word(salt)}${word(arg)}`,
  value: '0x64',
  gasLimit: '0x7a120',
  gasPrice: '0xa',
});
const threeTxs = {
  ...flow,
  description: 'three deployAndCall transactions, each with two nested frames',
  transactions: [deployAndCall(1, 42), deployAndCall(2, 43), deployAndCall(3, 44)],
};
const dir = mkdtempSync(join(tmpdir(), 'zkos-multitx-'));
const scenarioFile = join(dir, 'three.json');
writeFileSync(scenarioFile, JSON.stringify(threeTxs));

/** Every frame's parent and children belong to its transaction; each transaction's tree is exactly its frames. */
function expectTreesPerTransaction(trace: RunTrace): void {
  expect(trace.transactions).toHaveLength(3);
  expect(trace.frames).toHaveLength(9);
  for (const f of trace.frames) {
    if (f.parent !== null) {
      expect(trace.frames[f.parent]!.tx).toBe(f.tx);
      expect(trace.frames[f.parent]!.children).toContain(f.id);
    }
    for (const c of f.children) expect(trace.frames[c]!.tx).toBe(f.tx);
  }
  for (const tx of trace.transactions) {
    const seen: number[] = [];
    const walk = (id: number): void => {
      seen.push(id);
      for (const c of trace.frames[id]!.children) walk(c);
    };
    walk(tx.rootFrame!);
    const own = trace.frames.filter((f) => f.tx === tx.index).map((f) => f.id);
    expect(seen.sort((a, b) => a - b)).toEqual(own);
    expect(trace.frames[tx.rootFrame!]!.children.map((c) => trace.frames[c]!.kind)).toEqual(['create2', 'call']);
  }
  expect(trace.transactions.map((t) => t.rootFrame)).toEqual([0, 3, 6]);
}

describe('several transactions with nested frames', () => {
  const trace = runScenario(parseScenario(JSON.stringify(threeTxs), 'three.json')).trace!;

  it('the trace JSON links each frame to a parent of its own transaction', () => {
    expect(trace.transactions.every((t) => t.valid && t.status === 'success')).toBe(true);
    expectTreesPerTransaction(trace);
  });

  it('the text tree prints each transaction with its own nested frames', () => {
    const text = formatRun(trace, { color: false });
    const sections = text.split(/\nTransaction \d+/).slice(1);
    expect(sections).toHaveLength(3);
    sections.forEach((s, i) => {
      const ids = [...s.matchAll(/#(\d+) (call|create2)/g)].map((m) => Number(m[1]));
      expect(ids).toEqual([3 * i, 3 * i + 1, 3 * i + 2]);
      expect(s).toMatch(new RegExp(`├─ #${3 * i + 1} create2`));
      expect(s).toMatch(new RegExp(`└─ #${3 * i + 2} call`));
    });
  });

  it('the HTML viewer embeds the same per-transaction trees', () => {
    const html = renderTraceHtml(trace);
    const m = /<script id="trace-data" type="application\/json">(.*?)<\/script>/s.exec(html);
    expectTreesPerTransaction(JSON.parse(m![1]!) as RunTrace);
  });

  it('zkos run --out writes the same per-transaction trees', async () => {
    const out = join(dir, 'three-trace.json');
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await runCommand([scenarioFile, '--out', out, '--quiet'])).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expectTreesPerTransaction(JSON.parse(readFileSync(out, 'utf8')) as RunTrace);
  });
});
