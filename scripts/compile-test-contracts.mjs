// Dev-time compiler for the tests' Solidity contracts: `node scripts/compile-test-contracts.mjs`.
// Uses the npm `solc` package (solcjs bundles the compiler) and writes <Name>.json beside the source
// with the compiler version and settings, so the tests never need to compile.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import solc from 'solc';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Each folder of contracts and the contracts in it. */
const SETS = [
  { dir: 'test/scenarios/contracts', names: ['Withdrawer'] },
  { dir: 'test/node/contracts', names: ['Counter'] },
];
const settings = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  metadata: { bytecodeHash: 'none' },
  outputSelection: {
    '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object', 'evm.methodIdentifiers'] },
  },
};

for (const { dir, names } of SETS)
  for (const name of names) {
    const here = join(root, dir);
    const file = `${name}.sol`;
    const source = readFileSync(join(here, file), 'utf8');
    const input = { language: 'Solidity', sources: { [file]: { content: source } }, settings };
    const output = JSON.parse(solc.compile(JSON.stringify(input)));
    const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
    if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
    const c = output.contracts[file][name];
    const fixture = {
      contract: name,
      source: file,
      sourceSha256: createHash('sha256').update(source).digest('hex'),
      compiler: { name: 'solc (npm solcjs)', version: solc.version() },
      settings: { optimizer: settings.optimizer, evmVersion: settings.evmVersion, metadata: settings.metadata },
      abi: c.abi,
      methodIdentifiers: c.evm.methodIdentifiers,
      bytecode: '0x' + c.evm.bytecode.object,
      deployedBytecode: '0x' + c.evm.deployedBytecode.object,
    };
    writeFileSync(join(here, `${name}.json`), JSON.stringify(fixture, null, 2) + '\n');
    console.log(`${name}: ${fixture.deployedBytecode.length / 2 - 1} bytes runtime, solc ${fixture.compiler.version}`);
  }
