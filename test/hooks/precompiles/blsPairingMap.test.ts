import { describe } from 'vitest';
import { blsPairingPrecompile } from '../../../src/hooks/precompiles/0f-blsPairing.js';
import { blsMapFpToG1Precompile } from '../../../src/hooks/precompiles/10-blsMapFpToG1.js';
import { blsMapFp2ToG2Precompile } from '../../../src/hooks/precompiles/11-blsMapFp2ToG2.js';
import { vectorTests } from './eipVectors.js';

describe('EIP-2537 PAIRING_CHECK / MAP_FP_TO_G1 / MAP_FP2_TO_G2 vectors', () => {
  vectorTests('PAIRING_CHECK 0x0f', blsPairingPrecompile, {
    good: ['go-ethereum/blsPairing.json'],
    bad: ['go-ethereum/fail-blsPairing.json'],
  });
  vectorTests('MAP_FP_TO_G1 0x10', blsMapFpToG1Precompile, {
    good: ['go-ethereum/blsMapG1.json'],
    bad: ['go-ethereum/fail-blsMapG1.json'],
  });
  vectorTests('MAP_FP2_TO_G2 0x11', blsMapFp2ToG2Precompile, {
    good: ['go-ethereum/blsMapG2.json'],
    bad: ['go-ethereum/fail-blsMapG2.json'],
  });
});
