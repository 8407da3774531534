// THE bodies of the opcodes the step loops run inline (88 of them), written once. scripts/gen-interpreter.mjs
// emits each body four times from here: into the untraced loop (src/ee/evm/generated/runLoop.ts), into its
// native-metering twin (runLoopNative.ts), into the traced loop (runTraced.ts) and as the table's handler
// (inlineHandlers.ts), so all four agree by construction.
// Every other opcode is a hand-written handler under src/ee/evm/instructions/ that both loops call through the
// instruction table.
//
// Stack words are numbers below 2^31 or bigints (src/ee/evm/words.ts): a body takes its number fast path when
// its operands are numbers and hands every other case to a words.ts helper, and it never assumes a small value
// is a number. ADD, SUB, MUL, AND, OR, XOR and SHR also inline their two-bigint case, the words.ts computation
// written out again: the helper call cost blake2b_huff (full 256-bit words) 5.5 → 5.2 ms.
// A body sees these locals: `items` (stack words), `sp`, `pc` (already past the opcode), `gas` (a number; the
// loop charged the static gas), `code`, `memory`, `pushValues`, `jumpdests`, `f` (the frame; write `f.gas = gas`
// before and `gas = f.gas` after a helper that charges gas) and `op` (range entries only). It ends with
// `NEXT;` (continue with the next instruction) or `HALT(Status.X);` (leave the loop with that status), never
// with anything else, and holds no loops (NEXT and HALT become `continue`/`break` to labels).

