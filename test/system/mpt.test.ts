import { createMPT } from '@ethereumjs/mpt';
import { RLP } from '@ethereumjs/rlp';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '../../src/crypto/bytes.js';
import { KECCAK_EMPTY } from '../../src/crypto/keccak.js';
import { EMPTY_TRIE_ROOT, secureTrieRoot, secureTrieRootOf, trieRoot } from '../../src/system/mpt.js';
import { logsHash, stateRoot, storageRoot, type AccountForRoot } from '../../src/system/stateRoot.js';

const EMPTY_ROOT_HEX = '0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421';
const EMPTY_LOGS_HEX = '0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347';

const te = new TextEncoder();
/** A fixture token as in ethereum/tests TrieTests: 0x-prefixed → hex bytes, else UTF-8. */
const tok = (t: string): Uint8Array => (t.startsWith('0x') ? hexToBytes(t) : te.encode(t));
const pairs = (kv: Array<[string, string]>): Array<[Uint8Array, Uint8Array]> => kv.map(([k, v]) => [tok(k), tok(v)]);

/** Deterministic PRNG (xorshift32). */
function prng(seed: number): (n: number) => number {
  let x = seed >>> 0 || 1;
  return (n: number) => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % n;
  };
}

function randomBytes(rnd: (n: number) => number, len: number, alphabet = 256): Uint8Array {
  const b = new Uint8Array(len);
  for (let i = 0; i < len; i++) b[i] = rnd(alphabet);
  return b;
}

/** Root from the independent oracle (@ethereumjs/mpt). */
async function oracleRoot(entries: Array<[Uint8Array, Uint8Array]>, secure = false): Promise<string> {
  const trie = await createMPT({ useKeyHashing: secure });
  for (const [k, v] of entries) if (v.length > 0) await trie.put(k, v);
  return bytesToHex(trie.root());
}

/**
 * ethereum/tests TrieTests (trieanyorder.json / trietest.json) and the go-ethereum trie tests.
 * Insertion streams with deletions are given as their final key set (a null value deletes).
 */
