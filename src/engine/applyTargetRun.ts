import { tableKey } from '../model/keys.ts';
import { plural } from '../model/plural.ts';
import type { TableRecord } from '../model/records.ts';
import type { Action } from '../plan/actions.ts';
import { APPLY_ORDER } from '../plan/order.ts';
import type { ActionResult } from './apply/actionResult.ts';
import { applyKind, isObjectKind } from './apply/applyKind.ts';
import { applyPartitionActions } from './apply/applyPartitionActions.ts';
import { eachTablePartitions } from './eachTablePartitions.ts';
import type { EarlyApplyResult } from './early/earlyApply.ts';
import type { TableFate } from './planPartitionsForTable.ts';
import type { PlannedTargetRun } from './planTargetRun.ts';
import type { RegionSide } from './regionSide.ts';
import type { SourceRecords } from './sourceSnapshot.ts';
import { tableProgress } from './tableProgress.ts';
import type { TargetRunOptions, TargetRunResult } from './targetRun.ts';

/**
 * Applies a planned target run in dependency order: databases, tables and filters; partitions table by table
 * as they stream from the snapshot, with locations, LF-Tags, assignments and grants beside them; partition
 * column statistics; deletes last in reverse order. A failed action is recorded and the run goes on. The
 * audit records of each write call come from the target side's journal (see writeJournal.ts).
 */
export async function applyTargetRun(
  target: RegionSide,
  source: SourceRecords,
  run: PlannedTargetRun,
  options: TargetRunOptions,
): Promise<TargetRunResult> {
  const { actions, outcomes, sourceTables } = run;
  const out = options.output;
  const applied = (results: readonly ActionResult[]) => outcomes.applied(results);
  out.phase(`apply ${target.region}`, applySummary(actions.length, options.early));
  // A partition's column statistics need the partition: they are applied once every partition is.
  const ofPartition = (a: Action) => a.kind === 'columnStatistics' && Boolean(a.desired?.partitionValues);
  const creates = actions.filter((a) => a.op !== 'delete' && !ofPartition(a));
  const partitionStatistics = actions.filter((a) => a.op !== 'delete' && ofPartition(a));
  const deletes = actions.filter((a) => a.op === 'delete');
  const beforePartitions = APPLY_ORDER.slice(0, APPLY_ORDER.indexOf('partition')).filter(isObjectKind);
  const afterPartitions = APPLY_ORDER.slice(APPLY_ORDER.indexOf('partition') + 1).filter(isObjectKind);
  for (const kind of beforePartitions) applied(await applyKind(target, kind, creates));
  out.phase(`apply ${target.region}`, 'partitions, and Lake Formation beside them');
  const applying = tableProgress(out, `apply ${target.region}`, {
    tables: sourceTables.length,
    writes: () => target.counter.writes() - run.writesBefore,
  });
  // Locations, LF-Tags, assignments and grants need the databases, tables and filters (done), not the
  // partitions: running them beside the partition writes uses both services' rate limits at once.
  const applyPartitions = eachTablePartitions({
    source,
    tables: sourceTables,
    target,
    fate: withFailedTables(run.fate, outcomes.failures, sourceTables),
    run: options,
    kept: run.kept,
    planned: run.partitions.planned,
    stored: run.safety ?? run.captured,
    visit: applying.count(async (table, partitionActions, count) => {
      if (!run.partitions.compared) outcomes.addSource('partition', count);
      if (partitionActions.length === 0) return;
      applied(
        await applyPartitionActions(target, tableKey(table.databaseName, table.input.Name), partitionActions),
      );
    }),
  }).finally(applying.stop);
  const applyLakeFormation = (async () => {
    for (const kind of afterPartitions) applied(await applyKind(target, kind, creates));
  })();
  await Promise.all([applyPartitions, applyLakeFormation]);
  applied(await applyKind(target, 'columnStatistics', partitionStatistics));
  for (const kind of [...APPLY_ORDER].reverse().filter(isObjectKind))
    applied(await applyKind(target, kind, deletes));
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
