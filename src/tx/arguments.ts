// Run-time check of `processTransaction(env, tx)` (src/input/arguments.ts): every field of the transaction has
// the right type. Numeric fields are only required to be non-negative bigints: values wider than their
// encoding must reach validation, which rejects them as a transaction (FieldOverflow), not as a bad argument.
import { ArgumentChecker } from '../input/arguments.js';
import { checkRunEnvironment } from '../runner/arguments.js';

/** Checks the access-list entries `{ address, storageKeys }`. */
export function checkAccessList(c: ArgumentChecker, v: unknown, field: string): void {
  c.array(v, field, 'an array of { address, storageKeys }').forEach((e, i) => {
    const f = `${field}[${i}]`;
    const o = c.object(e, f);
    c.address(o.address, `${f}.address`);
    c.array(o.storageKeys, `${f}.storageKeys`, 'an array of bigints').forEach((k, j) => {
      c.bigint(k, `${f}.storageKeys[${j}]`);
    });
  });
}

/** `processTransaction(env, tx)`. */
export function checkTransactionArguments(env: unknown, tx: unknown): void {
  const c: ArgumentChecker = new ArgumentChecker('processTransaction');
  checkRunEnvironment(c, env);
  const t = c.object(tx, 'tx');
  const type = t.type;
  if (type !== 0 && type !== 1 && type !== 2 && type !== 3 && type !== 4)
    c.fail('tx.type', `must be 0, 1, 2, 3 or 4 (makeTx builds a complete transaction), got ${String(type)}`);
  c.bigint(t.chainId, 'tx.chainId');
  c.bigint(t.nonce, 'tx.nonce');
  c.bigint(t.gasLimit, 'tx.gasLimit');
  if (t.to !== null) c.address(t.to, 'tx.to (null for a contract creation)');
  c.bigint(t.value, 'tx.value');
  c.bytes(t.data, 'tx.data');
  c.address(t.sender, 'tx.sender');
  if (type < 2) c.bigint(t.gasPrice, 'tx.gasPrice');
  else {
    c.bigint(t.maxFeePerGas, 'tx.maxFeePerGas');
    c.bigint(t.maxPriorityFeePerGas, 'tx.maxPriorityFeePerGas');
  }
  checkAccessList(c, t.accessList, 'tx.accessList');
  c.array(t.blobVersionedHashes, 'tx.blobVersionedHashes', 'an array of bigints ([] unless type 3)').forEach((h, i) => {
    c.bigint(h, `tx.blobVersionedHashes[${i}]`);
  });
  if (t.maxFeePerBlobGas !== undefined) c.bigint(t.maxFeePerBlobGas, 'tx.maxFeePerBlobGas');
  if (t.authorizationList !== undefined)
    c.array(
      t.authorizationList,
      'tx.authorizationList',
      'an array of { chainId, address, nonce, yParity, r, s }',
    ).forEach((e, i) => {
      const f = `tx.authorizationList[${i}]`;
      const a = c.object(e, f);
      c.address(a.address, `${f}.address`);
      for (const k of ['chainId', 'nonce', 'yParity', 'r', 's'] as const) c.bigint(a[k], `${f}.${k}`);
      if (a.authority !== undefined) c.address(a.authority, `${f}.authority`);
    });
}
