import pLimit from 'p-limit';
import { canonicalColumnStatistics, canonicalFunction, canonicalPartitionIndex } from '../model/canonical.ts';
import type { DatabaseRecord, SnapshotRecord, TableRecord } from '../model/records.ts';
import { type ColumnStatisticsScope, DEFAULT_COLUMN_STATISTICS } from '../plan/planCatalogObjects.ts';
import { readTableOptimizers } from './readTableOptimizers.ts';
import type { RegionSide } from './regionSide.ts';

/** Tables that are not resource links or views: only those have partition indexes and statistics of their own. */
const ownsData = (t: TableRecord) =>
  !t.input.TargetTable && !t.input.ViewOriginalText && !t.input.ViewDefinition;
const isPartitioned = (t: TableRecord) => ownsData(t) && (t.input.PartitionKeys?.length ?? 0) > 0;
const columnsOf = (t: TableRecord) => (t.input.StorageDescriptor?.Columns ?? []).map((c) => c.Name);

/**
 * Partition indexes, functions and column statistics of the databases and tables in scope: one
 * GetUserDefinedFunctions listing for the whole catalog, one GetPartitionIndexes per partitioned table, one
 * GetColumnStatisticsForTable per 100 columns of a table with columns, and, only when partition statistics are
 * replicated, one GetColumnStatisticsForPartition per 100 columns of every partition; table optimizers of
 * Iceberg tables by BatchGetTableOptimizer (readTableOptimizers.ts).
 */
export async function readCatalogObjects(
  side: RegionSide,
  databases: readonly DatabaseRecord[],
  tables: readonly TableRecord[],
  statistics: ColumnStatisticsScope = DEFAULT_COLUMN_STATISTICS,
): Promise<SnapshotRecord[]> {
  const { functions, partitionIndexes, columnStatistics } = side.glueObjects;
  const limit = pLimit(side.concurrency);
  const inScope = new Set(databases.map((db) => db.input.Name));
  const readFunctions = async () =>
    databases.length === 0
      ? []
      : (await functions.list()).map(canonicalFunction).filter((f) => inScope.has(f.databaseName));
  const readIndexes = (table: TableRecord) =>
    limit(async () =>
      ((await partitionIndexes.list(table.databaseName, table.input.Name)) ?? []).flatMap(
        (descriptor) => canonicalPartitionIndex(table.databaseName, table.input.Name, descriptor) ?? [],
      ),
    );
  const readStatistics = (table: TableRecord, values?: string[]) =>
    limit(async () => {
      const owner = { database: table.databaseName, table: table.input.Name, ...(values ? { values } : {}) };
      const found = (await columnStatistics.get(owner, columnsOf(table))) ?? [];
      const record = canonicalColumnStatistics(
        {
          databaseName: table.databaseName,
          tableName: table.input.Name,
          ...(values ? { partitionValues: values } : {}),
        },
        found,
      );
      return record ? [record] : [];
    });
  const withColumns = tables.filter((t) => ownsData(t) && columnsOf(t).length > 0);
  const answers = await Promise.all([
    readFunctions(),
    readTableOptimizers(side, tables),
    ...tables.filter(isPartitioned).map(readIndexes),
    ...(statistics.tables ? withColumns.map((t) => readStatistics(t)) : []),
    ...(statistics.partitions
      ? withColumns.filter(isPartitioned).map((t) => readPartitionStatistics(side, t, readStatistics))
      : []),
  ]);
  return answers.flat();
}

/** The statistics of every partition of a table (partition statistics are opt-in: one read per partition). */
async function readPartitionStatistics(
  side: RegionSide,
  table: TableRecord,
  read: (table: TableRecord, values: string[]) => Promise<SnapshotRecord[]>,
): Promise<SnapshotRecord[]> {
  const reads: Array<Promise<SnapshotRecord[]>> = [];
  for await (const partition of side.glueReader.streamPartitions(table.databaseName, table.input.Name))
    if (partition.Values) reads.push(read(table, partition.Values));
  return (await Promise.all(reads)).flat();
}
