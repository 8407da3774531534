// Recursive Length Prefix (Yellow Paper, appendix B): the encoder the trie, the state root, the
// logs hash and the transaction decoder share, plus a strict (canonical-only) decoder.
//
// The encoder is two-pass: `measure` walks the item once, recording every list's payload length
// (and the hex of every integer too large for a double) in pre-order; `write` then fills one
// exactly-sized buffer. No intermediate arrays are allocated or concatenated.

/** What `rlpEncode` accepts: byte strings, non-negative integers (minimal big-endian, 0 → ""), lists. */
export type RlpInput = Uint8Array | bigint | number | readonly RlpInput[];

/** What `rlpDecode` returns: byte strings and lists of them. */
export type RlpValue = Uint8Array | RlpValue[];

/** Raised for any malformed or non-canonical encoding (and for unencodable inputs). */
export class RlpError extends Error {
  override name = 'RlpError';
}

/** RLP encoding of `input`. */
export function rlpEncode(input: RlpInput): Uint8Array {
  // Fast path: a plain byte string.
  if (input instanceof Uint8Array) {
    const n = input.length;
    if (n === 1 && input[0]! < 0x80) return Uint8Array.of(input[0]!);
    const out = new Uint8Array(headerLength(n) + n);
    out.set(input, writeHeader(out, 0, n, 0x80));
    return out;
  }
  const aux: Array<number | string> = [];
  const total = measure(input, aux);
  const out = new Uint8Array(total);
  const cursor = { aux, i: 0 };
  const end = write(input, out, 0, cursor);
  if (end !== total) throw new RlpError(`rlpEncode: internal length mismatch (${end} != ${total})`);
  return out;
}

/** Bytes a string/list header takes for a payload of `len` bytes (excluding the 1-byte short form). */
function headerLength(len: number): number {
  return len <= 55 ? 1 : 1 + byteLength(len);
}

/** Minimal big-endian byte count of a non-negative safe integer (0 → 0). */
function byteLength(n: number): number {
  let k = 0;
  while (n > 0) {
    k++;
    n = Math.floor(n / 256);
  }
  return k;
}

/** Writes the header for a payload of `len` bytes with base `offset` (0x80 string, 0xc0 list). */
function writeHeader(out: Uint8Array, pos: number, len: number, offset: number): number {
  if (len <= 55) {
    out[pos] = offset + len;
    return pos + 1;
  }
  const k = byteLength(len);
  out[pos] = offset + 55 + k;
  for (let i = k; i >= 1; i--) {
    out[pos + i] = len % 256;
    len = Math.floor(len / 256);
  }
  return pos + 1 + k;
}

function checkInt(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RlpError(`rlpEncode: ${n} is not a non-negative safe integer`);
}

/** Total encoded length of `item`; pushes list payload lengths / big-integer hex in pre-order. */
function measure(item: RlpInput, aux: Array<number | string>): number {
  if (item instanceof Uint8Array) {
    const n = item.length;
    return n === 1 && item[0]! < 0x80 ? 1 : headerLength(n) + n;
  }
  if (typeof item === 'number') {
    checkInt(item);
    if (item < 0x80) return 1; // 0 → 0x80, 1..0x7f → itself
    const k = byteLength(item);
    return 1 + k;
  }
  if (typeof item === 'bigint') {
    if (item < 0n) throw new RlpError(`rlpEncode: negative integer ${item}`);
    if (item <= 0x1fffffffffffffn) return measure(Number(item), aux);
    let hex = item.toString(16);
    if (hex.length & 1) hex = '0' + hex;
    aux.push(hex);
    const k = hex.length >> 1;
    return headerLength(k) + k;
  }
  if (!Array.isArray(item)) throw new RlpError(`rlpEncode: unsupported input type ${typeof item}`);
  const slot = aux.length;
  aux.push(0);
  let payload = 0;
  for (let i = 0; i < item.length; i++) payload += measure(item[i]!, aux);
  aux[slot] = payload;
  return headerLength(payload) + payload;
}

