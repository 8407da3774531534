// The trace JSON (docs/trace-schema.md) and the offline HTML: structure, rollbacks, no external URLs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/input/scenario.js';
import { renderTraceHtml, scriptSafeJson } from '../../src/trace/html.js';
import { runScenario } from '../../src/trace/runScenario.js';
import { TRACE_VERSION } from '../../src/trace/schema.js';

const scenario = parseScenario(
  readFileSync(new URL('../../scenarios/flow-revert.json', import.meta.url), 'utf8'),
  'flow-revert.json',
);
const trace = runScenario(scenario).trace!;

describe('trace recorder', () => {
  it('numbers frames run-wide with parents and children', () => {
    expect(trace.version).toBe(TRACE_VERSION);
    trace.frames.forEach((f, i) => {
      expect(f.id).toBe(i);
      for (const c of f.children) expect(trace.frames[c]!.parent).toBe(f.id);
      expect(f.startSeq).toBeLessThan(f.endSeq);
      expect(f.transitions[0]!.state).toBe('preparing');
    });
    expect(trace.transactions[0]!.rootFrame).toBe(0);
    expect(trace.frames[0]!.children).toEqual([1, 2, 3]);
  });

  it('orders the timeline and sorts it into the three lanes', () => {
    trace.timeline.forEach((e, i) => {
      expect(e.seq).toBe(i);
    });
    const lanes = new Set(trace.timeline.map((e) => e.lane));
    expect(lanes).toEqual(new Set(['bootloader', 'ee', 'system']));
    expect(trace.timeline[0]!.kind).toBe('tx.start');
    expect(trace.timeline.at(-1)!.kind).toBe('tx.end');
  });

  it('records calldata, return data, storage, account changes and logs per frame', () => {
    const [factory, create, ping] = trace.frames;
    expect(factory!.input.slice(0, 10)).toBe(
      '0x' +
        JSON.parse(readFileSync(new URL('../../scenarios/flow-revert.json', import.meta.url), 'utf8')).compiled
          .factoryMethods['deployAndCallFail(bytes32,uint256)'],
    );
    const compiled = JSON.parse(
      readFileSync(new URL('../../scenarios/flow-revert.json', import.meta.url), 'utf8'),
    ).compiled;
    expect(create!.input).toBe(compiled.childInitcode + (42).toString(16).padStart(64, '0')); // initcode + constructor arg
    expect(create!.returnData).toBe('0x');
    expect(create!.accounts.some((a) => a.field === 'code' && BigInt(a.after) > 0n)).toBe(true);
    expect(ping!.storage.filter((s) => s.op === 'write')).toHaveLength(1);
    expect(ping!.logs).toHaveLength(1);
    expect(factory!.accounts.some((a) => a.field === 'nonce')).toBe(true); // CREATE2 bumps the factory's nonce
    const tx = trace.transactions[0]!;
    expect(tx.outsideFrames.map((a) => a.field)).toContain('balance'); // gas purchase, refund, fee
    expect(tx.logs.map((l) => l.frame)).toEqual([0, 2]);
  });

  it('serialises to JSON without bigints', () => {
    const text = JSON.stringify(trace);
    expect(JSON.parse(text)).toEqual(trace);
  });
});

describe('offline HTML', () => {
  const html = renderTraceHtml(trace);

  it('is one self-contained file with no external URL', () => {
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
    expect(html).toContain('<script id="trace-data" type="application/json">');
  });

  it('keeps embedded JSON from closing the script element', () => {
    expect(scriptSafeJson({ s: '</script><!--' })).toBe('{"s":"\\u003c/script>\\u003c!--"}');
    expect(JSON.parse(scriptSafeJson({ s: '</script>' }))).toEqual({ s: '</script>' });
  });
});
