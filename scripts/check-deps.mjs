// Dependency direction of the library (src/ and machines/), checked by `npm run lint`: no import cycle, no
// import that points up the layers below, nothing imported from dev-only code. Type-only imports count too.
// usage: node scripts/check-deps.mjs   (exit 1 and one line per problem when the rules are broken)
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The layering, bottom to top: a module may import modules of its own layer and of the layers below it.
 * A path belongs to the layer of its longest matching prefix. Two directories straddle layers: src/input/'s
 * field parsers and argument checks are used by the world, while scenario parsing needs profiles and the
 * world; src/tx/'s rules (validity, fees, intrinsic gas) make up the profiles, while process.ts, makeTx.ts
 * and arguments.ts drive or check the runner's environment.
 */
export const LAYERS = [
  ['primitives', ['src/crypto/', 'src/encoding/']],
  ['field parsing', ['src/input/']],
  ['execution environment', ['src/ee/']],
  ['system', ['src/system/']],
  ['hooks', ['src/hooks/']],
  ['transaction rules', ['src/tx/']],
  ['forks', ['src/forks/']],
  ['profiles', ['src/profiles/']],
  ['statecharts', ['machines/']],
  ['runner', ['src/runner/']],
  ['transaction flow', ['src/tx/process.ts', 'src/tx/makeTx.ts', 'src/tx/arguments.ts', 'src/tx/l1.ts']],
  ['debugger', ['src/debug/']],
  ['scenarios', ['src/input/scenario.ts']],
  ['state tests', ['src/statetest/']],
  ['trace', ['src/trace/']],
  ['node', ['src/node/']],
  ['cli', ['src/cli/']],
  ['public API', ['src/index.ts']],
];

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function layerOf(path) {
  let best;
  LAYERS.forEach(([name, prefixes], rank) => {
    for (const p of prefixes)
      if ((path === p || path.startsWith(p)) && (best === undefined || p.length > best.prefix.length))
        best = { name, rank, prefix: p };
  });
  return best;
}

function sourceFiles(root, dir) {
  const out = [];
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...sourceFiles(root, p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

// Static `import … from`, `export … from` and dynamic `import('…')` of relative paths.
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function importsOf(root, file) {
  const text = readFileSync(join(root, file), 'utf8');
  const out = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    const target = relative(root, resolve(root, dirname(file), spec)).replace(/\.js$/, '.ts');
    out.push(target);
  }
  return out;
}

/** Checks the tree at `root` (default: this repository); returns the number of files and one line per problem. */
export function check(root = ROOT) {
  const files = [...sourceFiles(root, 'src'), ...sourceFiles(root, 'machines')];
  const known = new Set(files);
  const graph = new Map();
  const problems = [];
  for (const file of files) {
    const from = layerOf(file);
    if (from === undefined)
      problems.push(`${file}: in no layer (add its directory to LAYERS in scripts/check-deps.mjs)`);
    const targets = [];
    for (const target of importsOf(root, file)) {
      if (!known.has(target)) {
        problems.push(`${file} imports ${target}: outside the library (src/, machines/)`);
        continue;
      }
      targets.push(target);
      const to = layerOf(target);
      if (from && to && to.rank > from.rank)
        problems.push(`${file} (${from.name}) imports ${target} (${to.name}): an upward import`);
    }
    graph.set(file, targets);
  }
  for (const cycle of cycles(graph)) problems.push(`import cycle: ${[...cycle, cycle[0]].join(' -> ')}`);
  return { files: files.length, problems };
}

/** One cycle per strongly connected component with more than one file (or a self-import); Tarjan's algorithm. */
function cycles(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  let next = 0;
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) !== index.get(v)) return;
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(pathWithin(graph, new Set(component)));
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

/** A concrete cycle inside a strongly connected component, for the message. */
function pathWithin(graph, component) {
  const start = [...component].sort()[0];
  const prev = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift();
    for (const w of graph.get(v) ?? []) {
      if (!component.has(w)) continue;
      if (w === start) {
        const path = [];
        for (let x = v; x !== null; x = prev.get(x)) path.unshift(x);
        return path;
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { files, problems } = check();
  for (const p of problems) console.error(p);
  if (problems.length > 0) {
    console.error(`check-deps: ${problems.length} problem(s) in ${files} files (layers: scripts/check-deps.mjs)`);
    process.exit(1);
  }
  console.log(`check-deps: ${files} files, no cycle, no upward import`);
}
