// A tiny EVM assembler for the fuzzer and the hostile-execution scenarios (independent of the engine's own
// opcode table so that the generator does not move when the interpreter is refactored).

export const OP = {
  STOP: 0x00,
  ADD: 0x01,
  MUL: 0x02,
  SUB: 0x03,
  DIV: 0x04,
  SDIV: 0x05,
  MOD: 0x06,
  SMOD: 0x07,
  ADDMOD: 0x08,
  MULMOD: 0x09,
  EXP: 0x0a,
  SIGNEXTEND: 0x0b,
  LT: 0x10,
  GT: 0x11,
  SLT: 0x12,
  SGT: 0x13,
  EQ: 0x14,
  ISZERO: 0x15,
  AND: 0x16,
  OR: 0x17,
  XOR: 0x18,
  NOT: 0x19,
  BYTE: 0x1a,
  SHL: 0x1b,
  SHR: 0x1c,
  SAR: 0x1d,
  CLZ: 0x1e,
  KECCAK256: 0x20,
  ADDRESS: 0x30,
  BALANCE: 0x31,
  ORIGIN: 0x32,
  CALLER: 0x33,
  CALLVALUE: 0x34,
  CALLDATALOAD: 0x35,
  CALLDATASIZE: 0x36,
  CALLDATACOPY: 0x37,
  CODESIZE: 0x38,
  CODECOPY: 0x39,
  GASPRICE: 0x3a,
  EXTCODESIZE: 0x3b,
  EXTCODECOPY: 0x3c,
  RETURNDATASIZE: 0x3d,
  RETURNDATACOPY: 0x3e,
  EXTCODEHASH: 0x3f,
  BLOCKHASH: 0x40,
  COINBASE: 0x41,
  TIMESTAMP: 0x42,
  NUMBER: 0x43,
  PREVRANDAO: 0x44,
  GASLIMIT: 0x45,
  CHAINID: 0x46,
  SELFBALANCE: 0x47,
  BASEFEE: 0x48,
  BLOBHASH: 0x49,
  BLOBBASEFEE: 0x4a,
  POP: 0x50,
  MLOAD: 0x51,
  MSTORE: 0x52,
  MSTORE8: 0x53,
  SLOAD: 0x54,
  SSTORE: 0x55,
  JUMP: 0x56,
  JUMPI: 0x57,
  PC: 0x58,
  MSIZE: 0x59,
  GAS: 0x5a,
  JUMPDEST: 0x5b,
  TLOAD: 0x5c,
  TSTORE: 0x5d,
  MCOPY: 0x5e,
  PUSH0: 0x5f,
  PUSH1: 0x60,
  PUSH2: 0x61,
  PUSH32: 0x7f,
  DUP1: 0x80,
  SWAP1: 0x90,
  LOG0: 0xa0,
  CREATE: 0xf0,
  CALL: 0xf1,
  CALLCODE: 0xf2,
  RETURN: 0xf3,
  DELEGATECALL: 0xf4,
  CREATE2: 0xf5,
  STATICCALL: 0xfa,
  REVERT: 0xfd,
  INVALID: 0xfe,
  SELFDESTRUCT: 0xff,
} as const;

export type OpName = keyof typeof OP;

function minimalBytes(v: bigint): number[] {
  if (v < 0n) throw new Error('negative push');
  const out: number[] = [];
  while (v > 0n) {
    out.unshift(Number(v & 0xffn));
    v >>= 8n;
  }
  return out;
}

/** Fluent assembler with forward labels (PUSH2 fixups). */
export class Asm {
  readonly bytes: number[] = [];
  private readonly labels = new Map<string, number>();
  private readonly fixups: { at: number; label: string }[] = [];
  private nextLabel = 0;

  get pc(): number {
    return this.bytes.length;
  }

  op(...names: OpName[]): this {
    for (const n of names) this.bytes.push(OP[n]);
    return this;
  }

  raw(...bytes: number[]): this {
    for (const b of bytes) this.bytes.push(b & 0xff);
    return this;
  }

  /** Shortest push of `v` (PUSH0 for zero); values are reduced modulo 2^256. */
  push(v: bigint | number): this {
    const b = minimalBytes(BigInt(v) & ((1n << 256n) - 1n));
    if (b.length === 0) return this.op('PUSH0');
    this.bytes.push(OP.PUSH1 + b.length - 1, ...b);
    return this;
  }

  dup(n: number): this {
    return this.raw(OP.DUP1 + n - 1);
  }

  swap(n: number): this {
    return this.raw(OP.SWAP1 + n - 1);
  }

  /** A fresh label name. */
  fresh(): string {
    return `L${this.nextLabel++}`;
  }

  label(name: string): this {
    this.labels.set(name, this.bytes.length);
    return this.op('JUMPDEST');
  }

  /** PUSH2 of a label's offset, resolved by `toBytes`. */
  pushLabel(name: string): this {
    this.bytes.push(OP.PUSH2);
    this.fixups.push({ at: this.bytes.length, label: name });
    this.bytes.push(0, 0);
    return this;
  }

  /** Writes `data` to memory at `offset` with PUSH32/MSTORE chunks (the tail chunk padded with zeros). */
  storeBytes(data: Uint8Array, offset: number): this {
    for (let i = 0; i < data.length; i += 32) {
      let word = 0n;
      for (let j = 0; j < 32; j++) word = (word << 8n) | BigInt(data[i + j] ?? 0);
      this.push(word)
        .push(offset + i)
        .op('MSTORE');
    }
    return this;
  }

  toBytes(): Uint8Array {
    for (const { at, label } of this.fixups) {
      const target = this.labels.get(label);
      if (target === undefined) throw new Error(`undefined label ${label}`);
      this.bytes[at] = (target >> 8) & 0xff;
      this.bytes[at + 1] = target & 0xff;
    }
    return Uint8Array.from(this.bytes);
  }
}

export const asm = (): Asm => new Asm();

export function toHex(bytes: Uint8Array): string {
  let s = '0x';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

export function fromHex(hex: string): Uint8Array {
  const s = hex.startsWith('0x') ? hex.slice(2) : hex;
  if (s.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(s)) throw new Error(`bad hex ${hex.slice(0, 20)}`);
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function addrHex(a: bigint): string {
  return '0x' + a.toString(16).padStart(40, '0');
}

export function qty(v: bigint): string {
  return '0x' + v.toString(16);
}
