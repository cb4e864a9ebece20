import type { LfResource } from '../model/lfShapes.ts';
import type { SnapshotRecord } from '../model/records.ts';

/** include/exclude glob lists (`*`, `?`), as written in the config. */
export interface PatternLists {
  include?: readonly string[];
  exclude?: readonly string[];
}

/**
 * The scope of replication: database globs, and table globs of the form `db.table`. A glob with a `/` names
 * objects of a catalog below the default one (`catalog/db`, `catalog/db.table`; the catalog path is what
 * precedes the last `/`); one without names the default catalog's.
 */
export interface CatalogFilterSpec {
  databases?: PatternLists;
  tables?: PatternLists;
  /** Catalogs besides the default one in scope (config `source.catalogs`); default none. */
  catalogs?: '*' | readonly string[];
}

interface CompiledLists {
  include: RegExp[] | undefined;
  exclude: RegExp[];
}

/** Globs split by catalog: the default catalog's (no `/`) and those of catalogs below it (`catalog/…`). */
interface CatalogLists {
  plain: CompiledLists;
  qualified: CompiledLists;
}

/** A compiled CatalogFilterSpec; compile once, test many names. */
export interface CatalogFilter {
  readonly databases: CatalogLists;
  readonly tables: CatalogLists;
  readonly catalogs: '*' | readonly RegExp[];
}

/** A table glob without a dot means `*.glob` (`catalog/*.glob` for a qualified one). */
function tableGlob(pattern: string): string {
  const slash = pattern.lastIndexOf('/');
  const name = pattern.slice(slash + 1);
  return name.includes('.') ? pattern : `${pattern.slice(0, slash + 1)}*.${name}`;
}

/** Compiles globs; names are matched lowercased, as Glue stores them. */
export function createCatalogFilter(spec: CatalogFilterSpec = {}): CatalogFilter {
  const catalogs = spec.catalogs ?? [];
  return {
    databases: compileByCatalog(spec.databases, (p) => p),
    tables: compileByCatalog(spec.tables, tableGlob),
    catalogs: catalogs === '*' ? '*' : catalogs.map(globToRegExp),
  };
}

/** Whether a catalog path is selected by `source.catalogs`; a child of a selected catalog is selected with it. */
export function isCatalogPathSelected(filter: CatalogFilter, path: string): boolean {
  if (filter.catalogs === '*') return true;
  const prefixes = path.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'));
  return filter.catalogs.some((re) => prefixes.some((prefix) => re.test(prefix)));
}

/**
 * A database is in scope when an include glob (or no include list) admits it and no exclude glob does. In a
 * catalog below the default one (`catalog`, its path), the catalog must be selected and the qualified globs
 * judge `catalog/db`; an include list of only unqualified globs does not restrict such a catalog, nor the
 * reverse.
 */
export function isDatabaseIncluded(filter: CatalogFilter, databaseName: string, catalog?: string): boolean {
  if (catalog !== undefined && !isCatalogPathSelected(filter, catalog)) return false;
  return matchesIn(filter.databases, databaseName.toLowerCase(), catalog);
}

/** A table is in scope when its database is and the table globs admit `db.table` (`catalog/db.table`). */
export function isTableIncluded(
  filter: CatalogFilter,
  databaseName: string,
  tableName: string,
  catalog?: string,
): boolean {
  return (
    isDatabaseIncluded(filter, databaseName, catalog) &&
    matchesIn(filter.tables, `${databaseName}.${tableName}`.toLowerCase(), catalog)
  );
}

function matchesIn(lists: CatalogLists, name: string, catalog: string | undefined): boolean {
  return catalog === undefined ? matches(lists.plain, name) : matches(lists.qualified, `${catalog}/${name}`);
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
    case 'tableOptimizer':
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
    case 'tableOptimizer':
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
  const catalogPath = resource.Catalog?.CatalogPath;
  if (catalogPath !== undefined) return isCatalogPathSelected(filter, catalogPath);
  if (resource.Database)
    return isDatabaseIncluded(filter, resource.Database.Name, resource.Database.CatalogPath);
  if (resource.Table) {
    const { DatabaseName, Name, CatalogPath } = resource.Table;
    return Name === undefined
      ? isDatabaseIncluded(filter, DatabaseName, CatalogPath)
      : isTableIncluded(filter, DatabaseName, Name, CatalogPath);
  }
  if (resource.TableWithColumns) {
    const { DatabaseName, Name, CatalogPath } = resource.TableWithColumns;
    return isTableIncluded(filter, DatabaseName, Name, CatalogPath);
  }
  if (resource.DataCellsFilter) {
    return isTableIncluded(filter, resource.DataCellsFilter.DatabaseName, resource.DataCellsFilter.TableName);
  }
  return true;
}

function compileByCatalog(
  lists: PatternLists | undefined,
  normalize: (pattern: string) => string,
): CatalogLists {
  const side = (qualified: boolean) => (globs: readonly string[] | undefined) => {
    const mine = globs?.filter((g) => g.includes('/') === qualified);
    // Globs only for the other side's catalogs leave this side unrestricted; an empty list admits nothing.
    return mine !== undefined && mine.length === 0 && globs!.length > 0 ? undefined : mine;
  };
  const compileSide = (qualified: boolean): CompiledLists => {
    const pick = side(qualified);
    return {
      include: pick(lists?.include)?.map((p) => globToRegExp(normalize(p))),
      exclude: (pick(lists?.exclude) ?? []).map((p) => globToRegExp(normalize(p))),
    };
  };
  return { plain: compileSide(false), qualified: compileSide(true) };
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
