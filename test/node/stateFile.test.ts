// The state file format: streamed and whole dumps agree, and parsing names the bad field.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, WorldState } from '../../src/index.js';
import { dumpWorld, dumpWorldChunks, parseDump, worldFromDump, writeFileAtomic } from '../../src/node/stateFile.js';
import { worldStateRoot } from '../../src/statetest/runCase.js';

const world = WorldState.fromAccounts([
  [0xa11cen, { balance: 5n, nonce: 2n }],
  [
    0xc0den,
    {
      code: Uint8Array.of(0x60, 0x00),
      storage: [
        [1n, 2n],
        [3n, 4n],
      ],
    },
  ],
]);

describe('state file', () => {
  it('writes the same JSON streamed as whole, and loads it back to the same state root', () => {
    const whole = JSON.stringify(dumpWorld(world, 31337n, 7n, 9n));
    expect([...dumpWorldChunks(world, 31337n, 7n, 9n)].join('')).toBe(whole);
    const file = join(mkdtempSync(join(tmpdir(), 'zkos-state-')), 's.json');
    writeFileAtomic(file, dumpWorldChunks(world, 31337n, 7n, 9n));
    const loaded = parseDump(JSON.parse(readFileSync(file, 'utf8')));
    expect(loaded.number).toBe(7n);
    expect(worldStateRoot(worldFromDump(loaded))).toEqual(worldStateRoot(world));
  });

  it('names the offending field of a bad dump', () => {
    const good = dumpWorld(world, 1n, 0n, 0n);
    expect(() => parseDump({ ...good, version: 2 })).toThrow(/state\.version/);
    const bad = JSON.parse(JSON.stringify(good));
    bad.accounts['0x0000000000000000000000000000000000a11ce0'] = { nonce: 'x', balance: '0x0' };
    expect(() => parseDump(bad)).toThrow(InputError);
    expect(() => parseDump(bad)).toThrow(/nonce/);
  });
});
