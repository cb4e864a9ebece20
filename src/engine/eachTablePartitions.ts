import { tableKey } from '../model/keys.ts';
import type { PartitionRecord, TableRecord } from '../model/records.ts';
import type { Action } from '../plan/actions.ts';
import { createCatalogFilter, isRecordIncluded } from '../plan/filters.ts';
import { forEachConcurrent } from './forEachConcurrent.ts';
import type { KeptTargetOnly } from './keptTargetOnly.ts';
import { partitionCursor } from './partitionCursor.ts';
import { planPartitionsForTable, type TableFate, type TargetPartitions } from './planPartitionsForTable.ts';
import { readPartitionRecords } from './readPartitionRecords.ts';
import type { RegionSide } from './regionSide.ts';
import type { PartitionGroups, SourceRecords } from './sourceSnapshot.ts';
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
  /** Partition actions a first pass already planned, by table key (not used for skipped tables). */
  planned?: ReadonlyMap<string, Action[]> | undefined;
  /** The target's safety snapshot or capture, read instead of the API. */
  stored?: TargetPartitionSource | undefined;
}

/**
 * Plans each source table's partitions as they stream from the snapshot, a few tables at a time. The target's
 * partitions come from `stored` (the target's safety snapshot or its capture) when there is one, else the API.
 */
export async function eachTablePartitions(options: EachTablePartitionsOptions): Promise<void> {
  const { source, target, fate, run, visit, kept, planned, stored } = options;
  const filter = createCatalogFilter(run.plan.filter);
  const withDeletes = { ...run.plan, deleteMissing: true };
  const inScope = options.tables.filter((t) => isRecordIncluded(filter, t));
  const cursor = stored ? partitionCursor(stored.partitions()) : undefined;
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
  const planTable = async ({ table, partitions }: { table: TableRecord; partitions: PartitionRecord[] }) => {
    const key = tableKey(table.databaseName, table.input.Name);
    // The early pass created every one of this table's partitions in a target table it had just created.
    if (run.early?.partitionsDone.has(key)) return visit(table, [], partitions.length);
    const known = planned?.get(key);
    const forTable = { target, table, sourcePartitions: partitions, fate, targetPartitionsOf };
    const partitionActions =
      known && !fate.skipped.has(key)
        ? known
        : run.plan.deleteMissing
          ? await planPartitionsForTable({ ...forTable, plan: run.plan })
          : kept.partitionsOf(key, await planPartitionsForTable({ ...forTable, plan: withDeletes }));
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
