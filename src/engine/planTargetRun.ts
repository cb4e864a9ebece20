import { tableKey } from '../model/keys.ts';
import type { RecordKind, SnapshotRecord, TableRecord } from '../model/records.ts';
import type { Action } from '../plan/actions.ts';
import { createCatalogFilter, isRecordIncluded } from '../plan/filters.ts';
import { checkMaxDeletes, type PlanOptions, planWithReport } from '../plan/plan.ts';
import { projectApplied } from '../plan/projectApplied.ts';
import { isDestructive } from './destructive.ts';
import { eachTablePartitions, type PlannedPartitions } from './eachTablePartitions.ts';
import { type KeptTargetOnly, keptTargetOnly } from './keptTargetOnly.ts';
import type { PartitionCapture } from './partitionCapture.ts';
import type { TableFate } from './planPartitionsForTable.ts';
import { readCatalogRecords, readTagAssignmentsOutside, sortRecords } from './readCatalogRecords.ts';
import type { RegionSide } from './regionSide.ts';
import type { SourceRecords } from './sourceSnapshot.ts';
import { tableProgress } from './tableProgress.ts';
import { type TallyResult, type TargetOutcomes, tally } from './tally.ts';
import type { SafetySnapshot, TargetPartitionSource, TargetRunOptions } from './targetRun.ts';
import { unmappedResults } from './unmappedResults.ts';

/** Partition actions kept from the read-only pass so the apply pass need not read the target again. */
const CACHED_PARTITION_ACTIONS = 20_000;

const PARTITIONS_LISTED = 200;

/** What the partition comparison (the read-only pass before any write) found. */
export interface PartitionComparison {
  /** False when no pass ran: the apply pass then plans each table's partitions as it goes. */
  compared: boolean;
  deletes: number;
  updates: number;
  /** Each table's partition actions, when they were few enough to keep. */
  planned?: ReadonlyMap<string, PlannedPartitions> | undefined;
}

/** A target run planned: everything the apply pass needs, and what a dry run reports. */
export interface PlannedTargetRun {
  /** The target as read, before the early pass's writes are projected onto it. */
  read: SnapshotRecord[];
  /** The catalog and permission actions (partitions are planned table by table). */
  actions: Action[];
  sourceTables: TableRecord[];
  fate: TableFate;
  kept: KeptTargetOnly;
  outcomes: TargetOutcomes;
  listing: ActionListing;
  captured?: PartitionCapture | undefined;
  /** The safety snapshot taken while planning (a plan that changes objects takes it before partitions). */
  safety?: SafetySnapshot | undefined;
  partitions: PartitionComparison;
  /** The target's write count when the partition passes began (apply progress counts from it). */
  writesBefore: number;
}

/**
 * Plans one target run: reads the target, plans everything but partitions, checks maxDeletes, takes the
 * safety snapshot when objects change, then (when deletes are on, for a dry run, or when a safety snapshot
 * may still be needed) compares every table's partitions in a read-only pass and checks maxDeletes again.
 */
export async function planTargetRun(
  target: RegionSide,
  source: SourceRecords,
  options: TargetRunOptions,
): Promise<PlannedTargetRun> {
  options.output.phase(`plan ${target.region}`, 'reading the target');
  // runSync may have started this read while the source snapshot was being taken.
  const read = await (options.targetRead ?? readCatalogRecords(target, options.plan));
  const early = options.early;
  // The target as the early pass left it, without reading back what it wrote.
  const targetRecords = early ? sortRecords(projectApplied(read, early.applied)) : read;
  const { actions, unmapped } = await planCatalog(target, source, targetRecords, options.plan);
  const outcomes = tally(inScopeCounts(source.records, options.plan));
  if (early) {
    outcomes.applied(early.results);
    outcomes.appliedCount('partition', 'create', early.partitions.created);
    outcomes.appliedCount('partition', 'update', early.partitions.updated);
  }
  // Principals the account mapping cannot place are reported as failures, in a dry run too.
  outcomes.applied(unmappedResults(unmapped, target.accountId));
  const run = {
    read,
    actions,
    sourceTables: source.records.filter((r): r is TableRecord => r.kind === 'table'),
    fate: tableFate(actions, early?.emptyTables),
    kept: keptTargetOnly(source, targetRecords, options.plan),
    outcomes,
    listing: actionListing(actions),
  };
  const guard = options.dryRun ? undefined : options.beforeDestructiveApply;
  // Refused before the safety snapshot too when the deletes planned so far already exceed the limit.
  checkMaxDeletes(actions, options.maxDeletes);
  // A plan that changes objects needs the safety snapshot whatever the partitions say: take it first and
  // plan partitions from it, instead of reading every target partition twice.
  const captured = await options.capture;
  const safety = guard && actions.some(isDestructive) ? await guard(read, captured) : undefined;
  const writesBefore = target.counter.writes();
  const needsComparison = options.plan.deleteMissing || options.dryRun || (guard !== undefined && !safety);
  const partitions = needsComparison
    ? await comparePartitions(target, source, { ...run, stored: safety ?? captured }, options)
    : { compared: false, deletes: 0, updates: 0, firstDeletes: [] };
  checkMaxDeletes(actions, options.maxDeletes, { count: partitions.deletes, first: partitions.firstDeletes });
  return { ...run, captured, safety, partitions, writesBefore };
}

