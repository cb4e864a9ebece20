import { canonicalPartition } from '../model/canonical.ts';
import { compareKeys, recordKey } from '../model/keys.ts';
import type { PartitionRecord } from '../model/records.ts';
import type { RegionSide } from './regionSide.ts';

/**
 * All partitions of one table, canonical and sorted by key. One table's partitions are held at a time:
 * that bounds memory by the largest table, not the catalog.
 */
export async function readPartitionRecords(
  side: RegionSide,
  databaseName: string,
  tableName: string,
  partitionKeys?: ReadonlyArray<{ Name?: string | undefined }>,
): Promise<PartitionRecord[]> {
  const records: PartitionRecord[] = [];
  for await (const partition of side.glueReader.streamPartitions(databaseName, tableName)) {
    records.push(
      canonicalPartition({ ...partition, DatabaseName: databaseName, TableName: tableName }, partitionKeys),
    );
  }
  return sortPartitions(records);
}

export function sortPartitions(records: PartitionRecord[]): PartitionRecord[] {
  return records
    .map((record) => ({ record, key: recordKey(record) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map(({ record }) => record);
}
