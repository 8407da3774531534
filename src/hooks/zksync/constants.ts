// Addresses, selectors and topics of the ZKsync OS system hooks (brief §6.3-§6.6, §11).
import type { Address } from '../../ee/types.js';

/** Bootloader formal address: collects fees, swept to the coinbase after each transaction (brief §8.2). */
export const BOOTLOADER_FORMAL_ADDRESS: Address = 0x8001n;
/** Contract deployer hook (brief §6.5). */
export const CONTRACT_DEPLOYER_ADDRESS: Address = 0x8006n;
/** L1 messenger hook (brief §6.3). */
export const L1_MESSENGER_ADDRESS: Address = 0x8008n;
/** L2 base token hook (brief §6.4). */
export const L2_BASE_TOKEN_ADDRESS: Address = 0x800an;
/** L2 complex upgrader: the only caller the contract deployer hook accepts (brief §6.5). */
export const L2_COMPLEX_UPGRADER_ADDRESS: Address = 0x800fn;

/** `sendToL1(bytes)`. */
export const SEND_TO_L1_SELECTOR = 0x62f84b24;
/** `withdraw(address)`. */
export const WITHDRAW_SELECTOR = 0x51cff8d9;
/** `withdrawWithMessage(address,bytes)`. */
export const WITHDRAW_WITH_MESSAGE_SELECTOR = 0x84bc3eb0;
/** `finalizeEthWithdrawal(uint256,uint256,uint16,bytes,bytes32[])`: first 4 bytes of every withdrawal message. */
export const FINALIZE_ETH_WITHDRAWAL_SELECTOR = 0x6c0960f9;
/** `setBytecodeDetailsEVM(address,bytes32,uint32,bytes32)`. */
export const SET_BYTECODE_DETAILS_EVM_SELECTOR = 0xf6eca0b0;

/** keccak256("L1MessageSent(address,bytes32,bytes)"): topic 0 of the messenger's event. */
export const L1_MESSAGE_SENT_TOPIC = 0x3a36e47291f4201faf137fab081d92295bce2d53be2c6ca68ba82c7faa9ce241n;

/** EVM MAX_CODE_SIZE: the deployer hook's bytecode length bound (brief §6.5). */
export const MAX_EVM_BYTECODE_LENGTH = 24576;

/** The step cost each system hook charges after its pre-checks: 10 ergs (`l1_messenger.rs` etc., brief §6.3-§6.5). */
export const HOOK_STEP_COST_ERGS = 10;
