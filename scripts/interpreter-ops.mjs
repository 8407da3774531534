// THE bodies of the opcodes the step loops run inline (88 of them), written once. scripts/gen-interpreter.mjs
// emits each body four times from here: into the untraced loop (src/ee/evm/generated/runLoop.ts), into its
// native-metering twin (runLoopNative.ts), into the traced loop (runTraced.ts) and as the table's handler
// (inlineHandlers.ts), so all four agree by construction.
// Every other opcode is a hand-written handler under src/ee/evm/instructions/ that both loops call through the
// instruction table.
//
// A body sees these locals: `items` (stack words), `sp`, `pc` (already past the opcode), `gas` (a number; the
// loop charged the static gas), `code`, `memory`, `pushValues`, `jumpdests`, `f` (the frame; write `f.gas = gas`
// before and `gas = f.gas` after a helper that charges gas) and `op` (range entries only). It ends with
// `NEXT;` (continue with the next instruction) or `HALT(Status.X);` (leave the loop with that status), never
// with anything else, and holds no loops (NEXT and HALT become `continue`/`break` to labels).

/** TypeScript names a body may use, and where the generated files import them from (only when used). */
export const IMPORTS = {
  decodePush: '../instructions/stack.js',
  div256: '../instructions/arithmetic.js',
  growMemory: '../memory.js',
  SIGN_BIT: '../../../encoding/limits.js',
  SMALL: '../words.js',
  TWO_256: '../../../encoding/limits.js',
  U256_MAX: '../../../encoding/limits.js',
};

/** Module constants a body may use, emitted into a generated file when one of its bodies uses them. */
export const CONSTANTS = {
  MAX_OFFSET: [
    '0xffffffffn',
    'Offsets and jump targets at most this large convert to exact numbers (larger fail anyway).',
  ],
};

/**
 * Contiguous opcode ranges (one body each, `op` tells which), tested before the switch in this order. Keep
 * them contiguous and ascending: the loop checks `op >= first` once, then `op <= last` per range.
 */
export const RANGES = [
  {
    name: 'PUSHn',
    first: 'PUSH2',
    last: 'PUSH32',
    doc: 'PUSH2..PUSH32: the immediate is decoded once per code and pc, then cached in the analysis.',
    body: `
      let v = pushValues[pc];
      if (v === undefined) {
        v = decodePush(code, pc, op - Op.PUSH1 + 1);
        pushValues[pc] = v;
      }
      items[sp++] = v;
      pc += op - Op.PUSH1 + 1;
      NEXT;`,
  },
  {
    name: 'DUPn',
    first: 'DUP1',
    last: 'DUP16',
    doc: 'DUPn pushes a copy of the n-th word from the top.',
    body: `
      items[sp] = items[sp - (op - Op.DUP1 + 1)]!;
      sp++;
      NEXT;`,
  },
  {
    name: 'SWAPn',
    first: 'SWAP1',
    last: 'SWAP16',
    doc: 'SWAPn exchanges the top with the (n+1)-th word from the top.',
    body: `
      const top = sp - 1;
      const other = top - (op - Op.SWAP1 + 1);
      const t = items[top]!;
      items[top] = items[other]!;
      items[other] = t;
      NEXT;`,
  },
];

