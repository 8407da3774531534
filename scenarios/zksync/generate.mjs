// Generates the zksync built-in scenarios (scenarios/zksync-*.json) for `zkos run --builtin`.
// Run from the package root: node scenarios/zksync/generate.mjs. Bytecode is hand-assembled below.
import { writeFileSync } from 'node:fs';
import { blake2s } from '@noble/hashes/blake2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';

const hex = (b) => '0x' + Buffer.from(b).toString('hex');
const word = (v) => BigInt(v).toString(16).padStart(64, '0');
const code = (s) => '0x' + s.replace(/\s+/g, '');

const EOA = '0x1111111111111111111111111111111111111111';
const COINBASE = '0xc0ffee0000000000000000000000000000000000';
const BLOCK = { coinbase: COINBASE, number: '0x1', timestamp: '0x3e8', gasLimit: '0x1c9c380', baseFee: '0x7', chainId: '0x10e' };

function write(name, scenario) {
  writeFileSync(new URL(`../${name}.json`, import.meta.url), JSON.stringify(scenario, null, 2) + '\n');
}

// 1. Fees through 0x8001: the contract reads BALANCE(0x8001) during execution, stores and returns it.
//    PUSH2 0x8001 BALANCE DUP1 PUSH1 0 SSTORE PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN
const READER = '0xfee0000000000000000000000000000000000001';
write('zksync-fees', {
  description:
    'Fees through the bootloader address 0x8001 (eoa.rs pay_for_transaction): the sender pays gas limit × price to 0x8001 before execution, so the contract reads BALANCE(0x8001) = 200000 × 7 = 1400000 (0x155cc0) and stores it in slot 0; afterwards 0x8001 refunds the unused gas and is swept to the coinbase.',
  profile: 'zksync',
  labels: { [EOA]: 'EOA', [READER]: 'BalanceReader', '0x0000000000000000000000000000000000008001': 'bootloader', [COINBASE]: 'coinbase' },
  block: BLOCK,
  pre: { [EOA]: { balance: '0xde0b6b3a7640000' }, [READER]: { code: code('61800131 80 600055 600052 6020 6000 f3') } },
  transactions: [{ label: 'read BALANCE(0x8001)', from: EOA, to: READER, gasLimit: '200000', maxFeePerGas: '20', maxPriorityFeePerGas: '1' }],
});

// 2. L1→L2 deposits (type 0xff): value minted to the L1 sender's alias and sent on; fee minted to 0x8001.
//    Receiver: stores CALLVALUE in slot 0 and CALLER in slot 1.
const ALIAS = '0x2222222222222222222222222222222222222222';
const BOB = '0xb0b0000000000000000000000000000000000b0b';
const RECEIVER = '0xdec0000000000000000000000000000000000001';
const REFUND = '0x7e7e000000000000000000000000000000007e7e';
const gasLimit = 300000n;
const price = 100n;
write('zksync-deposit', {
  description:
    'Two L1→L2 priority transactions (type 0xff, process_transaction.rs process_l1_transaction): 1 ETH to an EOA, then 5 wei to a contract that stores CALLVALUE and CALLER. The value is minted to the sender alias inside the execution frame; gas used × price is minted to 0x8001 (swept to the coinbase); the rest of the deposit goes to the refund recipient.',
  profile: 'zksync',
  labels: { [ALIAS]: 'L1 sender alias', [BOB]: 'Bob', [RECEIVER]: 'Receiver', [REFUND]: 'refund recipient', [COINBASE]: 'coinbase' },
  block: BLOCK,
  pre: { [RECEIVER]: { code: code('34 600055 33 600155 00') } },
  transactions: [
    {
      label: 'deposit 1 ETH to Bob',
      type: '0xff',
      from: ALIAS,
      to: BOB,
      value: '1000000000000000000',
      gasLimit: gasLimit.toString(),
      maxFeePerGas: price.toString(),
      maxPriorityFeePerGas: '0',
      mint: (10n ** 18n + gasLimit * price + 1000n).toString(),
      refundRecipient: REFUND,
      gasPerPubdataLimit: '800',
    },
    {
      label: 'deposit 5 wei into Receiver',
      type: '0xff',
      from: ALIAS,
      to: RECEIVER,
      value: '5',
      gasLimit: gasLimit.toString(),
      maxFeePerGas: price.toString(),
      maxPriorityFeePerGas: '0',
      mint: (5n + gasLimit * price).toString(),
      refundRecipient: REFUND,
      gasPerPubdataLimit: '800',
    },
  ],
});

// 3. Upgrade (type 0xfe): 0x800f calls the deployer hook 0x8006 setBytecodeDetailsEVM(target, blake2s(code),
//    len, keccak(code)); the bytecode preimage comes as a factory dependency. Then an L2 call to the target.
//    Target runtime: PUSH1 42 PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN
const runtime = Buffer.from('602a60005260206000f3', 'hex');
const TARGET = '0x7a7a000000000000000000000000000000007a7a';
const calldata =
  '0xf6eca0b0' + word(TARGET) + Buffer.from(blake2s(runtime)).toString('hex') + word(runtime.length) + Buffer.from(keccak_256(runtime)).toString('hex');
