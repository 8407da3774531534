// Profile registry.
export type { Profile } from './types.js';
export { ethereum } from './ethereum.js';
export { zksync } from './zksync.js';
