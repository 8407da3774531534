// `zkos run --step`: drives the step debugger (src/debug/stepper.ts) from standard input, one command per
// line, typed or piped: n next runner event, s next instruction, f finish the current frame, c continue
// to the end of the transaction, q quit (the current transaction is not applied). End of input = c.
import { createInterface } from 'node:readline';
import type { Address } from '../ee/types.js';
import { createStepper, type StepView } from '../debug/stepper.js';
import type { Scenario } from '../input/scenario.js';
import { createEnvironment } from '../runner/environment.js';
import { WorldState } from '../system/world.js';
import { toTransaction } from '../trace/runScenario.js';

const HELP = 'commands: n next event · s next instruction · f finish frame · c continue · q quit (empty line: repeat)';

const hex = (v: bigint): string => '0x' + v.toString(16);

/** The stop as text: the runner's state and event, then the callstack as a tree. */
export function formatStop(view: StepView, labels: ReadonlyMap<Address, string>): string {
  const name = (a: string): string => labels.get(BigInt(a)) ?? `${a.slice(0, 6)}…${a.slice(-4)}`;
  const lines: string[] = [];
  const head = view.pending
    ? `event ${view.events}: runner '${view.runnerState}' receives ${view.pending.type} from ${view.pending.source}`
    : view.executed
      ? `instruction ${view.instructions}: executed ${view.executed.op} at pc ${view.executed.pc} (depth ${view.executed.depth}, cost ${view.executed.gasCost}); runner '${view.runnerState}'`
      : `runner '${view.runnerState}'`;
  lines.push(head);
  if (view.frames.length === 0) lines.push('  (callstack empty)');
  view.frames.forEach((f, i) => {
    const pad = '  '.repeat(i + 1);
    const evm =
      f.pc !== undefined
        ? `  pc ${f.pc} next ${f.nextOp}  gas ${f.gas}  stack [${(f.stackTop ?? []).map(hex).join(', ')}]`
        : '';
    lines.push(`${pad}${i === 0 ? '' : '└─ '}#${f.id} ${f.kind} ${name(f.codeAddress)} [${f.state}]${evm}`);
  });
  return lines.join('\n') + '\n';
}

/** Runs the scenario's transactions under the stepper, reading commands from `input`. Resolves to an exit code. */
export async function runStepSession(
  scenario: Scenario,
  input: NodeJS.ReadableStream,
  write: (s: string) => void,
  interactive: boolean,
): Promise<number> {
  const world = WorldState.fromAccounts(scenario.pre);
  const env = createEnvironment({ profile: scenario.profile, world, block: scenario.block });
  const labels = scenario.labels;
  const lines = createInterface({ input, terminal: false })[Symbol.asyncIterator]();
  const prompt = (): void => {
    if (interactive) write('(zkos step) ');
  };
  write(`${HELP}\n`);
  let last = 'n';
  for (let i = 0; i < scenario.transactions.length; i++) {
    const tx = toTransaction(scenario.transactions[i]!, world, scenario.block.chainId);
    write(
      `\ntransaction ${i}: ${labels.get(tx.sender) ?? hex(tx.sender)} → ${tx.to === null ? 'new contract' : (labels.get(tx.to) ?? hex(tx.to))}\n`,
    );
    const s = createStepper(env, tx);
    let view = s.next();
    write(formatStop(view, labels));
    while (!view.done) {
      prompt();
      const r = await lines.next();
      const cmd = r.done ? 'c' : r.value.trim() || last;
      last = cmd;
      if (cmd === 'q') {
        write('quit: the transaction was not applied\n');
        return 0;
      }
      if (cmd === 'n') view = s.next();
      else if (cmd === 's') view = s.step();
      else if (cmd === 'f') view = s.finishFrame();
      else if (cmd === 'c') {
        s.finish();
        view = s.view();
      } else {
        write(`${HELP}\n`);
        continue;
      }
      if (!view.done) write(formatStop(view, labels));
    }
    const result = view.result ?? s.finish();
    write(
      result.valid
        ? `transaction ${i} done: ${result.status}${result.haltReason ? ` (${result.haltReason})` : ''}, gas used ${result.gasUsed}\n`
        : `transaction ${i} rejected: ${result.error.code}: ${result.error.message}\n`,
    );
  }
  return 0;
}
