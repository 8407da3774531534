// ABI decoding (src/trace/abi.ts) and the scenario's `abi` fields (src/input/abi.ts, docs/scenario.md):
// selectors and topics against well-known values, revert reasons, events with indexed arguments, dynamic
// types, and data that does not fit (never decoded, never a throw).
import { describe, expect, it } from 'vitest';
import { parseAbi } from '../../src/input/abi.js';
import { parseScenario } from '../../src/input/scenario.js';
import { AbiRegistry, PANIC_NAMES, decodeParams, signatureHash } from '../../src/trace/abi.js';
import { formatRun } from '../../src/trace/pretty.js';
import { runScenario } from '../../src/trace/runScenario.js';
import { formatWei } from '../../src/trace/units.js';
import { hexToBytes } from '../../src/crypto/bytes.js';

const w = (v: bigint | number): string => BigInt(v).toString(16).padStart(64, '0');
const str = (s: string): string => {
  const hex = Buffer.from(s, 'utf8').toString('hex');
  return w(hex.length / 2) + hex.padEnd(Math.ceil(hex.length / 64) * 64, '0');
};

const ERC20 = parseAbi(
  [
    {
      type: 'function',
      name: 'transfer',
      inputs: [
        { name: 'to', type: 'address' },
        { name: 'amount', type: 'uint' },
      ],
      outputs: [{ name: '', type: 'bool' }],
    },
    {
      type: 'event',
      name: 'Transfer',
      inputs: [
        { name: 'from', type: 'address', indexed: true },
        { name: 'to', type: 'address', indexed: true },
        { name: 'value', type: 'uint256', indexed: false },
      ],
    },
    {
      type: 'error',
      name: 'InsufficientBalance',
      inputs: [
        { name: 'available', type: 'uint256' },
        { name: 'required', type: 'uint256' },
      ],
    },
    { type: 'constructor', inputs: [] },
  ],
  'abi',
);

