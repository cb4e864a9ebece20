import { tableKey } from '../model/keys.ts';
import { plural } from '../model/plural.ts';
import type { TableRecord } from '../model/records.ts';
import type { ActionResult } from './apply/actionResult.ts';
import { applyPartitionActions } from './apply/applyPartitionActions.ts';
import { applyInDependencyOrder } from './apply/applyScheduler.ts';
import { eachTablePartitions } from './eachTablePartitions.ts';
import type { EarlyApplyResult } from './early/earlyApply.ts';
import type { TableFate } from './planPartitionsForTable.ts';
import type { PlannedTargetRun } from './planTargetRun.ts';
import type { RegionSide } from './regionSide.ts';
import type { SourceRecords } from './sourceSnapshot.ts';
import { tableProgress } from './tableProgress.ts';
import type { TargetRunOptions, TargetRunResult } from './targetRun.ts';

/**
 * Applies a planned target run with the engine's dependency-ordered apply (apply/applyScheduler.ts), its
 * partition phase streaming table by table from the snapshot. A failed action is recorded and the run goes
 * on. The audit records of each write call come from the target side's journal (see writeJournal.ts).
 */
export async function applyTargetRun(
  target: RegionSide,
  source: SourceRecords,
  run: PlannedTargetRun,
  options: TargetRunOptions,
): Promise<TargetRunResult> {
  const { actions, outcomes, sourceTables } = run;
  const out = options.output;
  out.phase(`apply ${target.region}`, applySummary(actions.length, options.early));
  await applyInDependencyOrder(target, {
    actions,
    onApplied: (results) => outcomes.applied(results),
    partitions: () => {
      out.phase(`apply ${target.region}`, 'partitions, and Lake Formation beside them');
      const applying = tableProgress(out, `apply ${target.region}`, {
        tables: sourceTables.length,
        writes: () => target.counter.writes() - run.writesBefore,
      });
      return eachTablePartitions({
        source,
        tables: sourceTables,
        target,
        // Known now: the databases and tables were applied before this phase starts.
        fate: withFailedTables(run.fate, outcomes.failures, sourceTables),
        run: options,
        kept: run.kept,
        planned: run.partitions.planned,
        stored: run.safety ?? run.captured,
        visit: applying.count(async (table, partitionActions, count) => {
          if (!run.partitions.compared) outcomes.addSource('partition', count);
          if (partitionActions.length === 0) return;
          const key = tableKey(table.databaseName, table.input.Name);
          outcomes.applied(await applyPartitionActions(target, key, partitionActions));
        }),
      }).finally(applying.stop);
    },
  });
  return {
    ...outcomes.finish(run.listing.actions, run.listing.unlisted()),
    ...(run.safety ? { safetySnapshot: run.safety.uri } : {}),
    ...run.kept.result(),
  };
}

/** The fate with the tables (and the databases' tables) whose create or update failed skipped. */
function withFailedTables(
  fate: TableFate,
  failures: readonly ActionResult[],
  sourceTables: readonly TableRecord[],
): TableFate {
  const failedTables = new Set(
    failures.filter((f) => f.kind === 'table' || f.kind === 'database').map((f) => f.key),
  );
  return {
    ...fate,
    skipped: new Set([
      ...fate.skipped,
      ...failedTables,
      ...sourceTables
        .filter((t) => failedTables.has(t.databaseName))
        .map((t) => tableKey(t.databaseName, t.input.Name)),
    ]),
  };
}

/** What the apply phase has left, and what the early pass already did (so "0 actions" is not all it says). */
function applySummary(actions: number, early: EarlyApplyResult | undefined): string {
  const left = plural(actions, 'catalog and permission action', 'catalog and permission actions');
  if (!early) return left;
  const created = early.results.length;
  const partitions = early.partitions.created;
  return `${left} left; ${plural(created, 'object')} and ${plural(partitions, 'partition')} created while the snapshot was read`;
}
