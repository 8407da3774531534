// EIP-3155 step traces as JSON lines, in the form geth's `--json` tracer and evmone's `--trace` print, so a
// trace can be diffed against other clients (e.g. with goevmlab's tools):
//   {"pc":0,"op":96,"gas":"0x79bc","gasCost":"0x3","memSize":0,"stack":[],"depth":1,"refund":0,"opName":"PUSH1"}
// then one summary line per transaction: {"output":"0x…","gasUsed":"0x…"} (+ "error", "stateRoot", "pass").
// geth's statetest closes each case with {"stateRoot": "0x…"}; ours starts with the same key and adds the case
// ("fork", "file", "name", "index": {"data","gas","value"}) so a trace of many cases says which line is which.
// Depth is 1-based as in geth. `gasCost` of CALL*/CREATE* is what the instruction itself charged before the
// child frame was prepared (memory expansion and static cost), without access, value and forwarded gas:
// compare `gas` (gas left before each step), which matches the other clients exactly.
import type { StepInfo, StepTracer } from '../ee/evm/trace.js';

/** Anything with a `write(string)`: a stream, `process.stdout`, or the file sink below. */
export interface TextSink {
  write(chunk: string): unknown;
}

export interface Eip3155Options {
  /** Add `"returnData":"0x…"` to each step (geth's `--trace.returndata`). Default false. */
  readonly returnData?: boolean;
  /** Lines buffered before a write (default 256; 1 writes every line at once). */
  readonly bufferLines?: number;
}

/** The summary written after a transaction. */
export interface Eip3155Summary {
  readonly stateRoot?: string;
  readonly output: Uint8Array | string;
  readonly gasUsed: bigint | number;
  readonly pass?: boolean;
  readonly error?: string;
  readonly fork?: string;
  /** The state-test case the line closes (`zkos statetest --trace`): its file, test name and d/g/v indexes. */
  readonly file?: string;
  readonly name?: string;
  readonly index?: { readonly data: number; readonly gas: number; readonly value: number };
}

/** A StepTracer that writes EIP-3155 lines; call `summary` after each transaction and `flush` at the end. */
export interface Eip3155Writer extends StepTracer {
  summary(s: Eip3155Summary): void;
  flush(): void;
  /** Steps written so far. */
  readonly steps: number;
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function bytesHex(b: Uint8Array): string {
  let s = '0x';
  for (let i = 0; i < b.length; i++) s += HEX[b[i]!];
  return s;
}

/** One step as its EIP-3155 JSON line (no newline). */
export function formatStep(s: StepInfo, returnData = false): string {
  let stack = '';
  for (let i = 0; i < s.stack.length; i++) stack += (i ? ',"0x' : '"0x') + s.stack[i]!.toString(16) + '"';
  let line =
    `{"pc":${s.pc},"op":${s.op},"gas":"0x${s.gas.toString(16)}","gasCost":"0x${s.gasCost.toString(16)}",` +
    `"memSize":${s.memSize},"stack":[${stack}],"depth":${s.depth + 1},"refund":${s.refund}`;
  if (returnData) line += `,"returnData":"${bytesHex(s.returnData)}"`;
  return line + `,"opName":"${s.opName}"}`;
}

/** The summary line (no newline). */
export function formatSummary(s: Eip3155Summary): string {
  const o: Record<string, unknown> = {};
  if (s.stateRoot !== undefined) o.stateRoot = s.stateRoot;
  o.output = typeof s.output === 'string' ? s.output : bytesHex(s.output);
  o.gasUsed = '0x' + s.gasUsed.toString(16);
  if (s.pass !== undefined) o.pass = s.pass;
  if (s.fork !== undefined) o.fork = s.fork;
  if (s.file !== undefined) o.file = s.file;
  if (s.name !== undefined) o.name = s.name;
  if (s.index !== undefined) o.index = { data: s.index.data, gas: s.index.gas, value: s.index.value };
  if (s.error !== undefined) o.error = s.error;
  return JSON.stringify(o);
}

/**
 * Creates a writer over `stream`. Usage with the runner:
 * `createEnvironment({ ..., tracer: writer })`, then `writer.summary({ output, gasUsed })` per transaction.
 */
export function createEip3155Writer(stream: TextSink, opts: Eip3155Options = {}): Eip3155Writer {
  const limit = Math.max(1, opts.bufferLines ?? 256);
  const withReturnData = opts.returnData === true;
  let buf: string[] = [];
  let steps = 0;
  const flush = (): void => {
    if (buf.length === 0) return;
    stream.write(buf.join(''));
    buf = [];
  };
  return {
    step(info: StepInfo): void {
      steps++;
      buf.push(formatStep(info, withReturnData) + '\n');
      if (buf.length >= limit) flush();
    },
    summary(s: Eip3155Summary): void {
      buf.push(formatSummary(s) + '\n');
      flush();
    },
    flush,
    get steps() {
      return steps;
    },
  };
}