/** Single opcodes, emitted as switch cases in this order. */
export const SINGLES = [
  {
    name: 'ADD',
    doc: 'Both operands are below 2^256, so one subtraction wraps the sum (cheaper than asUintN).',
    body: `
      const r = items[--sp]! + items[sp - 1]!;
      items[sp - 1] = r > U256_MAX ? r - TWO_256 : r;
      NEXT;`,
  },
  {
    name: 'MUL',
    body: `
      const r = items[--sp]! * items[sp - 1]!;
      items[sp - 1] = r > U256_MAX ? BigInt.asUintN(256, r) : r;
      NEXT;`,
  },
  {
    name: 'SUB',
    body: `
      const r = items[--sp]! - items[sp - 1]!;
      items[sp - 1] = r < 0n ? r + TWO_256 : r;
      NEXT;`,
  },
  {
    name: 'DIV',
    doc: 'x / 0 = 0; fast paths for a < b and power-of-two divisors live in div256.',
    body: `
      const a = items[--sp]!;
      items[sp - 1] = div256(a, items[sp - 1]!);
      NEXT;`,
  },
  {
    name: 'SDIV',
    doc: 'Signed division truncating toward zero; x/0 = 0 and -2^255 / -1 wraps back to -2^255. Two non-negative operands (the usual case) divide unsigned.',
    body: `
      const a = items[--sp]!;
      const b = items[sp - 1]!;
      if (a < SIGN_BIT && b < SIGN_BIT) items[sp - 1] = div256(a, b);
      else if (b === 0n) items[sp - 1] = 0n;
      else {
        const q = (a >= SIGN_BIT ? a - TWO_256 : a) / (b >= SIGN_BIT ? b - TWO_256 : b);
        items[sp - 1] = q < 0n ? q + TWO_256 : q;
      }
      NEXT;`,
  },
  {
    name: 'LT',
    body: `
      const a = items[--sp]!;
      items[sp - 1] = a < items[sp - 1]! ? 1n : 0n;
      NEXT;`,
  },
  {
    name: 'GT',
    body: `
      const a = items[--sp]!;
      items[sp - 1] = a > items[sp - 1]! ? 1n : 0n;
      NEXT;`,
  },
  {
    name: 'SLT',
    doc: "Signed less-than: with equal signs two's complement order is unsigned order; else the negative one is less.",
    body: `
      const a = items[--sp]!;
      const b = items[sp - 1]!;
      const an = a >= SIGN_BIT;
      items[sp - 1] = (an === b >= SIGN_BIT ? a < b : an) ? 1n : 0n;
      NEXT;`,
  },
  {
    name: 'SGT',
    body: `
      const a = items[--sp]!;
      const b = items[sp - 1]!;
      const bn = b >= SIGN_BIT;
      items[sp - 1] = (bn === a >= SIGN_BIT ? a > b : bn) ? 1n : 0n;
      NEXT;`,
  },
  {
    name: 'EQ',
    body: `
      const a = items[--sp]!;
      items[sp - 1] = a === items[sp - 1]! ? 1n : 0n;
      NEXT;`,
  },
  {
    name: 'ISZERO',
    body: `
      items[sp - 1] = items[sp - 1]! === 0n ? 1n : 0n;
      NEXT;`,
  },
  {
    name: 'AND',
    body: `
      const a = items[--sp]!;
      items[sp - 1] = a & items[sp - 1]!;
      NEXT;`,
  },
  {
    name: 'OR',
    body: `
      const a = items[--sp]!;
      items[sp - 1] = a | items[sp - 1]!;
      NEXT;`,
  },
  {
    name: 'XOR',
    body: `
      const a = items[--sp]!;
      items[sp - 1] = a ^ items[sp - 1]!;
      NEXT;`,
  },
  {
    name: 'NOT',
    body: `
      items[sp - 1] = items[sp - 1]! ^ U256_MAX;
      NEXT;`,
  },
  {
    name: 'SHL',
    doc: 'Shifts of 256 or more give 0.',
    body: `
      const shift = items[--sp]!;
      if (shift < 256n) {
        const r = items[sp - 1]! << shift;
        items[sp - 1] = r > U256_MAX ? r & U256_MAX : r;
      } else items[sp - 1] = 0n;
      NEXT;`,
  },
  {
    name: 'SHR',
    body: `
      const shift = items[--sp]!;
      items[sp - 1] = shift < 256n ? items[sp - 1]! >> shift : 0n;
      NEXT;`,
  },
  {
    name: 'POP',
    body: `
      sp--;
      NEXT;`,
  },
  {
    name: 'PUSH1',
    body: `
      items[sp++] = SMALL[code[pc]!]!;
      pc++;
      NEXT;`,
  },
  {
    name: 'PUSH0',
    doc: 'EIP-3855.',
    body: `
      items[sp++] = 0n;
      NEXT;`,
  },
  {
    name: 'JUMPDEST',
    body: `
      NEXT;`,
  },
  {
    name: 'JUMP',
    doc: 'A jump target must be inside the code on a JUMPDEST that is not PUSH data.',
    body: `
      const dest = items[--sp]!;
      if (dest <= MAX_OFFSET && jumpdests[Number(dest)] === 1) {
        pc = Number(dest);
        NEXT;
      }
      HALT(Status.InvalidJump);`,
  },
  {
    name: 'JUMPI',
    body: `
      const dest = items[--sp]!;
      if (items[--sp]! === 0n) NEXT;
      if (dest <= MAX_OFFSET && jumpdests[Number(dest)] === 1) {
        pc = Number(dest);
        NEXT;
      }
      HALT(Status.InvalidJump);`,
  },
  {
    name: 'MLOAD',
    doc: 'An offset above 2^32 cannot be paid for by any gas limit (growMemory would fail too).',
    body: `
      const off = items[sp - 1]!;
      if (off > MAX_OFFSET) HALT(Status.OutOfGas);
      const o = Number(off);
      if (o + 32 > memory.words * 32) {
        f.gas = gas;
        const ok = growMemory(f, o + 32);
        gas = f.gas;
        if (!ok) HALT(Status.OutOfGas);
      }
      items[sp - 1] = memory.readWord(o);
      NEXT;`,
  },
  {
    name: 'MSTORE',
    body: `
      const off = items[--sp]!;
      const v = items[--sp]!;
      if (off > MAX_OFFSET) HALT(Status.OutOfGas);
      const o = Number(off);
      if (o + 32 > memory.words * 32) {
        f.gas = gas;
        const ok = growMemory(f, o + 32);
        gas = f.gas;
        if (!ok) HALT(Status.OutOfGas);
      }
      memory.writeWord(o, v);
      NEXT;`,
  },
];
