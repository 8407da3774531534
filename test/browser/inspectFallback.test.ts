// The inspector relay's page (src/trace/inspectServer.ts) when the Stately UI can't be reached: a banner
// with a link to the offline viewer at /trace.html. Three UIs, all on 127.0.0.1: a closed port (the probe
// fails at once), a page that never connects (the timeout), and a page that says '@statelyai.connected'
// (no banner).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startInspectServer, type InspectServer } from '../../src/trace/inspectServer.js';
import { launchBrowser } from '../helpers/browser.js';

const OUT = join(process.cwd(), 'test-output');

async function listen(handler: http.RequestListener): Promise<http.Server> {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return server;
}
const urlOf = (s: http.Server): string => `http://127.0.0.1:${(s.address() as AddressInfo).port}/`;

describe('inspector relay page falls back to the offline viewer', () => {
  let browser: Browser;
  const servers: http.Server[] = [];
  const relays: InspectServer[] = [];

  const relay = async (uiUrl: string, uiTimeoutMs: number): Promise<InspectServer> => {
    const s = await startInspectServer({ port: 0, uiUrl, uiTimeoutMs });
    s.setTraceHtml('<!doctype html><title>offline viewer</title><p id="viewer">the run</p>');
    relays.push(s);
    return s;
  };

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    ({ browser } = await launchBrowser());
  }, 200_000);

  afterAll(async () => {
    await browser?.close();
    for (const r of relays) await r.close();
    for (const s of servers) await new Promise((r) => s.close(r));
  });

  it('a UI that cannot be reached: the banner links to /trace.html, which opens', async () => {
    const closed = await listen(() => {});
    const deadUrl = urlOf(closed);
    await new Promise((r) => closed.close(r));
    const s = await relay(deadUrl, 60_000);
    const page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
    await page.goto(s.httpUrl);
    await page.waitForSelector('#fallback:not([hidden])', { timeout: 10_000 });
    expect(await page.textContent('#fallback')).toContain('could not be reached');
    expect(await page.textContent('#why')).toContain('the request failed');
    await page.screenshot({ path: join(OUT, 'inspector-fallback.png') });
    await page.click('#fallback a');
    await page.waitForSelector('#viewer');
    expect(new URL(page.url()).pathname).toBe('/trace.html');
    await page.close();
  });

  it('a UI that loads but never connects: the banner after the timeout', async () => {
    const silent = await listen((_req, res) => res.end('<!doctype html><p>silent</p>'));
    servers.push(silent);
    const s = await relay(urlOf(silent), 1500);
    const page = await browser.newPage();
    await page.goto(s.httpUrl);
    expect(await page.isVisible('#fallback')).toBe(false);
    await page.waitForSelector('#fallback:not([hidden])', { timeout: 10_000 });
    expect(await page.textContent('#why')).toContain('did not answer within 2 s');
    await page.close();
  });

  it('a UI that connects: no banner', async () => {
    const ui = await listen((_req, res) =>
      res.end("<!doctype html><script>parent.postMessage({ type: '@statelyai.connected' }, '*')</script>"),
    );
    servers.push(ui);
    const s = await relay(urlOf(ui), 1500);
    const page = await browser.newPage();
    await page.goto(s.httpUrl);
    await page.waitForTimeout(2500);
    expect(await page.isVisible('#fallback')).toBe(false);
    await page.close();
  });
});
