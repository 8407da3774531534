// CREATE/CREATE2: request fields and gas (EIP-3860 initcode words, EIP-1014 hashing), the initcode
// limit, resume semantics, address derivation vectors, and constructor output rules (EIP-170/3541).
import { expect, it } from 'vitest';
import { asm } from '../../helpers/bytecode.js';
import { THIS, launch, run, describeBothLoops } from '../../helpers/evm.js';
import type { DeploymentRequest, PreemptionPoint } from '../../../src/ee/types.js';
import { createAddress, create2Address } from '../../../src/ee/evm/deployment.js';
import { bytesToHex, hexToBytes } from '../../../src/crypto/bytes.js';
import { keccak256 } from '../../../src/crypto/keccak.js';

function expectCreate(p: PreemptionPoint): DeploymentRequest {
  if (p.type !== 'spawn' || p.request.type !== 'create') throw new Error('expected a deployment request');
  return p.request;
}

/** CREATE(value, 0, size) or CREATE2 with `salt` over memory [0, size). */
function createOp(size: number | bigint, opts: { value?: bigint; salt?: bigint } = {}) {
  const a = asm();
  if (opts.salt !== undefined) a.push(opts.salt);
  a.push(size)
    .push(0)
    .push(opts.value ?? 0n);
  return a.op(opts.salt !== undefined ? 'CREATE2' : 'CREATE');
}

describeBothLoops('CREATE / CREATE2 requests', () => {
  it('CREATE: 32000 + 2/word + memory, all remaining gas to the request', () => {
    const code = asm().mstore(0, 0x600160005260206000f3n << 176n);
    createOp(10, { value: 5n }).bytes.forEach((b) => {
      code.raw(b);
    });
    const { frame } = launch(code, { gas: 100_000n });
    const req = expectCreate(frame.start());
    expect(req).toMatchObject({ type: 'create', scheme: 'create', deployer: THIS, value: 5n, salt: 0n });
    expect(bytesToHex(req.initcode)).toBe('0x600160005260206000f3');
    expect(req.gasAvailable).toBe(BigInt(100_000 - 12 - 9 - 32000 - 2));
  });

  it('CREATE2: adds 6/word hashing and passes the salt', () => {
    const { frame } = launch(createOp(64, { salt: 0x5a17n }), { gas: 100_000n });
    const req = expectCreate(frame.start());
    expect(req).toMatchObject({ scheme: 'create2', salt: 0x5a17n });
    // 4 pushes, memory 2 words (6), 32000, initcode 2·2, hashing 6·2
    expect(req.gasAvailable).toBe(BigInt(100_000 - 12 - 6 - 32000 - 4 - 12));
  });

  it('initcode of 49152 bytes is accepted, 49153 halts (EIP-3860)', () => {
    expect(launch(createOp(49152), { gas: 10_000_000n }).frame.start().type).toBe('spawn');
    const r = run(createOp(49153), { gas: 10_000_000n });
    expect(r.end).toMatchObject({ status: 'halt', haltReason: 'InitcodeSizeLimit', gasLeft: 0n });
  });

  it('CREATE in a static frame halts', () => {
    expect(run(createOp(0), { isStatic: true }).end).toMatchObject({ status: 'halt', haltReason: 'StaticStateChange' });
    expect(run(createOp(0, { salt: 1n }), { isStatic: true }).end.haltReason).toBe('StaticStateChange');
  });

  it('boundary pair on the static 32000', () => {
    expect(launch(createOp(0), { gas: 32009n }).frame.start().type).toBe('spawn');
    expect(run(createOp(0), { gas: 32008n }).end.haltReason).toBe('OutOfGas');
  });

  it('resume after success pushes the address and leaves RETURNDATA empty', () => {
    const { frame } = launch(createOp(0).op('RETURNDATASIZE'));
    expectCreate(frame.start());
    const end = frame.continueAfterDeployment({
      status: 'success',
      gasReturned: 900n,
      address: 0xabcn,
      returnData: Uint8Array.of(1),
    });
    expect(frame.stack.toArray()).toEqual([0xabcn, 0n]);
    expect(end).toMatchObject({ type: 'end', status: 'success', gasLeft: 898n });
  });

  it('resume after revert pushes 0 and exposes the revert data', () => {
    const { frame } = launch(createOp(0).op('RETURNDATASIZE'));
    expectCreate(frame.start());
    frame.continueAfterDeployment({
      status: 'revert',
      gasReturned: 900n,
      address: 0n,
      returnData: Uint8Array.of(1, 2, 3),
    });
    expect(frame.stack.toArray()).toEqual([0n, 3n]);
  });
});

