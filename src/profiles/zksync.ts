// The `zksync` profile: ZKsync OS rules at commit 0a82da0 (../shared/reference/zksync-os-brief.md).
import type { Profile } from './types.js';
import { ethereum } from './ethereum.js';
import { ZKSYNC_TX_PARAMS } from '../tx/validate.js';
import type { NativeCosts } from '../system/resources.js';
import { BOOTLOADER_FORMAL_ADDRESS } from '../hooks/zksync/constants.js';
import { ZKSYNC_EVM_NATIVE_COSTS } from './zksyncEvmNative.js';

const BIGINT_DELEGATION = 4; // zk_ee/src/system/constants.rs BIGINT_DELEGATION_COEFFICIENT
const BLAKE_DELEGATION = 16; // BLAKE_DELEGATION_COEFFICIENT
/** `native_with_delegations!(raw, bigint, blake)` (zk_ee/src/system/constants.rs). */
const withDelegations = (raw: number, bigint: number, blake: number): number =>
  raw + bigint * BIGINT_DELEGATION + blake * BLAKE_DELEGATION;

/**
 * The native cost table at 0a82da0. Paths: FSM = basic_system/src/system_implementation/flat_storage_model,
 * CC = basic_system/src/cost_constants.rs, NRC = evm_interpreter/src/native_resource_constants.rs,
 * BC = basic_bootloader/src/bootloader/constants.rs.
 */
export const ZKSYNC_NATIVE_COSTS: NativeCosts = Object.freeze({
  evm: ZKSYNC_EVM_NATIVE_COSTS, // NRC: STEP_NATIVE_COST + each opcode's own, copies, EXP, memory growth
  perCodeByte: 6, // NRC BYTECODE_PREPROCESSING_BYTE_NATIVE_COST (lib.rs jumpdest analysis)
  intrinsic: 4000, // BC L2_TX_INTRINSIC_NATIVE_COST
  l1Intrinsic: 10_000, // BC L1_TX_INTRINSIC_NATIVE_COST
  perCalldataByte: 1, // NRC COPY_BYTE_NATIVE_COST (gas_helpers.rs cost_for_calldata)
  defaultNativePerGas: 100n, // BC SIMULATION_NATIVE_PER_GAS
  upgradeNativePerGas: 10_000n, // BC UPGRADE_TX_NATIVE_PER_GAS
  l1NativePrice: 10n, // BC L1_TX_NATIVE_PRICE
  maxComputational: 1n << 36n, // zk_ee/src/system/constants.rs MAX_NATIVE_COMPUTATIONAL
  storage: Object.freeze({
    warmRead: 4000, // FSM/cost_constants.rs WARM_STORAGE_READ_NATIVE_COST
    coldExistingReadExtra: withDelegations(100_000, 0, 1320), // COLD_EXISTING_STORAGE_READ_NATIVE_COST
    coldNewReadExtra: 2 * withDelegations(100_000, 0, 1320), // COLD_NEW_STORAGE_READ_NATIVE_COST
    writeExistingExtra: withDelegations(40_000, 0, 660), // COLD_EXISTING_STORAGE_WRITE_EXTRA_NATIVE_COST
    writeNewExtra: withDelegations(100_000, 0, 1300), // COLD_NEW_STORAGE_WRITE_EXTRA_NATIVE_COST
    transientRead: 4000, // WARM_TSTORAGE_READ_NATIVE_COST (io_subsystem.rs storage_read)
    transientWrite: 4000, // WARM_TSTORAGE_WRITE_NATIVE_COST
  }),
  account: Object.freeze({
    access: 4000, // FSM/cost_constants.rs WARM_ACCOUNT_CACHE_ACCESS_NATIVE_COST
    writeExtra: 1000, // WARM_ACCOUNT_CACHE_WRITE_EXTRA_NATIVE_COST
    preimageGet: 500, // PREIMAGE_CACHE_GET_NATIVE_COST
    preimageSet: 500, // PREIMAGE_CACHE_SET_NATIVE_COST
    blakeBase: 800, // BLAKE2S_BASE_NATIVE_COST
    blakeRound: 340, // BLAKE2S_ROUND_NATIVE_COST (64-byte chunks)
    propertiesSize: 124, // account_cache_entry.rs AccountProperties::ENCODED_SIZE
  }),
  eventBase: 6000, // FSM/cost_constants.rs EVENT_STORAGE_BASE_NATIVE_COST
  eventPerTopic: 200, // EVENT_TOPIC_NATIVE_COST
  eventPerByte: 2, // EVENT_DATA_PER_BYTE_COST
  keccak: Object.freeze({ base: 2500, perRound: 17_500, chunk: 136 }), // CC KECCAK256_*_NATIVE_COST
  sha256: Object.freeze({ base: 1600, perRound: 4200, chunk: 64 }), // CC SHA256_*_NATIVE_COST
  ripemd160: Object.freeze({ base: 1600, perRound: 4200, chunk: 64 }), // CC RIPEMD160_*_NATIVE_COST
  ecrecover: withDelegations(350_000, 43_000, 0), // CC ECRECOVER_NATIVE_COST
  bn254Add: withDelegations(46_000, 1650, 0), // CC BN254_ECADD_NATIVE_COST
  bn254Mul: withDelegations(825_000, 62_000, 0), // CC BN254_ECMUL_NATIVE_COST
  bn254PairingBase: withDelegations(13_000_000, 500_000, 0), // CC BN254_PAIRING_BASE_NATIVE_COST
  bn254PairingPerPair: withDelegations(13_000_000, 500_000, 0), // CC BN254_PAIRING_PER_PAIR_NATIVE_COST
  p256Verify: 0, // p256_verify.rs charges ergs only
  identityBase: 20, // system_hooks/src/precompiles.rs ID_BASE_NATIVE_COST
  identityPerByte: 10, // ID_BYTE_NATIVE_COST
  modexpPerErg: 200, // CC MODEXP_WORST_CASE_NATIVE_PER_GAS (evm-compatibility), applied per erg in modexp.rs
  l2ToL1LogSize: 88, // zk_ee/src/common_structs/logs_storage.rs L2_TO_L1_LOG_SERIALIZE_SIZE
});

