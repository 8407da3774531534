// The operand stack: a lazily grown array of at most 1024 words and a stack pointer. Handlers use only these
// methods so the representation can move to Uint32Array limbs without touching them.

/** EVM operand stack; bounds are checked by the step loop, not here. */
export class Stack {
  /**
   * Slots 0..sp-1 are live; index 0 is the bottom. Grows on demand (writes land at most at index
   * `items.length`, so the array never has holes); the step loop bounds sp by STACK_LIMIT.
   */
  readonly items: bigint[] = [];
  sp = 0;

  push(v: bigint): void {
    this.items[this.sp++] = v;
  }

  pop(): bigint {
    return this.items[--this.sp]!;
  }

  /** The top word without removing it. */
  peek(): bigint {
    return this.items[this.sp - 1]!;
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

  /** Copy of the live words, bottom first (for traces). */
  toArray(): bigint[] {
    return this.items.slice(0, this.sp);
  }
}
