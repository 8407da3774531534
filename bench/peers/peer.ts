// An engine the bench can time: run one workload on a fresh state and report its time and result.
import type { RunResult } from '../ours.js';
import type { Workload } from '../workloads.js';

export interface PeerEngine {
  readonly name: string;
  run(w: Workload): Promise<RunResult>;
  close(): Promise<void>;
}
