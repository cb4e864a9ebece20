import type { Gauge } from '../engine/output.ts';
import type { SnapshotObserver } from '../engine/snapshotObserver.ts';

/**
 * Counts a snapshot as it is taken (tables done of all, partitions read) for the progress display, and
 * passes everything on to `inner` (a sync's early pass) unchanged.
 */
export function countingObserver(inner: SnapshotObserver | undefined): {
  observer: SnapshotObserver;
  gauge: Gauge;
} {
  let tables: number | undefined;
  let tablesDone = 0;
  let partitions = 0;
  return {
    gauge: () => ({
      tables: { done: tablesDone, ...(tables === undefined ? {} : { total: tables }) },
      partitions: { done: partitions },
    }),
    observer: {
      objects: (records) => {
        tables = records.filter((r) => r.kind === 'table').length;
        inner?.objects(records);
      },
      assignments: (records) => inner?.assignments(records),
      tablePartitions: async (table, found) => {
        tablesDone += 1;
        partitions += found.length;
        await inner?.tablePartitions(table, found);
      },
    },
  };
}