/** ZKsync OS semantics: special address space, system hooks, fees via 0x8001, no refund counter. */
export const zksync: Profile = Object.freeze({
  ...ethereum,
  name: 'zksync',
  specialAddressBound: 0x10000n, // brief §2.6: strict `<`
  hooks: Object.freeze({ precompiles: true, systemContracts: true }),
  eoaShortcutBeforeDepthCheck: true, // brief §2.3 step 3
  createDepthCheckBeforeNonceBump: false, // brief §2.7 step 3
  collisionChecksStorage: false, // brief §9
  entryCollisionRefunds64th: true, // brief §2.7 step 2, §9: the 1/64 is merged only after preparation
  failedDeploymentReturnsCode: true, // brief §9
  sstoreRefunds: false, // brief §9
  deleteEmptyTouched: false,
  feeCollector: BOOTLOADER_FORMAL_ADDRESS, // brief §8.2 step 11
  chargePriorityFee: false, // brief §8.2 step 2
  tx: ZKSYNC_TX_PARAMS, // 18000 intrinsic + 3000 ecrecover during EOA validation (brief §8.2 step 3)
  defaultFork: 'Cancun', // ZKsync OS keeps its own Cancun-based rules
  forks: Object.freeze(['Cancun'] as const),
  blobOpcodesStubbed: true,
  ergsPerGas: 256,
  p256Precompile: false, // system_hooks `p256_precompile` feature: off by default
  native: ZKSYNC_NATIVE_COSTS, // brief §7: one native budget per transaction
});

/** The zksync profile with ZKsync OS's `p256_precompile` feature: P256 verify at 0x100 (RIP-7212 address). */
export const zksyncWithP256: Profile = Object.freeze({ ...zksync, p256Precompile: true });
