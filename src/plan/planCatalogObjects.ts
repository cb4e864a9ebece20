import type {
  ColumnStatisticsRecord,
  FunctionRecord,
  PartitionIndexRecord,
  TableOptimizerRecord,
} from '../model/records.ts';
import type { Action } from './actions.ts';
import { diffByKey, type KindPlanOptions } from './diffByKey.ts';

/** Which column statistics to replicate (config `replicate.columnStatistics`). */
export interface ColumnStatisticsScope {
  /** Statistics of tables: on by default. */
  tables: boolean;
  /** Statistics of partitions: off by default, since a lake may have millions of partitions to read. */
  partitions: boolean;
}

export const DEFAULT_COLUMN_STATISTICS: ColumnStatisticsScope = { tables: true, partitions: false };

/** The newer catalog objects of one side, as the planner groups them. */
export interface CatalogObjects {
  partitionIndex: readonly PartitionIndexRecord[];
  function: readonly FunctionRecord[];
  columnStatistics: readonly ColumnStatisticsRecord[];
  tableOptimizer: readonly TableOptimizerRecord[];
}

/** Whether `record` is statistics of a kind the scope replicates. */
export function isStatisticsInScope(record: ColumnStatisticsRecord, scope: ColumnStatisticsScope): boolean {
  return record.partitionValues === undefined ? scope.tables : scope.partitions;
}

/**
 * Partition indexes, functions and column statistics, each by key. Statistics of a kind that is not
 * replicated are left out on both sides, so turning the option off never deletes the target's. The apply
 * order (plan/order.ts) puts functions after their database, indexes after their table and before its
 * partitions, and statistics after their table (and partition).
 */
export function planCatalogObjects(
  from: CatalogObjects,
  to: CatalogObjects,
  options: KindPlanOptions & { columnStatistics?: ColumnStatisticsScope },
): Action[] {
  const scope = options.columnStatistics ?? DEFAULT_COLUMN_STATISTICS;
  const statistics = (records: readonly ColumnStatisticsRecord[]) =>
    records.filter((r) => isStatisticsInScope(r, scope));
  return [
    ...diffByKey('function', from.function, to.function, options),
    ...diffByKey('partitionIndex', from.partitionIndex, to.partitionIndex, options),
    ...diffByKey('tableOptimizer', from.tableOptimizer, to.tableOptimizer, options),
    ...diffByKey(
      'columnStatistics',
      statistics(from.columnStatistics),
      statistics(to.columnStatistics),
      options,
    ),
  ];
}
