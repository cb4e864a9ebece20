import type { RecordKind } from '../model/records.ts';
import type { Action } from '../plan/actions.ts';
import type { ActionResult } from './apply/actionResult.ts';

/** Per kind: what a run did (or, dry run, would do). */
export interface KindOutcome {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  failed: number;
}

export interface ApiCallSummary {
  total: number;
  reads: number;
  writes: number;
  byOperation: Record<string, number>;
}

export interface TargetReport {
  region: string;
  accountId: string;
  /** `planned` for a dry run; `partial` when some actions failed and all others applied. */
  status: 'applied' | 'planned' | 'unchanged' | 'partial' | 'failed';
  counts: Partial<Record<RecordKind, KindOutcome>>;
  /** Every failed action with the AWS error. */
  failures: ActionResult[];
  /** Planned actions, for `plan` (partitions beyond the first few hundred are counted, not listed). */
  actions: Action[];
  /** Partition actions not listed in `actions`. */
  unlistedPartitionActions: number;
  apiCalls: ApiCallSummary;
  durationMs: number;
  /** The target as it was before this run updated or deleted anything in it (`lakemirror restore` puts it back). */
  safetySnapshot?: string;
  /** deleteMissing off: objects in scope only the target holds, left in place; `lakemirror verify` lists them. */
  keptTargetOnly?: number;
  /** Source objects left out on purpose, with why (a catalog that cannot exist in the target); not failures. */
  skipped?: Array<{ kind: RecordKind; key: string; reason: string }>;
  /** Set when the target could not be processed at all (e.g. the Region is unreachable). */
  error?: { code: string; message: string; fix?: string };
}

/** The result of `sync` (and of `plan`, with dryRun): plain data; the table, the JSON and the exit code derive from it. */
export interface SyncReport {
  schemaVersion: 1;
  kind: 'lakemirror.sync';
  runId: string;
  dryRun: boolean;
  startedAt: string;
  durationMs: number;
  source: { region: string; accountId: string; apiCalls: ApiCallSummary };
  /** The source snapshot; `uri` is absent when none was kept (a plan without `--out`). */
  snapshot: { uri?: string; recordCount: number; contentHash: string };
  targets: TargetReport[];
}

export function emptyOutcome(): KindOutcome {
  return { created: 0, updated: 0, deleted: 0, unchanged: 0, failed: 0 };
}

/** True when the run changed (or would change) anything in any target. */
export function hasChanges(report: SyncReport): boolean {
  return report.targets.some((t) =>
    Object.values(t.counts).some((c) => c.created + c.updated + c.deleted > 0),
  );
}

/** CLI exit code: 0 done / nothing to do, 1 error, 2 changes pending (dry run), 3 partial failure. */
export function syncExitCode(report: SyncReport): number {
  if (report.targets.some((t) => t.status === 'failed'))
    return report.targets.every((t) => t.status === 'failed') ? 1 : 3;
  if (report.targets.some((t) => t.status === 'partial')) return 3;
  if (report.dryRun && hasChanges(report)) return 2;
  return 0;
}
