// Brief §2.7 deployment failure table (nested, EVM deployer), §4.5, §9 and §10.8: one case per row,
// measured from inside the deploying frame (GAS before and after CREATE/CREATE2), with the deployer's
// nonce, the new account and the constructor frame seen by a RunObserver. Where the profiles differ
// (EIP-7610 storage collision, depth-limit nonce bump, RETURNDATA after bad code) each row says so.
import { describe, expect, it } from 'vitest';
import { generateAddress, generateAddress2 } from '@ethereumjs/util';
import { ethereum, zksync } from '../../src/profiles/index.js';
import type { Profile } from '../../src/profiles/types.js';
import type { AccountInit } from '../../src/system/world.js';
import type { Address } from '../../src/ee/types.js';
import { bigIntToBytes, bytesToBigInt, bytesToHex } from '../../src/crypto/bytes.js';
import { asm, type Asm } from '../helpers/bytecode.js';
import {
  A,
  allBut64th,
  callFromEoa,
  initcodeReturning,
  probe,
  readProbe,
  setup,
  storeBytes,
  words,
} from './helpers.js';

const D = A; // the deployer contract
const D_NONCE = 1n;
const CREATE_GAS = 32000n;
const DEPOSIT = 200n;
const INIT_AT = 0x400;
const SALT = 0x5a17n;
const BIG = 10_000_000n;

const minimal = (n: bigint): Uint8Array =>
  n === 0n ? new Uint8Array(0) : bigIntToBytes(n, Math.ceil(n.toString(16).length / 2));
/** CREATE address per the Yellow Paper, computed by @ethereumjs/util (independent of src). */
const createAddr = (deployer: Address, nonce: bigint): Address =>
  bytesToBigInt(generateAddress(bigIntToBytes(deployer, 20), minimal(nonce)));
/** CREATE2 address per EIP-1014, computed by @ethereumjs/util. */
const create2Addr = (deployer: Address, salt: bigint, initcode: Uint8Array): Address =>
  bytesToBigInt(generateAddress2(bigIntToBytes(deployer, 20), bigIntToBytes(salt, 32), initcode));

const RUNTIME = asm().push(42).retTop().toBytes(); // 10 bytes
const INIT_OK = initcodeReturning(RUNTIME); // 18 gas
/** sstore(0,1) (22106) + mstore (12) + revert(0,32) (6) = 22124. */
const INIT_REVERT = asm().sstore(0, 1).mstore(0, 0xdeadn).revert(0, 32);
const INIT_INVALID = asm().op('INVALID');
const INIT_EF = asm().mstore8(0, 0xef).ret(0, 1);
const INIT_RET = (n: number) => asm().ret(0, n); // returns n zero bytes
/** ret(0, n): two pushes + memory for n bytes. */
const retCost = (n: number): bigint => {
  const w = BigInt(words(n));
  return 6n + 3n * w + (w * w) / 512n;
};

type Scheme = 'CREATE' | 'CREATE2';

function deployer(scheme: Scheme, initcode: Uint8Array, value: bigint): { code: Uint8Array; fixed: bigint } {
  const c = probe(
    (a) => {
      if (scheme === 'CREATE2') a.push(SALT);
      a.push(initcode.length).push(INIT_AT).push(value).op(scheme);
    },
    INIT_AT + 32 * words(initcode.length) + 32,
    (a) => void storeBytes(a, INIT_AT, initcode),
  );
  const w = BigInt(words(initcode.length));
  const pushes = BigInt(scheme === 'CREATE2' ? 4 : 3) * 3n;
  // Everything the opcode itself costs before the runner gets the request.
  const fixed = pushes + CREATE_GAS + 2n * w + (scheme === 'CREATE2' ? 6n * w : 0n);
  return { code: c.toBytes(), fixed };
}

interface Outcome {
  /** true: the new address is pushed (and checked against the formula); false: 0. */
  deployed: boolean;
  /** Gas the deployment itself consumed beyond `fixed`; `avail` is the gas handed to the runner. */
  used: (avail: bigint) => bigint;
  deployerNonce: bigint;
  returnData: string | { size: number; allZero: true };
  /** Constructor frame outcome, or null: no frame opened. */
  frame: { outcome: 'success' | 'revert' | 'halt'; haltReason?: string; refused?: string };
}

