import type { PartitionDigests } from '../model/partitionDigests.ts';
import type { PartitionRecord, SnapshotRecord } from '../model/records.ts';

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

/**
 * A stream of a snapshot's partitions; `unparsed` names tables whose lines the caller already knows, handed
 * on as a count (honoured only by a snapshot with `partitionDigests`).
 */
export type PartitionStream = (unparsed?: (tableKey: string) => boolean) => PartitionGroups;

/** The source side of a sync: every record but partitions, and a way to stream partitions per table. */
export interface SourceRecords {
  records: readonly SnapshotRecord[];
  partitions: PartitionStream;
  /** Each table's partition lines hashed, when this run wrote the snapshot (see partitionDigests.ts). */
  partitionDigests?: PartitionDigests | undefined;
}
