// Terminal rendering of a recorded run: the frame tree (kind, caller → callee, function, value, gas, outcome,
// return values or revert reason, actor states), then per transaction its result, logs (event names) and
// state changes (balances in ETH with the exact wei). ANSI colours when asked.
import type { AccountChange, Decoded, DecodedArg, FrameTrace, LogEntry, RunTrace, TxTrace } from './schema.js';
import { formatWei } from './units.js';

export interface PrettyOptions {
  readonly color: boolean;
  /** Longest hex shown in full (return data, log data); longer is shortened. Default 66 (one word). */
  readonly maxHex?: number;
}

type Paint = (s: string) => string;

function palette(on: boolean) {
  const c = (code: string): Paint => (on ? (s) => `\x1b[${code}m${s}\x1b[0m` : (s) => s);
  return {
    dim: c('2'),
    bold: c('1'),
    red: c('31'),
    green: c('32'),
    yellow: c('33'),
    blue: c('34'),
    magenta: c('35'),
    cyan: c('36'),
  };
}

const big = (h: string): string => BigInt(h).toString();

/** Shortens hex beyond `max` characters: `0x1234…cdef (N bytes)`. */
export function shortData(h: string, max = 66): string {
  if (h === '0x') return '0x';
  const bytes = (h.length - 2) / 2;
  if (h.length <= max) return h;
  return `${h.slice(0, 18)}…${h.slice(-8)} (${bytes} bytes)`;
}

/** Renders the whole run as text lines. */
export function formatRun(trace: RunTrace, opts: PrettyOptions): string {
  const p = palette(opts.color);
  const max = opts.maxHex ?? 66;
  const name = (a: string): string => trace.labels[a] ?? `${a.slice(0, 6)}…${a.slice(-4)}`;
  const argsText = (args: readonly DecodedArg[]): string => args.map((a) => argText(a, trace.labels)).join(', ');
  const callText = (d: Decoded): string => `${d.name}(${d.args ? argsText(d.args) : '…'})`;
  const out: string[] = [];
  out.push(p.bold(`zkos run: ${trace.scenario.name}`) + p.dim(` (profile ${trace.scenario.profile})`));
  if (trace.scenario.description) out.push(p.dim(trace.scenario.description));

  const outcome = (o: string): string => (o === 'success' ? p.green(o) : o === 'revert' ? p.red(o) : p.yellow(o));
  const kindColor = (k: FrameTrace['kind']): string =>
    k === 'create' || k === 'create2'
      ? p.magenta(k)
      : k === 'hook'
        ? p.yellow(k)
        : k === 'call'
          ? p.blue(k)
          : p.cyan(k);

  const frameLines = (f: FrameTrace, prefix: string, last: boolean, isRoot: boolean): void => {
    const branch = isRoot ? '' : last ? '└─ ' : '├─ ';
    const callee =
      f.kind === 'create' || f.kind === 'create2' ? name(f.createdAddress ?? f.address) : name(f.codeAddress);
    const via = f.kind === 'delegatecall' || f.kind === 'callcode' ? p.dim(` (as ${name(f.address)})`) : '';
    const value = BigInt(f.value) !== 0n ? ` value ${formatWei(BigInt(f.value))}` : '';
    const fn = f.call ? ' ' + p.cyan(callText(f.call)) : '';
    const rev = f.reverted
      ? ' ' + p.red('↺ reverted')
      : f.rolledBackBy !== null
        ? ' ' + p.red(`↺ by #${f.rolledBackBy}`)
        : '';
    out.push(
      `${prefix}${branch}${p.dim('#' + f.id)} ${kindColor(f.kind)} ${name(f.caller)} → ${p.bold(callee)}${via}${fn}${value}` +
        ` gas ${f.gas} used ${f.gasUsed} ${outcome(f.outcome)}${f.haltReason ? p.yellow(` (${f.haltReason})`) : ''}${rev}`,
    );
    const childPrefix = isRoot ? prefix : prefix + (last ? '   ' : '│  ');
    const pad = childPrefix + (f.children.length ? '│  ' : '   ');
    out.push(pad + p.dim('states: ') + f.transitions.map((t) => t.state).join(p.dim(' → ')));
    if (f.revertReason) out.push(pad + p.dim('revert reason: ') + p.red(f.revertReason.text));
    else if (f.returns) out.push(pad + p.dim('returns: ') + argsText(f.returns));
    else if (f.returnData !== '0x') out.push(pad + p.dim('return: ') + shortData(f.returnData, max));
    f.children.forEach((c, i) => {
      frameLines(trace.frames[c]!, childPrefix, i === f.children.length - 1, false);
    });
  };

  for (const tx of trace.transactions) {
    out.push('');
    out.push(
      p.bold(`Transaction ${tx.index}`) +
        (tx.label ? ` ${tx.label}` : '') +
        p.dim(
          `  ${name(tx.from)} → ${tx.to ? name(tx.to) : 'create'}${tx.call ? ` ${callText(tx.call)}` : ''}, ` +
            `value ${formatWei(BigInt(tx.value))}, gas limit ${big(tx.gasLimit)}`,
        ),
    );
    if (tx.rootFrame !== null) frameLines(trace.frames[tx.rootFrame]!, '  ', true, true);
    out.push(...txResult(tx, p, name, max, callText));
  }
  return out.join('\n') + '\n';
}