interface Row {
  name: string;
  scheme?: Scheme;
  initcode: Asm;
  value?: bigint;
  deployerBalance?: bigint;
  /** Accounts to place at the would-be address. */
  atTarget?: AccountInit;
  maxDepth?: number;
  entryGas?: bigint;
  ethereum: Outcome;
  zksync: Outcome;
}

const same = (o: Outcome) => ({ ethereum: o, zksync: o });
const burned63 = (avail: bigint) => allBut64th(avail);
const none = () => 0n;

const rows: Row[] = [
  {
    name: 'insufficient balance for value: push 0, nonce not bumped, all gas returned, refused in preparation',
    initcode: INIT_OK,
    value: 10n,
    deployerBalance: 5n,
    ...same({
      deployed: false,
      used: none,
      deployerNonce: D_NONCE,
      returnData: '0x',
      frame: { outcome: 'revert', refused: 'InsufficientBalance' },
    }),
  },
  {
    name: 'collision (target has code): nonce bumped, 63/64 burned, 1/64 returned, refused in preparation (halt)',
    initcode: INIT_OK,
    atTarget: { code: Uint8Array.of(0x00) },
    ...same({
      deployed: false,
      used: burned63,
      deployerNonce: D_NONCE + 1n,
      returnData: '0x',
      frame: { outcome: 'halt', refused: 'CreateCollision' },
    }),
  },
  {
    name: 'collision (target nonce 1, no code): nonce bumped, 63/64 burned',
    initcode: INIT_OK,
    atTarget: { nonce: 1n },
    ...same({
      deployed: false,
      used: burned63,
      deployerNonce: D_NONCE + 1n,
      returnData: '0x',
      frame: { outcome: 'halt', refused: 'CreateCollision' },
    }),
  },
  {
    name: 'CREATE2 collision (target has code): nonce bumped, 63/64 burned',
    scheme: 'CREATE2',
    initcode: INIT_OK,
    atTarget: { code: Uint8Array.of(0x00) },
    ...same({
      deployed: false,
      used: burned63,
      deployerNonce: D_NONCE + 1n,
      returnData: '0x',
      frame: { outcome: 'halt', refused: 'CreateCollision' },
    }),
  },
  {
    name: 'storage-only target: ethereum collides (EIP-7610), zksync deploys (brief §9)',
    initcode: INIT_OK,
    atTarget: { storage: [[0n, 1n]] },
    ethereum: {
      deployed: false,
      used: burned63,
      deployerNonce: D_NONCE + 1n,
      returnData: '0x',
      frame: { outcome: 'halt', refused: 'CreateCollision' },
    },
    zksync: {
      deployed: true,
      used: () => 18n + DEPOSIT * 10n,
      deployerNonce: D_NONCE + 1n,
      returnData: '0x',
      frame: { outcome: 'success' },
    },
  },
  {
    name: 'depth exceeded (maxDepth 0): all gas returned; ethereum nonce NOT bumped, zksync bumped (brief §2.7 step 3)',
    initcode: INIT_OK,
    maxDepth: 0,
    ethereum: {
      deployed: false,
      used: none,
      deployerNonce: D_NONCE,
      returnData: '0x',
      frame: { outcome: 'revert', refused: 'CallDepthExceeded' },
    },
    zksync: {
      deployed: false,
      used: none,
      deployerNonce: D_NONCE + 1n,
      returnData: '0x',
      frame: { outcome: 'revert', refused: 'CallDepthExceeded' },
    },
  },
  {
    name: 'constructor reverts: push 0, returndata = revert data, leftover returned, nonce bumped',
    initcode: INIT_REVERT,
    value: 3n,
    ...same({
      deployed: false,
      used: () => 22124n,
      deployerNonce: D_NONCE + 1n,
      returnData: '0x' + 'dead'.padStart(64, '0'),
      frame: { outcome: 'revert' },
    }),
  },
  {
    name: 'constructor exceptional halt: push 0, empty returndata, constructor gas (63/64) burned',
    initcode: INIT_INVALID,
    ...same({
      deployed: false,
      used: burned63,
      deployerNonce: D_NONCE + 1n,
      returnData: '0x',
      frame: { outcome: 'halt', haltReason: 'InvalidOpcode' },
    }),
  },
  {
    name: 'returned code starts with 0xEF: burned; ethereum RETURNDATASIZE 0, zksync returndata = the code',
    initcode: INIT_EF,
    ethereum: {
      deployed: false,
      used: burned63,
      deployerNonce: D_NONCE + 1n,
      returnData: '0x',
      frame: { outcome: 'halt', haltReason: 'InvalidCodePrefix' },
    },
    zksync: {
      deployed: false,
      used: burned63,
      deployerNonce: D_NONCE + 1n,
      returnData: '0xef',
      frame: { outcome: 'halt', haltReason: 'InvalidCodePrefix' },
    },
  },
  {
    name: 'returned code of 24577 bytes: burned; ethereum RETURNDATASIZE 0, zksync returndata = the code',
    initcode: INIT_RET(24577),
    ethereum: {
      deployed: false,
      used: burned63,
      deployerNonce: D_NONCE + 1n,
      returnData: '0x',
      frame: { outcome: 'halt', haltReason: 'CodeSizeLimit' },
    },
    zksync: {
      deployed: false,
      used: burned63,
      deployerNonce: D_NONCE + 1n,
      returnData: { size: 24577, allZero: true },
      frame: { outcome: 'halt', haltReason: 'CodeSizeLimit' },
    },
  },
  {
    name: 'returned code of exactly 24576 bytes deploys (deposit 200/byte)',
    initcode: INIT_RET(24576),
    ...same({
      deployed: true,
      used: () => retCost(24576) + DEPOSIT * 24576n,
      deployerNonce: D_NONCE + 1n,
      returnData: '0x',
      frame: { outcome: 'success' },
    }),
  },
  {
    name: 'code deposit out of gas (1000 bytes, ~115k constructor gas): push 0, empty, constructor gas burned',
    initcode: INIT_RET(1000),
    entryGas: 150_000n,
    ...same({
      deployed: false,
      used: burned63,
      deployerNonce: D_NONCE + 1n,
      returnData: '0x',
      frame: { outcome: 'halt' },
    }),
  },
  {
    name: 'CREATE success with value: address = keccak(rlp[deployer, nonce]), new nonce 1, RETURNDATASIZE 0',
    initcode: INIT_OK,
    value: 7n,
    ...same({
      deployed: true,
      used: () => 18n + DEPOSIT * 10n,
      deployerNonce: D_NONCE + 1n,
      returnData: '0x',
      frame: { outcome: 'success' },
    }),
  },
  {
    name: 'CREATE2 success: address = keccak(0xff ‖ deployer ‖ salt ‖ keccak(initcode)), deployer nonce bumped',
    scheme: 'CREATE2',
    initcode: INIT_OK,
    ...same({
      deployed: true,
      used: () => 18n + DEPOSIT * 10n,
      deployerNonce: D_NONCE + 1n,
      returnData: '0x',
      frame: { outcome: 'success' },
    }),
  },
];

