// Browser discovery (test/helpers/browser.ts): ZKOS_CHROMIUM first, then a system browser, then the Chromium
// inside the npm devDependency @sparticuz/chromium. The packaged path is launched on every machine, so CI
// proves that `npm ci` alone is enough for the browser tests.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findBrowser, findSystemBrowser, launchBrowser } from '../helpers/browser.js';

describe('browser discovery', () => {
  const saved = process.env.ZKOS_CHROMIUM;
  afterEach(() => {
    if (saved === undefined) delete process.env.ZKOS_CHROMIUM;
    else process.env.ZKOS_CHROMIUM = saved;
  });

  it('ZKOS_CHROMIUM wins when it names an executable, and is rejected by name when it does not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zkos-browser-'));
    const fake = join(dir, 'my-chrome');
    writeFileSync(fake, '#!/bin/sh\n');
    chmodSync(fake, 0o755);
    process.env.ZKOS_CHROMIUM = fake;
    expect(await findBrowser()).toMatchObject({ source: 'ZKOS_CHROMIUM', executablePath: fake });
    process.env.ZKOS_CHROMIUM = join(dir, 'missing');
    await expect(findBrowser()).rejects.toThrow(/ZKOS_CHROMIUM=.*missing is not an executable file/);
  });

  it('without ZKOS_CHROMIUM: the system browser if there is one, else the packaged one', async () => {
    delete process.env.ZKOS_CHROMIUM;
    const choice = await findBrowser();
    const system = findSystemBrowser();
    if (system) expect(choice).toMatchObject({ source: 'system', executablePath: system });
    else expect(choice.source).toBe('@sparticuz/chromium');
  }, 200_000);

  it('the Chromium shipped in the npm package launches and renders a page (the fresh-machine path)', async () => {
    const { browser, choice, launchMs } = await launchBrowser({ packagedOnly: true });
    try {
      expect(choice.source).toBe('@sparticuz/chromium');
      expect(choice.args).toContain('--no-sandbox');
      expect(choice.args).not.toContain('--disable-web-security');
      expect(choice.args).not.toContain('--single-process'); // closing a page would close the browser
      const page = await browser.newPage();
      await page.setContent('<p id="x">rendered</p><script>document.getElementById("x").dataset.js = "on"</script>');
      expect(await page.getAttribute('#x', 'data-js')).toBe('on');
      console.log(`packaged Chromium ${browser.version()} launched in ${launchMs.toFixed(0)} ms`);
    } finally {
      await browser.close();
    }
  }, 200_000);
});
