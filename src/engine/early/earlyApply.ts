import pLimit from 'p-limit';
import { tableKey } from '../../model/keys.ts';
import type { PartitionRecord, SnapshotRecord } from '../../model/records.ts';
import type { Action } from '../../plan/actions.ts';
import { type PlanOptions, planPartitions, planWithReport } from '../../plan/plan.ts';
import { objectRef, prerequisites } from '../../plan/prerequisites.ts';
import type { ActionResult } from '../apply/actionResult.ts';
import { applyCatalogAction } from '../apply/applyCatalogActions.ts';
import { applyCatalogObjectAction, isCatalogObjectKind } from '../apply/applyCatalogObjects.ts';
import { applyPartitionActions } from '../apply/applyPartitionActions.ts';
import { applyGrantActions, applyLakeFormationAction } from '../apply/applyPermissionActions.ts';
import { isDestructive } from '../destructive.ts';
import type { RegionSide } from '../regionSide.ts';
import type { SnapshotObserver } from '../snapshotObserver.ts';
import { DependencyGate } from './dependencyGate.ts';
import { GrantBatcher } from './grantBatcher.ts';

/** What the early pass did to one target; the second pass of the sync builds on it. */
export interface EarlyApplyResult {
  /** Results of the object writes that succeeded (a failed one is retried, and reported, by the second pass). */
  results: ActionResult[];
  /** The actions those results came from: the second pass plans against the target as they left it. */
  applied: Action[];
  /** Partitions this pass wrote, by op (only counts: a large lake has millions). */
  partitions: { created: number; updated: number };
  /** Tables this pass created and whose partitions it did not touch: their target partitions are empty. */
  emptyTables: Set<string>;
  /** Tables whose every partition this pass created. */
  partitionsDone: Set<string>;
}

export interface EarlyApply extends SnapshotObserver {
  /** No more input (the snapshot is complete, or failed): settles what is running and answers what was done. */
  finish(options?: { abort?: boolean }): Promise<EarlyApplyResult>;
}

export interface EarlyApplyOptions {
  target: RegionSide;
  /** The target's records (all but partitions), read while the source is. */
  targetRecords: Promise<SnapshotRecord[]>;
  plan: PlanOptions;
}

/** Creates, and the one settings update that only adds: nothing the early pass does can lose anything. */
function isEarly(action: Action): boolean {
  // A partition's statistics wait for the partition, which the early pass does not announce.
  if (action.kind === 'columnStatistics' && action.desired?.partitionValues) return false;
  // A catalog waits for the second pass: whether a federated one can exist depends on the target's connections.
  if (action.kind === 'catalog') return false;
  // An opt-in makes Lake Formation enforce its principal's grants: it waits until all of them are in place.
  if (action.kind === 'optIn') return false;
  if (action.op === 'create') return true;
  return action.kind === 'dataLakeSettings' && action.op === 'update' && !isDestructive(action);
}

/**
 * The first pass of a live sync: while the source snapshot is still being read, creates in the target what
 * the target lacks, each object as soon as the objects it needs exist (a table's grants right after the table,
 * its partitions as they stream in). It only adds: updates, deletes, maxDeletes and the safety snapshot all
 * wait for the complete snapshot and the second pass. Without it a sync read the whole source before its
 * first write; with it the target's rate limits are busy from the start.
 */
