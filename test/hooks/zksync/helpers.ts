// Helpers for the zksync hook and scenario tests: ABI encoding written out by hand (independent of the
// hook decoders), hook calls, a zksync run environment and EIP-1559 transactions.
import { keccak_256 } from '@noble/hashes/sha3.js';
import { CallModifier, type Address } from '../../../src/ee/types.js';
import type { HookCall } from '../../../src/hooks/registry.js';
import { zksync } from '../../../src/profiles/zksync.js';
import { createEnvironment } from '../../../src/runner/environment.js';
import type { RunEnvironment } from '../../../src/runner/context.js';
import type { BlockContext } from '../../../src/ee/host.js';
import type { WorldState } from '../../../src/system/world.js';
import type { Transaction } from '../../../src/tx/types.js';
import { bigIntToBytes, concatBytes } from '../../../src/crypto/bytes.js';

/** Bytes of a hex string (with or without 0x). */
export function hex(s: string): Uint8Array {
  const h = s.startsWith('0x') ? s.slice(2) : s;
  if (h.length % 2) throw new Error('odd hex');
  const out = new Uint8Array(h.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function toHex(b: Uint8Array): string {
  return '0x' + Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** `v` as n big-endian bytes. */
export const be = (v: bigint, n = 32): Uint8Array => bigIntToBytes(v, n);
export const cat = concatBytes;

/** Right-pads to a multiple of 32 bytes. */
export function pad32(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(b.length / 32) * 32);
  out.set(b);
  return out;
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** keccak256 oracle (@noble/hashes) as a bigint. */
export function keccak(b: Uint8Array): bigint {
  return BigInt(toHex(keccak_256(b)));
}

export const SEND_TO_L1 = hex('62f84b24');
export const WITHDRAW = hex('51cff8d9');
export const WITHDRAW_WITH_MESSAGE = hex('84bc3eb0');
export const SET_BYTECODE_DETAILS_EVM = hex('f6eca0b0');
export const FINALIZE_ETH_WITHDRAWAL = hex('6c0960f9');
/** keccak256("L1MessageSent(address,bytes32,bytes)"). */
export const L1_MESSAGE_SENT = keccak(utf8('L1MessageSent(address,bytes32,bytes)'));

/** `sendToL1(bytes)` calldata with the standard encoding. */
export function sendToL1Calldata(message: Uint8Array): Uint8Array {
  return cat(SEND_TO_L1, be(32n), be(BigInt(message.length)), pad32(message));
}

export function withdrawCalldata(receiver: Address): Uint8Array {
  return cat(WITHDRAW, be(receiver));
}

export function withdrawWithMessageCalldata(receiver: Address, data: Uint8Array): Uint8Array {
  return cat(WITHDRAW_WITH_MESSAGE, be(receiver), be(64n), be(BigInt(data.length)), pad32(data));
}

export function setBytecodeDetailsCalldata(
  address: Address,
  bytecodeHash: bigint,
  length: bigint,
  observableHash: bigint,
): Uint8Array {
  return cat(SET_BYTECODE_DETAILS_EVM, be(address), be(bytecodeHash), be(length), be(observableHash));
}

/** Options of `hookCall`: any call field, and `gas` (default 100000) given as gas × 256 ergs. */
export type HookCallOptions = Partial<HookCall> & { readonly gas?: number };

/** A hook call with defaults: a plain CALL from an EVM contract with 100000 gas (1 gas = 256 ergs). */
export function hookCall(address: Address, calldata: Uint8Array, o: HookCallOptions = {}): HookCall {
  const { gas, ...rest } = o;
  return {
    caller: 0xc0ffeen,
    address,
    calldata,
    value: 0n,
    modifier: CallModifier.NoModifier,
    ergs: (gas ?? 100_000) * 256,
    ergsPerGas: 256,
    callerIsEvm: true,
    ...rest,
  };
}

const PRECHECK_MODIFIERS: readonly number[] = [
  CallModifier.Delegate,
  CallModifier.DelegateStatic,
  CallModifier.EVMCallcode,
  CallModifier.EVMCallcodeStatic,
];

/**
 * Ergs a system hook returns when it refuses a call without other charges: all of them if the value or
 * modifier pre-check refused it (before the 10-erg step), else all but the 10-erg step (`l1_messenger.rs`,
 * `contract_deployer.rs`, `l2_base_token.rs`: the step is charged in `*_inner`, after the pre-checks).
 */
export function ergsAfterRefusal(o: HookCallOptions, valueAllowed = false): number {
  const ergs = (o.gas ?? 100_000) * 256;
  const refusedBeforeStep =
    (!valueAllowed && (o.value ?? 0n) !== 0n) || PRECHECK_MODIFIERS.includes(o.modifier ?? CallModifier.NoModifier);
  return refusedBeforeStep ? ergs : ergs - 10;
}

export const COINBASE = 0xc014ba5en;

export const BLOCK: BlockContext = {
  coinbase: COINBASE,
  number: 1n,
  timestamp: 1_700_000_000n,
  gasLimit: 30_000_000n,
  baseFee: 10n,
  prevRandao: 0n,
  difficulty: 0n,
  chainId: 270n,
  blobBaseFee: 1n,
  excessBlobGas: 0n,
};

/** A zksync-profile run environment over `world`. */
export function zkEnv(world: WorldState, block: BlockContext = BLOCK): RunEnvironment {
  return createEnvironment({ profile: zksync, world, block });
}

/** An EIP-1559 transaction with defaults (max fee 20, priority 2, gas limit 1M). */
export function tx(o: Partial<Transaction> & Pick<Transaction, 'sender'>): Transaction {
  return {
    type: 2,
    chainId: 270n,
    nonce: 0n,
    gasLimit: 1_000_000n,
    to: null,
    value: 0n,
    data: new Uint8Array(0),
    maxFeePerGas: 20n,
    maxPriorityFeePerGas: 2n,
    accessList: [],
    blobVersionedHashes: [],
    ...o,
  };
}
