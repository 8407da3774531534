// Amounts for people: wei as ETH with the exact wei beside it.

const WEI_PER_ETH = 10n ** 18n;

/** `1.5 ETH (1500000000000000000 wei)`; exact (no rounding), trailing zeros dropped; small amounts stay in wei. */
export function formatWei(wei: bigint): string {
  const neg = wei < 0n;
  const abs = neg ? -wei : wei;
  if (abs < 1_000_000n) return `${wei} wei`;
  const whole = abs / WEI_PER_ETH;
  const frac = (abs % WEI_PER_ETH).toString().padStart(18, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${whole}${frac ? '.' + frac : ''} ETH (${wei} wei)`;
}
