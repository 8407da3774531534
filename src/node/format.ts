// JSON-RPC output shapes (execution-apis): quantities, data, blocks, transactions, receipts, logs.
import { addressToHex, bytesToHex } from '../crypto/bytes.js';
import type { Log } from '../system/world.js';
import type { Block, MinedTx } from './chain.js';
import type { SignedTx } from './txCodec.js';

/** A quantity: 0x-prefixed, no leading zeros. */
export const qty = (v: bigint | number): string => '0x' + v.toString(16);
export const addr = addressToHex;
/** A 32-byte word: 0x and 64 hex digits. */
export const word = (v: bigint): string => '0x' + v.toString(16).padStart(64, '0');
export const data = bytesToHex;

/** A log as eth_getLogs and receipts return it. */
export interface RpcLog {
  address: string;
  topics: string[];
  data: string;
  blockNumber: string;
  blockHash: string;
  blockTimestamp: string;
  transactionHash: string;
  transactionIndex: string;
  logIndex: string;
  removed: boolean;
}

export function formatLog(log: Log, block: Block, t: MinedTx, indexInTx: number): RpcLog {
  return {
    address: addr(log.address),
    topics: log.topics.map(word),
    data: data(log.data),
    blockNumber: qty(block.number),
    blockHash: word(block.hash),
    blockTimestamp: qty(block.timestamp),
    transactionHash: word(t.signed.hash),
    transactionIndex: qty(t.index),
    logIndex: qty(t.firstLogIndex + indexInTx),
    removed: false,
  };
}

/** A transaction object (eth_getTransactionByHash; null block fields while pending). */
export function formatTx(s: SignedTx, where: { block: Block; index: number } | null, baseFee?: bigint): object {
  const tx = s.tx;
  const out: Record<string, unknown> = {
    type: qty(tx.type),
    hash: word(s.hash),
    nonce: qty(tx.nonce),
    blockHash: where ? word(where.block.hash) : null,
    blockNumber: where ? qty(where.block.number) : null,
    transactionIndex: where ? qty(where.index) : null,
    from: addr(tx.sender),
    to: tx.to === null ? null : addr(tx.to),
    value: qty(tx.value),
    gas: qty(tx.gasLimit),
    input: data(tx.data),
    v: qty(s.v),
    r: qty(s.r),
    s: qty(s.s),
  };
  if (tx.type !== 0 || tx.chainId !== 0n) out.chainId = qty(tx.chainId);
  if (tx.type === 0 || tx.type === 1) out.gasPrice = qty(tx.gasPrice ?? 0n);
  if (tx.type >= 1) {
    out.accessList = tx.accessList.map((e) => ({ address: addr(e.address), storageKeys: e.storageKeys.map(word) }));
    out.yParity = qty(s.v);
  }
  if (tx.type >= 2) {
    out.maxFeePerGas = qty(tx.maxFeePerGas ?? 0n);
    out.maxPriorityFeePerGas = qty(tx.maxPriorityFeePerGas ?? 0n);
    // geth reports the effective price of a mined dynamic-fee transaction as gasPrice.
    const cap = tx.maxFeePerGas ?? 0n;
    const tip = tx.maxPriorityFeePerGas ?? 0n;
    out.gasPrice = qty(baseFee === undefined ? cap : baseFee + tip < cap ? baseFee + tip : cap);
  }
  if (tx.type === 3) {
    out.maxFeePerBlobGas = qty(tx.maxFeePerBlobGas ?? 0n);
    out.blobVersionedHashes = tx.blobVersionedHashes.map(word);
  }
  return out;
}

export function formatMinedTx(block: Block, t: MinedTx): object {
  return formatTx(t.signed, { block, index: t.index }, block.baseFeePerGas);
}

export function formatReceipt(block: Block, t: MinedTx, withL2ToL1: boolean): object {
  const r = t.receipt;
  const tx = t.signed.tx;
  const out: Record<string, unknown> = {
    type: qty(tx.type),
    status: r.status === 'success' ? '0x1' : '0x0',
    cumulativeGasUsed: qty(t.cumulativeGasUsed),
    logs: r.logs.map((l, i) => formatLog(l, block, t, i)),
    logsBloom: data(t.logsBloom),
    transactionHash: word(t.signed.hash),
    transactionIndex: qty(t.index),
    blockHash: word(block.hash),
    blockNumber: qty(block.number),
    gasUsed: qty(r.gasUsed),
    effectiveGasPrice: qty(t.effectiveGasPrice),
    from: addr(tx.sender),
    to: tx.to === null ? null : addr(tx.to),
    contractAddress: r.createdAddress !== undefined && r.status === 'success' ? addr(r.createdAddress) : null,
  };
  if (withL2ToL1)
    out.l2ToL1Logs = r.messages.map((m, i) => ({
      blockNumber: qty(block.number),
      blockHash: word(block.hash),
      transactionHash: word(t.signed.hash),
      transactionIndex: qty(t.index),
      logIndex: qty(i),
      sender: addr(m.sender),
      value: word(m.hash),
      data: data(m.data),
    }));
  return out;
}

export function formatBlock(b: Block, full: boolean): object {
  return {
    number: qty(b.number),
    hash: word(b.hash),
    parentHash: word(b.parentHash),
    sha3Uncles: '0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347',
    logsBloom: data(b.logsBloom),
    transactionsRoot: data(b.transactionsRoot),
    stateRoot: data(b.stateRoot),
    receiptsRoot: data(b.receiptsRoot),
    miner: addr(b.coinbase),
    difficulty: '0x0',
    totalDifficulty: '0x0',
    extraData: '0x',
    size: qty(b.size),
    gasLimit: qty(b.gasLimit),
    gasUsed: qty(b.gasUsed),
    timestamp: qty(b.timestamp),
    mixHash: word(b.mixHash),
    nonce: '0x0000000000000000',
    baseFeePerGas: qty(b.baseFeePerGas),
    withdrawalsRoot: '0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421',
    withdrawals: [],
    blobGasUsed: qty(b.blobGasUsed),
    excessBlobGas: qty(b.excessBlobGas),
    parentBeaconBlockRoot: word(0n),
    uncles: [],
    transactions: full ? b.txs.map((t) => formatMinedTx(b, t)) : b.txs.map((t) => word(t.signed.hash)),
  };
}
