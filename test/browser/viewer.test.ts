// The offline trace viewer in a real browser: headless Chromium (test/helpers/browser.ts) driven by
// playwright-core loads the generated trace.html from a file: URL, with every non-file request failing the
// test. It checks the tree, a click on a frame, the reverted mark, collapsing, the timeline, and a trace
// written without steps, and writes screenshots to test-output/. viewer-features.test.ts covers the rest.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parseScenario } from '../../src/input/scenario.js';
import { renderTraceHtml } from '../../src/trace/html.js';
import { runScenario } from '../../src/trace/runScenario.js';
import { launchBrowser } from '../helpers/browser.js';

const OUT = join(process.cwd(), 'test-output');

describe('offline trace viewer in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  const external: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    const text = readFileSync(new URL('../../scenarios/flow-revert.json', import.meta.url), 'utf8');
    const trace = runScenario(parseScenario(text, 'flow-revert.json')).trace!;
    const file = join(OUT, 'trace.html');
    writeFileSync(file, renderTraceHtml(trace));
    ({ browser } = await launchBrowser());
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      external.push(url);
      return route.abort();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 });
  }, 200_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('renders the frame tree with every frame, without any network request or script error', async () => {
    await page.screenshot({ path: join(OUT, 'viewer-initial.png'), fullPage: true });
    expect(await page.locator('[data-frame-id]').count()).toBe(4);
    expect(await page.locator('[data-frame-id="1"] .kind').textContent()).toBe('create2');
    expect(await page.locator('[data-frame-id="0"]').textContent()).toContain('EOA → Factory');
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows the selected frame’s details: states, gas, call data, storage, logs', async () => {
    await page.click('[data-frame-id="2"]');
    await page.screenshot({ path: join(OUT, 'viewer-frame-2.png'), fullPage: true });
    expect(await page.getAttribute('#details', 'data-frame')).toBe('2');
    const details = (await page.textContent('#details'))!;
    expect(details).toContain('Frame #2 — call');
    expect(details).toContain('Factory (0xfac7…0001)');
    expect(await page.locator('#details [data-testid="states"] .state').allTextContents()).toEqual([
      'preparing',
      'running',
      'finishing',
      'success',
    ]);
    expect(details).toMatch(/Call data \(36 bytes\)/);
    expect(details).toContain('Storage (');
    expect(details).toContain('Logs (1)');
    expect(await page.locator('[data-frame-id="2"]').getAttribute('class')).toContain('selected');
  });

  it('says how to get opcode steps when the trace has none', async () => {
    expect(await page.textContent('[data-testid="steps"]')).toContain('zkos run --html FILE --record-steps');
  });

  it('marks the reverted frame and explains the rollback', async () => {
    const marks = page.locator('[data-testid="revert-mark"]');
    expect(await marks.count()).toBe(1);
    expect(await page.locator('[data-frame-id="3"] [data-testid="revert-mark"]').count()).toBe(1);
    await page.click('[data-frame-id="3"]');
    await page.screenshot({ path: join(OUT, 'viewer-reverted-frame.png'), fullPage: true });
    expect(await page.textContent('[data-testid="revert-banner"]')).toContain('Snapshot reverted');
    expect(await page.locator('#details tr.rolledback').count()).toBeGreaterThanOrEqual(2); // storage write + log
    expect(await page.locator('.ev.snapshot-revert').count()).toBe(1);
  });

  it('collapses and expands a subtree', async () => {
    const toggle = page.locator('[data-frame-id="0"] .toggle');
    await toggle.click();
    expect(await page.locator('[data-frame-id="1"]').isVisible()).toBe(false);
    await toggle.click();
    expect(await page.locator('[data-frame-id="1"]').isVisible()).toBe(true);
  });

  it('draws the run timeline in bootloader / EE / system lanes; clicking an event selects its frame', async () => {
    const heads = await page.locator('.lanes .lh').allTextContents();
    expect(heads.slice(1)).toEqual([
      'Bootloader (runner)',
      'Execution environments (frames)',
      'System (storage, balances, logs)',
    ]);
    const ev = page.locator('.ev[data-frame="1"][data-kind="frame.open"]');
    await ev.scrollIntoViewIfNeeded();
    await ev.click();
    expect(await page.getAttribute('#details', 'data-frame')).toBe('1');
    await page.locator('#timeline-section').screenshot({ path: join(OUT, 'viewer-timeline.png') });
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });
});
