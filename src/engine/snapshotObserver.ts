import type { PartitionRecord, SnapshotRecord, TableRecord } from '../model/records.ts';

/**
 * Watches a source snapshot being taken, so a sync can start writing targets before the snapshot is complete.
 * `objects` comes first; `tablePartitions` is awaited, so a slow observer slows the snapshot down instead of
 * piling partitions up in memory.
 */
export interface SnapshotObserver {
  /** Databases, tables and Lake Formation's listed objects (all but tag assignments), once both are read. */
  objects(records: SnapshotRecord[]): void;
  /** One resource's tag assignments, as they are read. */
  assignments(records: SnapshotRecord[]): void;
  /** One table's partitions, in snapshot order, as they are written to the snapshot. */
  tablePartitions(table: TableRecord, partitions: PartitionRecord[]): Promise<void>;
}

/** One observer that tells all of `observers` (a sync's targets) the same thing. */
export function fanOut(observers: readonly SnapshotObserver[]): SnapshotObserver {
  return {
    objects: (records) => {
      for (const o of observers) o.objects(records);
    },
    assignments: (records) => {
      for (const o of observers) o.assignments(records);
    },
    tablePartitions: async (table, partitions) => {
      await Promise.all(observers.map((o) => o.tablePartitions(table, partitions)));
    },
  };
}
