// Contract deployer hook at 0x8006 (brief §6.5): `setBytecodeDetailsEVM(address,bytes32,uint32,bytes32)`,
// callable only by the L2 complex upgrader 0x800f, sets an account's EVM code from a hash whose preimage
// the state knows. Errors revert without burning gas.
import { keccak256Word, KECCAK_EMPTY } from '../../crypto/keccak.js';
import type { Address } from '../../ee/types.js';
import type { WorldState } from '../../system/world.js';
import { blake2sWord } from '../../crypto/blake2s.js';
import { accountWriteNative, coldAccountNative } from '../../system/resources.js';
import type { HookCall, HookResult, SystemHook } from '../registry.js';
import {
  addressAt,
  addressWordIsClean,
  chargeStep,
  checkModifier,
  revert,
  selectorOf,
  success,
  wordAt,
} from './common.js';
import {
  L2_COMPLEX_UPGRADER_ADDRESS,
  MAX_EVM_BYTECODE_LENGTH,
  SET_BYTECODE_DETAILS_EVM_SELECTOR,
} from './constants.js';

/** Decoded `setBytecodeDetailsEVM` arguments. */
export interface BytecodeDetails {
  readonly address: Address;
  readonly bytecodeHash: bigint;
  readonly bytecodeLength: number;
  readonly observableHash: bigint;
}

/** Strict argument check (brief §6.5): the details, or null to revert. */
export function decodeSetBytecodeDetails(calldata: Uint8Array): BytecodeDetails | null {
  if (calldata.length - 4 < 128) return null; // four words of arguments
  if (!addressWordIsClean(calldata, 4)) return null;
  const length = wordAt(calldata, 68);
  if (length > 0xffffffffn || length > BigInt(MAX_EVM_BYTECODE_LENGTH)) return null; // fits u32 and ≤ 24576
  return {
    address: addressAt(calldata, 4),
    bytecodeHash: wordAt(calldata, 36),
    bytecodeLength: Number(length),
    observableHash: wordAt(calldata, 100),
  };
}

/**
 * The code the details describe. ZKsync OS writes the hashes and lengths into the account properties
 * (`account_cache.rs set_bytecode_details`); the code itself is the preimage of `bytecodeHash`, its
 * Blake2s hash, fetched from the preimage oracle when the account is called (an upgrade transaction
 * supplies it as a factory dependency). This runner keeps code inline, so it resolves the preimage now
 * from `world.preimages`: by `bytecodeHash` with `blake2s(code) == bytecodeHash` (the Rust form), or, for
 * preimages registered under their keccak hash, `keccak(code) == bytecodeHash`. The preimage must have
 * the given length and its keccak256 must equal `observableHash` (EXTCODEHASH; this runner derives it from
 * the code); anything else reverts. Length 0 with the empty-code hash clears the code.
 */
export function resolveBytecode(world: WorldState, d: BytecodeDetails): Uint8Array | null {
  if (d.bytecodeLength === 0) return d.observableHash === KECCAK_EMPTY ? new Uint8Array(0) : null;
  const code = world.preimages.get(d.bytecodeHash) ?? world.preimages.get(d.observableHash);
  if (code === undefined || code.length !== d.bytecodeLength) return null;
  const observable = keccak256Word(code);
  if (observable !== d.observableHash) return null;
  if (d.bytecodeHash !== observable && blake2sWord(code) !== d.bytecodeHash) return null;
  return code;
}

function run(call: HookCall, world: WorldState): HookResult {
  const modifier = checkModifier(call, 'contract deployer');
  if (call.value !== 0n || !modifier.ok) return revert(call.ergs);
  const meter = chargeStep(call);
  if (meter === null) return revert(0);
  if (selectorOf(call.calldata) !== SET_BYTECODE_DETAILS_EVM_SELECTOR) return revert(meter.ergs);
  if (modifier.isStatic) return revert(meter.ergs);
  if (call.caller !== L2_COMPLEX_UPGRADER_ADDRESS) return revert(meter.ergs);
  const details = decodeSetBytecodeDetails(call.calldata);
  if (details === null) return revert(meter.ergs);
  const code = resolveBytecode(world, details);
  if (code === null) return revert(meter.ergs);
  // `set_bytecode_details` charges native only, under infinite ergs: materialize (cold if first touched)
  // and write the account properties; the preimage is not published (`not_publish_bytecode`).
  const native = call.native;
  if (native) {
    const cold = world.accessAccount(details.address);
    native.charge(accountWriteNative(native.costs));
    if (cold) native.charge(coldAccountNative(native.costs, world.exists(details.address)));
  }
  world.setCode(details.address, code);
  world.markBytecodeUnpublished(details.address);
  return success(meter.ergs);
}

/** The contract deployer system hook. */
export const contractDeployerHook: SystemHook = Object.freeze({
  name: 'contractDeployer',
  run,
});
