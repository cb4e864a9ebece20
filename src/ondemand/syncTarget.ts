import type { ActionResult } from '../engine/apply/actionResult.ts';
import { applyKind, isObjectKind } from '../engine/apply/applyKind.ts';
import { applyPartitionActions } from '../engine/apply/applyPartitionActions.ts';
import { isDestructive } from '../engine/destructive.ts';
import type { EarlyApplyResult } from '../engine/early/earlyApply.ts';
import { forEachConcurrent } from '../engine/forEachConcurrent.ts';
import { type Output, track } from '../engine/output.ts';
import type { PartitionCapture } from '../engine/partitionCapture.ts';
import { partitionCursor } from '../engine/partitionCursor.ts';
import {
  planPartitionsForTable,
  type TableFate,
  type TargetPartitions,
} from '../engine/planPartitionsForTable.ts';
import { readCatalogRecords, readTagAssignmentsOutside, sortRecords } from '../engine/readCatalogRecords.ts';
import { readPartitionRecords } from '../engine/readPartitionRecords.ts';
import type { RegionSide } from '../engine/regionSide.ts';
import type { PartitionGroups } from '../engine/sourceSnapshot.ts';
import { type TallyResult, tally } from '../engine/tally.ts';
import { tableKey } from '../model/keys.ts';
import { plural } from '../model/plural.ts';
import type { PartitionRecord, RecordKind, SnapshotRecord, TableRecord } from '../model/records.ts';
import type { Action } from '../plan/actions.ts';
import { createCatalogFilter, isRecordIncluded } from '../plan/filters.ts';
import { APPLY_ORDER } from '../plan/order.ts';
import { checkMaxDeletes, type PlanOptions, planWithReport } from '../plan/plan.ts';
import type { SkippedObject } from '../plan/planCatalogs.ts';
import { projectApplied } from '../plan/projectApplied.ts';
import { skippedObjects } from './skippedObjects.ts';
import { warnOfUndecidedS3 } from './undecidedWarnings.ts';
import { unmappedResults } from './unmappedResults.ts';
import { warnOfViewsOutsideFilter } from './viewWarnings.ts';

export interface SyncTargetOptions {
  plan: PlanOptions;
  maxDeletes: number;
  dryRun: boolean;
  output: Output;
  /** The target's records, when the caller started reading them early. */
  targetRead?: Promise<SnapshotRecord[]>;
  /**
   * Called once before the first write when the plan updates or deletes anything in the target (not for pure
   * creates); answers the URI of the safety snapshot it took.
   */
  beforeDestructiveApply?: (before: SnapshotRecord[], captured?: PartitionCapture) => Promise<SafetySnapshot>;
  /** Shown each table's target partitions as they are read for the plan (verify's leak check). */
  observeTargetPartitions?: (partitions: readonly PartitionRecord[]) => void;
  /** What the early pass created while the snapshot was read: planned against, counted, not redone. */
  early?: EarlyApplyResult;
  /**
   * The target's partitions, read while the source was read (see partitionCapture.ts): partitions are planned
   * against it instead of the API, and it becomes the safety snapshot when one is needed.
   */
  capture?: Promise<PartitionCapture>;
}

/** Where a run reads the target's partitions from instead of the API: a safety snapshot or a capture. */
interface TargetPartitionSource {
  partitions: () => PartitionGroups;
}

/** A target's safety snapshot: where it is, and its partitions (so planning need not read them again). */
export interface SafetySnapshot {
  uri: string;
  partitions: () => PartitionGroups;
}

/**
 * What a target run did, and the safety snapshot taken before it changed anything. `keptTargetOnly`: with
 * deleteMissing off, the objects in scope only the target holds, left in place (verify lists them).
 */
export type SyncTargetResult = TallyResult & {
  safetySnapshot?: string;
  keptTargetOnly?: number;
  /** Source objects left out on purpose (catalogs that cannot exist in the target), with why. */
  skipped?: SkippedObject[];
};

/** Partition actions kept from the read-only pass so the apply pass need not read the target again. */
const CACHED_PARTITION_ACTIONS = 20_000;

/** The source side of a sync: every record but partitions, and a way to stream partitions per table. */
export interface SourceRecords {
  records: readonly SnapshotRecord[];
  partitions: () => PartitionGroups;
}

const PARTITIONS_LISTED = 200;

/**
 * Makes one target match the source: plan everything but partitions, check maxDeletes (partition deletes
 * included, counted in a read-only pass first), then apply in dependency order — databases, tables and filters;
 * partitions table by table as they stream from the snapshot; locations, LF-Tags, assignments and grants;
 * deletes last in reverse order. A failed action is recorded and the run goes on.
 */
