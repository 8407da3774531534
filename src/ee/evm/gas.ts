// Every EVM gas number (Cancun) as named constants grouped by the EIP that set them, plus the pure
// cost functions the instruction handlers and the runner use (brief §4.2-§4.6, style anchors §5.4).

// ---------------------------------------------------------------------------------------------
// Yellow Paper (Frontier/Homestead) fee schedule, Appendix G.
// ---------------------------------------------------------------------------------------------

/** G_zero: STOP, RETURN, REVERT, INVALID. */
export const GAS_ZERO = 0;
/** G_jumpdest. */
export const GAS_JUMPDEST = 1;
/** G_base: the environment/block readers (ADDRESS, ORIGIN, …, POP, PC, MSIZE, GAS). */
export const GAS_BASE = 2;
/** G_verylow: ADD, SUB, comparisons, bitwise ops, PUSH, DUP, SWAP, MLOAD, MSTORE, copies' base. */
export const GAS_VERY_LOW = 3;
/** G_low: MUL, DIV, SDIV, MOD, SMOD, SIGNEXTEND, SELFBALANCE (EIP-1884). */
export const GAS_LOW = 5;
/** G_mid: ADDMOD, MULMOD, JUMP. */
export const GAS_MID = 8;
/** G_high: JUMPI. */
export const GAS_HIGH = 10;
/** G_exp: the static part of EXP. */
export const GAS_EXP = 10;
/** G_keccak256 and G_keccak256word. */
export const GAS_KECCAK256 = 30;
export const GAS_KECCAK256_WORD = 6;
/** G_copy: per word copied by *COPY opcodes. */
export const GAS_COPY_WORD = 3;
/** G_memory: linear memory cost per word; the quadratic term divides words² by 512. */
export const GAS_MEMORY_WORD = 3;
export const MEMORY_QUAD_DIVISOR = 512;
/** G_log, G_logtopic, G_logdata. */
export const GAS_LOG = 375;
export const GAS_LOG_TOPIC = 375;
export const GAS_LOG_DATA = 8;
/** G_create: static cost of CREATE and CREATE2. */
export const GAS_CREATE = 32000;
/** G_codedeposit: per byte of deployed code (charged by the runner). */
export const GAS_CODE_DEPOSIT = 200;
/** G_callvalue: a CALL/CALLCODE transferring non-zero value (charged by the runner). */
export const GAS_CALL_VALUE = 9000;
/** G_callstipend: gas added to the callee of a value-transferring call. */
export const GAS_CALL_STIPEND = 2300;
/** G_newaccount: CALL with value to an empty account; SELFDESTRUCT funding an empty account. */
export const GAS_NEW_ACCOUNT = 25000;
/** G_blockhash. */
export const GAS_BLOCKHASH = 20;
/** Maximum stack depth in words. */
export const STACK_LIMIT = 1024;

// ---------------------------------------------------------------------------------------------
// EIP-150 (Tangerine Whistle): SELFDESTRUCT price and the 63/64 call-gas rule.
// ---------------------------------------------------------------------------------------------

/** SELFDESTRUCT static cost (EIP-150). */
export const GAS_SELFDESTRUCT = 5000;
/** Divisor of the "all but one 64th" rule (EIP-150). */
export const CALL_GAS_RETAINED_DIVISOR = 64;

// ---------------------------------------------------------------------------------------------
// EIP-160: EXP costs 50 per byte of exponent.
// ---------------------------------------------------------------------------------------------

export const GAS_EXP_BYTE = 50;

// ---------------------------------------------------------------------------------------------
// EIP-170 / EIP-3860: code and initcode size limits, initcode metering.
// ---------------------------------------------------------------------------------------------

/** Maximum deployed code size in bytes (EIP-170). */
export const MAX_CODE_SIZE = 24576;
/** Maximum initcode size in bytes, 2 × MAX_CODE_SIZE (EIP-3860). */
export const MAX_INITCODE_SIZE = 49152;
/** Per 32-byte word of initcode for CREATE/CREATE2 (EIP-3860). */
export const GAS_INITCODE_WORD = 2;

// ---------------------------------------------------------------------------------------------
// EIP-1014: CREATE2 hashes its initcode, 6 per word (the keccak word price).
// ---------------------------------------------------------------------------------------------

