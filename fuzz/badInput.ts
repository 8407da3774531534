// Mutations of valid scenario and state-test files that must be rejected: the CLI has to exit 2 with a
// message naming the offending field, never crash, never print a stack trace, never write an output file.
import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

/** A small valid scenario touching every field kind (docs/scenario.md). */
export const BASE_SCENARIO: Json = {
  description: 'bad-input base',
  profile: 'ethereum',
  block: {
    coinbase: '0x' + 'cb'.repeat(20),
    number: '0x10',
    timestamp: '1000',
    gasLimit: '0x1c9c380',
    baseFee: '0x7',
    prevRandao: '0x0',
    difficulty: '0x0',
    chainId: '0x1',
    blobBaseFee: '0x1',
    excessBlobGas: '0x0',
  },
  pre: {
    ['0x' + 'aa'.repeat(20)]: { balance: '0xde0b6b3a7640000', nonce: '0x0' },
    ['0x' + 'bb'.repeat(20)]: { balance: '0x0', nonce: '0x1', code: '0x600160005500', storage: { '0x01': '0x02' } },
  },
  labels: { ['0x' + 'aa'.repeat(20)]: 'alice' },
  transactions: [
    {
      label: 'call',
      from: '0x' + 'aa'.repeat(20),
      to: '0x' + 'bb'.repeat(20),
      data: '0x00',
      value: '0x0',
      gasLimit: '0x186a0',
      gasPrice: '0xa',
      accessList: [{ address: '0x' + 'bb'.repeat(20), storageKeys: ['0x01'] }],
    },
    {
      from: '0x' + 'aa'.repeat(20),
      input: '0x6000',
      gas: '100000',
      maxFeePerGas: '0xa',
      maxPriorityFeePerGas: '0x1',
      nonce: '0x1',
      type: '0x2',
    },
  ],
};

/** A small valid state-test file (one Cancun case). */
export const BASE_STATETEST: Json = {
  badinput: {
    env: {
      currentCoinbase: '0x' + '2a'.repeat(20),
      currentDifficulty: '0x20000',
      currentNumber: '0x01',
      currentTimestamp: '0x03e8',
      currentGasLimit: '0x05f5e100',
      currentBaseFee: '0x0a',
      currentRandom: '0x' + '00'.repeat(32),
      currentExcessBlobGas: '0x00',
    },
    pre: {
      '0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b': {
        balance: '0x0de0b6b3a7640000',
        nonce: '0x00',
        code: '0x',
        storage: {},
      },
      ['0x' + 'bb'.repeat(20)]: { balance: '0x00', nonce: '0x01', code: '0x600160005500', storage: { '0x01': '0x02' } },
    },
    transaction: {
      data: ['0x', '0x00'],
      gasLimit: ['0x0186a0'],
      gasPrice: '0x0a',
      nonce: '0x00',
      secretKey: '0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8',
      to: '0x' + 'bb'.repeat(20),
      value: ['0x00'],
    },
    post: {
      Cancun: [{ hash: '0x' + '11'.repeat(32), logs: '0x' + '22'.repeat(32), indexes: { data: 0, gas: 0, value: 0 } }],
    },
  },
};

export type DocKind = 'scenario' | 'statetest';

/** One mutation: the resulting file text and the words one of which the error message must contain. */
export interface Mutation {
  doc: DocKind;
  what: string;
  text: string;
  names: string[];
}

