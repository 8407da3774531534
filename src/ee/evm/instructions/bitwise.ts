// Comparison and bitwise opcodes (BYTE, SAR, CLZ); LT, GT, SLT, SGT, EQ, ISZERO, AND, OR, XOR, NOT, SHL, SHR are
// inlined in the step loops (scripts/interpreter-ops.mjs).
import type { Frame } from '../frame.js';
import { Status } from '../status.js';
import { SIGN_BIT, TWO_256, U256_MAX } from '../../../encoding/limits.js';

export function byte(f: Frame): Status {
  const s = f.stack;
  const i = s.pop();
  s.setTop(i < 32n ? (s.peek() >> (248n - i * 8n)) & 0xffn : 0n);
  return Status.Continue;
}

/** Arithmetic shift: negative values fill with ones, so a shift ≥ 256 gives -1 (or 0 if x ≥ 0). */
export function sar(f: Frame): Status {
  const s = f.stack;
  const shift = s.pop();
  const x = s.peek();
  const negative = x >= SIGN_BIT;
  if (shift >= 256n) s.setTop(negative ? U256_MAX : 0n);
  else if (negative) s.setTop(((x - TWO_256) >> shift) & U256_MAX);
  else s.setTop(x >> shift);
  return Status.Continue;
}

const B128 = 1n << 128n;
const B64 = 1n << 64n;
const B32 = 1n << 32n;

/** EIP-7939 CLZ: leading zero bits of the top word (256 for 0), by halving down to a 32-bit Math.clz32. */
export function clz(f: Frame): Status {
  const s = f.stack;
  let x = s.peek();
  let bits = 0;
  if (x >= B128) {
    x >>= 128n;
    bits += 128;
  }
  if (x >= B64) {
    x >>= 64n;
    bits += 64;
  }
  if (x >= B32) {
    x >>= 32n;
    bits += 32;
  }
  bits += 32 - Math.clz32(Number(x));
  s.setTop(BigInt(256 - bits));
  return Status.Continue;
}
