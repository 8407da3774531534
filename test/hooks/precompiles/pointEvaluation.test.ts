import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { BLS_MODULUS, initKzg, pointEvaluationPrecompile } from '../../../src/hooks/precompiles/0a-pointEvaluation.js';
import { bytesToHex, checkVector, hexToBytes } from './helpers.js';
import { haveFixture, STATE_TESTS_DIR } from '../../helpers/fixtures.js';

const OUTPUT =
  '0000000000000000000000000000000000000000000000000000000000001000' +
  '73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001';

// go-kzg-4844 verify_kzg_proof vectors (mainnet trusted setup), as compiled into the
// execution-spec-tests fixture Pyspecs/cancun/eip4844_blobs/point_evaluation_precompile_external_vectors
// ("verify_kzg_proof_case_correct_proof_3c87ec986c2656c2").
const VALID =
  '014edfed8547661f6cb416eba53061a2f6dce872c0497e6dd485a876fe2567f1' + // versioned hash
  '564c0a11a0f704f4fc3e8acfe0f8245f0ad1347b378fbf96e206da11a5d36306' + // z
  '6d928e13fe443e957d82e3e71d48cb65d51028eb4483e719bf8efcdf12f7c321' + // y
  'a421e229565952cfff4ef3517100a97da1d4fe57956fa50a442f92af03b1bf37adacc8ad4ed209b31287ea5bb94d9d06' + // commitment
  'a444d6bb5aadc3ceb615b50d6606bd54bfe529f59247987cd1ab848d19de599a9052f1835fb0d0d44cf70183e19a68c9'; // proof

// "verify_kzg_proof_case_correct_proof_1ce8e4f69d5df899": z = BLS_MODULUS - 1, y = 0.
const VALID_2 =
  '01ad7666ef9d8f53b5adf54f029b13b6f171b1d0bd346a2ede315d3e243484ef' +
  '73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000000' +
  '0000000000000000000000000000000000000000000000000000000000000000' +
  '93efc82d2017e9c57834a1246463e64774e56183bb247c8fc9dd98c56817e878d97b05f5c8d900acf1fbbbca6f146556' +
  '92c51ff81dd71dab71cefecd79e8274b4b7ba36a0f40e2dc086bc4061c7f63249877db23297212991fd63e07b7ebc348';

// "verify_kzg_proof_case_incorrect_proof_05c1f3685f3393f0": well-formed, but the proof is wrong.
const INCORRECT =
  '01cf45213dd7b4716864d378f3c6d861467987e4d94b7f79a1f814a697e38637' +
  '564c0a11a0f704f4fc3e8acfe0f8245f0ad1347b378fbf96e206da11a5d36306' +
  '0000000000000000000000000000000000000000000000000000000000000002' +
  'a572cbea904d67468808c8eb50a9450c9721db309128012543902d0ac358a62ae28f75bb8f1c7c42c39a8c5529bf0f4e' +
  '97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb';

// "verify_kzg_proof_case_invalid_y_35d08d612aad2197": y = 2^256 - 1 (not a field element).
const INVALID_Y =
  '01e798154708fe7789429634053cbf9f99b619f9f084048927333fce637f549b' +
  '0000000000000000000000000000000000000000000000000000000000000001' +
  'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff' +
  '8f59a8d2a1a625a17f3fea0fe5eb8c896db3764f3185481bc22f91b4aaffcca25f26936857bc3a7c2539ea8ec3a952b7' +
  'b30b3d1e4faccc380557792c9a0374d58fa286f5f75fea48870585393f890909cd3c53cfe4897e799fb211b4be531e43';

const FIXTURE = join(STATE_TESTS_DIR, 'Pyspecs/cancun/eip4844_blobs/point_evaluation_precompile_external_vectors.json');

const word = (n: bigint) => n.toString(16).padStart(64, '0');

function versionedHash(commitment: Uint8Array): string {
  const h = sha256(commitment);
  h[0] = 0x01;
  return bytesToHex(h).slice(2);
}

/** Input with the given fields, computing the versioned hash from the commitment unless given. */
function build(z: string, y: string, commitment: string, proof: string, vh?: string): Uint8Array {
  return hexToBytes((vh ?? versionedHash(hexToBytes(commitment))) + z + y + commitment + proof);
}

const INFINITY = 'c0' + '00'.repeat(47);

