// The operand stack: a lazily grown array of at most 1024 words and a stack pointer. Words are numbers or
// bigints (see words.ts); handlers use only these methods and see bigints, while the generated step loops work
// on `items` directly and keep small values as numbers.
import { big, bigints, SMALL_LIMIT, type Word } from './words.js';

/** EVM operand stack; bounds are checked by the step loop, not here. */
export class Stack {
  /**
   * Slots 0..sp-1 are live; index 0 is the bottom. Grows on demand (writes land at most at index
   * `items.length`, so the array never has holes); the step loop bounds sp by STACK_LIMIT.
   */
  readonly items: Word[] = [];
  sp = 0;

  push(v: bigint): void {
    this.items[this.sp++] = v;
  }

  /** Pushes a non-negative integer below 2^53 (a size, a pc, a flag): as a number word when it is below 2^31. */
  pushNumber(v: number): void {
    this.items[this.sp++] = v < SMALL_LIMIT ? v : BigInt(v);
  }

  pop(): bigint {
    return big(this.items[--this.sp]!);
  }

  /** The top word without removing it. */
  peek(): bigint {
    return big(this.items[this.sp - 1]!);
  }

  /** Replaces the top word (the usual pop-pop-push pattern as pop-replace). */
  setTop(v: bigint): void {
    this.items[this.sp - 1] = v;
  }

  /** DUPn: pushes a copy of the n-th word from the top (1 = top). */
  dup(n: number): void {
    this.items[this.sp] = this.items[this.sp - n]!;
    this.sp++;
  }

  /** SWAPn: exchanges the top with the (n+1)-th word from the top. */
  swap(n: number): void {
    const top = this.sp - 1;
    const other = top - n;
    const t = this.items[top]!;
    this.items[top] = this.items[other]!;
    this.items[other] = t;
  }

  /** The live words as bigints, bottom first (for traces). */
  toArray(): bigint[] {
    return bigints(this.items, this.sp);
  }
}
