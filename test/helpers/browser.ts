// Finds and launches the headless Chromium of the browser tests, so `npm test` runs them on a machine that has
// only Node and npm. Order:
//   1. ZKOS_CHROMIUM (a path to a Chromium/Chrome binary);
//   2. a Chromium or Chrome installed on the system (/usr/bin/chromium, google-chrome, …, or on PATH);
//   3. the headless Chromium shipped inside the npm devDependency @sparticuz/chromium (a brotli'd binary in
//      the package: no download). It is unpacked once per package version into <tmpdir>/zkos-chromium-<ver>/,
//      by a child process (the package picks its target directory from TMPDIR), under a lock directory so
//      parallel test workers never see a half-written binary.
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';

type BrowserSource = 'ZKOS_CHROMIUM' | 'system' | '@sparticuz/chromium';

export interface BrowserChoice {
  readonly source: BrowserSource;
  readonly executablePath: string;
  readonly args: readonly string[];
  /** Extra environment for the browser process (fontconfig of the packaged browser). */
  readonly env?: Readonly<Record<string, string>>;
}

/** Flags every launch gets: no sandbox (CI runs as root), no GPU, nothing phoned home. */
const COMMON_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
];
const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function isExecutable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** A Chromium or Chrome installed on this system, or undefined. */
export function findSystemBrowser(): string | undefined {
  for (const p of SYSTEM_PATHS) if (isExecutable(p)) return p;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const n of SYSTEM_NAMES) if (isExecutable(join(dir, n))) return join(dir, n);
  }
  return undefined;
}

const require = createRequire(import.meta.url);
const run = promisify(execFile);

/** Directory and version of the installed @sparticuz/chromium (its exports hide package.json), or undefined. */
function packaged(): { dir: string; version: string } | undefined {
  let dir: string;
  try {
    dir = dirname(require.resolve('@sparticuz/chromium'));
  } catch {
    return undefined;
  }
  for (; dir !== dirname(dir); dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (!existsSync(pkg)) continue;
    const json = JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string; version: string };
    if (json.name === '@sparticuz/chromium') return { dir, version: json.version };
  }
  return undefined;
}

async function sleep(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

/** Unpacks the packaged Chromium once (lock + ready marker); returns the directory holding `chromium`. */
async function unpackPackaged({ dir: pkgDir, version }: { dir: string; version: string }): Promise<string> {
  const dir = join(tmpdir(), `zkos-chromium-${version}`);
  const ready = join(dir, 'ready');
  const lock = `${dir}.lock`;
  const deadline = Date.now() + 180_000;
  while (!existsSync(ready)) {
    try {
      mkdirSync(lock); // atomic: whoever creates it unpacks
    } catch {
      // Someone else is unpacking; a lock older than 3 minutes belongs to a dead process.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 180_000)
        rmSync(lock, { force: true, recursive: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock} (another test unpacking Chromium)`);
      await sleep(200);
      continue;
    }
    try {
      if (existsSync(ready)) break;
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      // The package unpacks into os.tmpdir(): run it in a child whose TMPDIR is our directory. Telling it that
      // it runs on Amazon Linux 2023 makes it also unpack the libraries the binary needs beyond glibc (NSS,
      // NSPR, expat) into al2023/lib, which a machine with only Node may lack.
      const script =
        "import('@sparticuz/chromium').then((m) => m.default.executablePath()).then((p) => console.log(p))";
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
        cwd: pkgDir,
        env: { ...process.env, TMPDIR: dir, AWS_LAMBDA_JS_RUNTIME: 'nodejs20.x' },
        timeout: 170_000,
      });
      if (!existsSync(join(dir, 'al2023', 'lib', 'libnss3.so'))) throw new Error(`no NSS libraries in ${dir}/al2023`);
      if (stdout.trim() !== join(dir, 'chromium'))
        throw new Error(`@sparticuz/chromium unpacked to '${stdout.trim()}'`);
      // Its fonts.conf names /tmp/fonts; ours names the unpacked fonts and keeps the system's configuration.
      writeFileSync(
        join(dir, 'fonts.conf'),
        `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
          `  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n` +
          `  <dir>${join(dir, 'fonts')}</dir>\n  <cachedir>${join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
      );
      writeFileSync(ready, new Date().toISOString());
    } finally {
      rmSync(lock, { force: true, recursive: true });
    }
  }
  return dir;
}

/**
 * The packaged browser's recommended flags, minus the ones that weaken page security, the GPU ones, and
 * --single-process (meant for Lambda: there, closing one page closes the whole browser).
 */
async function packagedArgs(): Promise<string[]> {
  const { default: Chromium } = await import('@sparticuz/chromium');
  Chromium.setGraphicsMode = false;
  const drop = [
    '--disable-web-security',
    '--allow-running-insecure-content',
    '--disable-site-isolation-trials',
    '--single-process',
  ];
  return Chromium.args.filter((a) => !drop.includes(a));
}

/**
 * Picks the browser (ZKOS_CHROMIUM, then the system's, then the packaged one). Throws when there is none.
 * `packagedOnly` skips the first two (a test proves the fresh-machine path on every machine).
 */
export async function findBrowser(opts: { packagedOnly?: boolean } = {}): Promise<BrowserChoice> {
  const fromEnv = opts.packagedOnly ? undefined : process.env.ZKOS_CHROMIUM;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`ZKOS_CHROMIUM=${fromEnv} is not an executable file`);
    return { source: 'ZKOS_CHROMIUM', executablePath: fromEnv, args: ['--headless', ...COMMON_ARGS] };
  }
  const system = opts.packagedOnly ? undefined : findSystemBrowser();
  if (system) return { source: 'system', executablePath: system, args: ['--headless', ...COMMON_ARGS] };
  const pkg = packaged();
  if (!pkg)
    throw new Error(
      'no Chromium: set ZKOS_CHROMIUM, install chromium, or run `npm ci` (the devDependency @sparticuz/chromium ships one)',
    );
  const dir = await unpackPackaged(pkg);
  const args = [...new Set([...(await packagedArgs()), ...COMMON_ARGS])];
  return {
    source: '@sparticuz/chromium',
    executablePath: join(dir, 'chromium'),
    args,
    env: {
      FONTCONFIG_FILE: join(dir, 'fonts.conf'),
      // The packaged libraries first, so the browser needs nothing from the system but glibc.
      LD_LIBRARY_PATH: [join(dir, 'al2023', 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(delimiter),
    },
  };
}

/** Finds and launches the browser; `launchMs` is the time of `chromium.launch` alone. */
export async function launchBrowser(
  opts: { packagedOnly?: boolean } = {},
): Promise<{ browser: Browser; choice: BrowserChoice; launchMs: number }> {
  const choice = await findBrowser(opts);
  const t0 = performance.now();
  const browser = await chromium.launch({
    executablePath: choice.executablePath,
    args: [...choice.args],
    ...(choice.env ? { env: { ...process.env, ...choice.env } as Record<string, string> } : {}),
  });
  return { browser, choice, launchMs: performance.now() - t0 };
}
