// Bytecode builder for tests: `asm().push(1).push(2).op('ADD').ret(0, 32).toBytes()`; no hex strings.
import { Op, type OpName } from '../../src/ee/evm/opcodes.js';

/** Minimal big-endian bytes of a non-negative value (at least one byte). */
function minimalBytes(v: bigint): number[] {
  if (v < 0n) throw new Error('negative push');
  const out: number[] = [];
  while (v > 0n) {
    out.unshift(Number(v & 0xffn));
    v >>= 8n;
  }
  return out.length === 0 ? [0] : out;
}

/** Fluent EVM assembler. */
export class Asm {
  readonly bytes: number[] = [];
  private readonly labels = new Map<string, number>();
  private readonly fixups: { at: number; label: string }[] = [];

  /** Current code offset. */
  get pc(): number {
    return this.bytes.length;
  }

  op(...names: OpName[]): this {
    for (const n of names) this.bytes.push(Op[n]);
    return this;
  }

  /** Raw bytes appended as is. */
  raw(...bytes: number[]): this {
    this.bytes.push(...bytes);
    return this;
  }

  /** Shortest PUSHn for `v` (PUSH1 0 for zero; use `push0()` for PUSH0). */
  push(v: bigint | number): this {
    const b = minimalBytes(BigInt(v));
    this.bytes.push(Op.PUSH1 + b.length - 1, ...b);
    return this;
  }

  /** PUSHn with exactly n bytes. */
  pushN(n: number, v: bigint | number): this {
    const b = minimalBytes(BigInt(v));
    if (b.length > n) throw new Error(`value does not fit PUSH${n}`);
    this.bytes.push(Op.PUSH1 + n - 1, ...new Array<number>(n - b.length).fill(0), ...b);
    return this;
  }

  push0(): this {
    return this.op('PUSH0');
  }

  /** Marks a JUMPDEST here under `name`. */
  label(name: string): this {
    this.labels.set(name, this.bytes.length);
    return this.op('JUMPDEST');
  }

  /** PUSH2 of a label's offset, resolved in `toBytes`. */
  pushLabel(name: string): this {
    this.fixups.push({ at: this.bytes.length + 1, label: name });
    this.bytes.push(Op.PUSH2, 0, 0);
    return this;
  }

  mstore(offset: bigint | number, value: bigint | number): this {
    return this.push(value).push(offset).op('MSTORE');
  }

  mstore8(offset: bigint | number, value: bigint | number): this {
    return this.push(value).push(offset).op('MSTORE8');
  }

  sstore(slot: bigint | number, value: bigint | number): this {
    return this.push(value).push(slot).op('SSTORE');
  }

  sload(slot: bigint | number): this {
    return this.push(slot).op('SLOAD');
  }

  tstore(slot: bigint | number, value: bigint | number): this {
    return this.push(value).push(slot).op('TSTORE');
  }

  /** RETURN(offset, size). */
  ret(offset: bigint | number, size: bigint | number): this {
    return this.push(size).push(offset).op('RETURN');
  }

  revert(offset: bigint | number, size: bigint | number): this {
    return this.push(size).push(offset).op('REVERT');
  }

  /** Stores the top of the stack at memory 0 and returns that word. */
  retTop(): this {
    return this.push(0).op('MSTORE').ret(0, 32);
  }

  /** CALL with the arguments pushed in the right order. */
  call(
    address: bigint,
    o: {
      gas?: bigint | number;
      value?: bigint | number;
      inOffset?: number;
      inSize?: number;
      outOffset?: number;
      outSize?: number;
    } = {},
  ): this {
    return this.push(o.outSize ?? 0)
      .push(o.outOffset ?? 0)
      .push(o.inSize ?? 0)
      .push(o.inOffset ?? 0)
      .push(o.value ?? 0)
      .push(address)
      .push(o.gas ?? 100_000)
      .op('CALL');
  }

  /** Code bytes with label fixups applied. */
  toBytes(): Uint8Array {
    const out = Uint8Array.from(this.bytes);
    for (const { at, label } of this.fixups) {
      const dest = this.labels.get(label);
      if (dest === undefined) throw new Error(`unknown label ${label}`);
      out[at] = dest >> 8;
      out[at + 1] = dest & 0xff;
    }
    return out;
  }
}

/** Starts a new program. */
export function asm(): Asm {
  return new Asm();
}
