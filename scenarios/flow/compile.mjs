// Dev-time build of the built-in scenarios: compiles Factory.sol with the npm `solc` package (a
// devDependency) and writes ../flow.json and ../flow-revert.json, so `zkos run` needs no compiler.
// Usage: node scenarios/flow/compile.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import solc from 'solc';
import { keccak_256 } from '@noble/hashes/sha3.js';

const here = dirname(fileURLToPath(import.meta.url));
const source = readFileSync(join(here, 'Factory.sol'), 'utf8');
const input = {
  language: 'Solidity',
  sources: { 'Factory.sol': { content: source } },
  settings: {
    evmVersion: 'cancun',
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object', 'evm.deployedBytecode.immutableReferences', 'evm.methodIdentifiers'] } },
  },
};
const out = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (out.errors ?? []).filter((e) => e.severity === 'error');
if (errors.length) {
  for (const e of errors) console.error(e.formattedMessage);
  process.exit(1);
}
const factory = out.contracts['Factory.sol'].Factory;
const child = out.contracts['Factory.sol'].Child;

const SENDER = '0x1111111111111111111111111111111111111111';
const FACTORY = '0xfac7000000000000000000000000000000000001';
const COINBASE = '0xc0ffee0000000000000000000000000000000000';
const word = (v) => BigInt(v).toString(16).padStart(64, '0');
const unhex = (h) => Uint8Array.from(Buffer.from(h.replace(/^0x/, ''), 'hex'));
const tohex = (b) => Buffer.from(b).toString('hex');
/** CREATE2 address of the Child the Factory deploys with `salt` and constructor argument `x`. */
const childAddress = (salt, x) => {
  const initHash = keccak_256(unhex(child.evm.bytecode.object + word(x)));
  return '0x' + tohex(keccak_256(unhex('ff' + FACTORY.slice(2) + word(salt) + tohex(initHash)))).slice(24);
};
const call = (fn, salt, x) => '0x' + factory.evm.methodIdentifiers[fn] + word(salt) + word(x);

function scenario(description, fn) {
  return {
    description,
    profile: 'ethereum',
    labels: { [SENDER]: 'EOA', [FACTORY]: 'Factory', [childAddress(1, 42)]: 'Child', [COINBASE]: 'coinbase' },
    block: {
      coinbase: COINBASE,
      number: '0x1',
      timestamp: '0x3e8',
      gasLimit: '0x1c9c380',
      baseFee: '0x7',
      prevRandao: '0x0',
      chainId: '0x1',
      blobBaseFee: '0x1',
    },
    pre: {
      [SENDER]: { balance: '0xde0b6b3a7640000', nonce: '0x0' },
      [FACTORY]: { balance: '0x0', nonce: '0x1', code: '0x' + factory.evm.deployedBytecode.object },
    },
    // ABIs by address, so `zkos run` and the viewer name functions, events and revert reasons.
    abi: { [FACTORY]: factory.abi, [childAddress(1, 42)]: child.abi },
    transactions: [
      { from: SENDER, to: FACTORY, data: call(fn, 1, 42), value: '0x64', gasLimit: '0x7a120', gasPrice: '0xa' },
    ],
    compiled: {
      compiler: `solc ${solc.version()}`,
      source: 'scenarios/flow/Factory.sol',
      childInitcode: '0x' + child.evm.bytecode.object,
      childRuntime: '0x' + child.evm.deployedBytecode.object,
      childImmutables: Object.values(child.evm.deployedBytecode.immutableReferences).flat(),
      childAddress: childAddress(1, 42),
      factoryMethods: factory.evm.methodIdentifiers,
      childMethods: child.evm.methodIdentifiers,
    },
  };
}

const write = (name, obj) => writeFileSync(join(here, '..', name), JSON.stringify(obj, null, 2) + '\n');
write(
  'flow.json',
  scenario(
    "The seed's flow diagram: an EOA transaction calls Factory.deployAndCall(salt 1, 42), which deploys a Child with CREATE2 (sending it the 100 wei it received) and then calls Child.ping(42).",
    'deployAndCall(bytes32,uint256)',
  ),
);
write(
  'flow-revert.json',
  scenario(
    'Like flow.json, then the Factory calls Child.fail(43) inside try/catch: that frame reverts, rolling back its storage write and log, and the transaction still succeeds.',
    'deployAndCallFail(bytes32,uint256)',
  ),
);
console.log('wrote scenarios/flow.json, scenarios/flow-revert.json');
