import type { RegionSide } from '../../engine/regionSide.ts';
import type { CatalogFilterSpec } from '../../plan/filters.ts';
import { objectFilter } from '../events/eventFilter.ts';

/**
 * The databases and tables a target holds inside the filters: the part of "every target object in scope"
 * a run can count cheaply (one GetDatabases, one GetTables per database). Partitions and grants are added
 * by the caller for the objects the run itself read, so the share is measured against the whole target
 * without reading every partition of the lake. Only asked for when a run plans more changes than the
 * breaker's floor, so an ordinary run pays nothing for it.
 */
export async function countCatalogObjects(side: RegionSide, filters?: CatalogFilterSpec): Promise<number> {
  const keep = objectFilter(filters);
  let count = 0;
  for (const db of await side.glueReader.listDatabases()) {
    const database = db.Name;
    if (!database || !keep({ kind: 'catalog', database })) continue;
    count += 1;
    for (const table of await side.glueReader.listTables(database))
      if (table.Name && keep({ kind: 'table', database, table: table.Name })) count += 1;
  }
  return count;
}
