import { LakemirrorError } from './errors.ts';
import type { LfResource } from './lfShapes.ts';
import type { SnapshotRecord } from './records.ts';

/*
 * Stable keys: the identity of a record across Regions and runs. Keys are compared with plain `<` on strings
 * (UTF-16 code units, not locale), which is what snapshot order and plan order use.
 */

/** `db`, lowercased because Glue lowercases database names. */
export function databaseKey(databaseName: string): string {
  return databaseName.toLowerCase();
}

/** `db.table`, lowercased because Glue lowercases database and table names. */
export function tableKey(databaseName: string, tableName: string): string {
  return `${databaseKey(databaseName)}.${tableName.toLowerCase()}`;
}

/** `db.table/["v1","v2"]`: the values are JSON so commas and slashes inside values stay unambiguous. */
export function partitionKey(databaseName: string, tableName: string, values: readonly string[]): string {
  return `${tableKey(databaseName, tableName)}/${JSON.stringify(values)}`;
}

/**
 * The key of the table a partition belongs to: `db.table` of `db.table/["v1","v2"]`. The first slash ends
 * it, because database and table names never contain one (the values may).
 */
export function tableKeyOfPartition(partitionKey: string): string {
  return partitionKey.slice(0, partitionKey.indexOf('/'));
}

/** Splits a table key back into its names; database names never contain a dot. */
export function splitTableKey(key: string): { databaseName: string; tableName: string } {
  const dot = key.indexOf('.');
  return { databaseName: key.slice(0, dot), tableName: key.slice(dot + 1) };
}

/**
 * The catalog part of a key: empty in the default catalog, `path/` below it, so `ns.orders` of a table bucket's
 * catalog and `ns.orders` of the default catalog are two objects.
 */
const inCatalog = (path: string | undefined): string => (path === undefined ? '' : `${path}/`);

/**
 * A readable, unambiguous key for an LF resource, prefixed by its type: `catalog`, `database:sales`,
 * `table:sales.orders`, `table:sales.*`, `columns:sales.orders["a","b"]`, `columns:sales.orders*-["x"]`,
 * `location:arn:…`, `lfTag:env=["dev"]`, `lfTagPolicy:TABLE:[…]`, `dataCellsFilter:sales.orders.eu_only`; below the default catalog
 * `table:s3tablescatalog/b/ns.orders`.
 * The resource is expected in canonical form (lists sorted).
 */
export function resourceKey(resource: LfResource): string {
  if (resource.Catalog) {
    const path = resource.Catalog.CatalogPath;
    return path === undefined ? 'catalog' : `catalog:${path}`;
  }
  if (resource.Database) {
    const { Name, CatalogPath } = resource.Database;
    return `database:${inCatalog(CatalogPath)}${databaseKey(Name)}`;
  }
  if (resource.Table) {
    const { DatabaseName, Name, TableWildcard, CatalogPath } = resource.Table;
    return TableWildcard || Name === undefined
      ? `table:${inCatalog(CatalogPath)}${databaseKey(DatabaseName)}.*`
      : `table:${inCatalog(CatalogPath)}${tableKey(DatabaseName, Name)}`;
  }
  if (resource.TableWithColumns) {
    const { DatabaseName, Name, ColumnNames, ColumnWildcard, CatalogPath } = resource.TableWithColumns;
    const columns = ColumnWildcard
      ? `*-${JSON.stringify(ColumnWildcard.ExcludedColumnNames ?? [])}`
      : JSON.stringify(ColumnNames ?? []);
    return `columns:${inCatalog(CatalogPath)}${tableKey(DatabaseName, Name)}${columns}`;
  }
  if (resource.DataLocation) return `location:${resource.DataLocation.ResourceArn}`;
  if (resource.LFTag) return `lfTag:${resource.LFTag.TagKey}=${JSON.stringify(resource.LFTag.TagValues)}`;
  if (resource.LFTagPolicy) {
    const expression = resource.LFTagPolicy.Expression.map((e) => [e.TagKey, e.TagValues]);
    return `lfTagPolicy:${resource.LFTagPolicy.ResourceType}:${JSON.stringify(expression)}`;
  }
  if (resource.DataCellsFilter) {
    const { DatabaseName, TableName, Name } = resource.DataCellsFilter;
    return `dataCellsFilter:${tableKey(DatabaseName, TableName)}.${Name}`;
  }
  throw new LakemirrorError({
    code: 'model.invalidResource',
    source: 'internal',
    object: 'Lake Formation resource',
    message: `resourceKey: resource has no known member: ${JSON.stringify(resource)}`,
  });
}

/** `db.table#index`: a partition index by its table and name (index names are case-sensitive). */
export function partitionIndexKey(databaseName: string, tableName: string, indexName: string): string {
  return `${tableKey(databaseName, tableName)}#${indexName}`;
}

/** `db.table@type`: a table optimizer by its table and type (one of each type per table). */
export function tableOptimizerKey(databaseName: string, tableName: string, type: string): string {
  return `${tableKey(databaseName, tableName)}@${type}`;
}

/** `db.function`, lowercased because Glue lowercases function names as it does table names. */
export function functionKey(databaseName: string, functionName: string): string {
  return `${databaseKey(databaseName)}.${functionName.toLowerCase()}`;
}

/** `db.table` for a table's statistics, `db.table/["v1"]` for a partition's (the keys of their owners). */
export function columnStatisticsKey(
  databaseName: string,
  tableName: string,
  values?: readonly string[],
): string {
  return values ? partitionKey(databaseName, tableName, values) : tableKey(databaseName, tableName);
}

/** `principal|resourceKey`: grants are compared per principal and resource. */
export function grantKey(principal: string, resource: LfResource): string {
  return `${principal}|${resourceKey(resource)}`;
}

/** The key of any record, as listed in docs/design.md. */
export function recordKey(record: SnapshotRecord): string {
  switch (record.kind) {
    case 'database':
      return databaseKey(record.input.Name);
    case 'table':
      return tableKey(record.databaseName, record.input.Name);
    case 'partition':
      return partitionKey(record.databaseName, record.tableName, record.input.Values);
    case 'grant':
      return grantKey(record.principal, record.resource);
    case 'location':
      return record.resourceArn;
    case 'lfTag':
      return record.key;
    case 'lfTagAssignment':
      return resourceKey(record.resource);
    case 'dataCellsFilter':
      return `${tableKey(record.filter.DatabaseName, record.filter.TableName)}.${record.filter.Name}`;
    case 'dataLakeSettings':
      return 'settings';
    case 'partitionIndex':
      return partitionIndexKey(record.databaseName, record.tableName, record.index.IndexName);
    case 'function':
      return functionKey(record.databaseName, record.input.FunctionName);
    case 'columnStatistics':
      return columnStatisticsKey(record.databaseName, record.tableName, record.partitionValues);
    case 'optIn':
      return grantKey(record.principal, record.resource);
    case 'catalog':
      return record.name;
    case 'tableOptimizer':
      return tableOptimizerKey(record.databaseName, record.tableName, record.type);
  }
}

/** Orders strings by code unit, the one order used for keys everywhere. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