function txResult(
  tx: TxTrace,
  p: ReturnType<typeof palette>,
  name: (a: string) => string,
  max: number,
  callText: (d: Decoded) => string,
): string[] {
  const out: string[] = [];
  if (!tx.valid) {
    out.push('  ' + p.red(`rejected: ${tx.error}`));
    return out;
  }
  const st =
    tx.status === 'success' ? p.green(tx.status) : tx.status === 'revert' ? p.red(tx.status!) : p.yellow(tx.status!);
  out.push(
    `  ${p.bold('result:')} ${st}${tx.haltReason ? ` (${tx.haltReason})` : ''}, gas used ${big(tx.gasUsed!)}` +
      (BigInt(tx.gasRefunded!) ? `, refunded ${big(tx.gasRefunded!)}` : '') +
      (tx.createdAddress ? `, created ${name(tx.createdAddress)}` : '') +
      `, return ${shortData(tx.returnData!, max)}`,
  );
  if (tx.revertReason) out.push(`  ${p.bold('revert reason:')} ${p.red(tx.revertReason.text)}`);
  const zk = tx.zksync;
  if (zk) {
    const d = zk.pubdata;
    out.push(
      `  ${p.bold('pubdata:')} ${d.total} bytes (state diffs ${d.stateDiffs}, bytecodes ${d.bytecodes}, messages ${d.messages})` +
        ` at ${big(d.gasPerPubdata)} gas/byte, native used ${big(zk.nativeUsed)}`,
    );
    if (zk.l1)
      out.push(
        `  ${p.bold(zk.l1.kind === 'upgrade' ? 'upgrade:' : 'L1→L2:')} fee ${big(zk.l1.fee)} to 0x8001, refund ${big(zk.l1.refund)} to ${name(zk.l1.refundRecipient)}`,
      );
  }
  out.push(`  ${p.bold('logs:')} ${tx.logs.length === 0 ? p.dim('none') : ''}`);
  for (const l of tx.logs)
    out.push(
      `    ${name(l.address)}${l.frame !== null ? p.dim(` (frame #${l.frame})`) : ''} ${logText(l, max, callText)}`,
    );
  out.push(`  ${p.bold('state changes:')} ${tx.stateChanges.length === 0 ? p.dim('none') : ''}`);
  for (const c of tx.stateChanges) out.push(...accountChange(c, p, name, max));
  return out;
}

function accountChange(
  c: AccountChange,
  p: ReturnType<typeof palette>,
  name: (a: string) => string,
  max: number,
): string[] {
  const out: string[] = [];
  const tag = c.created ? p.green(' (created)') : c.deleted ? p.red(' (deleted)') : '';
  out.push(`    ${p.bold(name(c.address))}${p.dim(` ${c.address}`)}${tag}`);
  if (c.balance)
    out.push(`      balance ${formatWei(BigInt(c.balance.before))} → ${formatWei(BigInt(c.balance.after))}`);
  if (c.nonce) out.push(`      nonce ${big(c.nonce.before)} → ${big(c.nonce.after)}`);
  if (c.code)
    out.push(
      `      code ${(c.code.before.length - 2) / 2} → ${(c.code.after.length - 2) / 2} bytes ${p.dim(shortData(c.code.after, max))}`,
    );
  for (const s of c.storage ?? []) out.push(`      storage[${s.slot}] ${s.before} → ${s.after}`);
  return out;
}

/** `name: value`; an address with a label shows the label first. */
function argText(a: DecodedArg, labels: Readonly<Record<string, string>>): string {
  const label = a.type === 'address' ? labels[a.value] : undefined;
  const v = label ? `${label} (${a.value.slice(0, 6)}…${a.value.slice(-4)})` : a.value;
  return a.name ? `${a.name}: ${v}` : v;
}

/** An event by name with its arguments, else the raw topics and data. */
function logText(l: LogEntry, max: number, callText: (d: Decoded) => string): string {
  if (l.event) return callText(l.event);
  return `topics [${l.topics.map((t) => shortData(t, 20)).join(', ')}] data ${shortData(l.data, max)}`;
}
