// A block for runs that do not care about the block: the scenario default and the library's DEFAULT_BLOCK.
import type { BlockContext } from '../ee/host.js';

/** A Cancun block on chain 1: number 1, timestamp 1000, gas limit 30M, base fee 7 wei, blob base fee 1 wei. */
export const DEFAULT_BLOCK: BlockContext = Object.freeze({
  coinbase: 0xc0ffee0000000000000000000000000000000000n,
  number: 1n,
  timestamp: 1000n,
  gasLimit: 30_000_000n,
  baseFee: 7n,
  prevRandao: 0n,
  difficulty: 0n,
  chainId: 1n,
  blobBaseFee: 1n,
  excessBlobGas: 0n,
});