export function startEarlyApply(options: EarlyApplyOptions): EarlyApply {
  const { target, plan } = options;
  const gate = new DependencyGate();
  const glue = pLimit(target.concurrency);
  const lakeFormation = pLimit(target.concurrency);
  const tasks: Promise<void>[] = [];
  const partitionTasks = new Set<Promise<void>>();
  const result: EarlyApplyResult = {
    results: [],
    applied: [],
    partitions: { created: 0, updated: 0 },
    emptyTables: new Set(),
    partitionsDone: new Set(),
  };
  const createdTables = new Set<string>();
  /** Tables whose partitions this pass started writing. */
  const touched = new Set<string>();
  let targetAssignments: Map<string, SnapshotRecord> | undefined;
  let objectsPlanned: Promise<void> | undefined;
  let stopped = false;

  // A target-wide failure stops the pass; the second pass meets it again and reports it.
  const stop = () => {
    stopped = true;
  };
  const track = (work: () => Promise<void>) => {
    const task = work().catch(stop);
    tasks.push(task);
    return task;
  };
  const recordObjects = async (actions: readonly Action[], outcome: readonly ActionResult[]) => {
    const ok = new Set(outcome.filter((r) => r.ok).map((r) => `${r.kind}\u0000${r.key}`));
    result.results.push(...outcome.filter((r) => r.ok));
    result.applied.push(...actions.filter((a) => ok.has(`${a.kind}\u0000${a.key}`)));
  };
  const grants = new GrantBatcher(async (batch) => {
    const outcome = await lakeFormation(() => applyGrantActions(target, batch));
    await recordObjects(batch, outcome);
  });

  const schedule = (action: Action) => {
    const ref = objectRef(action.desired!);
    track(async () => {
      try {
        const ready = await gate.ready(prerequisites(action.desired!));
        if (!ready || stopped) return gate.settle(ref, false);
        if (action.kind === 'grant') return grants.add(action);
        const catalog = action.kind === 'database' || action.kind === 'table';
        const outcome = catalog
          ? await glue(() => applyCatalogAction(target, action))
          : isCatalogObjectKind(action.kind)
            ? await glue(() => applyCatalogObjectAction(target, action))
            : await lakeFormation(() => applyLakeFormationAction(target, action));
        gate.settle(ref, outcome.ok);
        await recordObjects([action], [outcome]);
      } finally {
        // Whatever happened, what waits on this object must not wait forever (settling twice is a no-op).
        gate.settle(ref, false);
      }
    });
  };
  const scheduleAll = (actions: readonly Action[]) => {
    const early = actions.filter(isEarly);
    // Announce first, so nothing that needs one of these can start before it is created.
    for (const action of early) gate.announce(objectRef(action.desired!));
    // An object the second pass will update or delete is not ready for what needs it (a tag still lacking a
    // value, a table still lacking a column): that waits for the second pass too, instead of failing here.
    for (const action of actions) {
      if (isEarly(action)) continue;
      const ref = objectRef((action.desired ?? action.current)!);
      gate.announce(ref);
      gate.settle(ref, false);
    }
    for (const action of early) {
      if (action.kind === 'table') createdTables.add(action.key);
      schedule(action);
    }
  };

  return {
    objects(records) {
      objectsPlanned = track(async () => {
        const current = await options.targetRecords;
        targetAssignments = new Map(
          current.filter((r) => r.kind === 'lfTagAssignment').map((r) => [objectRef(r), r]),
        );
        scheduleAll(planWithReport(records, current, plan).actions);
      });
    },
    assignments(records) {
      track(async () => {
        await objectsPlanned;
        if (stopped || !targetAssignments) return;
        const current = records.flatMap((r) => targetAssignments!.get(objectRef(r)) ?? []);
        scheduleAll(planWithReport(records, current, { ...plan, deleteMissing: false }).actions);
      });
    },
    async tablePartitions(table, partitions) {
      const key = tableKey(table.databaseName, table.input.Name);
      // Only tables this pass creates: their target partitions need no read. The snapshot never waits for the
      // target's own read: a table that comes before the plan is left to the second pass.
      if (stopped || !createdTables.has(key) || partitions.length === 0) return;
      while (partitionTasks.size >= 2 * target.concurrency) await Promise.race(partitionTasks);
      const task = track(() => createPartitions(key, partitions));
      partitionTasks.add(task);
      task.finally(() => partitionTasks.delete(task));
    },
    async finish({ abort = false } = {}) {
      if (abort) stopped = true;
      for (let i = 0; i < tasks.length; i++) await tasks[i];
      if (!stopped) await track(() => grants.flush());
      const created = new Set(result.applied.filter((a) => a.kind === 'table').map((a) => a.key));
      for (const key of created) if (!touched.has(key)) result.emptyTables.add(key);
      return result;
    },
  };

  async function createPartitions(key: string, partitions: PartitionRecord[]) {
    const creates = planPartitions(key, partitions, [], plan).filter((a) => a.op === 'create');
    if (creates.length === 0 || !(await gate.ready([`table:${key}`])) || stopped) return;
    touched.add(key);
    const outcome = await applyPartitionActions(target, key, creates);
    for (const r of outcome) if (r.ok) result.partitions[r.op === 'create' ? 'created' : 'updated'] += 1;
    if (outcome.every((r) => r.ok)) result.partitionsDone.add(key);
  }
}
