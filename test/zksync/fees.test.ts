// Fees through the bootloader's formal address 0x8001 (issue #12 item 1).
// Rust: basic_bootloader/src/bootloader/account_models/eoa.rs `pay_for_transaction` moves max fee × gas limit
// from the payer to 0x8001; process_transaction.rs `ensure_payment` sends (max fee − effective price) × gas
// limit back at once; `refund_transaction` pays the unused gas from 0x8001; bootloader/mod.rs `run_prepared`
// sweeps the whole balance of 0x8001 to the coinbase after the transaction.
import { describe, expect, it } from 'vitest';
import { ethereum } from '../../src/profiles/ethereum.js';
import { asm } from '../helpers/bytecode.js';
import { BLOCK, BOOTLOADER, COINBASE, CONTRACT, INITIAL, runTx, SENDER } from './helpers.js';

/** Stores BALANCE(0x8001) in slot 0 and BALANCE(sender) in slot 1. */
const readBalances = asm()
  .push(BOOTLOADER)
  .op('BALANCE')
  .push(0)
  .op('SSTORE')
  .push(SENDER)
  .op('BALANCE')
  .push(1)
  .op('SSTORE')
  .op('STOP')
  .toBytes();

describe('fees via 0x8001 (eoa.rs pay_for_transaction, process_transaction.rs ensure_payment)', () => {
  it('BALANCE(0x8001) during execution is gas limit × effective price; the payer has paid exactly that', () => {
    const gasLimit = 1_000_000n;
    const maxFee = 25n; // effective price is the base fee, 10: the priority fee is not charged
    const { r, world } = runTx(readBalances, { gasLimit, maxFeePerGas: maxFee });
    expect(r.status).toBe('success');
    const price = BLOCK.baseFee;
    // pulled max fee × gas limit, then (max fee − price) × gas limit sent back: price × gas limit remains
    expect(world.sload(CONTRACT, 0n)).toBe(maxFee * gasLimit - (maxFee - price) * gasLimit);
    expect(world.sload(CONTRACT, 1n)).toBe(INITIAL - price * gasLimit);
  });

  it('end state (refund_transaction, run_prepared sweep): payer − gas used × price, coinbase + that, 0x8001 empty', () => {
    const { r, world } = runTx(readBalances);
    const fee = r.gasUsed * BLOCK.baseFee;
    expect(world.getAccount(SENDER).balance).toBe(INITIAL - fee);
    expect(world.getAccount(COINBASE).balance).toBe(fee);
    expect(world.getAccount(BOOTLOADER).balance).toBe(0n);
    expect(world.exists(BOOTLOADER)).toBe(true); // deleteEmptyTouched false: an emptied account stays
  });

  it('value sent to 0x8001 during execution is swept to the coinbase with the fee', () => {
    const code = asm().call(BOOTLOADER, { value: 5 }).op('POP', 'STOP').toBytes();
    const { r, world } = runTx(code, { accounts: [[CONTRACT, { code, balance: 5n }]] });
    expect(r.status).toBe('success');
    expect(world.getAccount(COINBASE).balance).toBe(r.gasUsed * BLOCK.baseFee + 5n);
    expect(world.getAccount(BOOTLOADER).balance).toBe(0n);
  });

  it('the ethereum profile is unaffected: 0x8001 is an ordinary empty account, fees go to the coinbase', () => {
    const { r, world } = runTx(readBalances, { profile: ethereum });
    expect(world.sload(CONTRACT, 0n)).toBe(0n);
    // Ethereum charges the priority fee: price = min(max fee, base fee + tip) = 12; the base fee burns.
    expect(world.getAccount(SENDER).balance).toBe(INITIAL - r.gasUsed * 12n);
    expect(world.getAccount(COINBASE).balance).toBe(r.gasUsed * 2n);
  });
});
