// Profile registry.
export type { Profile } from './types.js';
export { ethereum } from './ethereum.js';
export { zksync, zksyncWithP256 } from './zksync.js';