const ADDRESS_KEYS = new Set(['from', 'to', 'coinbase', 'address', 'currentCoinbase', 'sender']);
const DATA_KEYS = new Set(['code', 'data', 'input', 'txbytes']);
const WORD_KEYS = new Set(['hash', 'logs', 'secretKey']);
/** Quantities with an upper bound (2^64-1 or 2^256-1): above it is an error, not a transaction to validate. */
const BOUNDED: Record<DocKind, Set<string>> = {
  scenario: new Set([
    'balance',
    'nonce',
    'value',
    'gasLimit',
    'gas',
    'gasPrice',
    'maxFeePerGas',
    'maxPriorityFeePerGas',
    'number',
    'timestamp',
    'baseFee',
    'difficulty',
    'chainId',
    'blobBaseFee',
    'excessBlobGas',
    'type',
    'prevRandao',
  ]),
  statetest: new Set([
    'balance',
    'nonce',
    'currentDifficulty',
    'currentNumber',
    'currentTimestamp',
    'currentGasLimit',
    'currentBaseFee',
    'currentExcessBlobGas',
  ]),
};
/** Fields whose absence is an error. */
const REQUIRED: Record<DocKind, (path: Path) => boolean> = {
  scenario: (p) =>
    (p.length === 1 && p[0] === 'transactions') ||
    (p[0] === 'transactions' && p.length === 3 && p[2] === 'from') ||
    p.at(-1) === 'address',
  statetest: (p) =>
    (p.length === 2 && ['env', 'pre', 'transaction', 'post'].includes(p[1] as string)) ||
    (p[1] === 'env' &&
      p.length === 3 &&
      ['currentCoinbase', 'currentDifficulty', 'currentNumber', 'currentTimestamp', 'currentGasLimit'].includes(
        p[2] as string,
      )) ||
    (p[1] === 'pre' && p.length === 4) ||
    (p[1] === 'transaction' &&
      p.length === 3 &&
      ['data', 'gasLimit', 'value', 'nonce', 'to', 'secretKey', 'gasPrice'].includes(p[2] as string)) ||
    (p[1] === 'post' && p.length === 5 && ['hash', 'logs', 'indexes'].includes(p[4] as string)) ||
    (p.at(-2) === 'indexes' && p.length === 6),
};
/** Objects with a fixed set of keys (an unknown key is an error); maps keyed by data are not among them. */
const RECORD: Record<DocKind, (path: Path) => boolean> = {
  scenario: (p) =>
    p.length === 0 ||
    (p.length === 1 && p[0] === 'block') ||
    (p[0] === 'pre' && p.length === 2) ||
    (p[0] === 'transactions' && p.length === 2) ||
    (p.includes('accessList') && p.length === 4),
  statetest: (p) =>
    p.length === 1 ||
    (p[1] === 'pre' && p.length === 3) ||
    (p[1] === 'transaction' && p.length === 2) ||
    (p[1] === 'post' && p.length === 4) ||
    p.at(-1) === 'indexes',
};
/** Values not parsed as hex (free text, names). */
const FREE_TEXT = new Set(['description', 'label', 'profile']);

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

function walk(j: Json, path: Path, visit: (path: Path, v: Json) => void): void {
  visit(path, j);
  if (Array.isArray(j))
    j.forEach((v, i) => {
      walk(v, [...path, i], visit);
    });
  else if (j !== null && typeof j === 'object') for (const [k, v] of Object.entries(j)) walk(v, [...path, k], visit);
}

function parentOf(root: Json, path: Path): { [k: string]: Json } | Json[] {
  let cur = root as { [k: string]: Json } | Json[];
  for (const k of path.slice(0, -1)) cur = (cur as Record<string | number, Json>)[k] as { [k: string]: Json } | Json[];
  return cur;
}

function setAt(root: Json, path: Path, v: Json | undefined): Json {
  const r = clone(root);
  const parent = parentOf(r, path) as Record<string | number, Json>;
  if (v === undefined) delete parent[path.at(-1)!];
  else parent[path.at(-1)!] = v;
  return r;
}

function renameKey(root: Json, path: Path, newKey: string): Json {
  const r = clone(root);
  const parent = parentOf(r, path) as Record<string, Json>;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(parent)) out[k === path.at(-1) ? newKey : k] = v;
  for (const k of Object.keys(parent)) delete parent[k];
  Object.assign(parent, out);
  return r;
}

/** The field name a message must mention: the last key (or, for an array element, `key[i]`'s key). */
function namesOf(path: Path): string[] {
  const last = path.at(-1);
  if (typeof last === 'number') return [`[${last}]`];
  return [String(last)];
}

const HEX_GARBAGE = ['0xzz', '-0x1', '-1', '0x0x12', ' 0x01', '0x01 ', '0xg0', '0x1é', '0X'];
const WRONG_TYPES: Json[] = [1, 1.5, true, [], {}, ['0x01'], { x: '0x01' }];

