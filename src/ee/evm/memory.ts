// Frame memory: a growable byte buffer (capacity doubles) with its logical size in words, and the
// one function that turns stack offsets into paid-for memory ranges.
import { memoryExpansionCost, toWords } from './gas.js';

/** Largest offset+size we ever expand to (4 GiB, ≈3.5e13 gas); anything larger is out of gas. */
const MAX_MEMORY_BYTES = 0x1_0000_0000;
const MAX_MEMORY_BIG = BigInt(MAX_MEMORY_BYTES);

/** EVM memory of one frame. */
export class Memory {
  buf: Uint8Array = new Uint8Array(1024);
  /** DataView over `buf`, for 64-bit word access; replaced whenever `buf` grows. */
  view: DataView = new DataView(this.buf.buffer);
  /** Logical size (what MSIZE reports / 32). */
  words = 0;

  /** Logical size in bytes. */
  get sizeBytes(): number {
    return this.words * 32;
  }

  /** Makes the capacity at least `bytes`, doubling; new bytes are zero. */
  reserve(bytes: number): void {
    if (bytes <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < bytes) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf);
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  /** Reads a 32-byte big-endian word at `offset` (already expanded). */
  readWord(offset: number): bigint {
    const v = this.view;
    return (
      (v.getBigUint64(offset) << 192n) |
      (v.getBigUint64(offset + 8) << 128n) |
      (v.getBigUint64(offset + 16) << 64n) |
      v.getBigUint64(offset + 24)
    );
  }

  /** Writes `word` as 32 big-endian bytes at `offset` (already expanded). */
  writeWord(offset: number, word: bigint): void {
    const v = this.view;
    v.setBigUint64(offset, word >> 192n);
    v.setBigUint64(offset + 8, BigInt.asUintN(64, word >> 128n));
    v.setBigUint64(offset + 16, BigInt.asUintN(64, word >> 64n));
    v.setBigUint64(offset + 24, BigInt.asUintN(64, word));
  }

  /** Copy of [offset, offset+size) (already expanded). */
  slice(offset: number, size: number): Uint8Array {
    return this.buf.slice(offset, offset + size);
  }
}

/** What `expandMemory` needs of a frame. */
export interface MemoryOwner {
  gas: number;
  readonly memory: Memory;
}

/**
 * Charges the expansion of memory to cover [offset, offset+size) and grows it. A zero size never
 * expands, whatever the offset. Returns false when out of gas (including offsets beyond 4 GiB,
 * which no gas limit below 2^53 could pay for anyway).
 */
export function expandMemory(f: MemoryOwner, offset: bigint, size: bigint): boolean {
  if (size === 0n) return true;
  if (offset > MAX_MEMORY_BIG || size > MAX_MEMORY_BIG) return false;
  const end = Number(offset) + Number(size);
  if (end > MAX_MEMORY_BYTES) return false;
  const mem = f.memory;
  const words = toWords(end);
  if (words <= mem.words) return true;
  const cost = memoryExpansionCost(mem.words, words);
  if (cost > f.gas) return false;
  f.gas -= cost;
  mem.reserve(words * 32);
  mem.words = words;
  return true;
}

/**
 * Copies `size` bytes of `src` starting at `srcOffset` into memory at `dest`, zero-filling past the
 * end of `src` (CALLDATACOPY/CODECOPY/EXTCODECOPY semantics). Memory must already cover the range.
 */
export function copyPadded(mem: Memory, dest: number, src: Uint8Array, srcOffset: bigint, size: number): void {
  const buf = mem.buf;
  if (srcOffset >= BigInt(src.length)) {
    buf.fill(0, dest, dest + size);
    return;
  }
  const start = Number(srcOffset);
  const available = Math.min(size, src.length - start);
  buf.set(src.subarray(start, start + available), dest);
  if (available < size) buf.fill(0, dest + available, dest + size);
}