write('zksync-upgrade', {
  description:
    'A protocol upgrade transaction (type 0xfe, first in the block) from the complex upgrader 0x800f to the contract deployer hook 0x8006 (contract_deployer.rs setBytecodeDetailsEVM): the target gets the bytecode whose blake2s hash is given, the preimage arriving as a factory dependency; the state diff publishes the hash, not the code. Then an ordinary call to the target returns 42.',
  profile: 'zksync',
  labels: { '0x000000000000000000000000000000000000800f': 'complex upgrader', '0x0000000000000000000000000000000000008006': 'contract deployer', [TARGET]: 'Target', [EOA]: 'EOA', [COINBASE]: 'coinbase' },
  block: BLOCK,
  pre: { [EOA]: { balance: '0xde0b6b3a7640000' } },
  transactions: [
    {
      label: 'upgrade: set Target code',
      type: '0xfe',
      from: '0x000000000000000000000000000000000000800f',
      to: '0x0000000000000000000000000000000000008006',
      data: calldata,
      gasLimit: '1000000',
      maxFeePerGas: '7',
      maxPriorityFeePerGas: '0',
      mint: '7000000',
      gasPerPubdataLimit: '800',
      factoryDeps: [hex(runtime)],
    },
    { label: 'call Target', from: EOA, to: TARGET, gasLimit: '100000', maxFeePerGas: '7', maxPriorityFeePerGas: '0' },
  ],
});

// 4. Pubdata: SSTORE two slots, send a 5-byte L2→L1 message through 0x8008; then deploy a 10-byte contract.
//    Messenger caller: SSTORE(0,1) SSTORE(1,2); MSTORE selector|offset|len|"hello"; CALL 0x8008 with 100 bytes.
const SENDER_C = '0x5e4d000000000000000000000000000000000001';
const sendToL1 =
  '6001600055 6002600155' +
  '7f62f84b24' + '00'.repeat(28) + '600052' + // selector at 0..4
  '6020600452' + // offset word at 4
  '6005602452' + // length 5 at 36
  '7f' + Buffer.from('hello').toString('hex') + '00'.repeat(27) + '604452' + // message at 68
  '6000600060646000600061800861fffff1' + '50 00';
const initcode = '600a600c600039600a6000f3' + runtime.toString('hex'); // CODECOPY 10 bytes after the 12-byte init, RETURN
write('zksync-pubdata', {
  description:
    'Pubdata in the receipt (io_subsystem.rs net_pubdata_used): a transaction that writes two slots and sends the L2→L1 message "hello" through 0x8008 (state diffs: sender, 0x8001, two slots; message 4 + 5 + 88 bytes), then a deployment that publishes its 10-byte bytecode. Each byte costs gas-per-pubdata × native-per-gas native.',
  profile: 'zksync',
  labels: { [EOA]: 'EOA', [SENDER_C]: 'Messenger caller', '0x0000000000000000000000000000000000008008': 'L1 messenger', [COINBASE]: 'coinbase' },
  block: BLOCK,
  pre: { [EOA]: { balance: '0xde0b6b3a7640000' }, [SENDER_C]: { code: code(sendToL1) } },
  transactions: [
    { label: 'store and message L1', from: EOA, to: SENDER_C, gasLimit: '500000', maxFeePerGas: '7', maxPriorityFeePerGas: '0' },
    { label: 'deploy 10 bytes', from: EOA, to: null, data: '0x' + initcode, gasLimit: '500000', maxFeePerGas: '7', maxPriorityFeePerGas: '0' },
  ],
});

// 5. Out of native: with native price = gas price (1 native per gas) a loop of SSTOREs to new slots runs
//    out of native (367040 native each: warm read + cold new read + new write) long before it runs out of gas.
//    Loop: JUMPDEST PUSH1 1 DUP2 SSTORE PUSH1 1 ADD PUSH1 0 JUMP  (slot counter on the stack)
const LOOP = '0x100p000000000000000000000000000000000001'.replace('p', '0');
write('zksync-out-of-native', {
  description:
    'Running out of the native resource (brief §7.1): the block sets nativePrice = 7 = the gas price, so the transaction has 1 native per gas, 1,000,000 in all. Validation takes about 700,000 (the sender read, two hashes, ecrecover 522,000, the nonce and the fee), and an SSTORE to a new slot costs 22,100 gas but 367,040 native (storage_cache.rs: warm read + cold new read + new write), so the first store runs out of native: the transaction reverts to its start and consumes all its gas; the nonce and the fee stay.',
  profile: 'zksync',
  labels: { [EOA]: 'EOA', [LOOP]: 'StoreLoop', [COINBASE]: 'coinbase' },
  block: { ...BLOCK, nativePrice: '7' },
  pre: { [EOA]: { balance: '0xde0b6b3a7640000' }, [LOOP]: { code: code('6000 5b 6001 81 55 6001 01 6002 56') } },
  transactions: [{ label: 'store until out of native', from: EOA, to: LOOP, gasLimit: '1000000', maxFeePerGas: '7', maxPriorityFeePerGas: '0' }],
});
