// Frame memory: a growable byte buffer (starts empty, capacity grows ×4) with its logical size in
// words, and the one function that turns stack offsets into paid-for memory ranges.
import { memoryExpansionCost, toWords } from './gas.js';
import { TWO_64, TWO_192 } from '../../encoding/limits.js';
import type { DynamicNative } from './native.js';
import { SMALL_LIMIT, type Word } from './words.js';

/** Largest offset+size we ever expand to (4 GiB, ≈3.5e13 gas); anything larger is out of gas. */
const MAX_MEMORY_BYTES = 0x1_0000_0000;
const MAX_MEMORY_BIG = BigInt(MAX_MEMORY_BYTES);
/** u32::MAX − 31: the largest end ZKsync OS's heap grows to; beyond it no gas limit could pay either. */
const HEAP_LIMIT = 0xffff_ffff - 31;
/** usize::MAX on ZKsync OS's 32-bit target: larger lengths fail `cast_to_usize`. */
const HEAP_LIMIT_BIG_USIZE = 0xffff_ffffn;

const EMPTY_BUF = new Uint8Array(0);
const EMPTY_VIEW = new DataView(EMPTY_BUF.buffer);
/** First allocation: most frames that touch memory stay within a few KiB. */
const FIRST_CAPACITY = 4096;
/** From this capacity on, growth slows to ×2 so large memories do not over-allocate. */
const BIG_CAPACITY = 1 << 20;
/** 2^64: words below it take the one-limb fast paths. */

/**
 * Buffers of ended frames, all zero, for reuse by later frames (fresh multi-MiB ArrayBuffers cost
 * page faults and GC pressure). A buffer enters the pool only through `release`, after its owner's
 * frame has ended; nothing references frame memory afterwards (RETURN/REVERT output is a copy; call
 * input is a view, but only for as long as the callee runs, and the caller outlives its callee).
 */
const pool: Uint8Array[] = [];
const POOL_MAX_BUFFERS = 16;
const POOL_MAX_BUFFER_BYTES = 1 << 25;

/** A zeroed buffer of at least `min` bytes: a pooled one if any is large enough, else `cap` new bytes. */
function takeBuffer(min: number, cap: number): Uint8Array {
  for (let i = pool.length - 1; i >= 0; i--) {
    const b = pool[i]!;
    if (b.length >= min) {
      pool[i] = pool[pool.length - 1]!;
      pool.pop();
      return b;
    }
  }
  return new Uint8Array(cap);
}

/** Zeroes the first `dirty` bytes of `b` and returns it to the pool (if there is room). */
function giveBuffer(b: Uint8Array, dirty: number): void {
  if (b.length === 0 || b.length > POOL_MAX_BUFFER_BYTES || pool.length >= POOL_MAX_BUFFERS) return;
  b.fill(0, 0, dirty);
  pool.push(b);
}

/**
 * The 32-byte big-endian word at `offset` of `v` (memory, or calldata for CALLDATALOAD): a number when below
 * 2^31, else a bigint built from its 64-bit limbs (one, three or four: the zero top limbs are skipped).
 */
export function readWordAt(v: DataView, offset: number): Word {
  const top = v.getUint32(offset) | v.getUint32(offset + 4);
  if (top === 0) {
    // Fast path: the upper 24 bytes are zero (pointers, lengths, small integers).
    if (
      (v.getUint32(offset + 8) | v.getUint32(offset + 12) | v.getUint32(offset + 16) | v.getUint32(offset + 20)) ===
      0
    ) {
      if (v.getUint32(offset + 24) === 0) {
        const low = v.getUint32(offset + 28);
        if (low < SMALL_LIMIT) return low;
      }
      return v.getBigUint64(offset + 24);
    }
    // A zero top limb (addresses, packed 64-bit lanes): three limbs.
    return (v.getBigUint64(offset + 8) << 128n) | (v.getBigUint64(offset + 16) << 64n) | v.getBigUint64(offset + 24);
  }
  return (
    (v.getBigUint64(offset) << 192n) |
    (v.getBigUint64(offset + 8) << 128n) |
    (v.getBigUint64(offset + 16) << 64n) |
    v.getBigUint64(offset + 24)
  );
}

/** EVM memory of one frame. Frames that never touch memory allocate nothing. */
export class Memory {
  buf: Uint8Array = EMPTY_BUF;
  /** DataView over `buf`, for 64-bit word access; replaced whenever `buf` grows. */
  view: DataView = EMPTY_VIEW;
  /** Logical size (what MSIZE reports / 32). */
  words = 0;

  /** Logical size in bytes. */
  get sizeBytes(): number {
    return this.words * 32;
  }

  /** Makes the capacity at least `bytes`, growing ×4 from 4 KiB (×2 from 1 MiB); new bytes are zero. */
  reserve(bytes: number): void {
    if (bytes <= this.buf.length) return;
    let cap = this.buf.length === 0 ? FIRST_CAPACITY : this.buf.length;
    while (cap < bytes) cap *= cap < BIG_CAPACITY ? 4 : 2;
    const next = takeBuffer(bytes, cap);
    const old = this.buf;
    const used = this.words * 32;
    if (used !== 0) next.set(old.subarray(0, used));
    giveBuffer(old, used);
    this.buf = next;
    this.view = new DataView(next.buffer, next.byteOffset, next.byteLength);
  }

