// JSON-RPC 2.0 errors with the codes and messages Ethereum clients expect (EIP-1474, geth).
import { InputError } from '../input/parse.js';

export const PARSE_ERROR = -32700;
export const INVALID_REQUEST = -32600;
export const METHOD_NOT_FOUND = -32601;
export const INVALID_PARAMS = -32602;
export const INTERNAL_ERROR = -32603;
/** geth's generic server error: invalid transactions, unknown blocks, unsupported features. */
export const SERVER_ERROR = -32000;
/** geth: execution reverted (eth_call / eth_estimateGas), data = the revert data. */
export const EXECUTION_ERROR = 3;

export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
}

/** -32602 naming the parameter. */
export function invalidParams(field: string, reason: string): RpcError {
  return new RpcError(INVALID_PARAMS, `invalid argument ${field}: ${reason}`);
}

/** Runs a parameter parser; its `InputError` becomes -32602 naming the field. */
export function param<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof InputError) throw invalidParams(e.field, e.reason);
    throw e;
  }
}
