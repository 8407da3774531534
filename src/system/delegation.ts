// EIP-7702 delegation designator: the code 0xef0100 ‖ address an authority's account holds. The format lives
// with the world (account code); resolving it at call time is the runner's (src/runner/delegation.ts).
import type { Address } from '../ee/types.js';

/** The designator prefix 0xef 0x01 0x00. */
const DESIGNATOR_PREFIX: readonly number[] = Object.freeze([0xef, 0x01, 0x00]);
/** Designator length: 3-byte prefix + 20-byte address. */
const DESIGNATOR_LENGTH = 23;

/** The delegate named by `code` when it is exactly a designator, else null. */
export function delegationTarget(code: Uint8Array): Address | null {
  if (code.length !== DESIGNATOR_LENGTH || code[0] !== 0xef || code[1] !== 0x01 || code[2] !== 0x00) return null;
  let a = 0n;
  for (let i = 3; i < DESIGNATOR_LENGTH; i++) a = (a << 8n) | BigInt(code[i]!);
  return a;
}

/** The 23-byte designator code delegating to `target`. */
export function designatorFor(target: Address): Uint8Array {
  const code = new Uint8Array(DESIGNATOR_LENGTH);
  code.set(DESIGNATOR_PREFIX);
  let a = target;
  for (let i = DESIGNATOR_LENGTH - 1; i >= 3; i--) {
    code[i] = Number(a & 0xffn);
    a >>= 8n;
  }
  return code;
}