export const GAS_CREATE2_HASH_WORD = GAS_KECCAK256_WORD;

// ---------------------------------------------------------------------------------------------
// EIP-2929 (Berlin): cold/warm access.
// ---------------------------------------------------------------------------------------------

/** First access of a storage slot in a transaction. */
export const GAS_COLD_SLOAD = 2100;
/** First access of an account in a transaction (BALANCE, EXT*, CALL*, SELFDESTRUCT beneficiary). */
export const GAS_COLD_ACCOUNT_ACCESS = 2600;
/** Any warm access; also the static part of SLOAD/BALANCE/EXT* since Berlin. */
export const GAS_WARM_ACCESS = 100;
/** Cold surcharges on top of the warm price the table already charged. */
export const GAS_COLD_ACCOUNT_SURCHARGE = GAS_COLD_ACCOUNT_ACCESS - GAS_WARM_ACCESS;
export const GAS_COLD_SLOAD_SURCHARGE = GAS_COLD_SLOAD - GAS_WARM_ACCESS;

// ---------------------------------------------------------------------------------------------
// EIP-2200 (Istanbul) as repriced by EIP-2929: net-metered SSTORE.
// ---------------------------------------------------------------------------------------------

/** Writing a non-zero value into a slot whose original and current values are zero. */
export const GAS_SSTORE_SET = 20000;
/** Changing a clean non-zero slot: 5000 minus the cold-sload part (EIP-2929). */
export const GAS_SSTORE_RESET = 5000 - GAS_COLD_SLOAD;
/** SSTORE fails if the gas left is at most this (EIP-2200 sentry). */
export const SSTORE_SENTRY = 2300;

// ---------------------------------------------------------------------------------------------
// EIP-3529 (London): reduced refunds.
// ---------------------------------------------------------------------------------------------

/** Refund for clearing a slot: SSTORE_RESET + ACCESS_LIST_STORAGE_KEY_COST (2900 + 1900). */
export const SSTORE_CLEARS_SCHEDULE = 4800;
/** Maximum refund is gasUsed / 5 (EIP-3529; applied by the transaction processor). */
export const MAX_REFUND_QUOTIENT = 5;

// ---------------------------------------------------------------------------------------------
// Later single-opcode EIPs.
// ---------------------------------------------------------------------------------------------

/** SELFBALANCE (EIP-1884). */
export const GAS_SELFBALANCE = GAS_LOW;
/** TLOAD / TSTORE (EIP-1153): priced as a warm storage read. */
export const GAS_TRANSIENT = GAS_WARM_ACCESS;
/** BLOBHASH (EIP-4844, HASH_OPCODE_GAS). */
export const GAS_BLOBHASH = 3;
/** BLOBBASEFEE (EIP-7516). */
export const GAS_BLOBBASEFEE = GAS_BASE;
/** MCOPY static part (EIP-5656); it also pays copy and memory costs. */
export const GAS_MCOPY = GAS_VERY_LOW;
/** PUSH0 (EIP-3855). */
export const GAS_PUSH0 = GAS_BASE;
/** CLZ (EIP-7939, Osaka): priced like MUL. */
export const GAS_CLZ = GAS_LOW;

// ---------------------------------------------------------------------------------------------
// Cost functions.
// ---------------------------------------------------------------------------------------------

/** Number of 32-byte words covering `sizeBytes` bytes (ceil). */
export function toWords(sizeBytes: number): number {
  return Math.floor((sizeBytes + 31) / 32);
}

/**
 * Total cost of a memory of `words` words: 3·words + floor(words²/512) (Yellow Paper C_mem).
 * Exact for words < 2^31: the square is split so every intermediate stays below 2^53.
 */
export function memoryCost(words: number): number {
  const q = Math.floor(words / MEMORY_QUAD_DIVISOR);
  const r = words - q * MEMORY_QUAD_DIVISOR;
  return GAS_MEMORY_WORD * words + words * q + Math.floor((words * r) / MEMORY_QUAD_DIVISOR);
}

/** Gas to grow memory from `oldWords` to `newWords` words (0 if it does not grow). */
export function memoryExpansionCost(oldWords: number, newWords: number): number {
  return newWords <= oldWords ? 0 : memoryCost(newWords) - memoryCost(oldWords);
}

