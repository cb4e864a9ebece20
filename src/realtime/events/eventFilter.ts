import {
  type CatalogFilterSpec,
  createCatalogFilter,
  isDatabaseIncluded,
  isTableIncluded,
} from '../../plan/filters.ts';
import { glueScopeOf } from './lfResource.ts';
import type { ObjectRef } from './objectRef.ts';

/** The config's catalog filters; the same spec, and the same matching, as the planner's. */
export type CatalogFilters = CatalogFilterSpec;

/** The Glue database (and table) an object belongs to; undefined for objects not tied to a database. */
function glueScope(ref: ObjectRef): { database: string; table?: string } | undefined {
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
      return undefined;
  }
}

/**
 * A predicate keeping the objects inside the filters. A table-level object needs its database and its
 * `db.table` to pass; a database's broad reconcile needs its database to pass; objects not tied to a
 * database (catalog, location, LF-Tag, settings) always pass.
 */
export function objectFilter(filters: CatalogFilters = {}): (ref: ObjectRef) => boolean {
  // One filter engine for collector and replayer, so they never disagree about what is in scope.
  const filter = createCatalogFilter(filters);
  return (ref) => {
    const scope = glueScope(ref);
    if (!scope) return true;
    return scope.table === undefined
      ? isDatabaseIncluded(filter, scope.database)
      : isTableIncluded(filter, scope.database, scope.table);
  };
}
