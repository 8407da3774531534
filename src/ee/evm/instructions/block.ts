// Block-context opcodes 0x40-0x4a (BLOCKHASH window, PREVRANDAO per EIP-4399, BLOBHASH per EIP-4844,
// BLOBBASEFEE per EIP-7516).
import type { Frame } from '../frame.js';
import { Status } from '../status.js';

/** Hash of one of the 256 most recent complete blocks; anything else (incl. the current block) is 0. */
export function blockhash(f: Frame): Status {
  const s = f.stack;
  const n = s.peek();
  const current = f.host.block.number;
  const lowest = current > 256n ? current - 256n : 0n;
  s.setTop(n >= lowest && n < current ? f.host.blockHash(n) : 0n);
  return Status.Continue;
}

export function coinbase(f: Frame): Status {
  f.stack.push(f.host.block.coinbase);
  return Status.Continue;
}

export function timestamp(f: Frame): Status {
  f.stack.push(f.host.block.timestamp);
  return Status.Continue;
}

export function number(f: Frame): Status {
  f.stack.push(f.host.block.number);
  return Status.Continue;
}

export function prevrandao(f: Frame): Status {
  f.stack.push(f.host.block.prevRandao);
  return Status.Continue;
}

export function gaslimit(f: Frame): Status {
  f.stack.push(f.host.block.gasLimit);
  return Status.Continue;
}

export function chainid(f: Frame): Status {
  f.stack.push(f.host.block.chainId);
  return Status.Continue;
}

export function basefee(f: Frame): Status {
  f.stack.push(f.host.block.baseFee);
  return Status.Continue;
}

/** The transaction's i-th versioned blob hash, or 0 when i is out of range. */
export function blobhash(f: Frame): Status {
  const s = f.stack;
  const i = s.peek();
  const hashes = f.host.tx.blobHashes;
  s.setTop(i < BigInt(hashes.length) ? hashes[Number(i)]! : 0n);
  return Status.Continue;
}

export function blobbasefee(f: Frame): Status {
  f.stack.push(f.host.block.blobBaseFee);
  return Status.Continue;
}

/** ZKsync OS `blobhash`: always 0, whatever the index (`evm_interpreter/src/instructions/environment.rs`). */
export function blobhashStub(f: Frame): Status {
  f.stack.setTop(0n);
  return Status.Continue;
}

/** ZKsync OS `blobbasefee`: always 1 (`evm_interpreter/src/instructions/environment.rs`). */
export function blobbasefeeStub(f: Frame): Status {
  f.stack.push(1n);
  return Status.Continue;
}
