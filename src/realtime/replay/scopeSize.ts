import pLimit from 'p-limit';
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
  const databases = (await side.glueReader.listDatabases())
    .map((db) => db.Name)
    .filter((database): database is string => Boolean(database) && keep({ kind: 'catalog', database }));
  // The databases' tables are listed at once, up to the side's concurrency: the count waits on the breaker.
  const limit = pLimit(side.concurrency);
  const tables = await Promise.all(
    databases.map((database) =>
      limit(async () => {
        const listed = await side.glueReader.listTables(database);
        return listed.filter((t) => t.Name && keep({ kind: 'table', database, table: t.Name })).length;
      }),
    ),
  );
  return databases.length + tables.reduce((n, t) => n + t, 0);
}
