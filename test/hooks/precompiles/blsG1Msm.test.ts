import { describe } from 'vitest';
import { G1_MSM_PAIR_BYTES, blsG1MsmGas, blsG1MsmPrecompile } from '../../../src/hooks/precompiles/0c-blsG1Msm.js';
import { vectorTests } from './eipVectors.js';

// blsG1Mul.json holds single-pair MSMs (G1MUL left the final EIP; k = 1 costs 12000).
describe('EIP-2537 G1MSM vectors', () => {
  vectorTests('G1MSM 0x0c', blsG1MsmPrecompile, {
    good: ['go-ethereum/blsG1MultiExp.json', 'go-ethereum/blsG1Mul.json'],
    bad: ['go-ethereum/fail-blsG1MultiExp.json', 'go-ethereum/fail-blsG1Mul.json'],
    heavy: (v) => v.Input.length / 2 / G1_MSM_PAIR_BYTES > 128,
    price: (input) => blsG1MsmGas(input.length / G1_MSM_PAIR_BYTES),
  });
});
