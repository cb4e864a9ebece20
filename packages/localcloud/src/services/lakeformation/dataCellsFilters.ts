import { randomUUID } from 'node:crypto';
import { alreadyExists, type RequestContext } from '../../service.ts';
import { findTable } from '../glue/state.ts';
import { lfInvalid, lfNotFound, lfRequired } from './errors.ts';
import { page } from './paging.ts';
import { lakeFormationStateOf } from './state.ts';

type TableData = Record<string, any>;
interface FilterId {
  TableCatalogId?: string;
  DatabaseName?: string;
  TableName?: string;
  Name?: string;
}

/** Filters are keyed `db.table.name` with the names lowercased as Glue stores them. */
export const filterKey = (database: string, table: string, name: string) =>
  `${database.toLowerCase()}.${table.toLowerCase()}.${name}`;

/** Validates TableData and answers it as stored: names lowercased, column lists sorted, a new VersionId. */
function storedForm(ctx: RequestContext, data: TableData): TableData {
  const catalogId = lfRequired<string>(data, 'TableCatalogId');
  const database = lfRequired<string>(data, 'DatabaseName').toLowerCase();
  const table = lfRequired<string>(data, 'TableName').toLowerCase();
  const name = lfRequired<string>(data, 'Name');
  const hasNames = Array.isArray(data.ColumnNames) && data.ColumnNames.length > 0;
  const hasWildcard = data.ColumnWildcard !== undefined && data.ColumnWildcard !== null;
  if (hasNames && hasWildcard)
    throw lfInvalid('You must specify either ColumnNames or ColumnWildcard, not both.');
  if (!hasNames && !hasWildcard)
    throw lfInvalid('You must specify either a ColumnNames list or the ColumnWildcard.');
  const row = data.RowFilter as { FilterExpression?: string; AllRowsWildcard?: object } | undefined;
  if (row && Boolean(row.FilterExpression) === Boolean(row.AllRowsWildcard)) {
    throw lfInvalid('RowFilter must have exactly one of FilterExpression or AllRowsWildcard.');
  }
  const region = catalogId === ctx.accountId ? ctx.regionState : ctx.stateOf(catalogId, ctx.region);
  if (!findTable(region, database, table)) throw lfNotFound();
  const stored: TableData = {
    TableCatalogId: catalogId,
    DatabaseName: database,
    TableName: table,
    Name: name,
  };
  if (row)
    stored.RowFilter = row.FilterExpression
      ? { FilterExpression: row.FilterExpression }
      : { AllRowsWildcard: {} };
  if (hasNames) stored.ColumnNames = [...data.ColumnNames].sort();
  else {
    const excluded = [...(data.ColumnWildcard.ExcludedColumnNames ?? [])].sort();
    stored.ColumnWildcard = excluded.length > 0 ? { ExcludedColumnNames: excluded } : {};
  }
  stored.VersionId = randomUUID();
  return stored;
}

export function createDataCellsFilter(input: { TableData?: TableData }, ctx: RequestContext) {
  const stored = storedForm(ctx, lfRequired(input, 'TableData'));
  const filters = lakeFormationStateOf(ctx.regionState).dataCellsFilters;
  const key = filterKey(stored.DatabaseName, stored.TableName, stored.Name);
  if (filters[key])
    throw alreadyExists(`A data cells filter named ${stored.Name} already exists on this table.`);
  filters[key] = stored;
  return {};
}

function existing(ctx: RequestContext, id: FilterId): [string, TableData] {
  const key = filterKey(
    lfRequired<string>(id, 'DatabaseName'),
    lfRequired<string>(id, 'TableName'),
    lfRequired<string>(id, 'Name'),
  );
  const filter = lakeFormationStateOf(ctx.regionState).dataCellsFilters[key];
  if (!filter) throw lfNotFound(`Data cells filter not found: ${id.Name}`);
  return [key, filter];
}

export function getDataCellsFilter(input: FilterId, ctx: RequestContext) {
  lfRequired(input, 'TableCatalogId');
  return { DataCellsFilter: existing(ctx, input)[1] };
}

/** UpdateDataCellsFilter replaces the filter's definition (and gives it a new VersionId). */
export function updateDataCellsFilter(input: { TableData?: TableData }, ctx: RequestContext) {
  const data = lfRequired<TableData>(input, 'TableData');
  const [key] = existing(ctx, data);
  lakeFormationStateOf(ctx.regionState).dataCellsFilters[key] = storedForm(ctx, data);
  return {};
}

/** Deleting a filter also drops the grants made on it. */
export function deleteDataCellsFilter(input: FilterId, ctx: RequestContext) {
  const [key, filter] = existing(ctx, input);
  const lf = lakeFormationStateOf(ctx.regionState);
  delete lf.dataCellsFilters[key];
  lf.permissions = lf.permissions.filter((p) => {
    const on = p.Resource.DataCellsFilter;
    return (
      !on ||
      filterKey(on.DatabaseName, on.TableName, on.Name) !==
        filterKey(filter.DatabaseName, filter.TableName, filter.Name)
    );
  });
  return {};
}

export function listDataCellsFilter(
  input: {
    Table?: { CatalogId?: string; DatabaseName?: string; Name?: string };
    MaxResults?: number;
    NextToken?: string;
  },
  ctx: RequestContext,
) {
  const table = input.Table;
  const database = table ? lfRequired<string>(table, 'DatabaseName').toLowerCase() : undefined;
  const name = table?.Name?.toLowerCase();
  const all = Object.entries(lakeFormationStateOf(ctx.regionState).dataCellsFilters)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, filter]) => filter)
    .filter(
      (f) =>
        (database === undefined || f.DatabaseName === database) &&
        (name === undefined || f.TableName === name),
    );
  const { items, NextToken } = page(all, input, 'ListDataCellsFilter', 1000);
  return { DataCellsFilters: items, NextToken };
}
