// The viewer's reading aids in headless Chromium, on flow-revert plus a plain 1 ETH transfer, recorded with
// opcode steps: decoded names and revert reasons, the gas flame chart (widths ∝ gas, click, zoom), the
// opcode step view, search, keyboard navigation, deep links (#frame-3, #tx-1), the timeline scrolling to
// the selected frame, and each transaction's net state difference. Screenshots go to test-output/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parseScenario } from '../../src/input/scenario.js';
import { renderTraceHtml } from '../../src/trace/html.js';
import { runScenario } from '../../src/trace/runScenario.js';
import type { RunTrace } from '../../src/trace/schema.js';
import { launchBrowser } from '../helpers/browser.js';

const OUT = join(process.cwd(), 'test-output');
const EOA = '0x1111111111111111111111111111111111111111';
const RECIPIENT = '0x000000000000000000000000000000000000beef';

function twoTransactions(): RunTrace {
  const json = JSON.parse(readFileSync(new URL('../../scenarios/flow-revert.json', import.meta.url), 'utf8'));
  json.pre[EOA].balance = '10000000000000000000'; // 10 ETH
  json.labels[RECIPIENT] = 'Recipient';
  json.transactions.push({ label: 'pay', from: EOA, to: RECIPIENT, value: '1000000000000000000', gasPrice: '0xa' });
  return runScenario(parseScenario(JSON.stringify(json), 'flow-revert+pay.json'), { steps: true }).trace!;
}

