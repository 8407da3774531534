import { describe } from 'vitest';
import { G2_MSM_PAIR_BYTES, blsG2MsmGas, blsG2MsmPrecompile } from '../../../src/hooks/precompiles/0e-blsG2Msm.js';
import { vectorTests } from './eipVectors.js';

// blsG2Mul.json holds single-pair MSMs (G2MUL left the final EIP; k = 1 costs 22500).
describe('EIP-2537 G2MSM vectors', () => {
  vectorTests('G2MSM 0x0e', blsG2MsmPrecompile, {
    good: ['go-ethereum/blsG2MultiExp.json', 'go-ethereum/blsG2Mul.json'],
    bad: ['go-ethereum/fail-blsG2MultiExp.json', 'go-ethereum/fail-blsG2Mul.json'],
    heavy: (v) => v.Input.length / 2 / G2_MSM_PAIR_BYTES > 128,
    price: (input) => blsG2MsmGas(input.length / G2_MSM_PAIR_BYTES),
  });
});
