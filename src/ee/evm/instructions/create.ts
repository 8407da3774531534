// CREATE and CREATE2 as preemption points (brief §4.2): 32000 static (table) + memory + EIP-3860
// initcode words (+ EIP-1014 hashing words for CREATE2), then all remaining gas goes to the request.
import type { Frame } from '../frame.js';
import { Status } from '../status.js';
import { MAX_INITCODE_SIZE, create2HashCost, initcodeCost } from '../gas.js';
import { expandMemory } from '../memory.js';

const EMPTY = new Uint8Array(0);

function createImpl(f: Frame, isCreate2: boolean): Status {
  if (f.isStatic) return Status.StaticStateChange;
  const s = f.stack;
  const value = s.pop();
  const off = s.pop();
  const size = s.pop();
  const salt = isCreate2 ? s.pop() : 0n;
  if (!expandMemory(f, off, size)) return Status.OutOfGas;
  const n = size === 0n ? 0 : Number(size);
  if (n > MAX_INITCODE_SIZE) return Status.InitcodeSizeLimit;
  const cost = initcodeCost(n) + (isCreate2 ? create2HashCost(n) : 0);
  if (cost > f.gas) return Status.OutOfGas;
  f.gas -= cost;
  f.pending = {
    type: 'create',
    scheme: isCreate2 ? 'create2' : 'create',
    deployer: f.address,
    initcode: n === 0 ? EMPTY : f.memory.slice(Number(off), n),
    value,
    salt,
    gasAvailable: f.takeGas(),
  };
  return Status.Suspend;
}

export function create(f: Frame): Status {
  return createImpl(f, false);
}

export function create2(f: Frame): Status {
  return createImpl(f, true);
}