describe('viewer reading aids in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let url: string;
  let trace: RunTrace;
  const errors: string[] = [];

  const selected = async (): Promise<string | null> =>
    (await page.getAttribute('#details', 'data-frame')) ?? `tx${await page.getAttribute('#details', 'data-tx')}`;
  const open = async (hash = ''): Promise<void> => {
    await page.goto('about:blank');
    await page.goto(url + hash);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 });
  };

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    trace = twoTransactions();
    const file = join(OUT, 'trace-features.html');
    writeFileSync(file, renderTraceHtml(trace));
    url = pathToFileURL(file).href;
    ({ browser } = await launchBrowser());
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    page.on('pageerror', (e) => errors.push(e.message));
    await open();
  }, 200_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('names functions, events, return values and revert reasons from the scenario ABI', async () => {
    expect(await page.locator('[data-frame-id="3"] .fn').textContent()).toBe('.fail()');
    expect(await page.textContent('[data-testid="function"]')).toContain('deployAndCallFail(salt: 0x');
    expect(await page.textContent('#details')).toContain('child: Child (0xb6fb…0ecc), result: 1084');
    await page.click('[data-frame-id="3"]');
    expect(await page.textContent('[data-testid="revert-reason"]')).toBe('Error("Child: fail")');
    expect(await page.textContent('[data-testid="function"]')).toContain('fail(x: 43)');
    await page.click('[data-frame-id="2"]');
    expect(await page.textContent('#details')).toContain('Pinged(from: Factory (0xfac7…0001), value: 84)');
    expect(errors).toEqual([]);
  });

  it('draws a gas flame chart: widths follow gas used, click selects, double-click zooms', async () => {
    const chart = page.locator('.flame[data-flame-tx="0"]');
    await page.locator('#flame-section').screenshot({ path: join(OUT, 'viewer-flame.png') });
    expect(await chart.locator('.fr').count()).toBe(4);
    const width = async (id: number) => (await chart.locator(`.fr[data-flame="${id}"]`).boundingBox())!.width;
    const box = (await chart.boundingBox())!.width;
    const f = trace.frames;
    expect((await width(0)) / box).toBeGreaterThan(0.99);
    expect((await width(1)) / (await width(0))).toBeCloseTo(f[1]!.gasUsed / f[0]!.gasUsed, 2);
    // Children sit below their caller.
    const y0 = (await chart.locator('.fr[data-flame="0"]').boundingBox())!.y;
    expect((await chart.locator('.fr[data-flame="1"]').boundingBox())!.y).toBeGreaterThan(y0);
    await chart.locator('.fr[data-flame="1"]').click();
    expect(await selected()).toBe('1');
    expect(await chart.locator('.fr[data-flame="1"]').getAttribute('class')).toContain('selected');
    // Zoom into frame 2 (1% of the width): it fills the chart; "zoom out" restores.
    await chart.locator('.fr[data-flame="2"]').dblclick({ force: true });
    expect((await width(2)) / box).toBeGreaterThan(0.99);
    await page.locator('#flame-section').screenshot({ path: join(OUT, 'viewer-flame-zoomed.png') });
    await page.locator('.flame-tx button.more').first().click();
    expect((await width(0)) / box).toBeGreaterThan(0.99);
    expect((await width(2)) / box).toBeLessThan(0.05);
  });

  it('shows the selected frame’s opcode steps from the recorded step trace', async () => {
    await page.click('[data-frame-id="2"]');
    const steps = page.locator('[data-testid="steps"] table.steps tr[data-step]');
    const recorded = trace.frames[2]!.steps!;
    expect(recorded.length).toBeGreaterThan(50);
    expect(await steps.count()).toBe(Math.min(500, recorded.length));
    expect(await steps.first().locator('td.op').textContent()).toBe(recorded[0]!.opName);
    expect(await page.textContent('[data-testid="hotops"]')).toContain('LOG2');
    await page.locator('[data-testid="steps"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, 'viewer-steps.png') });
    // The creation frame ran its constructor: its steps are there too.
    await page.click('[data-frame-id="1"]');
    expect(await page.locator('[data-testid="steps"] tr[data-step]').count()).toBe(
      Math.min(500, trace.frames[1]!.steps!.length),
    );
  });

  it('searches by function name, selector, address, label and frame id', async () => {
    const search = page.locator('#search');
    const count = async (q: string): Promise<number> => {
      await search.fill(q);
      return Number(await page.getAttribute('#search-hint', 'data-count'));
    };
    expect(await count('ping')).toBe(2); // ping() in #2; both #2 and #3 emit Pinged
    expect(await count('ping(')).toBe(1); // the signature ping(uint256)
    expect(await page.locator('[data-frame-id="2"]').getAttribute('class')).toContain('match');
    expect(await page.locator('[data-frame-id="0"]').getAttribute('class')).toContain('nomatch');
    await page.screenshot({ path: join(OUT, 'viewer-search.png') });
    await search.press('Enter');
    expect(await selected()).toBe('2');
    expect(await count('0x773acdef')).toBe(1); // ping(uint256)'s selector
    expect(await count('#3')).toBe(1);
    expect(await count('b6fbf9cc')).toBe(3); // the child: created by #1, called by #2 and #3
    expect(await count('Recipient')).toBe(1);
    expect(await count('nothing-like-this')).toBe(0);
    // The flame chart keeps the marks when it is zoomed.
    expect(await count('Child: fail')).toBe(1); // the revert reason of #3
    await page.locator('.flame[data-flame-tx="0"] .fr[data-flame="0"]').dblclick();
    expect(await page.locator('.flame .fr[data-flame="3"]').getAttribute('class')).toContain('match');
    expect(await page.locator('.flame .fr[data-flame="1"]').getAttribute('class')).toContain('nomatch');
    await search.press('Escape');
    expect(await search.inputValue()).toBe('');
    expect(await page.locator('.node.nomatch').count()).toBe(0);
  });

  it('moves through the tree with the keyboard', async () => {
    await page.click('[data-frame-id="0"]');
    const key = async (k: string): Promise<string | null> => {
      await page.keyboard.press(k);
      return selected();
    };
    expect(await key('ArrowDown')).toBe('1');
    expect(await key('ArrowDown')).toBe('2');
    expect(await key('ArrowLeft')).toBe('0'); // a leaf: to its parent
    expect(await key('ArrowLeft')).toBe('0'); // expanded: collapses
    expect(await page.locator('[data-frame-id="1"]').isVisible()).toBe(false);
    expect(await key('ArrowDown')).toBe('tx1'); // collapsed children are skipped
    expect(await key('ArrowUp')).toBe('0');
    expect(await key('ArrowRight')).toBe('0'); // expands
    expect(await page.locator('[data-frame-id="1"]').isVisible()).toBe(true);
    expect(await key('ArrowRight')).toBe('1'); // to the first child
    expect(await key('End')).toBe('4');
    expect(await key('Home')).toBe('tx0');
    expect(await key('ArrowRight')).toBe('0');
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-frame-id="3"]').isVisible()).toBe(false);
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-frame-id="3"]').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-frame-id'))).toBe('0');
  });

  it('opens the frame or transaction a deep link names, and keeps the link in step with the selection', async () => {
    await open('#frame-3');
    expect(await selected()).toBe('3');
    expect(await page.locator('[data-frame-id="3"]').getAttribute('class')).toContain('selected');
    await page.click('[data-frame-id="2"]');
    expect(await page.evaluate(() => location.hash)).toBe('#frame-2');
    await open('#tx-1');
    expect(await selected()).toBe('tx1');
    await page.evaluate(() => {
      location.hash = '#frame-1';
    });
    await page.waitForFunction(() => document.querySelector('#details')?.getAttribute('data-frame') === '1');
    await open('#frame-99'); // no such frame: the default selection
    expect(await selected()).toBe('0');
  });

  it('scrolls the timeline to the selected frame', async () => {
    const tl = page.locator('#timeline');
    const visible = async (id: number): Promise<boolean> =>
      page.evaluate((id) => {
        const t = document.getElementById('timeline')!.getBoundingClientRect();
        const e = document.querySelector(`.ev[data-frame="${id}"]`)!.getBoundingClientRect();
        return e.top >= t.top && e.bottom <= t.bottom;
      }, id);
    await page.click('[data-frame-id="0"]');
    const top0 = await tl.evaluate((e) => e.scrollTop);
    await page.click('[data-frame-id="4"]');
    expect(await tl.evaluate((e) => e.scrollTop)).toBeGreaterThan(top0);
    expect(await visible(4)).toBe(true);
    await page.click('[data-frame-id="3"]');
    expect(await visible(3)).toBe(true);
    await page.locator('#timeline-section').screenshot({ path: join(OUT, 'viewer-timeline-scrolled.png') });
    await page.click('[data-frame-id="0"]');
    expect(await visible(0)).toBe(true);
  });

  it('shows each transaction’s net state difference, balances in ETH with the exact wei', async () => {
    await page.click('.txchip[data-tx="0"]');
    expect(await selected()).toBe('tx0');
    const diff = page.locator('[data-testid="state-diff"]');
    const accounts = await diff.locator('tr.acct').allTextContents();
    expect(accounts.map((a) => a.replace(/ \(.*/, ''))).toEqual(['EOA', 'Child', 'coinbase', 'Factory']);
    expect(accounts[1]).toContain('created');
    const eoaBalance = diff.locator(`tr.acct[data-account="${EOA}"] + tr[data-field="balance"]`);
    expect(await eoaBalance.locator('td.before').textContent()).toBe('10 ETH (10000000000000000000 wei)');
    expect(await eoaBalance.locator('td.after').textContent()).toMatch(/^9\.9999\d+ ETH \(9999\d{15} wei\)$/);
    expect(await diff.locator('tr[data-field="storage 0x0"]').count()).toBe(2); // Child.value, Factory.deployed
    await page.screenshot({ path: join(OUT, 'viewer-state-diff.png') });
    await page.click('.txchip[data-tx="1"]');
    const recipient = page.locator(`[data-testid="state-diff"] tr.acct[data-account="${RECIPIENT}"]`);
    expect(await recipient.textContent()).toContain('Recipient');
    expect(await page.locator(`tr.acct[data-account="${RECIPIENT}"] + tr td.after`).textContent()).toBe(
      '1 ETH (1000000000000000000 wei)',
    );
    expect(errors).toEqual([]);
  });
});