/** Every mutation of a base document, each deterministic; `variant` picks among replacement values. */
export function mutations(doc: DocKind, variant: number): Mutation[] {
  const base = doc === 'scenario' ? BASE_SCENARIO : BASE_STATETEST;
  const isStateTest = doc === 'statetest';
  const rel = (p: Path): Path => p; // paths are absolute (the state test's first segment is the test name)
  const out: Mutation[] = [];
  const pick = <T>(xs: readonly T[]): T => xs[variant % xs.length]!;
  const add = (what: string, json: Json, names: string[]): void => {
    out.push({ doc, what, text: JSON.stringify(json, null, 1), names });
  };
  walk(base, [], (path, v) => {
    const p = rel(path);
    const key = p.at(-1);
    const keyName = typeof key === 'string' ? key : typeof p.at(-2) === 'string' ? (p.at(-2) as string) : '';
    if (p.length > 0 && typeof v === 'string' && !FREE_TEXT.has(keyName)) {
      // wrong type in place of a string
      const wt = pick(WRONG_TYPES);
      add(`${p.join('.')} = ${JSON.stringify(wt)} (wrong type)`, setAt(base, p, wt), namesOf(p));
      if (v.startsWith('0x')) {
        const g = pick(HEX_GARBAGE);
        if (!(g === '' && key === 'to'))
          add(`${p.join('.')} = ${JSON.stringify(g)} (bad hex)`, setAt(base, p, g), namesOf(p));
        if (ADDRESS_KEYS.has(keyName))
          add(
            `${p.join('.')} = 0x1234 (address of the wrong length)`,
            setAt(base, p, pick(['0x1234', '0x' + '12'.repeat(21), '0x' + '1'.repeat(39)])),
            namesOf(p),
          );
        if (DATA_KEYS.has(keyName)) add(`${p.join('.')} odd-length hex`, setAt(base, p, v + '0'), namesOf(p));
        if (WORD_KEYS.has(keyName))
          add(`${p.join('.')} = 31 bytes`, setAt(base, p, '0x' + 'ab'.repeat(31)), namesOf(p));
        const boundedHere =
          (BOUNDED[doc].has(keyName) && !(isStateTest && p[1] === 'transaction')) ||
          (!isStateTest && (p.includes('storage') || p.includes('storageKeys')));
        if (boundedHere)
          add(
            `${p.join('.')} = 2^256 (above the field's bound)`,
            setAt(
              base,
              p,
              pick(
                [
                  '0x1' + '0'.repeat(64),
                  '0x' + 'f'.repeat(65),
                  '115792089237316195423570985008687907853269984665640564039457584007913129639936',
                ].filter((x) => !isStateTest || x.startsWith('0x')),
              ),
            ),
            namesOf(p),
          );
      }
    }
    if (p.length > 0 && v !== null && typeof v === 'object') {
      // object → another type; array → another type
      const wt = Array.isArray(v) ? pick<Json>(['0x01', 1, { a: 1 }]) : pick<Json>(['0x01', 1, [1], true]);
      if (!(isStateTest && p.length === 1))
        add(`${p.join('.')} = ${JSON.stringify(wt)} (wrong type)`, setAt(base, p, wt), namesOf(p));
    }
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && RECORD[doc](p)) {
      const r = clone(base);
      let target: Json = r;
      for (const k of p) target = (target as Record<string | number, Json>)[k]!;
      (target as Record<string, Json>).bogusField = '0x00';
      add(`${p.join('.') || '(top)'}.bogusField (unknown field)`, r, ['bogusField']);
    }
    if (p.length > 0 && REQUIRED[doc](p))
      add(`${p.join('.')} removed (missing field)`, setAt(base, p, undefined), namesOf(p));
    // address keys of maps (pre, labels): wrong length / not hex
    if ((p.at(-2) === 'pre' || p.at(-2) === 'labels') && typeof key === 'string') {
      const bad = pick(['0x1234', '0xzz' + 'aa'.repeat(19), 'aa'.repeat(20)]);
      add(`${p.join('.')} key → ${bad}`, renameKey(base, p, bad), [bad]);
    }
  });
  return out;
}

