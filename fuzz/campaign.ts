// A differential campaign: fast-check generates cases from a seed, each runs on both engines; a mismatch is
// shrunk by fast-check to a minimal case, reported, and (optionally) saved as a regression JSON file. After a
// finding the campaign goes on with the next seed, skipping cases whose mismatch kinds were already found.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { diffCase, type FuzzCase } from './harness.js';
import { fuzzCase } from './generator.js';
import type { FuzzFork } from './forkInputs.js';

/**
 * Mismatch kinds already reported to the engine owners (docs/robustness.md, test/fuzz/regressions/); the
 * fixed-seed batch and campaigns skip them so that they keep finding new ones. Remove a kind once fixed.
 *  - haltKind: a call transaction that halts exceptionally (OOG, INVALID, bad jump…) gets a receipt status
 *    'revert' with no haltReason (ethereumjs and geth: an exceptional halt); gas and state agree.
 */
export const KNOWN_KINDS: readonly string[] = [];

export interface Finding {
  /** Sorted mismatch kinds, e.g. "status" or "gasUsed+stateRoot". */
  signature: string;
  seed: number;
  case: FuzzCase;
  mismatches: string[];
  shrinks: number;
}

export interface CampaignOptions {
  cases: number;
  seed: number;
  level?: number;
  /** Fork both engines run (default Cancun). */
  fork?: FuzzFork;
  /** Mismatch kinds to ignore (known, reported bugs); a case fails on any other kind. */
  ignore?: readonly string[];
  /** Stop at the first finding (unit tests). */
  stopAtFirst?: boolean;
  onFinding?: (f: Finding) => void;
  onProgress?: (ran: number) => void;
}

export interface CampaignResult {
  ran: number;
  findings: Finding[];
  /** Cases whose mismatch was one already found (or ignored). */
  duplicates: number;
  outcomes: Record<string, number>;
  ms: number;
}

export async function runCampaign(opts: CampaignOptions): Promise<CampaignResult> {
  const t0 = performance.now();
  const known = new Set(opts.ignore ?? []);
  const findings: Finding[] = [];
  const outcomes: Record<string, number> = {};
  let ran = 0;
  let duplicates = 0;
  let seed = opts.seed;
  const arb = fuzzCase(opts.level ?? 2, opts.fork ?? 'Cancun');
  while (ran < opts.cases) {
    // Runs before the first failure count as cases; after it fast-check is shrinking, and a smaller case is
    // accepted only if it fails with the same mismatch kinds (so a shrink never wanders to another bug).
    let target: string | undefined;
    const prop = fc.asyncProperty(arb, async (c) => {
      const r = await diffCase(c);
      const fresh = r.kinds.filter((k) => !known.has(k));
      const sig = fresh.join('+');
      const failing = fresh.length > 0;
      if (target === undefined) {
        ran++;
        const k = r.ours.valid ? r.ours.status! : 'invalid';
        outcomes[k] = (outcomes[k] ?? 0) + 1;
        if (ran % 100 === 0) opts.onProgress?.(ran);
        if (r.mismatches.length > 0 && !failing) duplicates++;
        if (failing) target = sig;
        return !failing;
      }
      return !(failing && sig === target);
    });
    const out = await fc.check(prop, { seed, numRuns: opts.cases - ran });
    if (!out.failed || out.counterexample === null) break;
    const c = out.counterexample[0] as FuzzCase;
    const r = await diffCase(c);
    const sig = r.kinds.filter((k) => !known.has(k)).join('+');
    const f: Finding = { signature: sig, seed, case: c, mismatches: r.mismatches, shrinks: out.numShrinks };
    findings.push(f);
    for (const k of sig.split('+')) known.add(k);
    opts.onFinding?.(f);
    if (opts.stopAtFirst) break;
    seed++;
  }
  return { ran, findings, duplicates, outcomes, ms: performance.now() - t0 };
}

/** Saves a finding as test/fuzz/regressions/<name>.json (the regression test runs every file there). */
export function saveRegression(dir: string, name: string, f: Finding): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  const c: FuzzCase = { description: `seed ${f.seed}: ${f.mismatches.join('; ')}`, ...f.case };
  writeFileSync(file, JSON.stringify(c, null, 2) + '\n');
  return file;
}

/** Every regression case of a directory, by file name. */
export function loadRegressions(dir: string): [string, FuzzCase][] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch {
    return [];
  }
  return names.map((n) => [n, JSON.parse(readFileSync(join(dir, n), 'utf8')) as FuzzCase]);
}
