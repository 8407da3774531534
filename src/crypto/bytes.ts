// Conversions between bigint words, byte arrays and hex strings used across the engine.

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lower-case hex of `bytes` with a 0x prefix. */
export function bytesToHex(bytes: Uint8Array): string {
  let s = '0x';
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i]!];
  return s;
}

/** Bytes of a 0x-prefixed (or bare) even-length hex string; throws naming `field` on bad input. */
export function hexToBytes(hex: string, field = 'hex'): Uint8Array {
  if (typeof hex !== 'string') throw new TypeError(`${field}: expected a hex string, got ${typeof hex}`);
  const s = hex.startsWith('0x') || hex.startsWith('0X') ? hex.slice(2) : hex;
  if (s.length % 2 !== 0) throw new TypeError(`${field}: odd-length hex string`);
  if (!/^[0-9a-fA-F]*$/.test(s)) throw new TypeError(`${field}: not a hex string`);
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.substr(i * 2, 2), 16);
  return out;
}

/** Big-endian bigint of `bytes` (empty → 0). */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  let hex = '0x';
  for (let i = 0; i < bytes.length; i++) hex += HEX[bytes[i]!];
  return BigInt(hex);
}

/** `value` as exactly `length` big-endian bytes (value must fit). */
export function bigIntToBytes(value: bigint, length = 32): Uint8Array {
  const out = new Uint8Array(length);
  let v = value;
  let end = length;
  if (length >= 8 && v > 0n) {
    // Eight bytes per step from the right: setBigUint64 stores its argument mod 2^64 (2 bigint operations per
    // 8 bytes instead of 2 per byte; a 32-byte word 0.94 → 0.33 µs, a 20-byte address 0.59 → 0.41 µs).
    const view = new DataView(out.buffer);
    for (; end >= 8 && v > 0n; end -= 8) {
      view.setBigUint64(end - 8, v);
      v >>= 64n;
    }
  }
  for (; end > 0 && v > 0n; end--) {
    out[end - 1] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** Minimal big-endian bytes of a non-negative bigint (0 → empty), as RLP wants integers. */
export function bigIntToMinimalBytes(value: bigint): Uint8Array {
  if (value === 0n) return new Uint8Array(0);
  let hex = value.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  return hexToBytes(hex);
}

/** 0x-prefixed 40-digit hex of an address. */
export function addressToHex(addr: bigint): string {
  return '0x' + addr.toString(16).padStart(40, '0');
}

/** Concatenation of byte arrays. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
