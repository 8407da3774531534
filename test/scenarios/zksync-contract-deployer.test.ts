// The contract deployer hook 0x8006 through transactions (brief §6.5): 0x800f sets an address's code
// from a preimage the user registered in `world.preimages`, then calls to that address run it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Address } from '../../src/ee/types.js';
import { WorldState } from '../../src/system/world.js';
import { processTransaction, type TxReceipt, type TxResult } from '../../src/tx/process.js';
import { asm } from '../helpers/bytecode.js';
import {
  be,
  cat,
  hex,
  keccak,
  pad32,
  sendToL1Calldata,
  setBytecodeDetailsCalldata,
  tx,
  utf8,
  zkEnv,
} from '../hooks/zksync/helpers.js';

const UPGRADER = 0x800fn;
const USER = 0x05e4n;
const TARGET = 0x7a59e7000000000000000000000000000000abcdn;
const ETH = 10n ** 18n;
const CODE = asm().push(42).retTop().toBytes();

function receipt(r: TxResult): TxReceipt {
  if (!r.valid) throw new Error(`invalid tx: ${r.error.message}`);
  return r;
}

function setup(preimages: Uint8Array[] = [CODE]) {
  const world = WorldState.fromAccounts([
    [UPGRADER, { balance: ETH }],
    [USER, { balance: ETH }],
  ]);
  // How a user supplies a bytecode preimage: keccak256(code) → code.
  for (const p of preimages) world.preimages.set(keccak(p), p);
  const send = (sender: Address, to: Address, data: Uint8Array, value = 0n): TxReceipt =>
    receipt(processTransaction(zkEnv(world), tx({ sender, to, data, value, nonce: world.getAccount(sender).nonce })));
  return { world, send };
}

describe('contract deployer 0x8006 through transactions', () => {
  it('0x800f sets the code of an address from a registered preimage; a call then runs it', () => {
    const { world, send } = setup();
    const h = keccak(CODE);
    const r = send(UPGRADER, 0x8006n, setBytecodeDetailsCalldata(TARGET, h, BigInt(CODE.length), h));
    expect(r.status).toBe('success');
    expect(r.returnData.length).toBe(0);
    expect(world.getAccount(TARGET).code).toEqual(CODE);
    expect(world.getAccount(TARGET).codeHash).toBe(h);
    const call = send(USER, TARGET, new Uint8Array(0));
    expect(call.status).toBe('success');
    expect(call.returnData).toEqual(be(42n));
  });

  it('a contract installed this way works like a deployed one (Withdrawer runtime sends a message)', () => {
    const fixture = JSON.parse(readFileSync(new URL('./contracts/Withdrawer.json', import.meta.url), 'utf8')) as {
      deployedBytecode: string;
      methodIdentifiers: Record<string, string>;
    };
    const runtime = hex(fixture.deployedBytecode);
    const { world, send } = setup([runtime]);
    const h = keccak(runtime);
    expect(send(UPGRADER, 0x8006n, setBytecodeDetailsCalldata(TARGET, h, BigInt(runtime.length), h)).status).toBe(
      'success',
    );
    const message = utf8('installed by the upgrader');
    const data = cat(
      hex(fixture.methodIdentifiers['withdrawAndSend(address,bytes)']!),
      be(0xe1n),
      be(64n),
      be(BigInt(message.length)),
      pad32(message),
    );
    const r = send(USER, TARGET, data, 5n);
    expect(r.status).toBe('success');
    expect(r.messages.map((m) => m.sender)).toEqual([TARGET, TARGET]);
    expect(r.messages[1]!.data).toEqual(message);
    expect(world.getAccount(0x800an).balance).toBe(0n);
  });

  it('any other sender is refused: the code is unchanged and the transaction reverts', () => {
    const { world, send } = setup();
    const h = keccak(CODE);
    const r = send(USER, 0x8006n, setBytecodeDetailsCalldata(TARGET, h, BigInt(CODE.length), h));
    expect(r.status).toBe('revert');
    expect(world.getAccount(TARGET).code.length).toBe(0);
  });

  it('a contract calling 0x8006 is refused (msg.sender is the contract, not 0x800f)', () => {
    const proxy = 0xc0de0100n;
    const code = asm()
      .op('CALLDATASIZE', 'PUSH0', 'PUSH0', 'CALLDATACOPY')
      .op('PUSH0', 'PUSH0', 'CALLDATASIZE', 'PUSH0', 'PUSH0')
      .push(0x8006n)
      .op('GAS', 'CALL')
      .retTop()
      .toBytes();
    const { world, send } = setup();
    world.putCommitted(proxy, { code });
    const h = keccak(CODE);
    const r = send(UPGRADER, proxy, setBytecodeDetailsCalldata(TARGET, h, BigInt(CODE.length), h));
    expect(r.status).toBe('success');
    expect(r.returnData).toEqual(be(0n));
    expect(world.getAccount(TARGET).code.length).toBe(0);
  });

  it('an unregistered preimage or wrong length reverts', () => {
    const { world, send } = setup([]);
    const h = keccak(CODE);
    expect(send(UPGRADER, 0x8006n, setBytecodeDetailsCalldata(TARGET, h, BigInt(CODE.length), h)).status).toBe(
      'revert',
    );
    world.preimages.set(h, CODE);
    expect(send(UPGRADER, 0x8006n, setBytecodeDetailsCalldata(TARGET, h, BigInt(CODE.length) + 1n, h)).status).toBe(
      'revert',
    );
    expect(send(UPGRADER, 0x8006n, setBytecodeDetailsCalldata(TARGET, h, BigInt(CODE.length), h)).status).toBe(
      'success',
    );
  });

  it('value sent to 0x8006 is refused and stays with the sender', () => {
    const { world, send } = setup();
    const h = keccak(CODE);
    const r = send(UPGRADER, 0x8006n, setBytecodeDetailsCalldata(TARGET, h, BigInt(CODE.length), h), 1n);
    expect(r.status).toBe('revert');
    expect(world.getAccount(0x8006n).balance).toBe(0n);
    expect(world.getAccount(TARGET).code.length).toBe(0);
  });

  it('sendToL1 calldata sent to the deployer is an unknown selector (revert)', () => {
    const { send } = setup();
    expect(send(UPGRADER, 0x8006n, sendToL1Calldata(utf8('x'))).status).toBe('revert');
  });
});
