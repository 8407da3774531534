// geth's messages for invalid transactions (core/error.go, txpool validation), so that clients that
// match on them (viem's error classes, ethers' codes) recognise ours.
import { word } from './format.js';
import { addressToHex } from '../crypto/bytes.js';
import { keccak256Word } from '../crypto/keccak.js';
import type { TxValidationError } from '../tx/errors.js';
import type { Transaction } from '../tx/types.js';

type Fields = Record<string, unknown>;

/** The geth message for a validation error of `tx`. */
export function gethMessage(e: TxValidationError, tx: Transaction, senderCode?: Uint8Array): string {
  const f = e as unknown as Fields;
  const from = addressToHex(tx.sender);
  switch (e.code) {
    case 'NonceTooLow':
      return `nonce too low: address ${from}, tx: ${f.txNonce} state: ${f.stateNonce}`;
    case 'NonceTooHigh':
      return `nonce too high: address ${from}, tx: ${f.txNonce} state: ${f.stateNonce}`;
    case 'NonceMax':
      return `nonce has max value: address ${from}, nonce: ${tx.nonce}`;
    case 'InsufficientFunds':
      return `insufficient funds for gas * price + value: address ${from} have ${f.balance} want ${f.required}`;
    case 'IntrinsicGasTooLow':
      return `intrinsic gas too low: gas ${f.gasLimit}, minimum needed ${f.intrinsicGas}`;
    case 'FeeCapBelowBaseFee':
      return `max fee per gas less than block base fee: address ${from}, maxFeePerGas: ${f.feeCap}, baseFee: ${f.baseFee}`;
    case 'PriorityFeeAboveFeeCap':
      return `max priority fee per gas higher than max fee per gas: address ${from}, maxPriorityFeePerGas: ${f.maxPriorityFeePerGas}, maxFeePerGas: ${f.maxFeePerGas}`;
    case 'GasLimitAboveBlock':
      return 'exceeds block gas limit';
    case 'SenderNotEOA':
      return `sender not an eoa: address ${from}, codehash: ${word(senderCode ? keccak256Word(senderCode) : 0n)}`;
    case 'TypeNotSupported':
      return 'transaction type not supported';
    case 'InitcodeTooLarge':
      return `max initcode size exceeded: code size ${f.size} limit ${f.max}`;
    case 'GasLimitPriceProductOverflow':
      return `gas uint64 overflow: address ${from}`;
    default:
      return e.message;
  }
}
