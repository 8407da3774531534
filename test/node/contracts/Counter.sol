// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// The node tests' contract: storage, an event, a revert reason and a nested call.
contract Counter {
    uint256 public count;

    event Incremented(address indexed by, uint256 newCount);

    constructor(uint256 start) {
        count = start;
    }

    function increment() external {
        count += 1;
        emit Incremented(msg.sender, count);
    }

    function add(uint256 v) external {
        require(v <= 100, "value too big");
        count += v;
        emit Incremented(msg.sender, count);
    }

    function incrementOther(address other) external {
        Counter(other).increment();
        count += 10;
    }
}
