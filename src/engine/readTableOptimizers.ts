import type { TableOptimizerRecord, TableRecord } from '../model/records.ts';
import { canonicalTableOptimizer, TABLE_OPTIMIZER_TYPES } from '../model/tableOptimizerShapes.ts';
import type { RegionSide } from './regionSide.ts';

/** Glue runs table optimizers on Iceberg tables only (`table_type` = ICEBERG, in any case). */
export function isIcebergTable(table: TableRecord): boolean {
  return table.input.Parameters?.table_type?.toUpperCase() === 'ICEBERG';
}

/**
 * The optimizers of the Iceberg tables in scope: every type of every such table asked for in
 * BatchGetTableOptimizer calls of OPTIMIZER_BATCH entries; tables of other formats cost no call.
 */
export async function readTableOptimizers(
  side: RegionSide,
  tables: readonly TableRecord[],
): Promise<TableOptimizerRecord[]> {
  const entries = tables
    .filter(isIcebergTable)
    .flatMap((t) =>
      TABLE_OPTIMIZER_TYPES.map((type) => ({ database: t.databaseName, table: t.input.Name, type })),
    );
  if (entries.length === 0) return [];
  const found = await side.glueObjects.tableOptimizers.read(entries);
  return found.flatMap((item) =>
    item.tableOptimizer && item.databaseName && item.tableName
      ? [canonicalTableOptimizer(item.databaseName, item.tableName, item.tableOptimizer)]
      : [],
  );
}
