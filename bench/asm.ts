// A tiny EVM assembler for the synthetic workloads: mnemonics, `push(n)` (smallest PUSH, PUSH0 for 0),
// `label(name)` (emits JUMPDEST) and `ref(name)` (PUSH2 of the label's offset), raw `bytes(...)`.
const OPS: Record<string, number> = {
  STOP: 0x00,
  ADD: 0x01,
  MUL: 0x02,
  SUB: 0x03,
  DIV: 0x04,
  MOD: 0x06,
  EXP: 0x0a,
  LT: 0x10,
  GT: 0x11,
  EQ: 0x14,
  ISZERO: 0x15,
  AND: 0x16,
  OR: 0x17,
  XOR: 0x18,
  NOT: 0x19,
  SHL: 0x1b,
  SHR: 0x1c,
  KECCAK256: 0x20,
  ADDRESS: 0x30,
  CALLER: 0x33,
  CALLVALUE: 0x34,
  CALLDATALOAD: 0x35,
  CALLDATASIZE: 0x36,
  CODECOPY: 0x39,
  CODESIZE: 0x38,
  RETURNDATASIZE: 0x3d,
  POP: 0x50,
  MLOAD: 0x51,
  MSTORE: 0x52,
  SLOAD: 0x54,
  SSTORE: 0x55,
  JUMP: 0x56,
  JUMPI: 0x57,
  GAS: 0x5a,
  JUMPDEST: 0x5b,
  PUSH0: 0x5f,
  DUP1: 0x80,
  DUP2: 0x81,
  DUP3: 0x82,
  DUP4: 0x83,
  DUP5: 0x84,
  DUP6: 0x85,
  SWAP1: 0x90,
  SWAP2: 0x91,
  SWAP3: 0x92,
  SWAP4: 0x93,
  LOG0: 0xa0,
  LOG1: 0xa1,
  CREATE: 0xf0,
  CALL: 0xf1,
  RETURN: 0xf3,
  DELEGATECALL: 0xf4,
  CREATE2: 0xf5,
  STATICCALL: 0xfa,
  REVERT: 0xfd,
  INVALID: 0xfe,
};

export type AsmItem =
  | string
  | { readonly push: bigint }
  | { readonly label: string }
  | { readonly ref: string }
  | { readonly bytes: Uint8Array };

export const push = (n: number | bigint): AsmItem => ({ push: BigInt(n) });
export const label = (name: string): AsmItem => ({ label: name });
export const ref = (name: string): AsmItem => ({ ref: name });
export const bytes = (b: Uint8Array): AsmItem => ({ bytes: b });

function pushBytes(v: bigint): number[] {
  if (v < 0n || v >= 1n << 256n) throw new Error(`push out of range: ${v}`);
  if (v === 0n) return [OPS.PUSH0!];
  const out: number[] = [];
  for (let x = v; x > 0n; x >>= 8n) out.unshift(Number(x & 0xffn));
  return [0x5f + out.length, ...out];
}

/** Assembles items into bytecode (two passes: label offsets, then bytes). */
export function assemble(items: readonly AsmItem[]): Uint8Array {
  const labels = new Map<string, number>();
  const sizeOf = (it: AsmItem): number => {
    if (typeof it === 'string') return 1;
    if ('push' in it) return pushBytes(it.push).length;
    if ('label' in it) return 1;
    if ('ref' in it) return 3;
    return it.bytes.length;
  };
  let pc = 0;
  for (const it of items) {
    if (typeof it === 'object' && 'label' in it) {
      if (labels.has(it.label)) throw new Error(`duplicate label ${it.label}`);
      labels.set(it.label, pc);
    }
    pc += sizeOf(it);
  }
  const out: number[] = [];
  for (const it of items) {
    if (typeof it === 'string') {
      const op = OPS[it];
      if (op === undefined) throw new Error(`unknown mnemonic ${it}`);
      out.push(op);
    } else if ('push' in it) out.push(...pushBytes(it.push));
    else if ('label' in it) out.push(OPS.JUMPDEST!);
    else if ('ref' in it) {
      const at = labels.get(it.ref);
      if (at === undefined) throw new Error(`unknown label ${it.ref}`);
      out.push(0x61, at >> 8, at & 0xff);
    } else out.push(...it.bytes);
  }
  return Uint8Array.from(out);
}

/** A word as 32 big-endian bytes (calldata building). */
export function word(v: number | bigint): Uint8Array {
  const out = new Uint8Array(32);
  let x = BigInt(v);
  for (let i = 31; i >= 0 && x > 0n; i--, x >>= 8n) out[i] = Number(x & 0xffn);
  return out;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
