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

/** keccak256 of `data` as a 256-bit bigint (the form the EVM stack and storage use). */
export function keccak256Word(data: Uint8Array): bigint {
  const h = keccak256(data);
  let hex = '0x';
  for (let i = 0; i < 32; i++) hex += HEX[h[i]!];
  return BigInt(hex);
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** keccak256 of the empty string: the code hash of every account without code. */
export const KECCAK_EMPTY: bigint = keccak256Word(new Uint8Array(0));