describe('0x0a KZG point evaluation (EIP-4844)', () => {
  initKzg();

  it('the vector is self-consistent', () => {
    const input = hexToBytes(VALID);
    expect(input.length).toBe(192);
    expect(versionedHash(input.subarray(96, 144))).toBe(VALID.slice(0, 64));
  });

  it('correct proofs verify', () => {
    checkVector(pointEvaluationPrecompile, {
      name: 'correct_proof_3c87ec986c2656c2',
      input: VALID,
      expected: OUTPUT,
      gas: 50000,
    });
    checkVector(pointEvaluationPrecompile, {
      name: 'correct_proof_1ce8e4f69d5df899',
      input: VALID_2,
      expected: OUTPUT,
      gas: 50000,
    });
  });

  it('an incorrect proof fails', () => {
    expect(pointEvaluationPrecompile.run(hexToBytes(INCORRECT), 50000)).toEqual({ ok: false, reason: 'InvalidProof' });
  });

  it('y out of range fails', () => {
    expect(pointEvaluationPrecompile.run(hexToBytes(INVALID_Y), 50000)).toEqual({ ok: false, reason: 'InvalidProof' });
  });

  // All 122 go-kzg-4844 vectors from the state-test fixture, when the shared fixtures are present:
  // exactly the "correct_proof" cases succeed.
  it.skipIf(!haveFixture(FIXTURE, 'KZG go-kzg-4844 vectors'))(
    'go-kzg-4844 vectors from the execution-spec-tests fixture',
    () => {
      const tests = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, { transaction: { data: string[] } }>;
      let correct = 0;
      for (const [name, t] of Object.entries(tests)) {
        const shouldPass = /verify_kzg_proof_case_correct_proof/.test(name);
        const r = pointEvaluationPrecompile.run(hexToBytes(t.transaction.data[0]!), 50000);
        expect(r.ok, name).toBe(shouldPass);
        if (shouldPass) {
          correct++;
          expect(r.ok && bytesToHex(r.output), name).toBe('0x' + OUTPUT);
        }
      }
      expect(correct).toBe(54);
    },
    120_000,
  );

  it('zero polynomial: commitment and proof at infinity, y = 0 (valid for any z)', () => {
    for (const z of [0n, 1n, 0x42n << 248n, BLS_MODULUS - 1n]) {
      const r = pointEvaluationPrecompile.run(build(word(z), word(0n), INFINITY, INFINITY), 50000);
      expect(r).toMatchObject({ ok: true, gasUsed: 50000 });
      expect(r.ok && bytesToHex(r.output)).toBe('0x' + OUTPUT);
    }
    // ... but not for y != 0.
    expect(pointEvaluationPrecompile.run(build(word(0n), word(1n), INFINITY, INFINITY), 50000).ok).toBe(false);
  });

  const parts = {
    vh: VALID.slice(0, 64),
    z: VALID.slice(64, 128),
    y: VALID.slice(128, 192),
    c: VALID.slice(192, 288),
    p: VALID.slice(288, 384),
  };

  it('fails on a wrong claimed value y', () => {
    const y = word(BigInt('0x' + parts.y) + 1n);
    expect(pointEvaluationPrecompile.run(build(parts.z, y, parts.c, parts.p, parts.vh), 50000)).toEqual({
      ok: false,
      reason: 'InvalidProof',
    });
  });

  it('fails on a wrong point z', () => {
    const z = word(BigInt('0x' + parts.z) + 1n);
    expect(pointEvaluationPrecompile.run(build(z, parts.y, parts.c, parts.p, parts.vh), 50000)).toEqual({
      ok: false,
      reason: 'InvalidProof',
    });
  });

  it('fails on z or y not below BLS_MODULUS (even with a matching proof otherwise)', () => {
    // z = BLS_MODULUS would be z = 0 if reduced; the zero polynomial accepts any z, so only the
    // range check can reject it.
    expect(pointEvaluationPrecompile.run(build(word(BLS_MODULUS), word(0n), INFINITY, INFINITY), 50000).ok).toBe(false);
    expect(pointEvaluationPrecompile.run(build(word(0n), word(BLS_MODULUS), INFINITY, INFINITY), 50000).ok).toBe(false);
    expect(pointEvaluationPrecompile.run(build(word(2n ** 256n - 1n), word(0n), INFINITY, INFINITY), 50000).ok).toBe(
      false,
    );
  });

  it('fails on a versioned hash that does not match the commitment', () => {
    const wrongVersion = '02' + parts.vh.slice(2);
    expect(pointEvaluationPrecompile.run(build(parts.z, parts.y, parts.c, parts.p, wrongVersion), 50000)).toEqual({
      ok: false,
      reason: 'InvalidVersionedHash',
    });
    const wrongByte = parts.vh.slice(0, 62) + (parts.vh.slice(62) === '00' ? '01' : '00');
    expect(pointEvaluationPrecompile.run(build(parts.z, parts.y, parts.c, parts.p, wrongByte), 50000).ok).toBe(false);
  });

  it('fails on a proof or commitment that is not a valid G1 point', () => {
    const badProof = parts.p.slice(0, 94) + (parts.p.slice(94) === 'ff' ? 'fe' : 'ff');
    expect(pointEvaluationPrecompile.run(build(parts.z, parts.y, parts.c, badProof, parts.vh), 50000).ok).toBe(false);
    // Uncompressed-flag encodings, and infinity with junk bits, are not accepted.
    const uncompressed = '00' + parts.p.slice(2);
    expect(pointEvaluationPrecompile.run(build(parts.z, parts.y, parts.c, uncompressed, parts.vh), 50000).ok).toBe(
      false,
    );
    const junkInfinity = 'c0' + '00'.repeat(46) + '01';
    expect(pointEvaluationPrecompile.run(build(word(0n), word(0n), junkInfinity, INFINITY), 50000).ok).toBe(false);
    expect(pointEvaluationPrecompile.run(build(word(0n), word(0n), INFINITY, junkInfinity), 50000).ok).toBe(false);
    // The proof swapped with the commitment does not verify.
    expect(pointEvaluationPrecompile.run(build(parts.z, parts.y, parts.p, parts.c), 50000).ok).toBe(false);
  });

  it('input must be exactly 192 bytes', () => {
    const input = hexToBytes(VALID);
    for (const bad of [new Uint8Array(0), input.subarray(0, 191), Uint8Array.from([...input, 0])]) {
      expect(pointEvaluationPrecompile.run(bad, 50000)).toEqual({ ok: false, reason: 'InvalidInputLength' });
    }
  });

  it('49999 gas is OutOfGas', () => {
    expect(pointEvaluationPrecompile.run(hexToBytes(VALID), 49999)).toEqual({ ok: false, reason: 'OutOfGas' });
  });

  it('output is a fresh array each call', () => {
    const a = pointEvaluationPrecompile.run(hexToBytes(VALID), 50000);
    if (!a.ok) throw new Error('expected success');
    a.output.fill(0);
    const b = pointEvaluationPrecompile.run(hexToBytes(VALID), 50000);
    expect(b.ok && bytesToHex(b.output)).toBe('0x' + OUTPUT);
  });
});
