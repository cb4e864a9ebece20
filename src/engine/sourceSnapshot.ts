import type { PartitionRecord } from '../model/records.ts';

/**
 * One table's partitions. `unparsedCount`: the stream was asked not to parse this table's lines (see
 * streamSnapshotPartitions) and hands on only how many there are; `partitions` is then empty.
 */
export interface PartitionGroup {
  tableKey: string;
  partitions: PartitionRecord[];
  unparsedCount?: number;
}

/** A snapshot's partitions, one table at a time in snapshot order. */
export type PartitionGroups = AsyncIterable<PartitionGroup>;
