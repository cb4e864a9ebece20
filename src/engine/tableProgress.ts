import type { TablePartitionsVisit } from './eachTablePartitions.ts';
import { type Output, track } from './output.ts';

/** Progress of a walk over the source tables (tables, partitions, and writes when `writes` is given). */
export function tableProgress(
  out: Output,
  phase: string,
  of: { tables: number; writes?: () => number },
): { count: (visit: TablePartitionsVisit) => TablePartitionsVisit; stop: () => void } {
  const done = { tables: 0, partitions: 0 };
  const stop = track(out, phase, () => ({
    tables: { done: done.tables, total: of.tables },
    partitions: { done: done.partitions },
    ...(of.writes ? { writes: { done: of.writes() } } : {}),
  }));
  const count =
    (visit: TablePartitionsVisit): TablePartitionsVisit =>
    async (table, actions, n) => {
      await visit(table, actions, n);
      done.tables += 1;
      done.partitions += n;
    };
  return { count, stop };
}
