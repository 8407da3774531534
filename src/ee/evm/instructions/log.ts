// LOG0..LOG4: 375 + 375 per topic (static, in the table) + 8 per data byte + memory; forbidden in
// static context.
import type { Frame, Handler } from '../frame.js';
import { Status } from '../status.js';
import { GAS_LOG_DATA } from '../gas.js';
import { expandMemory } from '../memory.js';

const EMPTY = new Uint8Array(0);

export function makeLog(topicCount: number): Handler {
  return function logN(f: Frame): Status {
    if (f.isStatic) return Status.StaticStateChange;
    const s = f.stack;
    const off = s.pop();
    const size = s.pop();
    if (!expandMemory(f, off, size)) return Status.OutOfGas;
    const n = size === 0n ? 0 : Number(size);
    const cost = GAS_LOG_DATA * n;
    if (cost > f.gas) return Status.OutOfGas;
    f.gas -= cost;
    const topics: bigint[] = new Array<bigint>(topicCount);
    for (let i = 0; i < topicCount; i++) topics[i] = s.pop();
    f.host.emitLog(f.address, topics, n === 0 ? EMPTY : f.memory.slice(Number(off), n));
    return Status.Continue;
  };
}
