import type { ApiCallSummary, TargetReport } from '../engine/syncReport.ts';
import type { TargetRunResult } from '../engine/targetRun.ts';

/** The report of one target run from what syncTarget returned (shared by sync, plan and restore). */
export function targetReport(
  target: { region: string; accountId: string },
  result: TargetRunResult,
  run: { dryRun: boolean; apiCalls: ApiCallSummary; durationMs: number },
): TargetReport {
  const changed = Object.values(result.counts).some((c) => c.created + c.updated + c.deleted > 0);
  const status =
    result.failures.length > 0 ? 'partial' : run.dryRun ? 'planned' : changed ? 'applied' : 'unchanged';
  return {
    region: target.region,
    accountId: target.accountId,
    status,
    counts: result.counts,
    failures: result.failures,
    actions: result.actions,
    unlistedPartitionActions: result.unlistedPartitionActions,
    ...(result.safetySnapshot ? { safetySnapshot: result.safetySnapshot } : {}),
    ...(result.keptTargetOnly ? { keptTargetOnly: result.keptTargetOnly } : {}),
    ...(result.skipped?.length ? { skipped: result.skipped } : {}),
    apiCalls: run.apiCalls,
    durationMs: run.durationMs,
  };
}
