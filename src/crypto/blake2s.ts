// Blake2s-256: ZKsync OS's bytecode hash (`account_cache.rs deploy_code`), from @noble/hashes.
import { blake2s } from '@noble/hashes/blake2.js';
import { bytesToBigInt } from './bytes.js';

/** blake2s-256 of `data` as a 256-bit bigint. */
export function blake2sWord(data: Uint8Array): bigint {
  return bytesToBigInt(blake2s(data));
}
