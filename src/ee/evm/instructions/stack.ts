// PUSH immediates. The stack opcodes themselves (POP, PUSH0..PUSH32, DUP, SWAP) are inlined in the step loops;
// their bodies are in scripts/interpreter-ops.mjs.

/** Decodes the n-byte immediate at `pc` (the code is zero-padded, so reads past the end give zeros). */
export function decodePush(code: Uint8Array, pc: number, n: number): bigint {
  let i = pc;
  const end = i + n;
  let v = 0n;
  // Bytes are gathered six at a time into a double (exact below 2^53) to limit bigint work.
  const head = n % 6;
  if (head !== 0) {
    let chunk = 0;
    for (const stop = i + head; i < stop; i++) chunk = chunk * 256 + code[i]!;
    v = BigInt(chunk);
  }
  for (; i < end; i += 6) {
    const chunk =
      code[i]! * 0x10000000000 +
      code[i + 1]! * 0x100000000 +
      code[i + 2]! * 0x1000000 +
      ((code[i + 3]! << 16) | (code[i + 4]! << 8) | code[i + 5]!);
    v = (v << 48n) | BigInt(chunk);
  }
  return v;
}
