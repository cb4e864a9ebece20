import { ignoreNotFound } from '../../aws/ignoreNotFound.ts';
import type { RegionSide } from '../../engine/regionSide.ts';
import {
  canonicalColumnStatistics,
  canonicalFunction,
  canonicalPartitionIndex,
} from '../../model/canonical.ts';
import type { SnapshotRecord } from '../../model/records.ts';
import { canonicalTableOptimizer, TABLE_OPTIMIZER_TYPES } from '../../model/tableOptimizerShapes.ts';
import type { Scope } from './units.ts';

type ObjectScope = Extract<
  Scope,
  { kind: 'partitionIndexes' | 'tableOptimizers' | 'function' | 'columnStatistics' }
>;

/** A reconcile's partition indexes, functions or column statistics on one side, canonical. */
export async function readCatalogObjectScope(
  side: RegionSide,
  scope: ObjectScope,
): Promise<SnapshotRecord[]> {
  const { partitionIndexes, functions, columnStatistics } = side.glueObjects;
  switch (scope.kind) {
    case 'partitionIndexes':
      return ((await partitionIndexes.list(scope.database, scope.table)) ?? []).flatMap(
        (d) => canonicalPartitionIndex(scope.database, scope.table, d) ?? [],
      );
    case 'tableOptimizers': {
      const entries = TABLE_OPTIMIZER_TYPES.map((type) => ({
        database: scope.database,
        table: scope.table,
        type,
      }));
      return (await side.glueObjects.tableOptimizers.read(entries)).flatMap((item) =>
        item.tableOptimizer
          ? [canonicalTableOptimizer(scope.database, scope.table, item.tableOptimizer)]
          : [],
      );
    }
    case 'function': {
      if (scope.name === undefined)
        return ((await ignoreNotFound(() => functions.list(scope.database))) ?? []).map(canonicalFunction);
      const fn = await functions.get(scope.database, scope.name);
      return fn ? [canonicalFunction(fn)] : [];
    }
    case 'columnStatistics': {
      // The statistics of every column the table has now (read on this side: the two may differ).
      const table = await side.glueReader.getTable(scope.database, scope.table);
      const columns = (table?.StorageDescriptor?.Columns ?? []).flatMap((c) => c.Name ?? []);
      if (columns.length === 0) return [];
      const owner = {
        database: scope.database,
        table: scope.table,
        ...(scope.values ? { values: scope.values } : {}),
      };
      const found = (await columnStatistics.get(owner, columns)) ?? [];
      const record = canonicalColumnStatistics(
        {
          databaseName: scope.database,
          tableName: scope.table,
          ...(scope.values ? { partitionValues: scope.values } : {}),
        },
        found,
      );
      return record ? [record] : [];
    }
  }
}