/** Text-level damage: truncation and garbage insertion (kept only if the result is not valid JSON). */
export function textMutation(doc: DocKind, pos: number, garbage: string): Mutation | null {
  const text = JSON.stringify(doc === 'scenario' ? BASE_SCENARIO : BASE_STATETEST, null, 1);
  const at = pos % text.length;
  const candidates = [text.slice(0, at), text.slice(0, at) + garbage + text.slice(at)];
  const t = candidates[pos % 2]!;
  try {
    JSON.parse(t);
    return null;
  } catch {
    return { doc, what: `text damaged at ${at}`, text: t, names: ['JSON'] };
  }
}

/** The arbitrary of mutations the property test draws from. */
export function mutationArb(): fc.Arbitrary<Mutation> {
  const structural = fc
    .record({ doc: fc.constantFrom<DocKind>('scenario', 'statetest'), variant: fc.nat(50), index: fc.nat() })
    .map(({ doc, variant, index }) => {
      const all = mutations(doc, variant);
      return all[index % all.length]!;
    });
  const textual = fc
    .record({
      doc: fc.constantFrom<DocKind>('scenario', 'statetest'),
      pos: fc.nat(100_000),
      garbage: fc.constantFrom('{', '}', ',', ':', '"', 'x', ']', '\u0000', 'NaN', '0x'),
    })
    .map(({ doc, pos, garbage }) => textMutation(doc, pos, garbage))
    .filter((m): m is Mutation => m !== null);
  return fc.oneof({ weight: 4, arbitrary: structural }, { weight: 1, arbitrary: textual });
}

export interface CliCheck {
  code: number | 'threw';
  stderr: string;
  stdout: string;
  /** Why the run is not acceptable; empty when it is. */
  problems: string[];
}

/**
 * Writes the mutated file into `dir` and runs `zkos run <file> -q --out <dir>/out.json` or
 * `zkos statetest <file>` in-process, capturing everything printed. Acceptable: exit 2, a message naming
 * the field (one of `m.names`), no stack trace, no output file written.
 */
export async function checkCli(
  m: Mutation,
  dir: string,
  main: (argv: readonly string[]) => Promise<number>,
): Promise<CliCheck> {
  const { writeFileSync, existsSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const file = join(dir, m.doc === 'scenario' ? 'scenario.json' : 'statetest.json');
  const outFile = join(dir, 'out.json');
  rmSync(outFile, { force: true });
  writeFileSync(file, m.text);
  let stderr = '';
  let stdout = '';
  const saved = {
    error: console.error,
    log: console.log,
    warn: console.warn,
    out: process.stdout.write,
    err: process.stderr.write,
  };
  console.error = (...a: unknown[]) => {
    stderr += a.join(' ') + '\n';
  };
  console.warn = console.error;
  console.log = (...a: unknown[]) => {
    stdout += a.join(' ') + '\n';
  };
  process.stdout.write = ((s: string | Uint8Array) => {
    stdout += String(s);
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((s: string | Uint8Array) => {
    stderr += String(s);
    return true;
  }) as typeof process.stderr.write;
  let code: number | 'threw';
  let thrown = '';
  try {
    code = await main(m.doc === 'scenario' ? ['run', file, '-q', '--out', outFile] : ['statetest', file]);
  } catch (e) {
    code = 'threw';
    thrown = (e as Error).stack ?? String(e);
  } finally {
    console.error = saved.error;
    console.log = saved.log;
    console.warn = saved.warn;
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
  }
  const problems: string[] = [];
  if (code === 'threw') problems.push(`unhandled exception: ${thrown.split('\n').slice(0, 3).join(' | ')}`);
  else if (code !== 2) problems.push(`exit ${code}, expected 2`);
  if (!m.names.some((n) => stderr.includes(n)))
    problems.push(`message does not name ${m.names.join(' or ')}: ${JSON.stringify(stderr.slice(0, 300))}`);
  if (/\n\s+at .+:\d+:\d+\)?/.test(stderr + stdout)) problems.push('printed a stack trace');
  if (existsSync(outFile)) problems.push('wrote an output file');
  return { code, stderr, stdout, problems };
}