describe('ABI decoding', () => {
  it('computes the well-known selectors and topics', () => {
    expect(signatureHash('transfer(address,uint256)').slice(0, 10)).toBe('0xa9059cbb');
    expect(signatureHash('Error(string)').slice(0, 10)).toBe('0x08c379a0');
    expect(signatureHash('Panic(uint256)').slice(0, 10)).toBe('0x4e487b71');
    expect(signatureHash('Transfer(address,address,uint256)')).toBe(
      '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef',
    );
  });

  it('names a call and its arguments, and its return values', () => {
    const abis = new AbiRegistry(ERC20);
    const data = '0xa9059cbb' + w(0xbeefn) + w(10n ** 18n);
    expect(abis.decodeCall('0x00000000000000000000000000000000000000aa', data)).toEqual({
      name: 'transfer',
      signature: 'transfer(address,uint256)',
      args: [
        { name: 'to', type: 'address', value: '0x000000000000000000000000000000000000beef' },
        { name: 'amount', type: 'uint256', value: '1000000000000000000' },
      ],
    });
    expect(abis.decodeReturn(undefined, data, '0x' + w(1))).toEqual([{ name: '', type: 'bool', value: 'true' }]);
    // Too short for its arguments: the name is known, the arguments are not.
    expect(abis.decodeCall(undefined, '0xa9059cbb' + w(1))).toEqual({
      name: 'transfer',
      signature: 'transfer(address,uint256)',
    });
    expect(abis.decodeCall(undefined, '0x12345678')).toBeUndefined();
  });

  it('decodes revert reasons: Error(string), every named Panic code, custom errors by selector', () => {
    const abis = new AbiRegistry(ERC20);
    expect(abis.decodeRevert(undefined, '0x08c379a0' + w(32) + str('Child: fail'))?.text).toBe('Error("Child: fail")');
    expect(abis.decodeRevert(undefined, '0x4e487b71' + w(0x11))?.text).toBe(
      'Panic(0x11: arithmetic overflow or underflow)',
    );
    for (const [code, name] of [
      [0x01, 'assert(false)'],
      [0x12, 'division or modulo by zero'],
      [0x21, 'invalid enum value'],
      [0x22, 'bad storage byte array encoding'],
      [0x31, 'pop() on an empty array'],
      [0x32, 'array index out of bounds'],
      [0x41, 'too much memory allocated'],
      [0x51, 'call to a zero-initialized internal function'],
    ] as const) {
      expect(PANIC_NAMES[code]).toBe(name);
      expect(abis.decodeRevert(undefined, '0x4e487b71' + w(code))).toMatchObject({ kind: 'Panic' });
    }
    expect(abis.decodeRevert(undefined, '0x4e487b71' + w(0x99))?.text).toBe('Panic(0x99: unknown panic code)');
    const custom = signatureHash('InsufficientBalance(uint256,uint256)').slice(0, 10);
    expect(abis.decodeRevert(undefined, custom + w(5) + w(7))).toMatchObject({
      kind: 'custom',
      text: 'InsufficientBalance(available: 5, required: 7)',
    });
    // Unknown selector without an ABI, or a malformed Error(string): not decoded.
    expect(new AbiRegistry().decodeRevert(undefined, custom + w(5) + w(7))).toBeUndefined();
    expect(abis.decodeRevert(undefined, '0x08c379a0' + w(32) + w(1000))).toBeUndefined();
  });

  it('decodes an event: indexed arguments from the topics, the others from the data', () => {
    const abis = new AbiRegistry(ERC20);
    const topic0 = signatureHash('Transfer(address,address,uint256)');
    const ev = abis.decodeEvent(
      '0x00000000000000000000000000000000000000aa',
      [topic0, '0x' + w(1), '0x' + w(2)],
      '0x' + w(3),
    );
    expect(ev?.name).toBe('Transfer');
    expect(ev?.args?.map((a) => a.value)).toEqual([
      '0x0000000000000000000000000000000000000001',
      '0x0000000000000000000000000000000000000002',
      '3',
    ]);
  });

  it('prefers the ABI of the account over the ABIs of the run', () => {
    const other = parseAbi([{ type: 'function', name: 'mint', inputs: [{ name: 'to', type: 'address' }] }], 'a');
    // Same selector, different names: give 'mint(address)' to an account under another name's ABI.
    const sel = signatureHash('mint(address)').slice(0, 10);
    const renamed = parseAbi(
      [{ type: 'function', name: 'mint', inputs: [{ name: 'recipient', type: 'address' }] }],
      'b',
    );
    const abis = new AbiRegistry(other, new Map([['0x00000000000000000000000000000000000000bb', renamed]]));
    expect(abis.decodeCall('0x00000000000000000000000000000000000000BB', sel + w(1))?.args?.[0]?.name).toBe(
      'recipient',
    );
    expect(abis.decodeCall('0x00000000000000000000000000000000000000cc', sel + w(1))?.args?.[0]?.name).toBe('to');
  });

  it('decodes dynamic types: string, bytes, arrays, tuples, signed integers', () => {
    const params = parseAbi(
      [
        {
          type: 'function',
          name: 'f',
          inputs: [
            { name: 's', type: 'string' },
            { name: 'xs', type: 'uint8[]' },
            {
              name: 't',
              type: 'tuple',
              components: [
                { name: 'a', type: 'int16' },
                { name: 'b', type: 'bytes' },
              ],
            },
            { name: 'k', type: 'bytes4' },
          ],
        },
      ],
      'f',
    )[0]!.inputs;
    // heads: s@0x80, xs@0xc0, t@0x120, k inline
    const data =
      w(0x80) +
      w(0xc0) +
      w(0x120) +
      'deadbeef'.padEnd(64, '0') +
      str('hi') +
      w(2) +
      w(1) +
      w(2) +
      w((1n << 256n) - 5n) +
      w(0x40) +
      w(3) +
      'abcdef'.padEnd(64, '0');
    expect(decodeParams(params, hexToBytes(data))?.map((a) => a.value)).toEqual([
      '"hi"',
      '[1, 2]',
      '(-5, 0xabcdef)',
      '0xdeadbeef',
    ]);
    expect(decodeParams(params, hexToBytes(data.slice(0, 200)))).toBeUndefined();
    // A bool word other than 0/1 or an address with high bits does not fit.
    expect(decodeParams([{ name: '', type: 'bool' }], hexToBytes(w(2)))).toBeUndefined();
    expect(decodeParams([{ name: '', type: 'address' }], hexToBytes('ff' + w(1).slice(2)))).toBeUndefined();
  });

  it('formats wei as ETH with the exact wei beside it', () => {
    expect(formatWei(10n ** 18n)).toBe('1 ETH (1000000000000000000 wei)');
    expect(formatWei(999_999_999_997_908_640n)).toBe('0.99999999999790864 ETH (999999999997908640 wei)');
    expect(formatWei(100n)).toBe('100 wei');
    expect(formatWei(0n)).toBe('0 wei');
  });
});

