// Summarises a V8 .cpuprofile (from `node --cpu-prof`): functions by self time, as in docs/performance.md.
// Usage: node dist/bench/profileSummary.js FILE.cpuprofile [top=25]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export function summarise(p: Profile, top: number): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const agg = new Map<string, number>();
  for (const [id, t] of self) {
    const f = byId.get(id)!.callFrame;
    const url = f.url.replace(/^file:\/\/.*?\/(dist|node_modules)\//, '$1/');
    const key = `${f.functionName || '(anonymous)'}  ${url}:${f.lineNumber + 1}`;
    agg.set(key, (agg.get(key) ?? 0) + t);
  }
  const rows = [...agg].sort((a, b) => b[1] - a[1]).slice(0, top);
  return rows
    .map(([k, t]) => `${((100 * t) / total).toFixed(1).padStart(5)}%  ${(t / 1000).toFixed(0).padStart(6)} ms  ${k}`)
    .join('\n');
}

const file = process.argv[2];
if (file) {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  process.stdout.write(summarise(p, Number(process.argv[3] ?? 25)) + '\n');
}