/** A dry run's result: every planned action counted as if done. */
export function plannedResult(run: PlannedTargetRun): TallyResult {
  run.outcomes.planned(run.actions);
  return run.outcomes.finish(run.listing.actions, run.listing.unlisted());
}

/** The read-only pass over every table's partitions: counts deletes and updates, keeps the actions if few. */
async function comparePartitions(
  target: RegionSide,
  source: SourceRecords,
  run: Omit<PlannedTargetRun, 'captured' | 'safety' | 'partitions' | 'writesBefore'> & {
    stored: TargetPartitionSource | undefined;
  },
  options: TargetRunOptions,
): Promise<PartitionComparison & { firstDeletes: Action[] }> {
  const phase = `plan ${target.region}`;
  options.output.phase(phase, 'comparing partitions');
  const comparing = tableProgress(options.output, phase, { tables: run.sourceTables.length });
  const found = { compared: true, deletes: 0, updates: 0, firstDeletes: [] as Action[] };
  let cachedActions = 0;
  const cache = new Map<string, PlannedPartitions>();
  await eachTablePartitions({
    source,
    tables: run.sourceTables,
    target,
    fate: run.fate,
    run: options,
    kept: run.kept,
    stored: run.stored,
    visit: comparing.count(async (table, partitionActions, count) => {
      run.outcomes.addSource('partition', count);
      const deleted = partitionActions.filter((a) => a.op === 'delete');
      found.deletes += deleted.length;
      found.firstDeletes.push(...deleted.slice(0, Math.max(0, 20 - found.firstDeletes.length)));
      found.updates += partitionActions.filter((a) => a.op === 'update').length;
      cachedActions += partitionActions.length;
      if (cachedActions <= CACHED_PARTITION_ACTIONS)
        cache.set(tableKey(table.databaseName, table.input.Name), { actions: partitionActions, count });
      if (options.dryRun) {
        run.outcomes.planned(partitionActions);
        run.listing.add(partitionActions);
      }
    }),
  }).finally(comparing.stop);
  return { ...found, planned: cachedActions <= CACHED_PARTITION_ACTIONS ? cache : undefined };
}

/** The actions a report lists (partition actions only up to a few hundred) and how many it leaves out. */
export interface ActionListing {
  readonly actions: Action[];
  unlisted(): number;
  add(partitionActions: Action[]): void;
}

/** The listed actions: all catalog and permission actions, partition actions up to PARTITIONS_LISTED. */
function actionListing(actions: readonly Action[]): ActionListing {
  const listed: Action[] = [...actions];
  let listedPartitions = 0;
  let unlisted = 0;
  return {
    actions: listed,
    unlisted: () => unlisted,
    add(partitionActions) {
      const room = Math.max(0, PARTITIONS_LISTED - listedPartitions);
      const shown = partitionActions.slice(0, room);
      listed.push(...shown);
      listedPartitions += shown.length;
      unlisted += partitionActions.length - shown.length;
    },
  };
}

/**
 * The plan for everything but partitions. When it would remove LF-Tag values and the run is filtered, the
 * assignments outside the filter are read too (a value they use must stay) and the plan is made again.
 */
async function planCatalog(
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
