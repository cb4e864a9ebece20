import { glueScopeOf } from './lfResource.ts';
import type { ObjectRef } from './objectRef.ts';

export interface IncludeExclude {
  include?: string[];
  exclude?: string[];
}

/** The config's catalog filters: database names, and tables as `db.table`; `*` and `?` globs. */
export interface CatalogFilters {
  databases?: IncludeExclude;
  tables?: IncludeExclude;
}

function globToRegExp(pattern: string): RegExp {
  const body = [...pattern.toLowerCase()]
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.+()[\]{}|/]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`);
}

function compile(rule: IncludeExclude | undefined): (name: string) => boolean {
  const include = rule?.include?.map(globToRegExp);
  const exclude = (rule?.exclude ?? []).map(globToRegExp);
  return (name) =>
    (include === undefined || include.some((r) => r.test(name))) && !exclude.some((r) => r.test(name));
}

/** The Glue database (and table) an object belongs to; undefined for objects not tied to a database. */
function glueScope(ref: ObjectRef): { database: string; table?: string } | undefined {
  switch (ref.kind) {
    case 'database':
      return { database: ref.database };
    case 'table':
    case 'partition':
    case 'partitions':
    case 'dataCellsFilter':
      return { database: ref.database, table: ref.table };
    case 'permissions':
    case 'lfTagAssignment':
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
  const database = compile(filters.databases);
  const table = compile(filters.tables);
  return (ref) => {
    const scope = glueScope(ref);
    if (!scope) return true;
    if (!database(scope.database)) return false;
    return scope.table === undefined || table(`${scope.database}.${scope.table}`);
  };
}
