// The bench's peers start here and agree with the fixture: EDR in-process and anvil over JSON-RPC, each
// running structarray_alloc through eth_call with a state override, plus the empty call used for transport.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openEngine } from '../../bench/engines.js';
import { emptyWorkload } from '../../bench/peers/rpc.js';
import { defaultFixturesDir, loadFixture } from '../../bench/workloads.js';
import { bytesToHex } from '../../bench/util.js';

const haveFixtures = existsSync(defaultFixturesDir());

describe.each(['edr', 'anvil'] as const)('bench peer %s', (name) => {
  it.skipIf(!haveFixtures)(
    'returns the fixture output for structarray_alloc and an empty output for STOP',
    async () => {
      const w = loadFixture(defaultFixturesDir(), 'structarray_alloc');
      const engine = await openEngine(name);
      try {
        const r = await engine.run(w);
        expect(r.status).toBe('success');
        expect(bytesToHex(r.output)).toBe(bytesToHex(w.expectedOutput!));
        const empty = await engine.run(emptyWorkload());
        expect(empty.status).toBe('success');
        expect(empty.output).toHaveLength(0);
      } finally {
        await engine.close();
      }
    },
    60_000,
  );
});