describe('scenario abi fields', () => {
  const base = {
    pre: { '0x00000000000000000000000000000000000000aa': { code: '0x00' } },
    transactions: [
      { from: '0x1111111111111111111111111111111111111111', to: '0x00000000000000000000000000000000000000aa' },
    ],
  };
  const parse = (extra: object) => parseScenario(JSON.stringify({ ...base, ...extra }), 's.json');

  it('accepts an ABI for every account, by address, and per pre-state account', () => {
    const abi = [{ type: 'function', name: 'f', inputs: [] }];
    expect(parse({ abi }).abis?.all).toHaveLength(1);
    expect(
      parse({ abi: { '0x00000000000000000000000000000000000000aa': abi } }).abis?.byAddress.get(0xaan),
    ).toHaveLength(1);
    const pre = { '0x00000000000000000000000000000000000000aa': { code: '0x00', abi } };
    expect(parse({ pre }).abis?.byAddress.get(0xaan)?.[0]?.name).toBe('f');
  });

  it('names the field of a bad ABI', () => {
    expect(() => parse({ abi: [{ type: 'function', name: 'f', inputs: [{ type: 'uint7' }] }] })).toThrow(
      's.json › abi[0].inputs[0].type: not an ABI type: "uint7"',
    );
    expect(() => parse({ abi: [{ type: 'thing', name: 'f' }] })).toThrow('s.json › abi[0].type: expected function');
    expect(() => parse({ abi: { '0xzz': [] } })).toThrow(/s\.json › abi\[0xzz\]/);
    expect(() => parse({ pre: { '0x00000000000000000000000000000000000000aa': { abi: 5 } } })).toThrow(
      /pre\.0x0+aa\.abi: expected an array/,
    );
  });

  it('a custom error revert is named in the text tree', () => {
    // Reverts with InsufficientBalance(5, 7): selector at memory 0, the two words after it.
    const sel = signatureHash('InsufficientBalance(uint256,uint256)').slice(2, 10);
    const code = `0x63${sel}60e01b5f52600560045260076024526044_5ffd`.replace('_', '');
    const s = parseScenario(
      JSON.stringify({
        labels: { '0x00000000000000000000000000000000000000aa': 'Vault' },
        pre: {
          '0x1111111111111111111111111111111111111111': { balance: '0xde0b6b3a7640000' },
          '0x00000000000000000000000000000000000000aa': {
            code,
            abi: [
              {
                type: 'error',
                name: 'InsufficientBalance',
                inputs: [
                  { name: 'available', type: 'uint256' },
                  { name: 'required', type: 'uint256' },
                ],
              },
            ],
          },
        },
        transactions: [
          { from: '0x1111111111111111111111111111111111111111', to: '0x00000000000000000000000000000000000000aa' },
        ],
      }),
      'v.json',
    );
    const { trace } = runScenario(s);
    expect(trace!.transactions[0]!.revertReason?.text).toBe('InsufficientBalance(available: 5, required: 7)');
    const out = formatRun(trace!, { color: false });
    expect(out).toContain('revert reason: InsufficientBalance(available: 5, required: 7)');
  });
});