  /**
   * Ends this memory's life (its frame has ended): the buffer goes back to the pool and the memory
   * reads as empty capacity from now on; `words` (MSIZE) is kept for inspection.
   */
  release(): void {
    const b = this.buf;
    if (b.length === 0) return;
    this.buf = EMPTY_BUF;
    this.view = EMPTY_VIEW;
    giveBuffer(b, this.words * 32);
  }

  /** Reads a 32-byte big-endian word at `offset` (already expanded); a value below 2^31 comes back as a number. */
  readWord(offset: number): Word {
    return readWordAt(this.view, offset);
  }

  /** Writes `word` as 32 big-endian bytes at `offset` (already expanded). */
  writeWord(offset: number, word: Word): void {
    const v = this.view;
    if (typeof word === 'number') {
      v.setUint32(offset, 0);
      v.setUint32(offset + 4, 0);
      v.setUint32(offset + 8, 0);
      v.setUint32(offset + 12, 0);
      v.setUint32(offset + 16, 0);
      v.setUint32(offset + 20, 0);
      v.setUint32(offset + 24, 0);
      v.setUint32(offset + 28, word);
      return;
    }
    if (word < TWO_64) {
      v.setUint32(offset, 0);
      v.setUint32(offset + 4, 0);
      v.setUint32(offset + 8, 0);
      v.setUint32(offset + 12, 0);
      v.setUint32(offset + 16, 0);
      v.setUint32(offset + 20, 0);
      v.setBigUint64(offset + 24, word);
      return;
    }
    // setBigUint64 stores its argument mod 2^64 (ToBigUint64), so each limb needs only the shift; a zero top
    // limb (words below 2^192: addresses, packed 64-bit lanes) is written without the third shift.
    v.setBigUint64(offset + 24, word);
    v.setBigUint64(offset + 16, word >> 64n);
    v.setBigUint64(offset + 8, word >> 128n);
    if (word < TWO_192) {
      v.setUint32(offset, 0);
      v.setUint32(offset + 4, 0);
    } else v.setBigUint64(offset, word >> 192n);
  }

  /** Copy of [offset, offset+size) (already expanded). */
  slice(offset: number, size: number): Uint8Array {
    return this.buf.slice(offset, offset + size);
  }

  /**
   * View of [offset, offset+size) (already expanded), valid until this memory next grows or is released:
   * a call's input, which the caller cannot change while its callee runs (no copy of large inputs).
   */
  borrow(offset: number, size: number): Uint8Array {
    return this.buf.subarray(offset, offset + size);
  }
}

/** What `expandMemory` needs of a frame. */
export interface MemoryOwner {
  gas: number;
  native: number;
  readonly memory: Memory;
  readonly table: { readonly dynamicNative: DynamicNative };
}

/**
 * Charges the expansion of memory to cover [offset, offset+size) and grows it. A zero size never
 * expands, whatever the offset. Returns false when out of gas (including offsets beyond 4 GiB,
 * which no gas limit below 2^53 could pay for anyway).
 */
export function expandMemory(f: MemoryOwner, offset: bigint, size: bigint): boolean {
  if (size === 0n) return true;
  if (offset > MAX_MEMORY_BIG || size > MAX_MEMORY_BIG) return false;
  return growMemory(f, Number(offset) + Number(size));
}

/**
 * `expandMemory` for a range that ends at byte `end` (an exact number, at most 2^33): the step loops' MLOAD and
 * MSTORE call it with number offsets, without the bigint checks.
 */
export function growMemory(f: MemoryOwner, end: number): boolean {
  if (end > MAX_MEMORY_BYTES) return false;
  const mem = f.memory;
  const words = toWords(end);
  if (words <= mem.words) return true;
  // Native before gas, as `pay_for_memory_growth` charges it (0 without native): a growth the native budget
  // cannot pay ends the transaction when the runner charges it, even if the gas check below fails.
  // Past HEAP_LIMIT ZKsync OS halts without charging (`resize_heap_implementation`: MemoryLimitOOG); the gas
  // check below fails there for any gas limit below ~3.5e13.
  if (end <= HEAP_LIMIT) {
    const dn = f.table.dynamicNative;
    f.native += dn.memoryExpansionBase + dn.memoryExpansionPerByte * 32 * (words - mem.words);
  }
  const cost = memoryExpansionCost(mem.words, words);
  if (cost > f.gas) return false;
  f.gas -= cost;
  mem.reserve(words * 32);
  mem.words = words;
  return true;
}

/**
 * Adds the per-byte native of a copy of `size` bytes (`gas_utils::copy_cost`; 0 without native). ZKsync OS
 * charges it before the copy's gas, so a copy the native budget cannot pay ends the transaction; a size
 * beyond usize (u32) halts there first (`cast_to_usize`: InvalidOperandOOG) and charges nothing.
 */
export function addCopyNative(f: MemoryOwner, size: bigint): void {
  if (size <= HEAP_LIMIT_BIG_USIZE) f.native += f.table.dynamicNative.copyPerByte * Number(size);
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
