// Curated inputs for the Prague and Osaka parts of the differential generator: precompile calls (BLS12-381
// EIP-2537, P256VERIFY EIP-7951, MODEXP at and beyond the EIP-7823 bounds) that are valid, off-curve or of
// the wrong length, and the secret keys of the EIP-7702 authorities. Points and signatures come from
// @noble/curves at load time (no hand-rolled curve code).
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { p256 } from '@noble/curves/nist.js';
import { addressFromSecretKey } from '../src/tx/sender.js';

export type FuzzFork = 'Cancun' | 'Prague' | 'Osaka';

/** Authorities the generator signs for (their keys are known to both engines' inputs). */
export const AUTH_KEYS: readonly Uint8Array[] = [0x11, 0x12, 0x13].map((b) => new Uint8Array(32).fill(b));
export const AUTHORITIES: readonly bigint[] = AUTH_KEYS.map((k) => addressFromSecretKey(k));

const word = (v: bigint, bytes = 32): Uint8Array => {
  const out = new Uint8Array(bytes);
  let x = v;
  for (let i = bytes - 1; i >= 0; i--) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
};
const cat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};
const fp = (v: bigint): Uint8Array => word(v, 64); // EIP-2537: a field element in 64 bytes (16 zero bytes first)

/** One curated precompile call. */
export interface PrecompileInput {
  readonly name: string;
  readonly address: bigint;
  readonly input: Uint8Array;
}

function g1(p: { x: bigint; y: bigint }): Uint8Array {
  return cat(fp(p.x), fp(p.y));
}
function g2(p: { x: { c0: bigint; c1: bigint }; y: { c0: bigint; c1: bigint } }): Uint8Array {
  return cat(fp(p.x.c0), fp(p.x.c1), fp(p.y.c0), fp(p.y.c1));
}

function blsInputs(): PrecompileInput[] {
  const G1 = bls12_381.G1.Point.BASE;
  const G2 = bls12_381.G2.Point.BASE;
  const a1 = G1.toAffine();
  const b1 = G1.multiply(5n).toAffine();
  const a2 = G2.toAffine();
  const negA1 = G1.negate().toAffine();
  const offCurve1 = cat(fp(a1.x), fp(a1.y + 1n));
  const zero1 = new Uint8Array(128);
  const p = bls12_381.fields.Fp.ORDER;
  return [
    { name: 'G1ADD G+5G', address: 0x0bn, input: cat(g1(a1), g1(b1)) },
    { name: 'G1ADD G+inf', address: 0x0bn, input: cat(g1(a1), zero1) },
    { name: 'G1ADD off-curve', address: 0x0bn, input: cat(offCurve1, g1(a1)) },
    { name: 'G1ADD 255 bytes', address: 0x0bn, input: cat(g1(a1), g1(b1)).subarray(0, 255) },
    { name: 'G1MSM 1 pair', address: 0x0cn, input: cat(g1(a1), word(7n)) },
    { name: 'G1MSM 2 pairs', address: 0x0cn, input: cat(g1(a1), word(7n), g1(b1), word(3n)) },
    { name: 'G1MSM off-curve', address: 0x0cn, input: cat(offCurve1, word(2n)) },
    { name: 'G2ADD G+G', address: 0x0dn, input: cat(g2(a2), g2(a2)) },
    { name: 'G2ADD 511 bytes', address: 0x0dn, input: cat(g2(a2), g2(a2)).subarray(0, 511) },
    { name: 'G2MSM 1 pair', address: 0x0en, input: cat(g2(a2), word(11n)) },
    { name: 'PAIRING e(G,H)e(-G,H)', address: 0x0fn, input: cat(g1(a1), g2(a2), g1(negA1), g2(a2)) },
    { name: 'PAIRING e(G,H)', address: 0x0fn, input: cat(g1(a1), g2(a2)) },
    { name: 'PAIRING empty', address: 0x0fn, input: new Uint8Array(0) },
    { name: 'MAP_FP_TO_G1 1', address: 0x10n, input: fp(1n) },
    { name: 'MAP_FP_TO_G1 p', address: 0x10n, input: fp(p) },
    { name: 'MAP_FP2_TO_G2 (1,2)', address: 0x11n, input: cat(fp(1n), fp(2n)) },
    { name: 'MAP_FP2_TO_G2 63 bytes', address: 0x11n, input: fp(1n).subarray(1) },
  ];
}

function p256Inputs(): PrecompileInput[] {
  const sk = new Uint8Array(32).fill(0x42);
  const pub = p256.getPublicKey(sk, false); // 0x04 ‖ x ‖ y
  const h = new Uint8Array(32).fill(0x5a);
  const sig = p256.sign(h, sk, { prehash: false, format: 'compact' }); // r ‖ s
  const qx = pub.subarray(1, 33);
  const qy = pub.subarray(33, 65);
  const valid = cat(h, sig, qx, qy);
  const offCurveY = Uint8Array.from(qy);
  offCurveY[31] = (offCurveY[31] ?? 0) ^ 1;
  const otherHash = Uint8Array.from(h);
  otherHash[0] = (otherHash[0] ?? 0) ^ 1;
  return [
    { name: 'P256 valid', address: 0x100n, input: valid },
    { name: 'P256 wrong hash', address: 0x100n, input: cat(otherHash, sig, qx, qy) },
    { name: 'P256 off-curve key', address: 0x100n, input: cat(h, sig, qx, offCurveY) },
    { name: 'P256 159 bytes', address: 0x100n, input: valid.subarray(0, 159) },
    { name: 'P256 161 bytes', address: 0x100n, input: cat(valid, Uint8Array.of(0)) },
    { name: 'P256 r = 0', address: 0x100n, input: cat(h, new Uint8Array(32), sig.subarray(32), qx, qy) },
  ];
}

/** MODEXP headers (base, exponent, modulus lengths) around the EIP-7823 bound of 1024 bytes. */
function modexpInputs(): PrecompileInput[] {
  const m = (b: number, e: number, mod: number, tail = Uint8Array.of(3, 5, 7)): PrecompileInput => ({
    name: `MODEXP ${b}/${e}/${mod}`,
    address: 0x05n,
    input: cat(word(BigInt(b)), word(BigInt(e)), word(BigInt(mod)), tail),
  });
  return [
    m(1, 1, 1),
    m(32, 32, 32, new Uint8Array(96).fill(0xff)),
    m(1024, 1, 1024),
    m(1025, 1, 1),
    m(1, 1025, 1),
    m(1, 1, 1025),
    m(0, 0, 0, new Uint8Array(0)),
    m(64, 33, 64, new Uint8Array(161).fill(0x81)),
  ];
}

const ALL = { bls: blsInputs(), p256: p256Inputs(), modexp: modexpInputs() };

/** The curated precompile calls a fork's cases may make (later forks' precompiles are empty accounts before). */
export function precompileInputs(fork: FuzzFork): readonly PrecompileInput[] {
  if (fork === 'Cancun') return ALL.modexp;
  return [...ALL.modexp, ...ALL.bls, ...ALL.p256];
}

/** Highest ordinary precompile address of a fork (0x0a Cancun, 0x11 Prague and later). */
export function lastPrecompile(fork: FuzzFork): number {
  return fork === 'Cancun' ? 0x0a : 0x11;
}
