// `npm run fuzz -- [options]`: long differential campaigns, the hostile-execution report and the bad-input
// property at scale.
//
//   node dist/fuzz/main.js [diff] --cases N --seed S [--fork Cancun|Prague|Osaka] [--level L] [--save DIR] [--ignore kind,kind]
//   node dist/fuzz/main.js hostile [--only NAME]     time and peak memory of each hostile scenario
//   node dist/fuzz/main.js badinput --cases N --seed S
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { main as cliMain } from '../src/cli/main.js';
import { checkCli, mutationArb } from './badInput.js';
import { KNOWN_KINDS, runCampaign, saveRegression } from './campaign.js';
import { hostileScenarios, runHostile } from './hostile.js';

function flag(argv: string[], name: string, def?: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : def;
}

function int(argv: string[], name: string, def: number): number {
  const v = flag(argv, name);
  if (v === undefined) return def;
  if (!/^[0-9]+$/.test(v)) {
    console.error(`fuzz: ${name} must be a non-negative integer, got '${v}'`);
    process.exit(2);
  }
  return Number(v);
}

async function diff(argv: string[]): Promise<number> {
  const cases = int(argv, '--cases', 1000);
  const seed = int(argv, '--seed', Date.now() % 1_000_000);
  const level = int(argv, '--level', 2);
  const save = flag(argv, '--save');
  const ignore = (flag(argv, '--ignore') ?? KNOWN_KINDS.join(',')).split(',').filter(Boolean);
  const fork = flag(argv, '--fork', 'Cancun')!;
  if (fork !== 'Cancun' && fork !== 'Prague' && fork !== 'Osaka') {
    console.error(`fuzz: --fork must be Cancun, Prague or Osaka, got '${fork}'`);
    return 2;
  }
  console.log(
    `differential campaign: ${fork}, ${cases} cases, seed ${seed}, level ${level}, ignoring [${ignore.join(', ')}]`,
  );
  const r = await runCampaign({
    cases,
    seed,
    level,
    fork,
    ignore,
    onProgress: (n) => process.stderr.write(`\r${n}/${cases}`),
    onFinding: (f) => {
      console.log(`\nMISMATCH [${f.signature}] seed ${f.seed}, shrunk ${f.shrinks} times:`);
      for (const m of f.mismatches) console.log(`  ${m}`);
      console.log(JSON.stringify(f.case, null, 1));
      if (save) console.log(`saved ${saveRegression(save, `seed${f.seed}-${f.signature.replace(/\+/g, '-')}`, f)}`);
    },
  });
  process.stderr.write('\n');
  console.log(`${r.ran} cases in ${(r.ms / 1000).toFixed(1)} s; outcomes ${JSON.stringify(r.outcomes)}`);
  console.log(`${r.findings.length} new mismatch kinds; ${r.duplicates} cases with already-known kinds`);
  return r.findings.length > 0 ? 1 : 0;
}

async function hostile(argv: string[]): Promise<number> {
  const only = flag(argv, '--only');
  if (only !== undefined) {
    // Child mode: one scenario, a JSON line with time and peak RSS of this process.
    const s = hostileScenarios().find((x) => x.name === only);
    if (!s) {
      console.error(`fuzz hostile: no scenario '${only}'`);
      return 2;
    }
    const rssBefore = process.memoryUsage().rss;
    const r = runHostile(s);
    console.log(
      JSON.stringify({
        name: s.name,
        description: s.description,
        ms: Math.round(r.ms),
        gasUsed: String(r.gasUsed),
        txs: r.results.length,
        maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
        rssBeforeMiB: Math.round(rssBefore / 2 ** 20),
        problems: r.problems,
        statuses: r.results.map((x) => (x.valid ? x.status : x.error.code)),
      }),
    );
    return r.problems.length ? 1 : 0;
  }
  const self = fileURLToPath(import.meta.url);
  let failed = 0;
  console.log('| scenario | gas used | time | peak RSS | result |\n| --- | ---: | ---: | ---: | --- |');
  for (const s of hostileScenarios()) {
    const p = spawnSync(process.execPath, ['--max-old-space-size=4096', self, 'hostile', '--only', s.name], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    const line = p.stdout.trim().split('\n').at(-1) ?? '';
    try {
      const j = JSON.parse(line) as {
        ms: number;
        gasUsed: string;
        maxRssMiB: number;
        problems: string[];
        statuses: string[];
      };
      if (j.problems.length) failed++;
      console.log(
        `| ${s.name} | ${j.gasUsed} | ${j.ms} ms | ${j.maxRssMiB} MiB | ${j.problems.length ? 'FAIL: ' + j.problems.join('; ') : 'ok (' + j.statuses.join(', ') + ')'} |`,
      );
    } catch {
      failed++;
      console.log(`| ${s.name} | – | – | – | crashed: ${(p.stderr || line).split('\n').slice(0, 3).join(' ')} |`);
    }
  }
  return failed ? 1 : 0;
}

async function badinput(argv: string[]): Promise<number> {
  const cases = int(argv, '--cases', 5000);
  const seed = int(argv, '--seed', Date.now() % 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'zkos-badinput-'));
  const t0 = performance.now();
  let n = 0;
  const codes: Record<string, number> = {};
  try {
    const out = await fc.check(
      fc.asyncProperty(mutationArb(), async (m) => {
        n++;
        const r = await checkCli(m, dir, cliMain);
        codes[String(r.code)] = (codes[String(r.code)] ?? 0) + 1;
        if (r.problems.length) console.log(`${m.doc}: ${m.what}: ${r.problems.join('; ')}`);
        return r.problems.length === 0;
      }),
      { numRuns: cases, seed },
    );
    console.log(
      `${n} CLI runs (incl. shrinking) in ${((performance.now() - t0) / 1000).toFixed(1)} s, exit codes ${JSON.stringify(codes)}`,
    );
    if (out.failed) {
      console.log(`FAILED: ${fc.defaultReportMessage(out)}`);
      return 1;
    }
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [cmd, ...rest] = process.argv.slice(2);
const run =
  cmd === 'hostile'
    ? hostile(rest)
    : cmd === 'badinput'
      ? badinput(rest)
      : diff(cmd === 'diff' || cmd === undefined ? rest : [cmd, ...rest]);
process.exitCode = await run;
