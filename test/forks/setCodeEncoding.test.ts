// Type-4 envelope: our encoding and signing hash are byte-identical to @ethereumjs/tx 10.1.3's (the oracle),
// decoding round-trips and recovers the sender, and malformed envelopes are rejected naming the field.
import { Common, Hardfork, Mainnet } from '@ethereumjs/common';
import { createEOACode7702Tx } from '@ethereumjs/tx';
import { bigIntToBytes, bigIntToUnpaddedBytes, setLengthLeft } from '@ethereumjs/util';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../../src/crypto/bytes.js';
import { rlpDecode, rlpEncode, type RlpValue } from '../../src/encoding/rlp.js';
import { signAuthorization } from '../../src/tx/authorization.js';
import { decodeSetCodeTx, encodeSetCodeTx, setCodeTxSigningHash, signSetCodeTx } from '../../src/tx/setCodeEncoding.js';
import type { Transaction } from '../../src/tx/types.js';
import { key, SENDER, SENDER_KEY, tx } from './helpers.js';

const auths = [
  signAuthorization(key(7), { chainId: 1n, address: 0xc0den, nonce: 0n }),
  signAuthorization(key(8), { chainId: 0n, address: 0n, nonce: 5n }),
];
const t: Transaction = tx({
  type: 4,
  nonce: 3n,
  gasLimit: 123_456n,
  to: 0xabcdn,
  value: 7n,
  data: Uint8Array.of(1, 2, 3, 0),
  accessList: [{ address: 0xaan, storageKeys: [1n, 2n] }],
  authorizationList: auths,
});

function theirs() {
  const common = new Common({ chain: Mainnet, hardfork: Hardfork.Prague });
  const b20 = (a: bigint) => setLengthLeft(bigIntToBytes(a), 20);
  return createEOACode7702Tx(
    {
      chainId: 1n,
      nonce: t.nonce,
      maxPriorityFeePerGas: t.maxPriorityFeePerGas,
      maxFeePerGas: t.maxFeePerGas,
      gasLimit: t.gasLimit,
      to: b20(t.to!),
      value: t.value,
      data: t.data,
      accessList: [[b20(0xaan), [setLengthLeft(bigIntToBytes(1n), 32), setLengthLeft(bigIntToBytes(2n), 32)]]],
      authorizationList: auths.map(
        (a) =>
          [
            bigIntToUnpaddedBytes(a.chainId),
            b20(a.address),
            bigIntToUnpaddedBytes(a.nonce),
            bigIntToUnpaddedBytes(a.yParity),
            bigIntToUnpaddedBytes(a.r),
            bigIntToUnpaddedBytes(a.s),
          ] as [Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array],
      ),
    },
    { common },
  );
}

describe('EIP-7702 transaction envelope', () => {
  it('signing hash and signed bytes equal @ethereumjs/tx', () => {
    const ejs = theirs();
    expect(bytesToHex(setCodeTxSigningHash(t))).toBe(bytesToHex(ejs.getHashedMessageToSign()));
    expect(bytesToHex(signSetCodeTx(t, SENDER_KEY))).toBe(bytesToHex(ejs.sign(SENDER_KEY).serialize()));
  });

  it('decodes what it encodes and recovers the sender', () => {
    const d = decodeSetCodeTx(signSetCodeTx(t, SENDER_KEY));
    expect(d).toEqual({ ...t, sender: SENDER });
  });

  it('rejects malformed envelopes naming the field', () => {
    const good = signSetCodeTx(t, SENDER_KEY);
    const fields = rlpDecode(good.subarray(1)) as RlpValue[];
    const withField = (i: number, v: RlpValue) => {
      const copy = [...fields];
      copy[i] = v;
      return Uint8Array.of(4, ...rlpEncode(copy as never));
    };
    expect(() => decodeSetCodeTx(Uint8Array.of(2, ...good.subarray(1)))).toThrow(/type/);
    expect(() => decodeSetCodeTx(withField(5, new Uint8Array(19)))).toThrow(/to: expected 20 bytes/);
    expect(() => decodeSetCodeTx(withField(1, Uint8Array.of(0, 1)))).toThrow(/nonce: leading zero/);
    expect(() => decodeSetCodeTx(withField(9, [[Uint8Array.of(1)]]))).toThrow(/authorizationList\[0\]: expected 6/);
    expect(() => decodeSetCodeTx(withField(10, Uint8Array.of(2)))).toThrow(/yParity: must be 0 or 1/);
    expect(() => encodeSetCodeTx({ ...t, to: null }, { yParity: 0n, r: 1n, s: 1n })).toThrow(/destination/);
  });
});
