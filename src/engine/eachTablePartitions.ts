import { LakemirrorError } from '../model/errors.ts';
import { tableKey } from '../model/keys.ts';
import type { TableRecord } from '../model/records.ts';
import type { Action } from '../plan/actions.ts';
import { createCatalogFilter, isRecordIncluded } from '../plan/filters.ts';
import { forEachConcurrent } from './forEachConcurrent.ts';
import type { KeptTargetOnly } from './keptTargetOnly.ts';
import { partitionCursor } from './partitionCursor.ts';
import { planPartitionsForTable, type TableFate, type TargetPartitions } from './planPartitionsForTable.ts';
import { readPartitionRecords } from './readPartitionRecords.ts';
import type { RegionSide } from './regionSide.ts';
import type { PartitionGroup, PartitionGroups, SourceRecords } from './sourceSnapshot.ts';
import type { TargetPartitionSource, TargetRunOptions } from './targetRun.ts';

/** A visit of one source table with its partition actions and how many partitions the source holds. */
export type TablePartitionsVisit = (
  table: TableRecord,
  actions: Action[],
  sourceCount: number,
) => Promise<void>;

export interface EachTablePartitionsOptions {
  source: SourceRecords;
  tables: readonly TableRecord[];
  target: RegionSide;
  fate: TableFate;
  run: Pick<TargetRunOptions, 'plan' | 'early' | 'observeTargetPartitions'>;
  visit: TablePartitionsVisit;
  kept: KeptTargetOnly;
  /**
   * Every table's partition actions and source partition count from a first pass (a skipped table's actions
   * are not used): the source's partitions are then not streamed again.
   */
  planned?: ReadonlyMap<string, PlannedPartitions> | undefined;
  /** The target's safety snapshot or capture, read instead of the API. */
  stored?: TargetPartitionSource | undefined;
}

/** One table's partition actions from a first pass, and how many partitions the source has there. */
export interface PlannedPartitions {
  actions: Action[];
  count: number;
}

/**
 * Plans each source table's partitions as they stream from the snapshot, a few tables at a time. The target's
 * partitions come from `stored` (the target's safety snapshot or its capture) when there is one, else the API.
 * A table whose partition lines hash the same in the source snapshot and in `stored` has nothing to do, and
 * neither side's lines of it are parsed (see unchangedTables).
 */
export async function eachTablePartitions(options: EachTablePartitionsOptions): Promise<void> {
  const { source, target, fate, run, visit, kept, planned, stored } = options;
  const filter = createCatalogFilter(run.plan.filter);
  const withDeletes = { ...run.plan, deleteMissing: true };
  const inScope = options.tables.filter((t) => isRecordIncluded(filter, t));
  const unchanged = planned ? new Set<string>() : unchangedTables(source, stored, run);
  const isUnchanged = (key: string) => unchanged.has(key);
  const cursor = stored ? partitionCursor(stored.partitions(isUnchanged)) : undefined;
  const read: TargetPartitions = cursor
    ? (t) => cursor.partitionsOf(tableKey(t.databaseName, t.input.Name))
    : (t) => readPartitionRecords(target, t.databaseName, t.input.Name);
  const observe = run.observeTargetPartitions;
  const targetPartitionsOf: TargetPartitions = observe
    ? async (t) => {
        const partitions = await read(t);
        observe(partitions);
        return partitions;
      }
    : read;
  const planTable = async ({ table, group }: { table: TableRecord; group: PartitionGroup | undefined }) => {
    const key = tableKey(table.databaseName, table.input.Name);
    const partitions = group?.partitions ?? [];
    const known = planned?.get(key);
    const count = known?.count ?? group?.unparsedCount ?? partitions.length;
    // The early pass created every one of this table's partitions in a target table it had just created.
    if (run.early?.partitionsDone.has(key) || unchanged.has(key)) return visit(table, [], count);
    if (planned && !known)
      throw new LakemirrorError({
        code: 'internal.partitionPlanMissing',
        source: 'internal',
        object: `table ${key}`,
        message: `the read-only pass planned no partitions for table ${key}`,
      });
    if (known && fate.skipped.has(key)) return visit(table, [], count);
    const forTable = { target, table, sourcePartitions: partitions, fate, targetPartitionsOf };
    const partitionActions = known
      ? known.actions
      : run.plan.deleteMissing
        ? await planPartitionsForTable({ ...forTable, plan: run.plan })
        : kept.partitionsOf(key, await planPartitionsForTable({ ...forTable, plan: withDeletes }));
    await visit(table, partitionActions, count);
  };
  // With every table planned, the source's partitions are already in the actions: none is read again.
  const pairs = planned
    ? inScope.map((table) => ({ table, group: undefined }))
    : pairWithPartitions(inScope, source.partitions(isUnchanged));
  try {
    await forEachConcurrent(pairs, target.concurrency, planTable);
  } finally {
    await cursor?.close();
  }
}

/** Walks the source tables in snapshot order, attaching each its partition group (none when it has none). */
async function* pairWithPartitions(tables: readonly TableRecord[], groups: PartitionGroups) {
  const iterator = groups[Symbol.asyncIterator]();
  let next = await iterator.next();
  for (const table of tables) {
    const key = tableKey(table.databaseName, table.input.Name);
    while (!next.done && next.value.tableKey < key) next = await iterator.next();
    if (!next.done && next.value.tableKey === key) {
      yield { table, group: next.value };
      next = await iterator.next();
    } else {
      yield { table, group: undefined };
    }
  }
  while (!next.done) next = await iterator.next();
}

/**
 * Tables whose partition lines hash the same in the source snapshot and in the target's stored partitions:
 * the same bytes are the same records, so planning them finds nothing to do. Only where the plan compares
 * records as they are: no S3 mapping rewrites the source's, and no observer (verify's leak check) must see
 * the target's. Either side without digests (a snapshot loaded from the store, the API) leaves it empty.
 */
function unchangedTables(
  source: SourceRecords,
  stored: TargetPartitionSource | undefined,
  run: Pick<TargetRunOptions, 'plan' | 'observeTargetPartitions'>,
): ReadonlySet<string> {
  const unchanged = new Set<string>();
  if (!source.partitionDigests || !stored?.partitionDigests || run.observeTargetPartitions) return unchanged;
  if (Object.keys(run.plan.s3Mapping).length > 0) return unchanged;
  const targetDigests = new Map(stored.partitionDigests);
  for (const [key, digest] of source.partitionDigests)
    if (targetDigests.get(key) === digest) unchanged.add(key);
  return unchanged;
}