describeBothLoops('address derivation', () => {
  const deployer = 0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0n;
  it.each([
    [0n, 0xcd234a471b72ba2f1ccf0a70fcaba648a5eecd8dn],
    [1n, 0x343c43a37d37dff08ae8c4a11544c718abb4fcf8n],
    [2n, 0xf778b86fa74e846c4f0a1fbd1335fe81c00a0c91n],
    [3n, 0xfffd933a0bc612844eaf0c6fe3e5b8e9b6c1d19cn],
  ])('createAddress(nonce %s)', (nonce, expected) => {
    expect(createAddress(deployer, nonce)).toBe(expected);
  });

  it.each([0x7fn, 0x80n, 0xffn, 0x100n, 0xffffffffn, (1n << 64n) - 2n])(
    'createAddress(nonce %s) matches a generic RLP list encoding',
    (nonce) => {
      // Independent encoder: strings of the item bytes, then the list header (payload < 56 bytes).
      const str = (b: number[]): number[] => (b.length === 1 && b[0]! < 0x80 ? b : [0x80 + b.length, ...b]);
      const be = (v: bigint): number[] => (v === 0n ? [] : [...be(v >> 8n), Number(v & 0xffn)]);
      const addrBytes = hexToBytes(deployer.toString(16).padStart(40, '0'));
      const payload = [...str([...addrBytes]), ...str(be(nonce))];
      const hash = keccak256(Uint8Array.from([0xc0 + payload.length, ...payload]));
      expect(createAddress(deployer, nonce)).toBe(BigInt(bytesToHex(hash.subarray(12))));
    },
  );

  // EIP-1014 examples.
  it.each([
    [0n, 0n, '0x00', 0x4d1a2e2bb4f88f0250f26ffff098b0b30b26bf38n],
    [0xdeadbeef00000000000000000000000000000000n, 0n, '0x00', 0xb928f69bb1d91cd65274e3c79d8986362984fda3n],
    [0xdeadbeef00000000000000000000000000000000n, 0xfeedn << 144n, '0x00', 0xd04116cdd17bebe565eb2422f2497e06cc1c9833n],
    [0n, 0n, '0xdeadbeef', 0x70f2b2914a2a4b783faefb75f459a580616fcb5en],
    [0xdeadbeefn, 0xcafebaben, '0xdeadbeef', 0x60f3f640a8508fc6a86d45df051962668e1e8ac7n],
    [0xdeadbeefn, 0xcafebaben, '0x' + 'deadbeef'.repeat(11), 0x1d8bfdc5d46dc4f61d6b6115972536ebe6a8854cn],
    [0n, 0n, '0x', 0xe33c0c7f7df4809055c3eba6c09cfe4baf1bd9e0n],
  ])('create2Address example (%s, %s, %s)', (addr, salt, init, expected) => {
    expect(create2Address(addr, salt, hexToBytes(init))).toBe(expected);
  });
});

describeBothLoops('constructor frames', () => {
  /** Constructor returning `size` bytes of memory whose first byte is `first`. */
  const ctor = (size: number, first: number) => asm().mstore8(0, first).ret(0, size);

  it('RETURN deploys the returned bytes; returnData is empty', () => {
    const r = run(ctor(3, 0x60), { isConstructor: true });
    expect(r.end.status).toBe('success');
    expect(bytesToHex(r.end.deployedCode!)).toBe('0x600000');
    expect(r.end.returnData.length).toBe(0);
  });

  it('STOP deploys empty code', () => {
    const r = run(asm().op('STOP'), { isConstructor: true });
    expect(r.end).toMatchObject({ status: 'success' });
    expect(r.end.deployedCode!.length).toBe(0);
  });

  it('24576 bytes are deployable; 24577 halt with CodeSizeLimit and the code in returnData', () => {
    expect(run(ctor(24576, 0x60), { isConstructor: true, gas: 10_000_000n }).end.deployedCode!.length).toBe(24576);
    const r = run(ctor(24577, 0x60), { isConstructor: true, gas: 10_000_000n });
    expect(r.end).toMatchObject({ status: 'halt', haltReason: 'CodeSizeLimit', gasLeft: 0n });
    expect(r.end.returnData.length).toBe(24577);
  });

  it('code starting with 0xEF halts with InvalidCodePrefix (EIP-3541)', () => {
    const r = run(ctor(1, 0xef), { isConstructor: true });
    expect(r.end).toMatchObject({ status: 'halt', haltReason: 'InvalidCodePrefix', gasLeft: 0n });
    expect(bytesToHex(r.end.returnData)).toBe('0xef');
    expect(run(ctor(2, 0xfe), { isConstructor: true }).end.status).toBe('success');
  });

  it('a non-constructor frame may return 0xEF-prefixed data', () => {
    expect(run(ctor(1, 0xef)).end.status).toBe('success');
  });
});
