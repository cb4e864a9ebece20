import type { AuditLog } from '../audit/auditLog.ts';
import { openAuditLog } from '../audit/openAuditLog.ts';
import { writeJournal } from '../audit/writeJournal.ts';
import type { CatalogFilterSpec } from '../plan/filters.ts';
import { streamSnapshotPartitions } from './readSnapshot.ts';
import type { RegionSide } from './regionSide.ts';
import type { Runtime } from './runtime.ts';
import { safetySnapshotStore, takeSafetySnapshot } from './safetySnapshot.ts';
import type { TargetRunOptions } from './targetRun.ts';

/**
 * The guardrails every apply to a target gets (sync and restore alike): a safety snapshot before the first
 * update or delete (config `safetySnapshots`). The audit records come from the side `auditedSide` gives.
 */
export function targetGuards(
  runtime: Runtime,
  side: RegionSide,
  run: { runId: string; filter: CatalogFilterSpec },
): Pick<TargetRunOptions, 'beforeDestructiveApply'> {
  return {
    ...(runtime.config.safetySnapshots
      ? {
          beforeDestructiveApply: async (before, captured) => {
            // The target read beside the source is the pre-sync state already: keep it rather than read again.
            if (captured)
              return {
                uri: await captured.keepAsSafetySnapshot(),
                partitions: captured.partitions,
                partitionDigests: captured.partitionDigests,
              };
            const { uri, pin } = await takeSafetySnapshot(runtime, side, run.filter, before);
            return {
              uri,
              partitions: () => streamSnapshotPartitions(safetySnapshotStore(runtime), uri, pin),
            };
          },
        }
      : {}),
  };
}

/** The side with the run's audit journal: each write call to it is recorded before it goes out and after. */
export function auditedSide(
  runtime: Runtime,
  side: RegionSide,
  run: { runId: string; audit: AuditLog },
): RegionSide {
  return { ...side, journal: writeJournal(run.audit, side, run.runId, runtime.now) };
}

/** The run's audit log at config `audit.uri` (S3 through the source Region's client, like snapshots). */
export function openRunAuditLog(runtime: Runtime, run: { runId: string; startedAt: string }): AuditLog {
  return openAuditLog(runtime.config.audit.uri, run, {
    region: runtime.config.source.region,
    s3: () => runtime.clients(runtime.config.source.region).s3,
  });
}
