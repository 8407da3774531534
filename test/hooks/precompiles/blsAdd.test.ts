import { describe, it } from 'vitest';
import { blsG1AddPrecompile } from '../../../src/hooks/precompiles/0b-blsG1Add.js';
import { blsG2AddPrecompile } from '../../../src/hooks/precompiles/0d-blsG2Add.js';
import { checkFailVector, loadVectors, vectorTests, type FailVector } from './eipVectors.js';

// Vectors: test/fixtures/eip-vectors/README.md. G1ADD costs 375, G2ADD 600 (EIP-2537).
describe('EIP-2537 G1ADD / G2ADD vectors', () => {
  vectorTests('G1ADD 0x0b', blsG1AddPrecompile, {
    good: ['go-ethereum/blsG1Add.json'],
    bad: ['go-ethereum/fail-blsG1Add.json'],
  });
  vectorTests('G2ADD 0x0d', blsG2AddPrecompile, {
    good: ['go-ethereum/blsG2Add.json'],
    bad: ['go-ethereum/fail-blsG2Add.json'],
  });
  it('G1ADD: execution-specs fail-add_G1_bls.json fails (incl. the top-16-byte boundary)', () => {
    for (const v of loadVectors<FailVector>('execution-specs/fail-add_G1_bls.json'))
      checkFailVector(blsG1AddPrecompile, v);
  });
});
