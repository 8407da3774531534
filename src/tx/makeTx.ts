// `makeTx`: a complete Transaction from the few fields a caller cares about, with the defaults a viem or anvil
// user expects: EIP-1559 (type 2) unless a gasPrice is given, fees at the block's base fee with no tip, the
// sender's current nonce, the block's chain id. Every field is checked at run time (src/input/arguments.ts).
import type { BlockContext } from '../ee/host.js';
import type { Address } from '../ee/types.js';
import { ArgumentChecker } from '../input/arguments.js';
import type { RunEnvironment } from '../runner/context.js';
import { DEFAULT_BLOCK } from '../runner/defaultBlock.js';
import { WorldState } from '../system/world.js';
import { checkAccessList } from './arguments.js';
import type { AccessList, Transaction } from './types.js';

/** What `makeTx` needs; only `from` and `gas` are required. */
export interface TxInit {
  readonly from: Address;
  /** Recipient; omitted or null: a contract creation with `data` as initcode. */
  readonly to?: Address | null;
  /** Calldata (initcode for a creation). Default empty. */
  readonly data?: Uint8Array;
  /** Wei sent. Default 0. */
  readonly value?: bigint;
  /** Gas limit (there is no estimation: say how much the transaction may use). */
  readonly gas: bigint;
  /** Default: the sender's nonce in the context's world, else 0. */
  readonly nonce?: bigint;
  /** 0 (legacy), 1 (EIP-2930) or 2 (EIP-1559). Default 2; with `gasPrice`: 0, or 1 with an access list. */
  readonly type?: 0 | 1 | 2;
  /** Types 0 and 1. Default: the block's base fee. */
  readonly gasPrice?: bigint;
  /** Type 2. Default: the block's base fee plus `maxPriorityFeePerGas`. */
  readonly maxFeePerGas?: bigint;
  /** Type 2. Default 0 (no tip: the coinbase earns nothing, the sender pays exactly the base fee). */
  readonly maxPriorityFeePerGas?: bigint;
  /** EIP-2930 access list. Default empty. */
  readonly accessList?: AccessList;
  /** Default: the block's chain id. */
  readonly chainId?: bigint;
}

/** Where defaults come from: a run environment, or a world and a block; without one, DEFAULT_BLOCK and nonce 0. */
export type MakeTxContext = RunEnvironment | { readonly world?: WorldState; readonly block?: BlockContext };

const KEYS = [
  'from',
  'to',
  'data',
  'value',
  'gas',
  'nonce',
  'type',
  'gasPrice',
  'maxFeePerGas',
  'maxPriorityFeePerGas',
  'accessList',
  'chainId',
];

/** Names from other APIs (the Transaction type, JSON-RPC) and the makeTx name they mean. */
const ALIAS = { gasLimit: 'gas', input: 'data', sender: 'from' } as const;

/**
 * A transaction from `init` with defaults (see `TxInit`): `makeTx({ from, to, data, gas: 100_000n }, env)`.
 * Throws an ArgumentError naming the field for a missing or mistyped one.
 */
export function makeTx(init: TxInit, context?: MakeTxContext): Transaction {
  const c: ArgumentChecker = new ArgumentChecker('makeTx');
  const o = c.object(init, 'init');
  for (const k of Object.keys(o)) {
    if (k === 'gasLimit' || k === 'input' || k === 'sender') c.fail(k, `is spelled "${ALIAS[k]}" in makeTx`);
    if (!KEYS.includes(k)) c.fail(k, `is not a makeTx field (known: ${KEYS.join(', ')})`);
  }
  const from = c.address(o.from, 'from');
  const gasLimit = c.u64(o.gas, 'gas');
  const to = o.to === undefined || o.to === null ? null : c.address(o.to, 'to');
  const data = o.data === undefined ? new Uint8Array(0) : c.bytes(o.data, 'data');
  const value = o.value === undefined ? 0n : c.u256(o.value, 'value');
  const accessList = (o.accessList ?? []) as AccessList;
  if (o.accessList !== undefined) checkAccessList(c, o.accessList, 'accessList');

  let world: WorldState | undefined;
  let block: BlockContext = DEFAULT_BLOCK;
  if (context !== undefined) {
    const ctx = c.object(context, 'context');
    if ('system' in ctx) {
      const env = context as RunEnvironment;
      world = env.system.world;
      block = env.system.block;
    } else {
      if (ctx.world !== undefined && !(ctx.world instanceof WorldState))
        c.fail('context.world', 'must be a WorldState');
      world = ctx.world;
      if (ctx.block !== undefined) c.object(ctx.block, 'context.block');
      block = (ctx.block as BlockContext | undefined) ?? DEFAULT_BLOCK;
    }
  }
  const nonce = o.nonce === undefined ? (world?.getAccount(from).nonce ?? 0n) : c.u64(o.nonce, 'nonce');
  const chainId = o.chainId === undefined ? block.chainId : c.u64(o.chainId, 'chainId');
  const gasPrice = c.optional(o, 'gasPrice', (v, f) => c.u256(v, f));
  const maxFeePerGas = c.optional(o, 'maxFeePerGas', (v, f) => c.u256(v, f));
  const maxPriorityFeePerGas = c.optional(o, 'maxPriorityFeePerGas', (v, f) => c.u256(v, f));

  let type: 0 | 1 | 2;
  if (o.type === undefined) type = gasPrice === undefined ? 2 : accessList.length > 0 ? 1 : 0;
  else if (o.type === 0 || o.type === 1 || o.type === 2) type = o.type;
  else
    return c.fail(
      'type',
      `must be 0, 1 or 2 (blob transactions: build the Transaction yourself), got ${String(o.type)}`,
    );
  if (type < 2 && (maxFeePerGas !== undefined || maxPriorityFeePerGas !== undefined))
    c.fail('maxFeePerGas', `belongs to type 2 transactions; this one is type ${type} (give gasPrice)`);
  if (type === 2 && gasPrice !== undefined)
    c.fail('gasPrice', 'belongs to type 0 and 1 transactions; give maxFeePerGas/maxPriorityFeePerGas for type 2');
  if (type === 0 && accessList.length > 0) c.fail('accessList', 'needs type 1 or 2; type 0 has no access list');

  const fees =
    type < 2
      ? { gasPrice: gasPrice ?? block.baseFee }
      : {
          maxFeePerGas: maxFeePerGas ?? block.baseFee + (maxPriorityFeePerGas ?? 0n),
          maxPriorityFeePerGas: maxPriorityFeePerGas ?? 0n,
        };
  return {
    type,
    chainId,
    nonce,
    gasLimit,
    to,
    value,
    data,
    ...fees,
    accessList,
    blobVersionedHashes: [],
    sender: from,
  };
}
