import { catalogPath } from '../../model/canonicalCatalog.ts';
import {
  type CatalogFilterSpec,
  createCatalogFilter,
  isCatalogPathSelected,
  isDatabaseIncluded,
  isTableIncluded,
} from '../../plan/filters.ts';
import { type GlueScope, glueScopeOf } from './lfResource.ts';
import type { ObjectRef } from './objectRef.ts';

/**
 * The config's catalog filters with `source.catalogs` (engine `runFilter`); the same spec, and the same
 * matching, as the planner's.
 */
export type CatalogFilters = CatalogFilterSpec;

/** The Glue database (and table) an object belongs to; undefined for objects not tied to a database. */
function glueScope(ref: ObjectRef): GlueScope | undefined {
  switch (ref.kind) {
    case 'database':
      return { database: ref.database };
    case 'table':
    case 'partition':
    case 'partitions':
    case 'dataCellsFilter':
    case 'partitionIndexes':
    case 'tableOptimizers':
    case 'columnStatistics':
      return { database: ref.database, table: ref.table };
    case 'function':
      return { database: ref.database };
    case 'permissions':
    case 'lfTagAssignment':
    case 'optIns':
      return glueScopeOf(ref.resource);
    case 'catalog':
      return ref.database === undefined ? undefined : { database: ref.database };
    case 'location':
    case 'lfTag':
    case 'dataLakeSettings':
    case 'glueCatalog':
      return undefined;
  }
}

/** The path of a catalog below the default one that a grant or opt-in is on (`Catalog: { Id: 'account:path' }`). */
function catalogResourcePath(ref: ObjectRef): string | undefined {
  if (ref.kind !== 'permissions' && ref.kind !== 'optIns') return undefined;
  const id = (ref.resource.Catalog as { Id?: unknown } | undefined)?.Id;
  return typeof id === 'string' ? catalogPath(id) : undefined;
}

/**
 * A predicate keeping the objects inside the filters. A table-level object needs its database and its
 * `db.table` to pass; a database's broad reconcile needs its database to pass; objects not tied to a
 * database (location, LF-Tag, settings, broad) always pass. Below the default catalog, an object's catalog
 * must be selected by `source.catalogs` (a catalog itself too), and qualified globs judge it.
 */
export function objectFilter(filters: CatalogFilters = {}): (ref: ObjectRef) => boolean {
  // One filter engine for collector and replayer, so they never disagree about what is in scope.
  const filter = createCatalogFilter(filters);
  return (ref) => {
    if (ref.kind === 'glueCatalog') return isCatalogPathSelected(filter, ref.path);
    const catalog = catalogResourcePath(ref);
    if (catalog !== undefined) return isCatalogPathSelected(filter, catalog);
    const scope = glueScope(ref);
    if (!scope) return true;
    // Tag assignments are read for the default catalog's databases and tables only (see the README's table).
    if (ref.kind === 'lfTagAssignment' && scope.catalog !== undefined) return false;
    return scope.table === undefined
      ? isDatabaseIncluded(filter, scope.database, scope.catalog)
      : isTableIncluded(filter, scope.database, scope.table, scope.catalog);
  };
}
