import type { RegionSide } from '../engine/regionSide.ts';
import { findLeaks, type LeakFinding, type LeakScope } from '../leak/leakCheck.ts';
import type { PartitionRecord, SnapshotRecord } from '../model/records.ts';
import type { PlanOptions } from '../plan/plan.ts';

/**
 * Collects the leak check's findings for one target while `verify` reads it: the records read for the plan,
 * and each table's partitions as the plan reads them (so nothing is read twice).
 */
export function targetLeakCollector(
  side: RegionSide,
  plan: PlanOptions,
  source: { region: string; accountId: string },
) {
  const scope: LeakScope = {
    s3Mapping: plan.s3Mapping,
    source,
    target: { region: side.region, accountId: side.accountId },
    ...(plan.accountMapping ? { accountMapping: plan.accountMapping } : {}),
  };
  const partitionLeaks: LeakFinding[] = [];
  return {
    observePartitions: (partitions: readonly PartitionRecord[]) => {
      partitionLeaks.push(...findLeaks(partitions, scope));
    },
    /** Findings in `records` (the target as read), then in the partitions observed. */
    findings: (records: readonly SnapshotRecord[]): LeakFinding[] => [
      ...findLeaks(records, scope),
      ...partitionLeaks,
    ],
  };
}
