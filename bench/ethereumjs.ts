// Runs a workload on @ethereumjs/evm (Cancun): a fresh EVM and state manager per iteration, the code at
// the target, `evm.runCall`. Only runCall is timed. executionGasUsed matches the fixtures' gasUsed.
import { Common, Hardfork, Mainnet } from '@ethereumjs/common';
import { createEVM, type EVM } from '@ethereumjs/evm';
import { SimpleStateManager } from '@ethereumjs/statemanager';
import { Account, Address, bigIntToBytes, setLengthLeft } from '@ethereumjs/util';
import type { Workload } from './workloads.js';
import type { RunResult } from './ours.js';
import { now } from './util.js';

export function cancunCommon(): Common {
  return new Common({ chain: Mainnet, hardfork: Hardfork.Cancun });
}

export function toAddress(a: bigint): Address {
  return new Address(setLengthLeft(bigIntToBytes(a), 20));
}

async function freshEvm(w: Workload): Promise<EVM> {
  const common = cancunCommon();
  const stateManager = new SimpleStateManager({ common });
  const evm = await createEVM({ common, stateManager });
  const put = async (addr: bigint, code: Uint8Array, balance: bigint): Promise<void> => {
    const a = toAddress(addr);
    await stateManager.putAccount(a, new Account(0n, balance));
    if (code.length) await stateManager.putCode(a, code);
  };
  await put(w.to, w.code, w.toBalance ?? 0n);
  for (const x of w.extraAccounts ?? []) await put(x.address, x.code, x.balance ?? 0n);
  if (w.value !== 0n) await put(w.caller, new Uint8Array(0), w.value);
  return evm;
}

/** One fresh-state run on @ethereumjs/evm. */
export async function runEthereumjs(w: Workload, onStep?: () => void): Promise<RunResult> {
  const evm = await freshEvm(w);
  if (onStep)
    evm.events!.on('step', (_d, resolve) => {
      onStep();
      resolve?.();
    });
  const caller = toAddress(w.caller);
  const to = toAddress(w.to);
  // A transaction's target is warm (EIP-2929); runCall alone does not warm it. zkos-runner's entry frame
  // does (the caller it leaves cold, as here), so self-CALLs would differ by 2,500 gas without this.
  evm.journal.addAlwaysWarmAddress(to.toString());
  const t0 = now();
  const r = await evm.runCall({
    caller,
    origin: caller,
    to,
    data: w.calldata,
    gasLimit: BigInt(w.gasLimit),
    value: w.value,
  });
  const ms = now() - t0;
  const ex = r.execResult;
  const status = ex.exceptionError ? (ex.exceptionError.error === 'revert' ? 'revert' : 'halt') : 'success';
  return {
    ms,
    status,
    output: ex.returnValue,
    gasUsed: Number(ex.executionGasUsed),
    refund: Number(ex.gasRefund ?? 0n),
  };
}