describe.each([ethereum, zksync])('deployment failure table (brief §2.7), profile $name', (profile: Profile) => {
  it.each(rows)('$name', (row) => {
    const scheme = row.scheme ?? 'CREATE';
    const initcode = row.initcode.toBytes();
    const value = row.value ?? 0n;
    const target = scheme === 'CREATE2' ? create2Addr(D, SALT, initcode) : createAddr(D, D_NONCE);
    const dep = deployer(scheme, initcode, value);
    const accounts: [Address, AccountInit][] = [
      [D, { code: dep.code, nonce: D_NONCE, balance: row.deployerBalance ?? 1000n }],
    ];
    if (row.atTarget) accounts.push([target, row.atTarget]);
    const { env, world, rec } = setup(profile, accounts, row.maxDepth !== undefined ? { maxDepth: row.maxDepth } : {});
    const exp = profile === ethereum ? row.ethereum : row.zksync;

    const p = readProbe(callFromEoa(env, D, row.entryGas ?? BIG));
    const avail = p.g1 - dep.fixed; // what the deployer hands to the runner
    expect(p.result).toBe(exp.deployed ? target : 0n);
    expect(p.diff).toBe(dep.fixed + exp.used(avail) + 2n);
    if (typeof exp.returnData === 'string') expect(bytesToHex(p.returnData)).toBe(exp.returnData);
    else {
      expect(p.rdSize).toBe(BigInt(exp.returnData.size));
      expect(p.returnData.every((b) => b === 0)).toBe(true);
    }
    expect(world.getAccount(D).nonce).toBe(exp.deployerNonce);

    // Every request gets a frame actor; one refused in preparation goes preparing → finishing → outcome.
    const ctor = rec.frames.slice(1);
    expect(ctor).toHaveLength(1);
    expect(ctor[0]!.parent).toBe(0);
    expect(ctor[0]!.info).toMatchObject({ kind: scheme.toLowerCase(), depth: 1, caller: D, value });
    // The address is known once the nonce is bumped (a collision, zksync's late depth check).
    if (exp.frame.refused === undefined || world.getAccount(D).nonce === D_NONCE + 1n)
      expect(ctor[0]!.info.address).toBe(target);
    expect(ctor[0]!.close?.outcome).toBe(exp.frame.outcome);
    if (exp.frame.haltReason !== undefined) expect(ctor[0]!.close?.haltReason).toBe(exp.frame.haltReason);
    if (exp.frame.refused !== undefined) {
      expect(ctor[0]!.close?.reason).toBe(exp.frame.refused);
      expect(ctor[0]!.states).toEqual(['preparing', 'finishing', exp.frame.outcome]);
      expect(ctor[0]!.info.gas).toBe(0);
      expect(ctor[0]!.close?.gasUsed).toBe(0);
    }

    const acct = world.getAccount(target);
    if (exp.deployed) {
      expect(acct.nonce).toBe(1n); // EIP-161
      expect(acct.balance).toBe(value);
      expect(world.getAccount(D).balance).toBe((row.deployerBalance ?? 1000n) - value);
      if (row.initcode === INIT_OK) expect(bytesToHex(acct.code)).toBe(bytesToHex(RUNTIME));
      else expect(acct.code.length).toBe(24576);
    } else if (!row.atTarget) {
      // Nothing of a failed deployment survives at the target.
      expect(acct.nonce).toBe(0n);
      expect(acct.code.length).toBe(0);
      expect(acct.balance).toBe(0n);
      expect(world.sload(target, 0n)).toBe(0n);
      expect(world.getAccount(D).balance).toBe(row.deployerBalance ?? 1000n);
    }
  });
});

describe.each([ethereum, zksync])('a successful deployment, profile $name (same in both)', (profile: Profile) => {
  it('the constructor sees its value and runs with nonce 1 before the code deposit; the code is callable', () => {
    // Constructor: store SELFBALANCE in slot 0, return RUNTIME.
    const init = asm()
      .op('SELFBALANCE')
      .push(0)
      .op('SSTORE')
      .pushN(RUNTIME.length, bytesToBigInt(RUNTIME))
      .push(0)
      .op('MSTORE')
      .ret(32 - RUNTIME.length, RUNTIME.length)
      .toBytes();
    const dep = deployer('CREATE', init, 9n);
    const { env, world } = setup(profile, [[D, { code: dep.code, nonce: D_NONCE, balance: 100n }]]);
    const p = readProbe(callFromEoa(env, D, BIG));
    const addr = createAddr(D, D_NONCE);
    expect(p.result).toBe(addr);
    expect(world.sload(addr, 0n)).toBe(9n);
    expect(world.getAccount(addr).nonce).toBe(1n);
    const out = callFromEoa(env, addr, 100_000n);
    expect(out.status).toBe('success');
    expect(bytesToBigInt(out.returnData)).toBe(42n);
  });
});
