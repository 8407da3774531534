// Contract deployer hook at 0x8006 (brief §6.5): `setBytecodeDetailsEVM(address,bytes32,uint32,bytes32)`,
// callable only by the L2 complex upgrader 0x800f, sets an account's EVM code from a hash whose preimage
// the state knows. Errors revert without burning gas.
import { keccak256Word, KECCAK_EMPTY } from '../../crypto/keccak.js';
import type { Address } from '../../ee/types.js';
import type { WorldState } from '../../system/world.js';
import type { HookCall, HookResult, SystemHook } from '../registry.js';
import {
  addressAt,
  addressWordIsClean,
  checkModifier,
  GasMeter,
  revert,
  selectorOf,
  success,
  wordAt,
} from './common.js';
import {
  L2_COMPLEX_UPGRADER_ADDRESS,
  MAX_EVM_BYTECODE_LENGTH,
  SET_BYTECODE_DETAILS_EVM_SELECTOR,
  STEP_COST_GAS,
  HOOK_STEP_COST_ERGS,
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
 * The code the details describe. ZKsync OS only writes the hashes and lengths into the account
 * properties (the preimage is expected to be known to the state); this runner keeps code inline, so it
 * resolves the preimage now from `world.preimages` (keccak256 → code): by `bytecodeHash`, else by
 * `observableHash`. The preimage must have the given length and its keccak256 must equal
 * `observableHash` (what EXTCODEHASH reports); anything else reverts. `bytecodeHash` is otherwise
 * opaque: ZKsync OS's own (non-keccak) bytecode hash may be passed if the preimage is registered under
 * its keccak hash. Length 0 with the empty-code hash clears the code.
 */
export function resolveBytecode(world: WorldState, d: BytecodeDetails): Uint8Array | null {
  if (d.bytecodeLength === 0) return d.observableHash === KECCAK_EMPTY ? new Uint8Array(0) : null;
  const code = world.preimages.get(d.bytecodeHash) ?? world.preimages.get(d.observableHash);
  if (code === undefined || code.length !== d.bytecodeLength) return null;
  return keccak256Word(code) === d.observableHash ? code : null;
}

function run(call: HookCall, world: WorldState): HookResult {
  const modifier = checkModifier(call, 'contract deployer');
  if (call.value !== 0n || !modifier.ok) return revert(call.gas);
  const meter = new GasMeter(call.gas);
  // Brief §6: the hook's own step cost is 10 ergs, not representable in whole gas units: charged as 0.
  meter.charge(STEP_COST_GAS);
  if (selectorOf(call.calldata) !== SET_BYTECODE_DETAILS_EVM_SELECTOR) return revert(meter.gas);
  if (modifier.isStatic) return revert(meter.gas);
  if (call.caller !== L2_COMPLEX_UPGRADER_ADDRESS) return revert(meter.gas);
  const details = decodeSetBytecodeDetails(call.calldata);
  if (details === null) return revert(meter.gas);
  const code = resolveBytecode(world, details);
  if (code === null) return revert(meter.gas);
  // `set_bytecode_details` charges native only (the preimage is not published): no gas (brief §6.5).
  world.setCode(details.address, code);
  return success(meter.gas);
}

/** The contract deployer system hook. */
export const contractDeployerHook: SystemHook = Object.freeze({
  name: 'contractDeployer',
  stepErgs: HOOK_STEP_COST_ERGS,
  run,
});
