import type { RpoBound } from './rpo.ts';

export type FailoverMode = 'soft' | 'hard';

/** One step of a failover, as done (or, with `--dry-run`, as it would be done). */
export interface FailoverStepReport {
  name: string;
  /** `deferred`: could not be done now (the source did not answer); a rerun does it. */
  status: 'done' | 'alreadyDone' | 'planned' | 'deferred';
  detail: string;
  durationMs: number;
}

/** What a failover did: plain data; the terminal text, the JSON and the exit code derive from it. */
export interface FailoverReport {
  schemaVersion: 1;
  kind: 'lakemirror.failover';
  runId: string;
  mode: FailoverMode;
  from: string;
  to: string;
  dryRun: boolean;
  startedAt: string;
  durationMs: number;
  /** Soft: zero once the final verify found no difference. Hard: the bound from the state in the target. */
  rpo: { zero: boolean } & RpoBound;
  steps: FailoverStepReport[];
  links: {
    rewritten: Array<{ object: string; change: string }>;
    unrewritable: Array<{ object: string; reason: string }>;
  };
  baseSnapshot?: string;
  reversedConfig?: string;
  promoted: boolean;
  /** How to bring the changes made in the promoted Region home, in words. */
  next: string;
}
