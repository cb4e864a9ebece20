import { tableKey } from '../model/keys.ts';
import type { TableRecord } from '../model/records.ts';
import { orderedPrefetch } from './orderedPrefetch.ts';
import { type ReadScope, readCatalogRecords } from './readCatalogRecords.ts';
import { readPartitionRecords } from './readPartitionRecords.ts';
import type { RegionSide } from './regionSide.ts';
import type { SourceRecords } from './sourceSnapshot.ts';

/**
 * The source read live instead of from a snapshot (for `verify`): partitions are read table by table, a few
 * tables ahead, only for partitioned tables.
 */
export async function liveSource(source: RegionSide, scope: ReadScope): Promise<SourceRecords> {
  const records = await readCatalogRecords(source, scope);
  const tables = records.filter(
    (r): r is TableRecord => r.kind === 'table' && (r.input.PartitionKeys?.length ?? 0) > 0,
  );
  return {
    records,
    partitions: () =>
      orderedPrefetch(tables, source.concurrency, async (table) => ({
        tableKey: tableKey(table.databaseName, table.input.Name),
        partitions: scope.catalog
          ? await readPartitionRecords(source, table.databaseName, table.input.Name)
          : [],
      })),
  };
}
