import { splitTableKey } from '../model/keys.ts';
import type { PartitionRecord } from '../model/records.ts';
import type { Action } from './actions.ts';
import { diffByKey } from './diffByKey.ts';
import { createCatalogFilter, isTableIncluded } from './filters.ts';
import type { PlanOptions } from './options.ts';
import { orderActions } from './order.ts';
import { remapRecord } from './s3Remap.ts';

/**
 * The plan for the partitions of one table (`db.table`). Partitions are planned a table at a time because a
 * snapshot streams them per table and a catalog can hold millions. Nothing is planned for a table outside the
 * filter or when the catalog is not replicated.
 */
export function planPartitions(
  tableKey: string,
  sourcePartitions: readonly PartitionRecord[],
  targetPartitions: readonly PartitionRecord[],
  options: PlanOptions,
): Action[] {
  const { databaseName, tableName } = splitTableKey(tableKey);
  if (!options.catalog || !isTableIncluded(createCatalogFilter(options.filter), databaseName, tableName))
    return [];
  const source = sourcePartitions.map((p) =>
    remapRecord(p, options.s3Mapping, options.onUndecidedS3Reference),
  );
  return orderActions(diffByKey('partition', source, targetPartitions, options));
}
