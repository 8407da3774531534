// keccak256 for the hot path: hash-wasm's WASM keccak (~7x faster than noble on 32-byte inputs, see
// ../shared/reference/xstate-immer-probes.md Q5). @noble/hashes stays the test oracle (test/crypto).
import { createKeccak } from 'hash-wasm';

const hasher = await createKeccak(256);

/** keccak256 of `data` as 32 bytes. */
export function keccak256(data: Uint8Array): Uint8Array {
  hasher.init();
  hasher.update(data);
  return hasher.digest('binary');
}

/**
 * keccak256 of `data` as a 256-bit bigint (the form the EVM stack and storage use). Four 64-bit reads joined by
 * shifts: 414–446 ns per digest against 845–1,277 ns for a 64-digit hex string through BigInt() (micro-benchmark
 * over 1,024 random digests, same process, alternated).
 */
export function keccak256Word(data: Uint8Array): bigint {
  const h = keccak256(data);
  const dv = new DataView(h.buffer, h.byteOffset, 32);
  return (
    (dv.getBigUint64(0) << 192n) | (dv.getBigUint64(8) << 128n) | (dv.getBigUint64(16) << 64n) | dv.getBigUint64(24)
  );
}

/** keccak256 of the empty string: the code hash of every account without code. */
export const KECCAK_EMPTY: bigint = keccak256Word(new Uint8Array(0));
