// SPDX-License-Identifier: MIT
// End-to-end fixture for the zksync profile (test/scenarios/zksync-withdrawer.test.ts): withdraws the
// base token through the L2 base token hook (0x800a) and sends an L2->L1 message through the L1 messenger
// hook (0x8008). Compiled by scripts/compile-test-contracts.mjs into ./Withdrawer.json (bytecode checked in).
pragma solidity ^0.8.24;

interface IL1Messenger {
    function sendToL1(bytes calldata message) external returns (bytes32);
}

interface IL2BaseToken {
    function withdraw(address l1Receiver) external payable;
    function withdrawWithMessage(address l1Receiver, bytes calldata additionalData) external payable;
}

contract Withdrawer {
    IL1Messenger internal constant L1_MESSENGER = IL1Messenger(address(0x8008));
    address internal constant L2_BASE_TOKEN = address(0x800a);

    error CallFailed();

    /// Withdraws msg.value to `l1Receiver`, then sends `message` to L1; returns the message hash.
    function withdrawAndSend(address l1Receiver, bytes calldata message) external payable returns (bytes32) {
        // A low-level call: the hook address has no code, and a high-level call to a function without
        // return values would fail solc's extcodesize check before calling.
        (bool ok, ) = L2_BASE_TOKEN.call{value: msg.value}(abi.encodeCall(IL2BaseToken.withdraw, (l1Receiver)));
        if (!ok) revert CallFailed();
        // High-level call: a function with return data skips the extcodesize check (solc >= 0.8.10).
        return L1_MESSENGER.sendToL1(message);
    }

    /// Withdraws msg.value to `l1Receiver` with additional data for the L1 side.
    function withdrawWithData(address l1Receiver, bytes calldata data) external payable {
        (bool ok, ) = L2_BASE_TOKEN.call{value: msg.value}(
            abi.encodeCall(IL2BaseToken.withdrawWithMessage, (l1Receiver, data))
        );
        if (!ok) revert CallFailed();
    }

    /// Sends `message` then reverts: the message and its event must be rolled back with this frame.
    function sendAndRevert(bytes calldata message) external {
        L1_MESSENGER.sendToL1(message);
        revert CallFailed();
    }

    /// Sends `kept`, then `dropped` inside a reverted sub-call; only `kept` survives.
    function sendKeptAndDropped(bytes calldata kept, bytes calldata dropped) external returns (bool droppedReverted) {
        L1_MESSENGER.sendToL1(kept);
        try this.sendAndRevert(dropped) {
            droppedReverted = false;
        } catch {
            droppedReverted = true;
        }
    }
}
