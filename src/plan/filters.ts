import type { LfResource } from '../model/lfShapes.ts';
import type { SnapshotRecord } from '../model/records.ts';

/** include/exclude glob lists (`*`, `?`), as written in the config. */
export interface PatternLists {
  include?: readonly string[];
  exclude?: readonly string[];
}

/** The scope of replication: database globs, and table globs of the form `db.table`. */
export interface CatalogFilterSpec {
  databases?: PatternLists;
  tables?: PatternLists;
}

interface CompiledLists {
  include: RegExp[] | undefined;
  exclude: RegExp[];
}

/** A compiled CatalogFilterSpec; compile once, test many names. */
export interface CatalogFilter {
  readonly databases: CompiledLists;
  readonly tables: CompiledLists;
}

/** Compiles globs; names are matched lowercased, as Glue stores them. A table glob without a dot means `*.glob`. */
export function createCatalogFilter(spec: CatalogFilterSpec = {}): CatalogFilter {
  return {
    databases: compile(spec.databases, (p) => p),
    tables: compile(spec.tables, (p) => (p.includes('.') ? p : `*.${p}`)),
  };
}

/** A database is in scope when an include glob (or no include list) admits it and no exclude glob does. */
export function isDatabaseIncluded(filter: CatalogFilter, databaseName: string): boolean {
  return matches(filter.databases, databaseName.toLowerCase());
}

/** A table is in scope when its database is and the table globs admit `db.table`. */
export function isTableIncluded(filter: CatalogFilter, databaseName: string, tableName: string): boolean {
  return (
    isDatabaseIncluded(filter, databaseName) &&
    matches(filter.tables, `${databaseName}.${tableName}`.toLowerCase())
  );
}

/**
 * Records about a database or table follow it (grants, tag assignments, data cells filters, partitions);
 * account-wide things (Catalog and DataLocation grants, LF-Tag definitions, locations, settings) are always in.
 */
export function isRecordIncluded(filter: CatalogFilter, record: SnapshotRecord): boolean {
  switch (record.kind) {
    case 'database':
      return isDatabaseIncluded(filter, record.input.Name);
    case 'table':
      return isTableIncluded(filter, record.databaseName, record.input.Name);
    case 'partition':
      return isTableIncluded(filter, record.databaseName, record.tableName);
    case 'dataCellsFilter':
      return isTableIncluded(filter, record.filter.DatabaseName, record.filter.TableName);
    case 'function':
      return isDatabaseIncluded(filter, record.databaseName);
    case 'partitionIndex':
    case 'columnStatistics':
      return isTableIncluded(filter, record.databaseName, record.tableName);
    case 'grant':
    case 'lfTagAssignment':
    case 'optIn':
      return isResourceIncluded(filter, record.resource);
    default:
      return true;
  }
}

/**
 * Whether a record belongs to a database (the database itself, its tables, partitions and filters, grants
 * and tag assignments on them) rather than to the account (Catalog, DataLocation and LF-Tag grants, LF-Tag
 * definitions, locations, settings).
 */
export function isDatabaseRecord(record: SnapshotRecord): boolean {
  switch (record.kind) {
    case 'database':
    case 'table':
    case 'partition':
    case 'dataCellsFilter':
    case 'function':
    case 'partitionIndex':
    case 'columnStatistics':
      return true;
    case 'grant':
    case 'lfTagAssignment':
    case 'optIn': {
      const { Database, Table, TableWithColumns, DataCellsFilter } = record.resource;
      return Boolean(Database || Table || TableWithColumns || DataCellsFilter);
    }
    default:
      return false;
  }
}

/** Whether an LF resource lies inside the filter; a table wildcard follows its database. */
export function isResourceIncluded(filter: CatalogFilter, resource: LfResource): boolean {
  if (resource.Database) return isDatabaseIncluded(filter, resource.Database.Name);
  if (resource.Table) {
    const { DatabaseName, Name } = resource.Table;
    return Name === undefined
      ? isDatabaseIncluded(filter, DatabaseName)
      : isTableIncluded(filter, DatabaseName, Name);
  }
  if (resource.TableWithColumns) {
    return isTableIncluded(filter, resource.TableWithColumns.DatabaseName, resource.TableWithColumns.Name);
  }
  if (resource.DataCellsFilter) {
    return isTableIncluded(filter, resource.DataCellsFilter.DatabaseName, resource.DataCellsFilter.TableName);
  }
  return true;
}

function compile(lists: PatternLists | undefined, normalize: (pattern: string) => string): CompiledLists {
  return {
    include: lists?.include?.map((p) => globToRegExp(normalize(p))),
    exclude: (lists?.exclude ?? []).map((p) => globToRegExp(normalize(p))),
  };
}

function matches(lists: CompiledLists, name: string): boolean {
  const included = lists.include === undefined || lists.include.some((re) => re.test(name));
  return included && !lists.exclude.some((re) => re.test(name));
}

/** `*` is any run of characters, `?` one character; everything else is literal. */
export function globToRegExp(glob: string): RegExp {
  const body = [...glob.toLowerCase()]
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 's');
}