export async function syncTarget(
  target: RegionSide,
  source: SourceRecords,
  given: SyncTargetOptions,
): Promise<SyncTargetResult> {
  const warned = warnOfUndecidedS3(given.plan, given.output, target.region);
  const skipped = skippedObjects(given.output, target.region);
  const plan = { ...warned, onSkipped: skipped.add };
  const options = { ...given, plan: warnOfViewsOutsideFilter(plan, given.output, target.region) };
  const out = options.output;
  out.phase(`plan ${target.region}`, 'reading the target');
  // runSync may have started this read while the source snapshot was being taken.
  const read = await (options.targetRead ?? readCatalogRecords(target, options.plan));
  const early = options.early;
  // The target as the early pass left it, without reading back what it wrote.
  const targetRecords = early ? sortRecords(projectApplied(read, early.applied)) : read;
  const { actions, unmapped } = await planTarget(target, source, targetRecords, options.plan);
  const kept = keptTargetOnly(source, targetRecords, options.plan);
  const sourceTables = source.records.filter((r): r is TableRecord => r.kind === 'table');
  const fate = tableFate(actions, early?.emptyTables);
  const outcomes = tally(inScopeCounts(source.records, options.plan));
  if (early) {
    outcomes.applied(early.results);
    outcomes.appliedCount('partition', 'create', early.partitions.created);
    outcomes.appliedCount('partition', 'update', early.partitions.updated);
  }
  // Principals the account mapping cannot place are reported as failures, in a dry run too.
  outcomes.applied(unmappedResults(unmapped, target.accountId));
  const listed: Action[] = [...actions];
  let listedPartitions = 0;
  let unlisted = 0;
  const listPartitionActions = (partitionActions: Action[]) => {
    const room = Math.max(0, PARTITIONS_LISTED - listedPartitions);
    const shown = partitionActions.slice(0, room);
    listed.push(...shown);
    listedPartitions += shown.length;
    unlisted += partitionActions.length - shown.length;
  };

  const destructive = (list: readonly Action[]) => list.some(isDestructive);
  const guard = options.dryRun ? undefined : options.beforeDestructiveApply;
  // Refused before the safety snapshot too when the deletes planned so far already exceed the limit.
  checkMaxDeletes(actions, options.maxDeletes);
  // A plan that changes objects needs the safety snapshot whatever the partitions say: take it first and
  // plan partitions from it, instead of reading every target partition twice.
  const captured = await options.capture;
  let safety = guard && destructive(actions) ? await guard(read, captured) : undefined;
  const guardPartitions = guard !== undefined && safety === undefined;
  const needsPartitionPrepass = options.plan.deleteMissing || options.dryRun || guardPartitions;
  let partitionDeletes = 0;
  const firstPartitionDeletes: Action[] = [];
  let partitionUpdates = 0;
  let cachedActions = 0;
  const cache = new Map<string, Action[]>();
  const startWrites = target.counter.writes();
  const progress = (phase: string, withWrites: boolean) => {
    const done = { tables: 0, partitions: 0 };
    const stop = track(out, phase, () => ({
      tables: { done: done.tables, total: sourceTables.length },
      partitions: { done: done.partitions },
      ...(withWrites ? { writes: { done: target.counter.writes() - startWrites } } : {}),
    }));
    const count =
      <A extends unknown[]>(
        visit: (table: TableRecord, actions: Action[], n: number, ...rest: A) => Promise<void>,
      ) =>
      async (table: TableRecord, actions: Action[], n: number, ...rest: A) => {
        await visit(table, actions, n, ...rest);
        done.tables += 1;
        done.partitions += n;
      };
    return { count, stop };
  };
  if (needsPartitionPrepass) {
    out.phase(`plan ${target.region}`, 'comparing partitions');
    const comparing = progress(`plan ${target.region}`, false);
    await eachTablePartitions(
      source,
      sourceTables,
      target,
      fate,
      options,
      comparing.count(async (table: TableRecord, partitionActions: Action[], count: number) => {
        outcomes.addSource('partition', count);
        const deleted = partitionActions.filter((a) => a.op === 'delete');
        partitionDeletes += deleted.length;
        firstPartitionDeletes.push(...deleted.slice(0, Math.max(0, 20 - firstPartitionDeletes.length)));
        partitionUpdates += partitionActions.filter((a) => a.op === 'update').length;
        cachedActions += partitionActions.length;
        if (cachedActions <= CACHED_PARTITION_ACTIONS)
          cache.set(tableKey(table.databaseName, table.input.Name), partitionActions);
        if (options.dryRun) {
          outcomes.planned(partitionActions);
          listPartitionActions(partitionActions);
        }
      }),
      kept,
      undefined,
      safety ?? captured,
    ).finally(comparing.stop);
  }
  checkMaxDeletes(actions, options.maxDeletes, { count: partitionDeletes, first: firstPartitionDeletes });
  if (options.dryRun) {
    outcomes.planned(actions);
    return { ...outcomes.finish(listed, unlisted), ...skipped.result() };
  }
  if (guard && !safety && partitionDeletes + partitionUpdates > 0) safety = await guard(read, captured);
  const safetySnapshot = safety?.uri;
  // The audit records of each write call come from the target side's journal (see writeJournal.ts).
  const applied = async (results: readonly ActionResult[], _pool: readonly Action[]) => {
    for (const r of results) if (r.skipped) skipped.add({ kind: 'catalog', key: r.key, reason: r.skipped });
    outcomes.applied(results);
  };
  const reuse = cachedActions <= CACHED_PARTITION_ACTIONS ? cache : undefined;

  out.phase(`apply ${target.region}`, applySummary(actions.length, early));
  // A partition's column statistics need the partition: they are applied once every partition is.
  const ofPartition = (a: Action) => a.kind === 'columnStatistics' && Boolean(a.desired?.partitionValues);
  const creates = actions.filter((a) => a.op !== 'delete' && !ofPartition(a));
  const partitionStatistics = actions.filter((a) => a.op !== 'delete' && ofPartition(a));
  const deletes = actions.filter((a) => a.op === 'delete');
  const beforePartitions = APPLY_ORDER.slice(0, APPLY_ORDER.indexOf('partition')).filter(isObjectKind);
  const afterPartitions = APPLY_ORDER.slice(APPLY_ORDER.indexOf('partition') + 1).filter(isObjectKind);
  for (const kind of beforePartitions) await applied(await applyKind(target, kind, creates), creates);
  const failedTables = new Set(
    outcomes.failures.filter((f) => f.kind === 'table' || f.kind === 'database').map((f) => f.key),
  );
  const afterFailures: TableFate = {
    ...fate,
    skipped: new Set([
      ...fate.skipped,
      ...failedTables,
      ...sourceTables
        .filter((t) => failedTables.has(t.databaseName))
        .map((t) => tableKey(t.databaseName, t.input.Name)),
    ]),
  };
  out.phase(`apply ${target.region}`, 'partitions, and Lake Formation beside them');
  const applying = progress(`apply ${target.region}`, true);
  // Locations, LF-Tags, assignments and grants need the databases, tables and filters (done), not the
  // partitions: running them beside the partition writes uses both services' rate limits at once.
  const applyPartitions = eachTablePartitions(
    source,
    sourceTables,
    target,
    afterFailures,
    options,
    applying.count(async (table: TableRecord, partitionActions: Action[], count: number) => {
      if (!needsPartitionPrepass) outcomes.addSource('partition', count);
      if (partitionActions.length === 0) return;
      await applied(
        await applyPartitionActions(target, tableKey(table.databaseName, table.input.Name), partitionActions),
        partitionActions,
      );
    }),
    kept,
    reuse,
    safety ?? captured,
  ).finally(applying.stop);
  const applyLakeFormation = (async () => {
    for (const kind of afterPartitions) await applied(await applyKind(target, kind, creates), creates);
  })();
  await Promise.all([applyPartitions, applyLakeFormation]);
  await applied(await applyKind(target, 'columnStatistics', partitionStatistics), partitionStatistics);
  for (const kind of [...APPLY_ORDER].reverse().filter(isObjectKind))
    await applied(await applyKind(target, kind, deletes), deletes);
  return {
    ...outcomes.finish(listed, unlisted),
    ...(safetySnapshot ? { safetySnapshot } : {}),
    ...kept.result(),
    ...skipped.result(),
  };
}

