// EIP-3155 writer: a tiny program traced through the whole runner, checked against a hand-computed trace.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/input/scenario.js';
import { createEip3155Writer, formatStep, formatSummary } from '../../src/trace/eip3155.js';
import { runScenario } from '../../src/trace/runScenario.js';

// PUSH1 2, PUSH1 3, ADD, PUSH1 0, MSTORE, PUSH1 32, PUSH1 0, RETURN
const CODE = '0x6002600301600052602060' + '00f3';
const scenario = parseScenario(
  JSON.stringify({
    pre: {
      '0x1111111111111111111111111111111111111111': { balance: '0xffffffffffff' },
      '0x2222222222222222222222222222222222222222': { code: CODE },
    },
    transactions: [
      {
        from: '0x1111111111111111111111111111111111111111',
        to: '0x2222222222222222222222222222222222222222',
        gasLimit: '100000',
        gasPrice: '0xa',
      },
    ],
  }),
  'tiny.json',
);

// 100000 − 21000 intrinsic = 79000 = 0x13498 at the first step.
const EXPECTED = [
  '{"pc":0,"op":96,"gas":"0x13498","gasCost":"0x3","memSize":0,"stack":[],"depth":1,"refund":0,"opName":"PUSH1"}',
  '{"pc":2,"op":96,"gas":"0x13495","gasCost":"0x3","memSize":0,"stack":["0x2"],"depth":1,"refund":0,"opName":"PUSH1"}',
  '{"pc":4,"op":1,"gas":"0x13492","gasCost":"0x3","memSize":0,"stack":["0x2","0x3"],"depth":1,"refund":0,"opName":"ADD"}',
  '{"pc":5,"op":96,"gas":"0x1348f","gasCost":"0x3","memSize":0,"stack":["0x5"],"depth":1,"refund":0,"opName":"PUSH1"}',
  '{"pc":7,"op":82,"gas":"0x1348c","gasCost":"0x6","memSize":0,"stack":["0x5","0x0"],"depth":1,"refund":0,"opName":"MSTORE"}',
  '{"pc":8,"op":96,"gas":"0x13486","gasCost":"0x3","memSize":32,"stack":[],"depth":1,"refund":0,"opName":"PUSH1"}',
  '{"pc":10,"op":96,"gas":"0x13483","gasCost":"0x3","memSize":32,"stack":["0x20"],"depth":1,"refund":0,"opName":"PUSH1"}',
  '{"pc":12,"op":243,"gas":"0x13480","gasCost":"0x0","memSize":32,"stack":["0x20","0x0"],"depth":1,"refund":0,"opName":"RETURN"}',
  // 21000 + 24
  '{"output":"0x0000000000000000000000000000000000000000000000000000000000000005","gasUsed":"0x5220"}',
];

function traceOf(opts: { returnData?: boolean; bufferLines?: number } = {}) {
  const chunks: string[] = [];
  const writer = createEip3155Writer({ write: (s: string) => chunks.push(s) }, opts);
  runScenario(scenario, {
    record: false,
    tracer: writer,
    afterTransaction: (_tx, r) => {
      if (r.valid) writer.summary({ output: r.returnData, gasUsed: r.gasUsed });
    },
  });
  writer.flush();
  return { text: chunks.join(''), chunks, writer };
}

describe('EIP-3155 writer', () => {
  it('matches the hand-checked trace of a tiny program, line for line', () => {
    const { text, writer } = traceOf();
    expect(text.trimEnd().split('\n')).toEqual(EXPECTED);
    expect(writer.steps).toBe(8);
    for (const line of text.trimEnd().split('\n')) JSON.parse(line); // every line is JSON
  });

  it('adds returnData on request and buffers lines', () => {
    const { text, chunks } = traceOf({ returnData: true, bufferLines: 3 });
    expect(text.split('\n')[0]).toContain('"refund":0,"returnData":"0x","opName":"PUSH1"');
    expect(chunks.length).toBe(3); // 3 + 3 lines, then 2 lines + the summary
  });

  it('formats nested depth 1-based, big stack words in minimal hex, and summaries with errors', () => {
    const line = formatStep({
      pc: 1,
      op: 0xf1,
      opName: 'CALL',
      gas: 255n,
      gasCost: 2600,
      memSize: 64,
      stack: [0n, 2n ** 255n],
      depth: 1,
      refund: 4800,
      returnData: new Uint8Array([1, 2]),
    });
    expect(line).toBe(
      '{"pc":1,"op":241,"gas":"0xff","gasCost":"0xa28","memSize":64,"stack":["0x0","0x8000000000000000000000000000000000000000000000000000000000000000"],"depth":2,"refund":4800,"opName":"CALL"}',
    );
    expect(formatSummary({ stateRoot: '0xab', output: '', gasUsed: 21000n, pass: true })).toBe(
      '{"stateRoot":"0xab","output":"","gasUsed":"0x5208","pass":true}',
    );
    expect(formatSummary({ output: new Uint8Array(0), gasUsed: 5, error: 'execution reverted' })).toBe(
      '{"output":"0x","gasUsed":"0x5","error":"execution reverted"}',
    );
  });
});
