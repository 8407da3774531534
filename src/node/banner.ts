// The start banner, in anvil's layout: accounts, keys, wallet, chain id, base fee, gas limit, address.
import { keccak256 } from '../crypto/keccak.js';
import type { DevNode } from './devNode.js';
import { DEFAULT_MNEMONIC } from './devAccounts.js';

/** EIP-55 mixed-case checksum address. */
export function checksumAddress(a: bigint): string {
  const hex = a.toString(16).padStart(40, '0');
  const h = keccak256(new TextEncoder().encode(hex));
  let out = '0x';
  for (let i = 0; i < 40; i++) {
    const nibble = (h[i >> 1]! >> (i % 2 === 0 ? 4 : 0)) & 0xf;
    out += nibble >= 8 ? hex[i]!.toUpperCase() : hex[i]!;
  }
  return out;
}

function ether(wei: bigint): string {
  const whole = wei / 10n ** 18n;
  const frac = (wei % 10n ** 18n).toString().padStart(18, '0');
  return `${whole}.${frac}`;
}

export function startBanner(node: DevNode, listen: string, extra: readonly string[] = []): string {
  const lines: string[] = [
    '',
    '                             zkos node',
    `                     profile: ${node.profile.name}`,
    '',
  ];
  const section = (title: string) => lines.push(title, '='.repeat(18), '');
  section('Available Accounts');
  for (const [i, a] of node.accounts.entries())
    lines.push(`(${i}) ${checksumAddress(a.address)} (${ether(node.chain.world.getAccount(a.address).balance)} ETH)`);
  lines.push('');
  section('Private Keys');
  for (const [i, a] of node.accounts.entries()) lines.push(`(${i}) 0x${Buffer.from(a.secretKey).toString('hex')}`);
  lines.push('');
  section('Wallet');
  lines.push(
    `Mnemonic:          ${node.options.mnemonic ?? DEFAULT_MNEMONIC}`,
    `Derivation path:   m/44'/60'/0'/0/`,
    '',
  );
  section('Chain ID');
  lines.push(`${node.chainId}`, '');
  section('Base Fee');
  lines.push(`${node.chain.head.baseFeePerGas}`, '');
  section('Gas Limit');
  lines.push(`${node.chain.gasLimit}`, '');
  section('Genesis Timestamp');
  lines.push(`${node.chain.blocks[0]!.timestamp}`, '');
  for (const e of extra) lines.push(e);
  lines.push(`Listening on ${listen}`, '');
  return lines.join('\n');
}
