// The native cost of every EVM instruction in ZKsync OS at 0a82da0, as data. Source: the `evm_interpreter`
// crate; NRC = evm_interpreter/src/native_resource_constants.rs (the constants), charged where each opcode
// calls `spend_gas_and_native` (evm_interpreter/src/instructions/*.rs). `interpreter.rs` (`Interpreter::run`)
// charges STEP_NATIVE_COST for every instruction first; each opcode's own cost comes on top (not instead).
import type { EvmNativeCosts } from '../ee/evm/native.js';

/** NRC PUSH1_NATIVE_COST .. PUSH32_NATIVE_COST (`PUSH_NATIVE_COSTS`, stack.rs `push::<N>`). */
const PUSH_N = [
  60, 120, 140, 140, 150, 160, 170, 180, 190, 200, 210, 210, 220, 230, 240, 210, 240, 240, 240, 240, 250, 260, 260, 260,
  260, 270, 280, 280, 290, 290, 300, 300,
];

const byOpcode: Record<string, number> = {
  // arithmetic.rs
  ADD: 140, // NRC ADD_NATIVE_COST
  MUL: 400, // MUL_NATIVE_COST
  SUB: 140, // SUB_NATIVE_COST
  DIV: 1500, // DIV_NATIVE_COST
  SDIV: 1000, // SDIV_NATIVE_COST
  MOD: 1300, // MOD_NATIVE_COST
  SMOD: 800, // SMOD_NATIVE_COST
  ADDMOD: 1700, // ADDMOD_NATIVE_COST
  MULMOD: 2300, // MULMOD_NATIVE_COST
  EXP: 700, // EXP_BASE_NATIVE_COST (`exp_cost`; EXP_PER_BYTE_NATIVE_COST is `expPerByte`)
  SIGNEXTEND: 400, // SIGNEXTEND_NATIVE_COST
  // bitwise.rs
  LT: 190, // LT_NATIVE_COST
  GT: 190, // GT_NATIVE_COST
  SLT: 430, // SLT_NATIVE_COST
  SGT: 430, // SGT_NATIVE_COST
  EQ: 500, // EQ_NATIVE_COST
  ISZERO: 300, // ISZERO_NATIVE_COST
  AND: 100, // AND_NATIVE_COST
  OR: 90, // OR_NATIVE_COST
  XOR: 90, // XOR_NATIVE_COST
  NOT: 60, // NOT_NATIVE_COST
  BYTE: 160, // BYTE_NATIVE_COST
  SHL: 240, // SHL_NATIVE_COST
  SHR: 240, // SHR_NATIVE_COST
  SAR: 400, // SAR_NATIVE_COST
  // system.rs `sha3`: the hashing itself is the keccak system function's native (host `hashed`)
  KECCAK256: 90, // KECCAK256_NATIVE_COST
  // system.rs, host.rs, environment.rs
  ADDRESS: 60, // ADDRESS_NATIVE_COST
  BALANCE: 60, // BALANCE_NATIVE_COST
  ORIGIN: 60, // ORIGIN_NATIVE_COST
  CALLER: 60, // CALLER_NATIVE_COST
  CALLVALUE: 60, // CALLVALUE_NATIVE_COST
  CALLDATALOAD: 280, // CALLDATALOAD_NATIVE_COST
  CALLDATASIZE: 40, // CALLDATASIZE_NATIVE_COST
  CALLDATACOPY: 100, // CALLDATACOPY_NATIVE_COST (+ copy cost)
  CODESIZE: 40, // CODESIZE_NATIVE_COST
  CODECOPY: 100, // CODECOPY_NATIVE_COST (+ copy cost)
  GASPRICE: 60, // GASPRICE_NATIVE_COST
  EXTCODESIZE: 60, // EXTCODESIZE_NATIVE_COST
  EXTCODECOPY: 100, // EXTCODECOPY_NATIVE_COST (+ copy cost)
  RETURNDATASIZE: 60, // RETURNDATASIZE_NATIVE_COST
  RETURNDATACOPY: 100, // RETURNDATACOPY_NATIVE_COST (+ copy cost)
  EXTCODEHASH: 60, // EXTCODEHASH_NATIVE_COST
  BLOCKHASH: 60, // BLOCKHASH_NATIVE_COST
  COINBASE: 60, // COINBASE_NATIVE_COST
  TIMESTAMP: 60, // TIMESTAMP_NATIVE_COST
  NUMBER: 60, // NUMBER_NATIVE_COST
  PREVRANDAO: 40, // DIFFICULTY_NATIVE_COST
  GASLIMIT: 60, // environment.rs `gaslimit` charges GAS_NATIVE_COST
  CHAINID: 60, // CHAINID_NATIVE_COST
  SELFBALANCE: 60, // SELFBALANCE_NATIVE_COST
  BASEFEE: 60, // BASEFEE_NATIVE_COST
  BLOBHASH: 40, // environment.rs `blobhash`: literal 40
  BLOBBASEFEE: 40, // environment.rs `blobbasefee`: literal 40
  // stack.rs, heap.rs, control_flow.rs, host.rs
  POP: 40, // POP_NATIVE_COST
  MLOAD: 250, // MLOAD_NATIVE_COST
  MSTORE: 250, // MSTORE_NATIVE_COST
  MSTORE8: 250, // MSTORE8_NATIVE_COST
  SLOAD: 100, // SLOAD_NATIVE_COST (storage IO native is the system's, resources.ts)
  SSTORE: 100, // SSTORE_NATIVE_COST
  JUMP: 70, // JUMP_NATIVE_COST
  JUMPI: 300, // JUMPI_NATIVE_COST
  PC: 40, // PC_NATIVE_COST
  MSIZE: 40, // MSIZE_NATIVE_COST
  GAS: 60, // GAS_NATIVE_COST
  JUMPDEST: 40, // JUMPDEST_NATIVE_COST
  TLOAD: 100, // TLOAD_NATIVE_COST
  TSTORE: 100, // TSTORE_NATIVE_COST
  // MCOPY: heap.rs `mcopy` charges only the copy cost (no MCOPY constant)
  PUSH0: 50, // PUSH0_NATIVE_COST
  CREATE: 25_000, // CREATE_NATIVE_COST
  CREATE2: 25_000, // CREATE2_NATIVE_COST
  CALL: 1500, // CALL_NATIVE_COST (host.rs `call_impl`, every call kind)
  CALLCODE: 1500, // CALLCODE_NATIVE_COST value, charged as CALL_NATIVE_COST in `call_impl`
  DELEGATECALL: 1500, // DELEGATECALL_NATIVE_COST (idem)
  STATICCALL: 1500, // STATICCALL_NATIVE_COST (idem)
  RETURN: 40, // RETURN_NATIVE_COST
  REVERT: 50, // REVERT_NATIVE_COST
  SELFDESTRUCT: 100, // SELFDESTRUCT_NATIVE_COST
  // STOP and INVALID: `Interpreter::run` returns at once, so STOP_NATIVE_COST and INVALID_NATIVE_COST are unused
};
PUSH_N.forEach((c, i) => {
  byOpcode[`PUSH${i + 1}`] = c;
});
for (let n = 1; n <= 16; n++) {
  byOpcode[`DUP${n}`] = 60; // NRC DUP_NATIVE_COST (same for all)
  byOpcode[`SWAP${n}`] = 90; // NRC SWAP_NATIVE_COST (same for all)
}
for (let n = 0; n <= 4; n++) byOpcode[`LOG${n}`] = 50; // NRC LOG_NATIVE_COST (event native: resources.ts)

export const ZKSYNC_EVM_NATIVE_COSTS: EvmNativeCosts = Object.freeze({
  step: 20, // NRC STEP_NATIVE_COST (interpreter.rs `run`, every instruction, before the opcode)
  byOpcode: Object.freeze(byOpcode),
  // gas.rs `copy_cost`: COPY_BASE_NATIVE_COST + COPY_BYTE_NATIVE_COST × len, charged even for len 0
  copyOpcodes: Object.freeze(['CALLDATACOPY', 'CODECOPY', 'RETURNDATACOPY', 'EXTCODECOPY', 'MCOPY']),
  copyBase: 80, // NRC COPY_BASE_NATIVE_COST
  copyPerByte: 1, // NRC COPY_BYTE_NATIVE_COST
  // gas.rs `pay_for_memory_growth`: base + per byte of (new − old) word-rounded size, on every growth
  memoryExpansionBase: 35, // NRC HEAP_EXPANSION_BASE_NATIVE_COST
  memoryExpansionPerByte: 1, // NRC HEAP_EXPANSION_PER_BYTE_NATIVE_COST
  expPerByte: 5000, // NRC EXP_PER_BYTE_NATIVE_COST (arithmetic.rs `exp_cost`)
});