/** Counts what deleteMissing off leaves in the target: planned as deletes, then set aside, never applied. */
interface KeptTargetOnly {
  /** A table's partition actions without its deletes, which are counted (once per table). */
  partitionsOf(tableKey: string, actions: Action[]): Action[];
  result(): { keptTargetOnly?: number };
}

function keptTargetOnly(
  source: SourceRecords,
  targetRecords: SnapshotRecord[],
  plan: PlanOptions,
): KeptTargetOnly {
  if (plan.deleteMissing) return { partitionsOf: (_, actions) => actions, result: () => ({}) };
  const others = planWithReport(source.records, targetRecords, { ...plan, deleteMissing: true });
  const catalog = others.actions.filter((a) => a.op === 'delete').length;
  const partitions = new Map<string, number>();
  return {
    partitionsOf(tableKey, actions) {
      const kept = actions.filter((a) => a.op === 'delete').length;
      if (kept > 0) partitions.set(tableKey, kept);
      return kept > 0 ? actions.filter((a) => a.op !== 'delete') : actions;
    },
    result: () => ({ keptTargetOnly: catalog + [...partitions.values()].reduce((n, k) => n + k, 0) }),
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

/**
 * The plan for everything but partitions. When it would remove LF-Tag values and the run is filtered, the
 * assignments outside the filter are read too (a value they use must stay) and the plan is made again.
 */
async function planTarget(
  target: RegionSide,
  source: SourceRecords,
  targetRecords: SnapshotRecord[],
  options: PlanOptions,
) {
  const first = planWithReport(source.records, targetRecords, options);
  const removesValues = first.actions.some((a) => a.kind === 'lfTag' && a.op === 'delete');
  if (!removesValues || !options.filter) return first;
  const outside = await readTagAssignmentsOutside(target, options.filter);
  if (outside.length === 0) return first;
  return planWithReport(source.records, [...targetRecords, ...outside], options);
}

/**
 * Plans each source table's partitions as they stream from the snapshot, a few tables at a time. The target's
 * partitions come from `stored` (the target's safety snapshot or its capture) when there is one, else the API.
 */
async function eachTablePartitions(
  source: SourceRecords,
  tables: readonly TableRecord[],
  target: RegionSide,
  fate: TableFate,
  options: SyncTargetOptions,
  visit: (table: TableRecord, actions: Action[], sourceCount: number) => Promise<void>,
  kept: KeptTargetOnly,
  planned?: ReadonlyMap<string, Action[]>,
  stored?: TargetPartitionSource,
): Promise<void> {
  const filter = createCatalogFilter(options.plan.filter);
  const withDeletes = { ...options.plan, deleteMissing: true };
  const inScope = tables.filter((t) => isRecordIncluded(filter, t));
  const cursor = stored ? partitionCursor(stored.partitions()) : undefined;
  const read: TargetPartitions = cursor
    ? (t) => cursor.partitionsOf(tableKey(t.databaseName, t.input.Name))
    : (t) => readPartitionRecords(target, t.databaseName, t.input.Name);
  const observe = options.observeTargetPartitions;
  const targetPartitionsOf: TargetPartitions = observe
    ? async (t) => {
        const partitions = await read(t);
        observe(partitions);
        return partitions;
      }
    : read;
  const planTable = async ({ table, partitions }: { table: TableRecord; partitions: PartitionRecord[] }) => {
    const key = tableKey(table.databaseName, table.input.Name);
    // The early pass created every one of this table's partitions in a target table it had just created.
    if (options.early?.partitionsDone.has(key)) return visit(table, [], partitions.length);
    const known = planned?.get(key);
    const partitionActions =
      known && !fate.skipped.has(key)
        ? known
        : options.plan.deleteMissing
          ? await planPartitionsForTable(target, table, partitions, fate, options.plan, targetPartitionsOf)
          : kept.partitionsOf(
              key,
              await planPartitionsForTable(target, table, partitions, fate, withDeletes, targetPartitionsOf),
            );
    await visit(table, partitionActions, partitions.length);
  };
  try {
    await forEachConcurrent(pairWithPartitions(inScope, source.partitions()), target.concurrency, planTable);
  } finally {
    await cursor?.close();
  }
}

/** Walks the source tables in snapshot order, attaching each its partitions (none when it has none). */
async function* pairWithPartitions(tables: readonly TableRecord[], groups: PartitionGroups) {
  const iterator = groups[Symbol.asyncIterator]();
  let next = await iterator.next();
  for (const table of tables) {
    const key = tableKey(table.databaseName, table.input.Name);
    while (!next.done && next.value.tableKey < key) next = await iterator.next();
    if (!next.done && next.value.tableKey === key) {
      yield { table, partitions: next.value.partitions };
      next = await iterator.next();
    } else {
      yield { table, partitions: [] };
    }
  }
  while (!next.done) next = await iterator.next();
}

/** `knownEmpty`: tables whose target partitions are known to be none (created by the early pass). */
function tableFate(actions: readonly Action[], knownEmpty: ReadonlySet<string> = new Set()): TableFate {
  const ofOp = (op: string) =>
    new Set(actions.filter((a) => a.kind === 'table' && a.op === op).map((a) => a.key));
  const keys = (a: Action) => (a.kind === 'table' ? (a.current?.input.PartitionKeys?.length ?? 0) : 0);
  const unpartitioned = actions.filter(
    (a) => a.kind === 'table' && a.op === 'update' && keys(a) > 0 && !a.desired?.input.PartitionKeys?.length,
  );
  return {
    created: new Set([...ofOp('create'), ...knownEmpty]),
    skipped: ofOp('delete'),
    unpartitioned: new Set(unpartitioned.map((a) => a.key)),
  };
}

function inScopeCounts(
  records: readonly SnapshotRecord[],
  options: PlanOptions,
): Partial<Record<RecordKind, number>> {
  const filter = createCatalogFilter(options.filter);
  const counts: Partial<Record<RecordKind, number>> = {};
  for (const record of records) {
    if (!isRecordIncluded(filter, record)) continue;
    counts[record.kind] = (counts[record.kind] ?? 0) + 1;
  }
  return counts;
}
