// The node's state on disk (--state FILE, anvil_dumpState / anvil_loadState): the committed accounts
// of the head, the head's number and timestamp, and a format version. Writes are atomic: a temporary
// file in the same directory, fsync, rename over the target, fsync of the directory.
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { bytesToHex } from '../crypto/bytes.js';
import { expectObject, InputError, parseAddress, parseData, parseU256, parseU64, parseWord } from '../input/parse.js';
import type { AccountInit, WorldState } from '../system/world.js';
import { WorldState as World } from '../system/world.js';

export const STATE_FORMAT = 'zkos-node-state';
export const STATE_VERSION = 1;

export interface DumpedAccount {
  nonce: string;
  balance: string;
  code: string;
  storage: Record<string, string>;
}

export interface DumpedState {
  format: typeof STATE_FORMAT;
  version: number;
  chainId: string;
  block: { number: string; timestamp: string };
  accounts: Record<string, DumpedAccount>;
}

const q = (v: bigint): string => '0x' + v.toString(16);
const w = (v: bigint): string => '0x' + v.toString(16).padStart(64, '0');

/** The committed state of `world` as a dump. */
export function dumpWorld(world: WorldState, chainId: bigint, number: bigint, timestamp: bigint): DumpedState {
  const accounts: Record<string, DumpedAccount> = {};
  for (const [a, { account, storage }] of world.committedAccounts()) {
    const st: Record<string, string> = {};
    for (const [k, v] of storage) st[w(k)] = w(v);
    accounts['0x' + a.toString(16).padStart(40, '0')] = {
      nonce: q(account.nonce),
      balance: q(account.balance),
      code: bytesToHex(account.code),
      storage: st,
    };
  }
  return {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    chainId: q(chainId),
    block: { number: q(number), timestamp: q(timestamp) },
    accounts,
  };
}

/**
 * The same JSON as `JSON.stringify(dumpWorld(...))`, produced piece by piece so that a big state is
 * written without one string of its whole size.
 */
export function* dumpWorldChunks(
  world: WorldState,
  chainId: bigint,
  number: bigint,
  timestamp: bigint,
): Generator<string> {
  yield `{"format":"${STATE_FORMAT}","version":${STATE_VERSION},"chainId":"${q(chainId)}","block":{"number":"${q(number)}","timestamp":"${q(timestamp)}"},"accounts":{`;
  let first = true;
  for (const [a, { account, storage }] of world.committedAccounts()) {
    let st = '';
    for (const [k, v] of storage) st += `${st ? ',' : ''}"${w(k)}":"${w(v)}"`;
    yield `${first ? '' : ','}"0x${a.toString(16).padStart(40, '0')}":{"nonce":"${q(account.nonce)}","balance":"${q(account.balance)}","code":"${bytesToHex(account.code)}","storage":{${st}}}`;
    first = false;
  }
  yield '}}';
}

export interface LoadedState {
  readonly accounts: [bigint, AccountInit][];
  readonly chainId: bigint;
  readonly number: bigint;
  readonly timestamp: bigint;
}

/** Parses a dump, naming the offending field on bad input. */
export function parseDump(v: unknown, field = 'state'): LoadedState {
  const o = expectObject(v, field);
  if (o.format !== STATE_FORMAT) throw new InputError(`${field}.format`, `expected "${STATE_FORMAT}"`);
  if (o.version !== STATE_VERSION)
    throw new InputError(
      `${field}.version`,
      `unsupported version ${JSON.stringify(o.version)} (this node reads ${STATE_VERSION})`,
    );
  const block = expectObject(o.block, `${field}.block`);
  const accounts: [bigint, AccountInit][] = [];
  for (const [k, x] of Object.entries(expectObject(o.accounts, `${field}.accounts`))) {
    const f = `${field}.accounts.${k}`;
    const a = expectObject(x, f);
    const storage: [bigint, bigint][] = Object.entries(expectObject(a.storage ?? {}, `${f}.storage`)).map(
      ([s, val]) => [parseWord(s, `${f}.storage key`), parseWord(val, `${f}.storage.${s}`)],
    );
    accounts.push([
      parseAddress(k, `${field}.accounts key`),
      {
        nonce: parseU64(a.nonce, `${f}.nonce`),
        balance: parseU256(a.balance, `${f}.balance`),
        code: parseData(a.code ?? '0x', `${f}.code`),
        storage,
      },
    ]);
  }
  return {
    accounts,
    chainId: parseU64(o.chainId, `${field}.chainId`),
    number: parseU64(block.number, `${field}.block.number`),
    timestamp: parseU64(block.timestamp, `${field}.block.timestamp`),
  };
}

export function worldFromDump(d: LoadedState): WorldState {
  return World.fromAccounts(d.accounts);
}

/**
 * Writes the pieces to `path` atomically: a temporary file beside it, fsync, rename, fsync of the
 * directory. Whenever the process dies, `path` holds either its old content or all of the new one.
 */
export function writeFileAtomic(path: string, pieces: string | Iterable<string>): void {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    let buf = '';
    const flush = (): void => {
      const bytes = Buffer.from(buf);
      let off = 0;
      while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
      buf = '';
    };
    for (const piece of typeof pieces === 'string' ? [pieces] : pieces) {
      buf += piece;
      if (buf.length >= 1 << 16) flush();
    }
    flush();
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {}
    throw e;
  }
  closeSync(fd);
  renameSync(tmp, path);
  try {
    const dfd = openSync(dir, 'r');
    fsyncSync(dfd);
    closeSync(dfd);
  } catch {
    // some platforms cannot fsync a directory; the rename itself is still atomic
  }
}

/** Removes temporary files that writers killed mid-write left beside `path`. */
export function removeStaleTemporaries(path: string): number {
  const dir = dirname(path);
  const prefix = `.${basename(path)}.`;
  let removed = 0;
  for (const f of readdirSync(dir))
    if (f.startsWith(prefix) && f.endsWith('.tmp') && f !== `${prefix}${process.pid}.tmp`) {
      try {
        unlinkSync(join(dir, f));
        removed++;
      } catch {}
    }
  return removed;
}

export function readStateFile(path: string): LoadedState {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError('--state', `cannot read ${path}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError('--state', `${path} is not JSON: ${(e as Error).message}`);
  }
  return parseDump(json, path);
}