/** TypeScript names a body may use, and where the generated files import them from (only when used). */
export const IMPORTS = {
  decodePush: '../instructions/stack.js',
  div256: '../instructions/arithmetic.js',
  sdiv256: '../instructions/arithmetic.js',
  growMemory: '../memory.js',
  big: '../words.js',
  small: '../words.js',
  addWords: '../words.js',
  subWords: '../words.js',
  mulWords: '../words.js',
  eqWords: '../words.js',
  andWords: '../words.js',
  shlWords: '../words.js',
  shrWords: '../words.js',
  SMALL_LIMIT: '../words.js',
  SMALL: '../words.js',
  TWO_256: '../../../encoding/limits.js',
  SIGN_BIT: '../../../encoding/limits.js',
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
    doc: 'PUSH2..PUSH32: the immediate is decoded once per code and pc (a number when small), then cached in the analysis.',
    body: `
      let v = pushValues[pc];
      if (v === undefined) {
        v = small(decodePush(code, pc, op - Op.PUSH1 + 1));
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
    doc: 'Two numbers below 2^31 sum below 2^32, exactly.',
    body: `
      const a = items[--sp]!;
      const b = items[sp - 1]!;
      if (typeof a === 'number' && typeof b === 'number') {
        const r = a + b;
        items[sp - 1] = r < SMALL_LIMIT ? r : BigInt(r);
      } else if (typeof a === 'bigint' && typeof b === 'bigint') {
        const r = a + b;
        items[sp - 1] = r > U256_MAX ? r - TWO_256 : r;
      } else items[sp - 1] = addWords(a, b);
      NEXT;`,
  },
  {
    name: 'MUL',
    doc: 'A double product below 2^31 is exact; above it the bigint product of two numbers stays below 2^62.',
    body: `
      const a = items[--sp]!;
      const b = items[sp - 1]!;
      if (typeof a === 'number' && typeof b === 'number') {
        const r = a * b;
        items[sp - 1] = r < SMALL_LIMIT ? r : BigInt(a) * BigInt(b);
      } else if (typeof a === 'bigint' && typeof b === 'bigint') {
        const r = a * b;
        items[sp - 1] = r > U256_MAX ? BigInt.asUintN(256, r) : r;
      } else items[sp - 1] = mulWords(a, b);
      NEXT;`,
  },
  {
    name: 'SUB',
    body: `
      const a = items[--sp]!;
      const b = items[sp - 1]!;
      if (typeof a === 'number' && typeof b === 'number') {
        const r = a - b;
        items[sp - 1] = r >= 0 ? r : subWords(a, b);
      } else if (typeof a === 'bigint' && typeof b === 'bigint') {
        const r = a - b;
        items[sp - 1] = r < 0n ? r + TWO_256 : r;
      } else items[sp - 1] = subWords(a, b);
      NEXT;`,
  },
  {
    name: 'DIV',
    doc: 'x / 0 = 0; the double quotient of two numbers below 2^31 truncates exactly; div256 has the bigint fast paths.',
    body: `
      const a = items[--sp]!;
      const b = items[sp - 1]!;
      if (typeof a === 'number' && typeof b === 'number') items[sp - 1] = b === 0 ? 0 : Math.floor(a / b);
      else items[sp - 1] = div256(big(a), big(b));
      NEXT;`,
  },
  {
    name: 'SDIV',
    doc: 'Numbers are non-negative, so two of them divide unsigned; sdiv256 has the signed cases.',
    body: `
      const a = items[--sp]!;
      const b = items[sp - 1]!;
      if (typeof a === 'number' && typeof b === 'number') items[sp - 1] = b === 0 ? 0 : Math.floor(a / b);
      else items[sp - 1] = sdiv256(big(a), big(b));
      NEXT;`,
  },
  {
    name: 'LT',
    doc: 'Relational operators compare a number with a bigint exactly.',
    body: `
      const a = items[--sp]!;
      items[sp - 1] = a < items[sp - 1]! ? 1 : 0;
      NEXT;`,
  },
  {
    name: 'GT',
    body: `
      const a = items[--sp]!;
      items[sp - 1] = a > items[sp - 1]! ? 1 : 0;
      NEXT;`,
  },
  {
    name: 'SLT',
    doc: "Signed less-than: with equal signs two's complement order is unsigned order; else the negative one is less.",
    body: `
      const a = items[--sp]!;
      const b = items[sp - 1]!;
      const an = a >= SIGN_BIT;
      items[sp - 1] = (an === b >= SIGN_BIT ? a < b : an) ? 1 : 0;
      NEXT;`,
  },
  {
    name: 'SGT',
    body: `
      const a = items[--sp]!;
      const b = items[sp - 1]!;
      const bn = b >= SIGN_BIT;
      items[sp - 1] = (bn === a >= SIGN_BIT ? a > b : bn) ? 1 : 0;
      NEXT;`,
  },
  {
    name: 'EQ',
    body: `
      const a = items[--sp]!;
      const b = items[sp - 1]!;
      items[sp - 1] = (typeof a === typeof b ? a === b : eqWords(a, b)) ? 1 : 0;
      NEXT;`,
  },
  {
    name: 'ISZERO',
    body: `
      const a = items[sp - 1]!;
      items[sp - 1] = a === 0 || a === 0n ? 1 : 0;
      NEXT;`,
  },
  {
    name: 'AND',
    body: `
      const a = items[--sp]!;
      const b = items[sp - 1]!;
      if (typeof a === 'number' && typeof b === 'number') items[sp - 1] = a & b;
      else if (typeof a === 'bigint' && typeof b === 'bigint') items[sp - 1] = a & b;
      else items[sp - 1] = andWords(a, b);
      NEXT;`,
  },
  {
    name: 'OR',
    body: `
      const a = items[--sp]!;
      const b = items[sp - 1]!;
      if (typeof a === 'number' && typeof b === 'number') items[sp - 1] = a | b;
      else if (typeof a === 'bigint' && typeof b === 'bigint') items[sp - 1] = a | b;
      else items[sp - 1] = big(a) | big(b);
      NEXT;`,
  },
  {
    name: 'XOR',
    body: `
      const a = items[--sp]!;
      const b = items[sp - 1]!;
      if (typeof a === 'number' && typeof b === 'number') items[sp - 1] = a ^ b;
      else if (typeof a === 'bigint' && typeof b === 'bigint') items[sp - 1] = a ^ b;
      else items[sp - 1] = big(a) ^ big(b);
      NEXT;`,
  },
  {
    name: 'NOT',
    body: `
      items[sp - 1] = big(items[sp - 1]!) ^ U256_MAX;
      NEXT;`,
  },
  {
    name: 'SHL',
    doc: 'Shifts of 256 or more give 0; a number shifted by a number stays a number while the product is below 2^31.',
    body: `
      const shift = items[--sp]!;
      const v = items[sp - 1]!;
      if (typeof shift === 'number' && typeof v === 'number' && shift < 31) {
        const r = v * (1 << shift);
        items[sp - 1] = r < SMALL_LIMIT ? r : shlWords(shift, v);
      } else items[sp - 1] = shlWords(shift, v);
      NEXT;`,
  },
  {
    name: 'SHR',
    body: `
      const shift = items[--sp]!;
      const v = items[sp - 1]!;
      if (typeof shift === 'number') {
        if (typeof v === 'number') items[sp - 1] = shift < 31 ? v >>> shift : 0;
        else items[sp - 1] = shift < 256 ? small(v >> SMALL[shift]!) : 0;
      } else items[sp - 1] = shrWords(shift, v);
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
      items[sp++] = code[pc]!;
      pc++;
      NEXT;`,
  },
  {
    name: 'PUSH0',
    doc: 'EIP-3855.',
    body: `
      items[sp++] = 0;
      NEXT;`,
  },
  {
    name: 'JUMPDEST',
    body: `
      NEXT;`,
  },
  {
    name: 'JUMP',
    doc: 'A jump target must be inside the code on a JUMPDEST that is not PUSH data (jumpdests is as long as the code); a bigint target may be a small value in bigint form.',
    body: `
      const d = items[--sp]!;
      const dest = typeof d === 'number' ? d : small(d);
      if (typeof dest === 'number' && jumpdests[dest] === 1) {
        pc = dest;
        NEXT;
      }
      HALT(Status.InvalidJump);`,
  },
  {
    name: 'JUMPI',
    body: `
      const d = items[--sp]!;
      const c = items[--sp]!;
      if (c === 0 || c === 0n) NEXT;
      const dest = typeof d === 'number' ? d : small(d);
      if (typeof dest === 'number' && jumpdests[dest] === 1) {
        pc = dest;
        NEXT;
      }
      HALT(Status.InvalidJump);`,
  },
  {
    name: 'MLOAD',
    doc: 'An offset above 2^32 cannot be paid for (expandMemory fails too); below it growMemory charges exactly.',
    body: `
      const w = items[sp - 1]!;
      let off: number;
      if (typeof w === 'number') off = w;
      else if (w <= MAX_OFFSET) off = Number(w);
      else HALT(Status.OutOfGas);
      if (off + 32 > memory.words * 32) {
        f.gas = gas;
        const ok = growMemory(f, off + 32);
        gas = f.gas;
        if (!ok) HALT(Status.OutOfGas);
      }
      items[sp - 1] = memory.readWord(off);
      NEXT;`,
  },
  {
    name: 'MSTORE',
    body: `
      const w = items[--sp]!;
      const v = items[--sp]!;
      let off: number;
      if (typeof w === 'number') off = w;
      else if (w <= MAX_OFFSET) off = Number(w);
      else HALT(Status.OutOfGas);
      if (off + 32 > memory.words * 32) {
        f.gas = gas;
        const ok = growMemory(f, off + 32);
        gas = f.gas;
        if (!ok) HALT(Status.OutOfGas);
      }
      memory.writeWord(off, v);
      NEXT;`,
  },
];
