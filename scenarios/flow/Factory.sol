// SPDX-License-Identifier: MIT
// The seed's flow diagram as contracts: an EOA transaction calls Factory.deployAndCall, which deploys a
// Child (CREATE2) and then calls it. Factory.deployAndCallFail also calls Child.fail inside try/catch, so
// the run contains a reverted frame whose storage write and log are rolled back.
// Compiled by scripts/compile-flow.mjs into ../flow.json and ../flow-revert.json (solc 0.8.37, cancun).
pragma solidity 0.8.37;

contract Child {
    uint256 public value;
    address public immutable factory;

    event Pinged(address indexed from, uint256 value);

    constructor(uint256 initial) payable {
        value = initial;
        factory = msg.sender;
    }

    function ping(uint256 x) external returns (uint256) {
        value = value + x;
        emit Pinged(msg.sender, value);
        return value;
    }

    function fail(uint256 x) external returns (uint256) {
        value = x;
        emit Pinged(msg.sender, x);
        require(x == 0, "Child: fail");
        return x;
    }
}

contract Factory {
    uint256 public deployed;

    event Deployed(address child);

    function deployAndCall(bytes32 salt, uint256 x) external payable returns (address child, uint256 result) {
        Child c = new Child{salt: salt, value: msg.value}(x);
        deployed += 1;
        emit Deployed(address(c));
        result = c.ping(x);
        child = address(c);
    }

    function deployAndCallFail(bytes32 salt, uint256 x) external payable returns (address child, uint256 result) {
        Child c = new Child{salt: salt, value: msg.value}(x);
        deployed += 1;
        emit Deployed(address(c));
        result = c.ping(x);
        try c.fail(x + 1) returns (uint256) {
            result = 0;
        } catch {
            result = result + 1000;
        }
        child = address(c);
    }
}
