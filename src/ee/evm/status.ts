// Handler status codes (style anchors §5.3): continue 0, successes 1-15, revert 16, suspend 17,
// exceptional halts from 32. Handlers return one of these and never throw.
import type { HaltReason } from '../types.js';

/** Exceptional halts, each named by the `HaltReason` it reports (the type check keeps the names in step). */
const HALTS = {
  OutOfGas: 32,
  StackUnderflow: 33,
  StackOverflow: 34,
  InvalidJump: 35,
  InvalidOpcode: 36,
  StaticStateChange: 37,
  ReturnDataOutOfBounds: 38,
  InitcodeSizeLimit: 39,
  CallFailedToExecute: 40,
} as const satisfies Partial<Record<HaltReason, number>>;

export const Status = {
  Continue: 0,
  Stop: 1,
  Return: 2,
  SelfDestruct: 3,
  Revert: 16,
  /** CALL-family and CREATE-family opcodes stored a spawn request on the frame. */
  Suspend: 17,
  ...HALTS,
} as const;
export type Status = (typeof Status)[keyof typeof Status];

/** First status code that is an exceptional halt. */
export const FIRST_HALT = 32;

const HALT_REASONS: HaltReason[] = [];
for (const [reason, status] of Object.entries(HALTS)) HALT_REASONS[status] = reason as keyof typeof HALTS;

/** The `HaltReason` reported for a halt status. */
export function haltReasonOf(status: Status): HaltReason {
  const r = HALT_REASONS[status];
  if (r === undefined) throw new Error(`status ${status} is not a halt`);
  return r;
}
