// How execution failures read in geth's answers: the `Error(string)` revert reason and halt messages.

/** The ABI-decoded message of an `Error(string)` revert, if that is what the data is. */
export function revertReason(data: Uint8Array): string | undefined {
  if (data.length < 68 || data[0] !== 0x08 || data[1] !== 0xc3 || data[2] !== 0x79 || data[3] !== 0xa0)
    return undefined;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const len = Number(view.getBigUint64(4 + 56));
  if (68 + len > data.length) return undefined;
  return new TextDecoder().decode(data.subarray(68, 68 + len));
}

/** geth's error text for a halt reason. */
export function haltMessage(reason: string | undefined): string {
  switch (reason) {
    case 'OutOfGas':
      return 'out of gas';
    case 'InvalidOpcode':
      return 'invalid opcode';
    case 'StackUnderflow':
      return 'stack underflow';
    case 'StackOverflow':
      return 'stack limit reached 1024 (1023)';
    case 'InvalidJump':
      return 'invalid jump destination';
    case 'StaticStateChange':
      return 'write protection';
    case 'ReturnDataOutOfBounds':
      return 'return data out of bounds';
    case 'CodeSizeLimit':
      return 'max code size exceeded';
    case 'InvalidCodePrefix':
      return 'invalid code: must not begin with 0xef';
    case 'CreateCollision':
      return 'contract address collision';
    default:
      return reason ? reason : 'execution failed';
  }
}
