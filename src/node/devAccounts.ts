// The dev accounts every Ethereum tool assumes: BIP-39 seed of a mnemonic, BIP-32 path m/44'/60'/0'/0/i.
import { HDKey } from '@scure/bip32';
import { mnemonicToSeedSync } from '@scure/bip39';
import { addressFromSecretKey } from '../tx/sender.js';

/** anvil's, Hardhat's and Foundry's default mnemonic. */
export const DEFAULT_MNEMONIC = 'test test test test test test test test test test test junk';

export interface DevAccount {
  readonly address: bigint;
  readonly secretKey: Uint8Array;
}

/** The first `count` accounts of `mnemonic`. */
export function deriveDevAccounts(count: number, mnemonic = DEFAULT_MNEMONIC): DevAccount[] {
  const root = HDKey.fromMasterSeed(mnemonicToSeedSync(mnemonic));
  const out: DevAccount[] = [];
  for (let i = 0; i < count; i++) {
    const key = root.derive(`m/44'/60'/0'/0/${i}`).privateKey;
    if (!key) throw new Error(`no private key at index ${i}`);
    out.push({ address: addressFromSecretKey(key), secretKey: key });
  }
  return out;
}