/** Copy cost of *COPY/MCOPY: 3 per word of `sizeBytes`. */
export function copyCost(sizeBytes: number): number {
  return GAS_COPY_WORD * toWords(sizeBytes);
}

/** Byte length of a 256-bit exponent (0 for 0). */
export function byteLength(value: bigint): number {
  if (value === 0n) return 0;
  return Math.ceil(value.toString(16).length / 2);
}

/** Dynamic part of EXP: 50 per byte of the exponent (EIP-160). */
export function expCost(exponent: bigint): number {
  return GAS_EXP_BYTE * byteLength(exponent);
}

/** Total KECCAK256 cost without memory: 30 + 6 per word. */
export function keccak256Cost(sizeBytes: number): number {
  return GAS_KECCAK256 + keccak256WordCost(sizeBytes);
}

/** Dynamic part of KECCAK256: 6 per word hashed. */
export function keccak256WordCost(sizeBytes: number): number {
  return GAS_KECCAK256_WORD * toWords(sizeBytes);
}

/** Total LOGn cost without memory: 375 + 375 per topic + 8 per data byte. */
export function logCost(topics: number, sizeBytes: number): number {
  return GAS_LOG + GAS_LOG_TOPIC * topics + GAS_LOG_DATA * sizeBytes;
}

/** EIP-3860 initcode metering: 2 per word. */
export function initcodeCost(sizeBytes: number): number {
  return GAS_INITCODE_WORD * toWords(sizeBytes);
}

/** EIP-1014 CREATE2 hashing cost: 6 per word of initcode. */
export function create2HashCost(sizeBytes: number): number {
  return GAS_CREATE2_HASH_WORD * toWords(sizeBytes);
}

/** Code deposit cost: 200 per byte of deployed code (charged by the runner). */
export function codeDepositCost(sizeBytes: number): number {
  return GAS_CODE_DEPOSIT * sizeBytes;
}

/** EIP-2929 account access: 2600 cold, 100 warm. */
export function accountAccessCost(cold: boolean): number {
  return cold ? GAS_COLD_ACCOUNT_ACCESS : GAS_WARM_ACCESS;
}

/** EIP-150: the most gas a call or create may forward, all but one 64th of `gas`. */
export function maxCallGas(gas: number): number {
  return gas - Math.floor(gas / CALL_GAS_RETAINED_DIVISOR);
}

/**
 * SSTORE gas per EIP-2200 with EIP-2929 pricing (geth `gasSStoreEIP2929`), including the cold
 * surcharge. The EIP-2200 sentry (gas left ≤ 2300) is checked by the handler, not here.
 */
export function sstoreGas(original: bigint, current: bigint, next: bigint, cold: boolean): number {
  const coldCost = cold ? GAS_COLD_SLOAD : 0;
  if (current === next) return coldCost + GAS_WARM_ACCESS; // no-op
  if (original === current) return coldCost + (original === 0n ? GAS_SSTORE_SET : GAS_SSTORE_RESET);
  return coldCost + GAS_WARM_ACCESS; // dirty slot
}

/** SSTORE refund-counter delta per EIP-2200 with EIP-3529 values (may be negative). */
export function sstoreRefund(original: bigint, current: bigint, next: bigint): number {
  if (current === next) return 0;
  if (original === current) return original !== 0n && next === 0n ? SSTORE_CLEARS_SCHEDULE : 0;
  let refund = 0;
  if (original !== 0n) {
    if (current === 0n)
      refund -= SSTORE_CLEARS_SCHEDULE; // un-clearing a slot cleared earlier
    else if (next === 0n) refund += SSTORE_CLEARS_SCHEDULE;
  }
  if (original === next) {
    // Restoring the original value: give back what the first write charged beyond a warm read.
    refund += original === 0n ? GAS_SSTORE_SET - GAS_WARM_ACCESS : GAS_SSTORE_RESET - GAS_WARM_ACCESS;
  }
  return refund;
}

/** SSTORE cost and refund together, for tests and tooling (the handler calls the two parts). */
export function sstoreCost(
  original: bigint,
  current: bigint,
  next: bigint,
  cold: boolean,
): { gas: number; refund: number } {
  return { gas: sstoreGas(original, current, next, cold), refund: sstoreRefund(original, current, next) };
}
