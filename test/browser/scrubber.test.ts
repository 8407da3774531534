// The viewer's scrubber in headless Chromium: replays the recorded run runner event by runner event,
// drawing the runner chart with its current state and the selected frame's chart with its visited states.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/input/scenario.js';
import { renderTraceHtml } from '../../src/trace/html.js';
import { runScenario } from '../../src/trace/runScenario.js';
import type { RunTrace } from '../../src/trace/schema.js';
import { launchBrowser } from '../helpers/browser.js';

const OUT = join(process.cwd(), 'test-output');

describe('viewer scrubber in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let trace: RunTrace;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    const text = readFileSync(new URL('../../scenarios/flow-revert.json', import.meta.url), 'utf8');
    trace = runScenario(parseScenario(text, 'flow-revert.json')).trace!;
    const file = join(OUT, 'trace-scrubber.html');
    writeFileSync(file, renderTraceHtml(trace));
    ({ browser } = await launchBrowser());
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('#scrub');
  }, 200_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('starts at the first runner event with both charts drawn', async () => {
    expect(errors).toEqual([]);
    expect(await page.locator('#scrub').getAttribute('max')).toBe(String(trace.runner!.length - 1));
    expect(await page.locator('#scrub-label').textContent()).toContain(
      'entry → runner: runner.start (idle → preparing)',
    );
    expect(await page.locator('svg.chart[data-chart="runner"] .st.current').getAttribute('data-state')).toBe(
      'preparing',
    );
    // The entry frame's actor is created by this very event's action (prepareCall), after it was recorded.
    expect(await page.locator('#scrub-frame-title').textContent()).toBe('frame #0 (not yet created)');
    expect(await page.locator('svg.chart[data-chart="frame"] .st.current').count()).toBe(0);
    await page.click('#scrub-next'); // request.prepared: frame #0 is preparing
    expect(await page.locator('svg.chart[data-chart="frame"] .st.current').getAttribute('data-state')).toBe(
      'preparing',
    );
  }, 30_000);

  it('moves event by event; the frame chart lights the states visited so far', async () => {
    const steps = trace.runner!;
    // The first event the factory's child (frame 1) sends: its end.
    const i = steps.findIndex((s) => s.frame === 1 && s.event === 'frame.end');
    await page.locator('#scrub').fill(String(i));
    await page.screenshot({ path: join(OUT, 'viewer-scrubber.png'), fullPage: true });
    expect(await page.locator('#scrub-label').textContent()).toContain(
      `${i + 1}/${steps.length}: #1 → runner: frame.end`,
    );
    expect(await page.locator('svg.chart[data-chart="runner"] .st.current').getAttribute('data-state')).toBe(
      'finishing',
    );
    const visited = await page
      .locator('svg.chart[data-chart="frame"] .st.visited')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    const seen = trace.frames[1]!.transitions.filter((t) => t.seq <= steps[i]!.seq).map((t) => t.state);
    expect(seen).toContain('running');
    expect(seen[seen.length - 1]).toBe('finishing');
    expect(visited.sort()).toEqual([...new Set(seen)].sort());
    // The next button steps one event further.
    await page.click('#scrub-next');
    expect(await page.locator('#scrub').inputValue()).toBe(String(i + 1));
    // Pick the entry frame explicitly: at the end it is in its final state.
    await page.selectOption('#scrub-frame', '0');
    await page.locator('#scrub').fill(String(steps.length - 1));
    expect(await page.locator('svg.chart[data-chart="frame"] .st.current').getAttribute('data-state')).toBe(
      trace.frames[0]!.outcome,
    );
    expect(await page.locator('svg.chart[data-chart="runner"] .st.current').getAttribute('data-state')).toBe('done');
    expect(errors).toEqual([]);
  }, 30_000);
});
