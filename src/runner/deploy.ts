// Deployment request (brief §2.7, §4.5): EE deployment preparation (balance, nonce, address, 63/64,
// collision), then inside the constructor frame nonce 1 (EIP-161) and the value transfer; on completion
// the code deposit (200 gas/byte).
import type { Address, DeploymentRequest } from '../ee/types.js';
import { codeDepositCost } from '../ee/evm/gas.js';
import { accountWriteNative, allButOne64th } from '../system/resources.js';
import { createAddress, create2Address } from '../ee/evm/deployment.js';
import { NONEXISTENT } from '../system/world.js';
import type { RunEnvironment } from './context.js';
import { U64_MAX } from '../encoding/limits.js';

/** Result of deployment preparation, in ergs: failure (ergs to hand back) or the constructor launch data. */
export type DeploymentPreparation =
  | { readonly ok: false; readonly ergsReturned: bigint }
  | { readonly ok: true; readonly address: Address; readonly constructorErgs: bigint; readonly ergsKept: bigint };

/**
 * EVM `prepare_for_deployment` (brief §4.5): balance check before the nonce bump, nonce bump before the
 * address, 63/64 split, collision check (which burns the 63/64). The Ethereum profile checks the depth
 * limit before all of it (geth), ZKsync after the bump (brief §2.7 step 3, §9).
 */
export function prepareDeployment(
  env: RunEnvironment,
  req: DeploymentRequest,
  depth: number,
  isEntry: boolean,
  deployerErgs: bigint,
): DeploymentPreparation {
  const { profile } = env;
  const world = env.system.world;
  const native = env.native;
  const full = deployerErgs;
  const maxDepth = env.maxDepth ?? 1024;
  if (!isEntry && profile.createDepthCheckBeforeNonceBump && depth > maxDepth) return { ok: false, ergsReturned: full };

  const deployer = world.getAccount(req.deployer);
  if (req.value !== 0n && deployer.balance < req.value) return { ok: false, ergsReturned: full };

  let nonce: bigint;
  if (req.deployerNonce !== undefined) nonce = req.deployerNonce;
  else {
    nonce = deployer.nonce;
    if (nonce >= U64_MAX) return { ok: false, ergsReturned: full };
    native?.charge(accountWriteNative(native.costs)); // `increment_nonce`
    world.setNonce(req.deployer, nonce + 1n);
  }
  const address =
    req.scheme === 'create2'
      ? create2Address(req.deployer, req.salt, req.initcode)
      : createAddress(req.deployer, nonce);
  env.system.accessAccount(address); // EIP-2929: the new address is warm even if the deployment fails

  // 63/64 on whole gas (`apply_63_64_rule`); entry deployments give the constructor everything (§2.7 step 2).
  const ergsPerGas = BigInt(profile.ergsPerGas);
  const split = allButOne64th(full, ergsPerGas);
  const constructorErgs = isEntry ? full : split;
  const ergsKept = full - constructorErgs;

  const target = world.getAccount(address);
  const collides =
    target !== NONEXISTENT &&
    (target.nonce !== 0n || target.code.length !== 0 || (profile.collisionChecksStorage && world.hasStorage(address)));
  // The 63/64 is burned. An entry deployment gave everything to the constructor, but ZKsync splits before
  // the collision check and merges the 1/64 back only afterwards (brief §2.7 step 2).
  if (collides)
    return { ok: false, ergsReturned: isEntry && profile.entryCollisionRefunds64th ? full - split : ergsKept };

  if (!isEntry && !profile.createDepthCheckBeforeNonceBump && depth > maxDepth)
    return { ok: false, ergsReturned: full };
  return { ok: true, address, constructorErgs, ergsKept };
}

/**
 * First steps inside the constructor frame (brief §2.7 steps 6-7): mark the account created in this
 * transaction (EIP-6780), set its nonce to 1 (EIP-161) and move the value.
 */
export function initConstructorAccount(env: RunEnvironment, deployer: Address, address: Address, value: bigint): void {
  const world = env.system.world;
  world.ensureExists(address);
  world.markCreated(address);
  const native = env.native;
  native?.charge(accountWriteNative(native.costs)); // `increment_nonce(deployed, 1)`
  world.setNonce(address, 1n);
  if (value !== 0n) env.system.transfer(deployer, address, value); // the balance was checked in preparation
}

/**
 * Code deposit after a successful constructor (brief §2.7 step 9): charges 200 gas per byte from the
 * constructor's leftover; returns the gas left, or -1 when the deposit cannot be paid (deployment fails).
 */
export function depositCode(env: RunEnvironment, address: Address, code: Uint8Array, gasLeft: bigint): bigint {
  const cost = BigInt(codeDepositCost(code.length));
  if (cost > gasLeft) return -1n;
  // `deploy_code`: materialize the account, record the preimage, write the properties (native only; the
  // keccak and blake hashes of the code are computed without a native charge at 0a82da0).
  const native = env.native;
  if (native) {
    const c = native.costs;
    native.charge(c.account.access + c.account.preimageSet + c.account.writeExtra);
    native.loadedCode.add(code);
  }
  env.system.world.setCode(address, code);
  return gasLeft - cost;
}
