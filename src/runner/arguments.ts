// Run-time checks of the runner's library entry points (createEnvironment, runTillCompletion,
// runSingleInteraction): once per call, naming the field (src/input/arguments.ts).
import type { BlockContext } from '../ee/host.js';
import { ArgumentChecker, describeArgument as describe } from '../input/arguments.js';
import { System } from '../system/system.js';
import { WorldState } from '../system/world.js';
import type { RunEnvironment } from './context.js';
import { forkByName, SUPPORTED_FORKS } from '../forks/index.js';

const BLOCK_FIELDS = [
  'coinbase',
  'number',
  'timestamp',
  'gasLimit',
  'baseFee',
  'prevRandao',
  'difficulty',
  'chainId',
  'blobBaseFee',
  'excessBlobGas',
] as const satisfies readonly (keyof BlockContext)[];

/** Every BlockContext field is a bigint of its width (the coinbase an address). */
export function checkBlock(c: ArgumentChecker, v: unknown, field: string): void {
  const b = c.object(v, field);
  for (const k of BLOCK_FIELDS) {
    const f = `${field}.${k}`;
    if (k === 'coinbase') c.address(b[k], f);
    else if (k === 'baseFee' || k === 'prevRandao' || k === 'difficulty') c.u256(b[k], f);
    else if (k === 'chainId' || k === 'blobBaseFee')
      c.bigint(b[k], f); // derived or chain-defined: no width
    else c.u64(b[k], f);
  }
}

/** A profile object (`ethereum`, `zksync` or a copy with changes). */
export function checkProfile(c: ArgumentChecker, v: unknown, field: string): void {
  const p = c.object(v, field);
  if (p.name !== 'ethereum' && p.name !== 'zksync')
    c.fail(`${field}.name`, `must be "ethereum" or "zksync" (pass the exported ethereum or zksync profile)`);
  if (p.tx !== null) c.object(p.tx, `${field}.tx`); // null: the fork's transaction rules
}

/** `fork`: a supported name (case-insensitive) or a fork object, one the profile runs. */
export function checkFork(c: ArgumentChecker, v: unknown, profile: unknown, field: string): void {
  if (v === undefined) return;
  const name = typeof v === 'string' ? v : (c.object(v, field).name as unknown);
  const fork = typeof name === 'string' ? forkByName(name) : undefined;
  if (fork === undefined)
    c.fail(
      field,
      `must be one of ${SUPPORTED_FORKS.join(', ')} (a name or the exported fork object), got ${describe(v)}`,
    );
  const forks = (profile as { forks?: readonly string[] } | undefined)?.forks;
  if (fork !== undefined && forks !== undefined && !forks.includes(fork.name))
    c.fail(
      field,
      `the ${String((profile as { name?: unknown }).name)} profile runs ${forks.join(', ')}, not ${fork.name}`,
    );
}

/** `createEnvironment(opts)`. */
export function checkEnvironmentOptions(opts: unknown): void {
  const c: ArgumentChecker = new ArgumentChecker('createEnvironment');
  const o = c.object(opts, 'options');
  checkProfile(c, o.profile, 'profile');
  checkFork(c, o.fork, o.profile, 'fork');
  if (!(o.world instanceof WorldState))
    c.fail('world', `must be a WorldState (WorldState.fromAccounts([...])), got ${describe(o.world)}`);
  checkBlock(c, o.block, 'block');
  if (o.tx !== undefined) {
    const t = c.object(o.tx, 'tx');
    c.address(t.origin, 'tx.origin');
    c.u256(t.gasPrice, 'tx.gasPrice');
    c.array(t.blobHashes, 'tx.blobHashes', 'an array of bigints');
  }
  if (o.blockHashes !== undefined) c.func(o.blockHashes, 'blockHashes');
  if (o.maxDepth !== undefined && (typeof o.maxDepth !== 'number' || !Number.isInteger(o.maxDepth) || o.maxDepth < 0))
    c.fail('maxDepth', `must be a non-negative integer number, got ${describe(o.maxDepth)}`);
  if (o.nativePrice !== undefined) {
    c.u256(o.nativePrice, 'nativePrice');
    if (o.nativePrice === 0n) c.fail('nativePrice', 'must be at least 1');
  }
  if (o.inspect !== undefined && typeof o.inspect !== 'function') c.object(o.inspect, 'inspect');
  if (o.observer !== undefined) c.object(o.observer, 'observer');
  if (o.tracer !== undefined) c.object(o.tracer, 'tracer');
}

/** The `env` argument: what `createEnvironment` returned. */
export function checkRunEnvironment(c: ArgumentChecker, env: unknown): asserts env is RunEnvironment {
  const e = c.object(env, 'env');
  if (!(e.system instanceof System) || typeof e.createEvm !== 'function')
    c.fail('env', 'must be a run environment from createEnvironment({ profile, world, block })');
}

/** `runTillCompletion(env, request)`. */
export function checkSpawnRequest(env: unknown, request: unknown): void {
  const c: ArgumentChecker = new ArgumentChecker('runTillCompletion');
  checkRunEnvironment(c, env);
  const r = c.object(request, 'request');
  if (r.type === 'call') {
    if (r.kind !== 'call' && r.kind !== 'callcode' && r.kind !== 'delegatecall' && r.kind !== 'staticcall')
      c.fail('request.kind', `must be "call", "callcode", "delegatecall" or "staticcall", got ${describe(r.kind)}`);
    c.address(r.caller, 'request.caller');
    c.address(r.callee, 'request.callee');
    c.address(r.callersCaller, 'request.callersCaller');
    if (typeof r.modifier !== 'number')
      c.fail('request.modifier', `must be a CallModifier, got ${describe(r.modifier)}`);
    c.bytes(r.calldata, 'request.calldata');
    c.u256(r.value, 'request.value');
    c.bigint(r.gasRequested, 'request.gasRequested');
    c.bigint(r.gasAvailable, 'request.gasAvailable');
  } else if (r.type === 'create') {
    if (r.scheme !== 'create' && r.scheme !== 'create2')
      c.fail('request.scheme', `must be "create" or "create2", got ${describe(r.scheme)}`);
    c.address(r.deployer, 'request.deployer');
    c.bytes(r.initcode, 'request.initcode');
    c.u256(r.value, 'request.value');
    c.u256(r.salt, 'request.salt');
    c.bigint(r.gasAvailable, 'request.gasAvailable');
    c.optional(r, 'deployerNonce', (v, f) => c.u64(v, f), 'request.');
  } else c.fail('request.type', `must be "call" or "create", got ${describe(r.type)}`);
}

/** `runSingleInteraction(env, call)`. */
export function checkSingleInteraction(env: unknown, call: unknown): void {
  const c: ArgumentChecker = new ArgumentChecker('runSingleInteraction');
  checkRunEnvironment(c, env);
  const o = c.object(call, 'call');
  c.address(o.caller, 'call.caller');
  c.address(o.callee, 'call.callee');
  c.bytes(o.calldata, 'call.calldata');
  c.u256(o.value, 'call.value');
  c.bigint(o.gas, 'call.gas');
}