const KNOWN: Array<[name: string, kv: Array<[string, string]>, root: string]> = [
  ['emptyValues / empty', [], EMPTY_ROOT_HEX],
  [
    'singleItem',
    [['A', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']],
    '0xd23786fb4a010da3ce639d66d5e904a11dbc02746d1ce25029e53290cabf28ab',
  ],
  ['single small key', [['0x010203', 'hello']], '0x82c8fd36022fbc91bd6b51580cfd941d3d9994017d59ab2e8293ae9c94c3ab6e'],
  [
    'dogs',
    [
      ['doe', 'reindeer'],
      ['dog', 'puppy'],
      ['dogglesworth', 'cat'],
    ],
    '0x8aad789dff2f538bca5d8ea56e8abe10f4c7ba3a5dea95fea4cd6e7c3a1168d3',
  ],
  [
    'puppy',
    [
      ['do', 'verb'],
      ['horse', 'stallion'],
      ['doge', 'coin'],
      ['dog', 'puppy'],
    ],
    '0x5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84',
  ],
  [
    'emptyValues (ether and shaman deleted via empty values)',
    [
      ['do', 'verb'],
      ['ether', ''],
      ['horse', 'stallion'],
      ['shaman', ''],
      ['doge', 'coin'],
      ['dog', 'puppy'],
    ],
    '0x5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84',
  ],
  [
    'foo',
    [
      ['foo', 'bar'],
      ['food', 'bass'],
    ],
    '0x17beaa1648bafa633cda809c90c04af50fc8aed3cb40d16efbddee6fdf63c4c3',
  ],
  [
    'branchValueUpdate',
    [
      ['abc', 'abc'],
      ['abcd', 'abcd'],
    ],
    '0x7a320748f780ad9ad5b0837302075ce0eeba6c26e3d8562c67ccc0f1b273298a',
  ],
  [
    'insert-middle-leaf',
    [
      ['key1aa', '0123456789012345678901234567890123456789xxx'],
      ['key1', '0123456789012345678901234567890123456789Very_Long'],
      ['key2bb', 'aval3'],
      ['key2', 'short'],
      ['key3cc', 'aval3'],
      ['key3', '1234567890123456789012345678901'],
    ],
    '0xcb65032e2f76c48b82b5c24b3db8f670ce73982869d38cd39a624f23d62a9e89',
  ],
  [
    'hex',
    [
      ['0x0045', '0x0123456789'],
      ['0x4500', '0x9876543210'],
    ],
    '0x285505fcabe84badc8aa310e2aae17eddc7d120aabec8a476902c8184b3a3503',
  ],
];

describe('trieRoot: known vectors', () => {
  it('empty trie root', () => {
    expect(bytesToHex(EMPTY_TRIE_ROOT)).toBe(EMPTY_ROOT_HEX);
    expect(bytesToHex(trieRoot([]))).toBe(EMPTY_ROOT_HEX);
    expect(bytesToHex(secureTrieRoot([]))).toBe(EMPTY_ROOT_HEX);
    expect(bytesToHex(trieRoot([[tok('a'), new Uint8Array(0)]]))).toBe(EMPTY_ROOT_HEX);
  });

  it.each(KNOWN)('%s', (_name, kv, root) => {
    expect(bytesToHex(trieRoot(pairs(kv)))).toBe(root);
  });

  it.each(KNOWN)('%s: independent of entry order', (_name, kv, root) => {
    expect(bytesToHex(trieRoot(pairs([...kv].reverse())))).toBe(root);
  });

  it.each(KNOWN)('%s: matches @ethereumjs/mpt', async (_name, kv, root) => {
    expect(await oracleRoot(pairs(kv))).toBe(root);
  });

  it('secure trie (parity triehash sec_trie_root vector)', () => {
    const kv = pairs([
      ['doe', 'reindeer'],
      ['dog', 'puppy'],
      ['dogglesworth', 'cat'],
    ]);
    expect(bytesToHex(secureTrieRoot(kv))).toBe('0xd4cd937e4a4368d7931a9cf51686b7e10abb3dce38a39000fd7902a092b64585');
  });

  it('secureTrieRootOf (parallel arrays) equals secureTrieRoot, empty values absent', () => {
    const kv = pairs([
      ['doe', 'reindeer'],
      ['dog', 'puppy'],
      ['cat', ''],
      ['dogglesworth', 'cat'],
    ]);
    const root = bytesToHex(
      secureTrieRootOf(
        kv.map((e) => e[0]),
        kv.map((e) => e[1]),
      ),
    );
    expect(root).toBe('0xd4cd937e4a4368d7931a9cf51686b7e10abb3dce38a39000fd7902a092b64585');
    expect(bytesToHex(secureTrieRoot(kv))).toBe(root);
    expect(() => secureTrieRootOf([tok('a')], [])).toThrow(/1 keys but 0 values/);
  });

  it('rejects duplicate keys', () => {
    expect(() =>
      trieRoot(
        pairs([
          ['dog', 'a'],
          ['dog', 'b'],
        ]),
      ),
    ).toThrow(/duplicate key 0x646f67/);
  });

  it('does not mutate or alias its inputs', () => {
    const kv = pairs([
      ['dog', 'puppy'],
      ['do', 'verb'],
    ]);
    const before = kv.map(([k, v]) => [bytesToHex(k), bytesToHex(v)]);
    const root = trieRoot(kv);
    expect(kv.map(([k, v]) => [bytesToHex(k), bytesToHex(v)])).toEqual(before);
    root.fill(0);
    expect(bytesToHex(trieRoot([]))).toBe(EMPTY_ROOT_HEX);
  });
});

describe('trieRoot: property test against @ethereumjs/mpt', () => {
  it('raw keys: random key sets with shared prefixes, prefix keys, empty keys, short and long values', async () => {
    const rnd = prng(0xc0ffee);
    for (let round = 0; round < 250; round++) {
      const n = rnd(4) === 0 ? rnd(200) : rnd(12);
      const map = new Map<string, [Uint8Array, Uint8Array]>();
      const alphabet = [2, 3, 16, 256][rnd(4)]!; // small alphabets force shared prefixes
      for (let i = 0; i < n; i++) {
        const key = randomBytes(rnd, rnd(7), alphabet);
        const vlen = [1, 1, 2, 5, 20, 31, 32, 33, 56, 100][rnd(10)]!;
        const value = randomBytes(rnd, vlen, rnd(2) ? 128 : 256);
        map.set(bytesToHex(key), [key, value]);
      }
      const entries = [...map.values()];
      expect(bytesToHex(trieRoot(entries)), `round ${round}`).toBe(await oracleRoot(entries));
    }
  }, 60_000);

  it('secure keys: random 20- and 32-byte keys', async () => {
    const rnd = prng(42);
    for (let round = 0; round < 30; round++) {
      const n = 1 + rnd(300);
      const entries: Array<[Uint8Array, Uint8Array]> = [];
      for (let i = 0; i < n; i++) entries.push([randomBytes(rnd, round & 1 ? 20 : 32), randomBytes(rnd, 1 + rnd(40))]);
      expect(bytesToHex(secureTrieRoot(entries)), `round ${round}`).toBe(await oracleRoot(entries, true));
    }
  }, 60_000);

  it('long keys and values (long-form RLP headers inside nodes)', async () => {
    const rnd = prng(7);
    for (let round = 0; round < 20; round++) {
      const entries: Array<[Uint8Array, Uint8Array]> = [];
      const prefix = randomBytes(rnd, 60 + rnd(200));
      for (let i = 0; i < 1 + rnd(6); i++) {
        const key = new Uint8Array([...prefix.subarray(0, rnd(prefix.length)), ...randomBytes(rnd, rnd(100))]);
        entries.push([key, randomBytes(rnd, 1 + rnd(400))]);
      }
      const uniq = [...new Map(entries.map((e) => [bytesToHex(e[0]), e])).values()];
      expect(bytesToHex(trieRoot(uniq)), `round ${round}`).toBe(await oracleRoot(uniq));
    }
  });

  it('10k-entry secure trie: matches the oracle; timing', async () => {
    const rnd = prng(99);
    const entries: Array<[Uint8Array, Uint8Array]> = [];
    for (let i = 0; i < 10_000; i++) entries.push([randomBytes(rnd, 32), randomBytes(rnd, 1 + rnd(33))]);
    // Pre-hashed keys, so this times the trie alone.
    const t0 = performance.now();
    const root = trieRoot(entries);
    const t1 = performance.now();
    const secure = secureTrieRoot(entries);
    const t2 = performance.now();
    console.log(`trieRoot 10k entries: ${(t1 - t0).toFixed(1)} ms; secureTrieRoot 10k: ${(t2 - t1).toFixed(1)} ms`);
    expect(bytesToHex(root)).toBe(await oracleRoot(entries));
    // The secure root is the plain root over keccak'd keys (noble keccak here).
    expect(bytesToHex(secure)).toBe(bytesToHex(trieRoot(entries.map(([k, v]) => [keccak_256(k), v]))));
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// State root, storage root, logs hash

interface FixtureAccount {
  balance: string;
  code: string;
  nonce: string;
  storage: Record<string, string>;
}

function fixtureAccounts(pre: Record<string, FixtureAccount>): AccountForRoot[] {
  return Object.entries(pre).map(([addr, a]) => ({
    address: BigInt(addr),
    nonce: BigInt(a.nonce),
    balance: BigInt(a.balance),
    codeHash: keccak_256(hexToBytes(a.code)),
    storage: Object.entries(a.storage).map(([k, v]) => [BigInt(k), BigInt(v)] as [bigint, bigint]),
  }));
}

/** Oracle: the state trie built with @ethereumjs/mpt + @ethereumjs/rlp + noble keccak. */
async function oracleStateRoot(accounts: AccountForRoot[]): Promise<string> {
  const state = await createMPT({ useKeyHashing: true });
  for (const a of accounts) {
    const st = await createMPT({ useKeyHashing: true });
    for (const [slot, value] of a.storage) {
      if (value === 0n) continue;
      await st.put(hexToBytes(slot.toString(16).padStart(64, '0')), RLP.encode(value));
    }
    const leaf = RLP.encode([a.nonce, a.balance, st.root(), a.codeHash]);
    await state.put(hexToBytes(a.address.toString(16).padStart(40, '0')), leaf);
  }
  return bytesToHex(state.root());
}

describe('stateRoot', () => {
  // Pre-states of state tests whose only Cancun transaction is invalid (expectException): the
  // state is left unchanged, so the given post `hash` is the root of `pre` itself.
  it('stExample/invalidTr: pre-state root = post hash (tx rejected)', () => {
    const pre = {
      '0x095e7baea6a6c7c4c2dfeb977efac326af552d87': {
        balance: '0x0de0b6b3a7640000',
        code: '0x600160010160005500',
        nonce: '0x00',
        storage: {},
      },
      '0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba': { balance: '0x00', code: '0x', nonce: '0x01', storage: {} },
      '0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b': {
        balance: '0x0de0b6b3a7640000',
        code: '0x',
        nonce: '0x00',
        storage: {},
      },
    };
    expect(bytesToHex(stateRoot(fixtureAccounts(pre)))).toBe(
      '0x4c9c6cf002e6a88a5444662ca9ceb6a116b7b69ced38c470bf6e4a12a6313967',
    );
  });

  it('stEIP3607/transactionCollidingWithNonEmptyAccount_init_Paris: pre-state root = post hash', () => {
    const pre = {
      '0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba': { balance: '0x00', code: '0x', nonce: '0x01', storage: {} },
      '0x6295ee1b4f6dd65047762f924ecd367c17eabf8f': { balance: '0x0a', code: '0x', nonce: '0x00', storage: {} },
      '0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b': {
        balance: '0x0de0b6b3a7640000',
        code: '0x00',
        nonce: '0x00',
        storage: {},
      },
      '0xd0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0': { balance: '0x0a', code: '0x00', nonce: '0x00', storage: {} },
    };
    expect(bytesToHex(stateRoot(fixtureAccounts(pre)))).toBe(
      '0x8dfa52e93613ae31d9dc920dcbd368d992ec5cea0eab5ff882961b15f4ebae8e',
    );
  });

  it('empty world has the empty root', () => {
    expect(bytesToHex(stateRoot([]))).toBe(EMPTY_ROOT_HEX);
  });

  it('random worlds with storage match the oracle', async () => {
    const rnd = prng(2024);
    const big = (bytes: number): bigint => BigInt(bytesToHex(randomBytes(rnd, bytes)));
    for (let round = 0; round < 25; round++) {
      const accounts: AccountForRoot[] = [];
      const seen = new Set<bigint>();
      for (let i = 0; i < 1 + rnd(20); i++) {
        const address = rnd(5) === 0 ? BigInt(rnd(20)) : big(20); // include tiny addresses (leading zeros)
        if (seen.has(address)) continue;
        seen.add(address);
        const storage: Array<[bigint, bigint]> = [];
        const slots = new Set<bigint>();
        for (let j = 0; j < rnd(4) * rnd(10); j++) {
          const slot = rnd(3) === 0 ? BigInt(rnd(10)) : big(32);
          if (slots.has(slot)) continue;
          slots.add(slot);
          const value = [0n, 1n, BigInt(rnd(1000)), big(32), big(8)][rnd(5)]!;
          storage.push([slot, value]);
        }
        accounts.push({
          address,
          nonce: BigInt(rnd(3) ? 0 : rnd(1 << 30)),
          balance: rnd(3) ? 0n : big(1 + rnd(32)),
          codeHash: rnd(2) ? hexToBytes('0x' + KECCAK_EMPTY.toString(16)) : keccak_256(randomBytes(rnd, rnd(50))),
          storage,
        });
      }
      expect(bytesToHex(stateRoot(accounts)), `round ${round}`).toBe(await oracleStateRoot(accounts));
    }
  });

  it('rejects a codeHash that is not 32 bytes', () => {
    expect(() =>
      stateRoot([{ address: 1n, nonce: 0n, balance: 0n, codeHash: new Uint8Array(31), storage: [] }]),
    ).toThrow(/32/);
  });
});

describe('storageRoot', () => {
  it('empty and all-zero storage give the empty root', () => {
    expect(bytesToHex(storageRoot([]))).toBe(EMPTY_ROOT_HEX);
    expect(
      bytesToHex(
        storageRoot([
          [0n, 0n],
          [5n, 0n],
        ]),
      ),
    ).toBe(EMPTY_ROOT_HEX);
  });

  it('zero values are the same as absent slots', () => {
    const a = storageRoot([
      [0n, 1n],
      [1n, 0n],
      [2n, 0xdeadbeefn],
    ]);
    const b = storageRoot([
      [2n, 0xdeadbeefn],
      [0n, 1n],
    ]);
    expect(bytesToHex(a)).toBe(bytesToHex(b));
  });

  it('single slot: key keccak(slot32), value rlp(minimal bytes)', () => {
    const slot32 = new Uint8Array(32);
    slot32[31] = 1;
    // One leaf, root = keccak(rlp([hp(keccak(slot), leaf), rlp(value)])).
    const key = keccak_256(slot32);
    const leaf = RLP.encode([new Uint8Array([0x20, ...key]), RLP.encode(0x1234n)]);
    expect(bytesToHex(storageRoot([[1n, 0x1234n]]))).toBe(bytesToHex(keccak_256(leaf)));
  });

  it('rejects values that are not 256-bit words', () => {
    expect(() => storageRoot([[0n, 1n << 256n]])).toThrow(RangeError);
    expect(() => storageRoot([[1n << 256n, 1n]])).toThrow(RangeError);
  });
});

describe('logsHash', () => {
  it('no logs', () => {
    expect(bytesToHex(logsHash([]))).toBe(EMPTY_LOGS_HEX);
  });

  it('matches keccak(rlp([[address, topics, data], ...])) built with @ethereumjs/rlp', () => {
    const logs = [
      { address: 0x095e7baea6a6c7c4c2dfeb977efac326af552d87n, topics: [], data: new Uint8Array(0) },
      { address: 1n, topics: [0n, (1n << 256n) - 1n, 0xabcdefn], data: hexToBytes('0x' + '00ff'.repeat(40)) },
      { address: (1n << 160n) - 1n, topics: [42n], data: Uint8Array.of(7) },
    ];
    const expected = keccak_256(
      RLP.encode(
        logs.map((l) => [
          hexToBytes(l.address.toString(16).padStart(40, '0')),
          l.topics.map((t) => hexToBytes(t.toString(16).padStart(64, '0'))),
          l.data,
        ]),
      ),
    );
    expect(bytesToHex(logsHash(logs))).toBe(bytesToHex(expected));
  });
});
