import type { PartitionRecord, SnapshotRecord } from '../model/records.ts';

/** A snapshot's partitions, one table at a time in snapshot order. */
export type PartitionGroups = AsyncIterable<{ tableKey: string; partitions: PartitionRecord[] }>;

/** The source side of a sync: every record but partitions, and a way to stream partitions per table. */
export interface SourceRecords {
  records: readonly SnapshotRecord[];
  partitions: () => PartitionGroups;
}
