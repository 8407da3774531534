// Tracing: debug_traceTransaction / debug_traceCall in geth's formats, and our own run trace
// (zkos_traceActors: frames, actor states, snapshots, reverts), also served as the HTML viewer.
import { bytesToHex } from '../../crypto/bytes.js';
import { parseWord } from '../../input/parse.js';
import { TraceRecorder } from '../../trace/recorder.js';
import type { RunTrace } from '../../trace/schema.js';
import type { TxResult } from '../../tx/process.js';
import type { Transaction } from '../../tx/types.js';
import type { ExecOptions } from '../chain.js';
import { gethMessage } from '../gethErrors.js';
import {
  parseBlockRef,
  parseCallRequest,
  parseStateOverrides,
  parseTraceOptions,
  type TraceOptions,
} from '../params.js';
import { INVALID_PARAMS, param, RpcError, SERVER_ERROR } from '../rpcError.js';
import { CallTracer } from '../tracers/callTracer.js';
import { prestateResult, TouchCollector } from '../tracers/prestateTracer.js';
import { StructLogger } from '../tracers/structLogger.js';
import type { MethodTable, NodeContext } from './types.js';

type Runner = (exec: ExecOptions, after?: (from: number) => void) => { result: TxResult; tx: Transaction };

/** Runs `run` under the tracer `opts` asks for and shapes its result as geth does. */
function traceWith(ctx: NodeContext, opts: TraceOptions, run: Runner): unknown {
  const chain = ctx.node.chain;
  if (opts.enableMemory) throw new RpcError(INVALID_PARAMS, 'invalid argument 1: enableMemory is not supported');
  if (opts.tracer === 'callTracer') {
    const t = new CallTracer(opts);
    const { result, tx } = run({ observer: t });
    if (!result.valid) throw new RpcError(SERVER_ERROR, gethMessage(result.error, tx));
    return t.result(tx.gasLimit, result.gasUsed);
  }
  if (opts.tracer === 'prestateTracer') {
    const touched = new TouchCollector(); // the top frame adds the sender and the recipient
    let out: unknown;
    const { result, tx } = run({ observer: touched }, (from) => {
      touched.add(chain.coinbase);
      out = prestateResult(chain.world, chain.journal, from, touched, opts.diffMode);
    });
    if (!result.valid) throw new RpcError(SERVER_ERROR, gethMessage(result.error, tx));
    return out;
  }
  const logger = new StructLogger(chain.world, opts);
  const { result, tx } = run({ tracer: logger, observer: logger });
  if (!result.valid) throw new RpcError(SERVER_ERROR, gethMessage(result.error, tx));
  const failed = result.status !== 'success';
  return {
    gas: Number(result.gasUsed),
    failed,
    returnValue: result.status === 'halt' ? '0x' : bytesToHex(result.returnData),
    structLogs: logger.logs,
  };
}

/** The mined transaction `hash`: its block number, index and transaction. */
function locate(ctx: NodeContext, hash: bigint) {
  const t = ctx.node.chain.txIndex.get(hash);
  if (!t) throw new RpcError(SERVER_ERROR, 'transaction not found');
  return t;
}

/** The run trace of a mined transaction (a TraceRecorder over its replay). */
export function actorTrace(ctx: NodeContext, hash: bigint): RunTrace {
  const chain = ctx.node.chain;
  const t = locate(ctx, hash);
  const tx = t.signed.tx;
  const recorder = new TraceRecorder({
    name: `transaction 0x${hash.toString(16).padStart(64, '0')}`,
    description: `block ${t.blockNumber}, index ${t.index}`,
    profile: ctx.node.profile.name,
  });
  const world = chain.world;
  try {
    chain.replay(
      t.blockNumber,
      t.index,
      { observer: recorder },
      {
        before: () => {
          recorder.attach(world); // wraps world.setAccount with an own property (removed below)
          recorder.beginTransaction({ ...tx, from: tx.sender });
        },
        after: (_from, result) =>
          recorder.endTransaction(result.valid ? result : { valid: false, error: result.error.message }),
      },
    );
  } finally {
    delete (world as unknown as { setAccount?: unknown }).setAccount; // the prototype's method again
  }
  return recorder.toJSON();
}

export function debugMethods(ctx: NodeContext): MethodTable {
  const chain = () => ctx.node.chain;
  return {
    debug_traceTransaction: (p) => {
      const hash = param(() => parseWord(p[0], 'params[0]'));
      const opts = param(() => parseTraceOptions(p[1], 'params[1]'));
      const t = locate(ctx, hash);
      return traceWith(ctx, opts, (exec, after) => ({
        result: chain().replay(t.blockNumber, t.index, exec, after ? { after } : {}),
        tx: t.signed.tx,
      }));
    },
    debug_traceCall: (p) => {
      const req = param(() => parseCallRequest(p[0], 'params[0]'));
      const ref = param(() => parseBlockRef(p[1], 'params[1]'));
      const opts = param(() => parseTraceOptions(p[2], 'params[2]'));
      const overrides = param(() =>
        parseStateOverrides(
          (p[2] as { stateOverrides?: unknown } | undefined)?.stateOverrides,
          'params[2].stateOverrides',
        ),
      );
      return traceWith(ctx, opts, (exec, after) => ctx.node.simulate(req, ref, overrides, undefined, exec, after));
    },
    zkos_traceActors: (p) =>
      actorTrace(
        ctx,
        param(() => parseWord(p[0], 'params[0]')),
      ),
  };
}