function write(item: RlpInput, out: Uint8Array, pos: number, cur: { aux: Array<number | string>; i: number }): number {
  if (item instanceof Uint8Array) {
    const n = item.length;
    if (n === 1 && item[0]! < 0x80) {
      out[pos] = item[0]!;
      return pos + 1;
    }
    pos = writeHeader(out, pos, n, 0x80);
    out.set(item, pos);
    return pos + n;
  }
  if (typeof item === 'number') return writeSmallInt(item, out, pos);
  if (typeof item === 'bigint') {
    if (item <= 0x1fffffffffffffn) return writeSmallInt(Number(item), out, pos);
    const hex = cur.aux[cur.i++] as string;
    const k = hex.length >> 1;
    pos = writeHeader(out, pos, k, 0x80);
    for (let i = 0; i < k; i++) out[pos + i] = parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    return pos + k;
  }
  const payload = cur.aux[cur.i++] as number;
  pos = writeHeader(out, pos, payload, 0xc0);
  const list = item as readonly RlpInput[];
  for (let i = 0; i < list.length; i++) pos = write(list[i]!, out, pos, cur);
  return pos;
}

function writeSmallInt(n: number, out: Uint8Array, pos: number): number {
  if (n === 0) {
    out[pos] = 0x80;
    return pos + 1;
  }
  if (n < 0x80) {
    out[pos] = n;
    return pos + 1;
  }
  const k = byteLength(n);
  out[pos] = 0x80 + k;
  for (let i = k; i >= 1; i--) {
    out[pos + i] = n % 256;
    n = Math.floor(n / 256);
  }
  return pos + 1 + k;
}

// ---------------------------------------------------------------------------------------------
// Decoding

/**
 * Strict RLP decoding of `bytes` (exactly one item, no trailing bytes). Rejects every
 * non-canonical form: a single byte < 0x80 wrapped as a string, a long form used for a payload of
 * at most 55 bytes, a length with leading zero bytes, and any payload overrunning its container.
 * Returned byte strings are copies (not views into `bytes`).
 */
export function rlpDecode(bytes: Uint8Array): RlpValue {
  if (!(bytes instanceof Uint8Array)) throw new RlpError('rlpDecode: input is not a Uint8Array');
  if (bytes.length === 0) throw new RlpError('rlpDecode: empty input');
  const cur = { pos: 0 };
  const value = decodeItem(bytes, cur, bytes.length);
  if (cur.pos !== bytes.length) {
    throw new RlpError(`rlpDecode: ${bytes.length - cur.pos} trailing byte(s) after the item at offset ${cur.pos}`);
  }
  return value;
}

function hexByte(b: number): string {
  return '0x' + b.toString(16).padStart(2, '0');
}

/** Decodes the item at `cur.pos`, which must end at or before `limit`; advances `cur.pos`. */
function decodeItem(buf: Uint8Array, cur: { pos: number }, limit: number): RlpValue {
  const start = cur.pos;
  if (start >= limit) throw new RlpError(`rlpDecode: unexpected end of input at offset ${start}`);
  const b = buf[start]!;
  if (b < 0x80) {
    cur.pos = start + 1;
    return Uint8Array.of(b);
  }
  let len: number;
  let dataStart: number;
  const isList = b >= 0xc0;
  const base = isList ? 0xc0 : 0x80;
  if (b - base <= 55) {
    len = b - base;
    dataStart = start + 1;
  } else {
    const lenOfLen = b - base - 55;
    if (start + 1 + lenOfLen > limit) {
      throw new RlpError(`rlpDecode: length-of-length ${lenOfLen} at offset ${start} overruns the input`);
    }
    if (buf[start + 1] === 0) {
      throw new RlpError(`rlpDecode: non-canonical length with leading zero byte at offset ${start}`);
    }
    len = 0;
    for (let i = 1; i <= lenOfLen; i++) len = len * 256 + buf[start + i]!;
    if (len <= 55) {
      throw new RlpError(`rlpDecode: non-canonical long-form length ${len} (<= 55) at offset ${start}`);
    }
    dataStart = start + 1 + lenOfLen;
  }
  const end = dataStart + len;
  if (!Number.isSafeInteger(end) || end > limit) {
    throw new RlpError(
      `rlpDecode: ${isList ? 'list' : 'string'} of length ${len} at offset ${start} overruns its container`,
    );
  }
  if (!isList) {
    if (len === 1 && buf[dataStart]! < 0x80) {
      throw new RlpError(
        `rlpDecode: non-canonical single byte ${hexByte(buf[dataStart]!)} encoded as a string at offset ${start}`,
      );
    }
    cur.pos = end;
    return buf.slice(dataStart, end);
  }
  const items: RlpValue[] = [];
  cur.pos = dataStart;
  while (cur.pos < end) items.push(decodeItem(buf, cur, end));
  return items;
}
