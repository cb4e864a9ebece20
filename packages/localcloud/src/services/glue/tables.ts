import {
  alreadyExists,
  entityNotFound,
  invalidInput,
  type OperationSpec,
  type RequestContext,
  required,
} from '../../service.ts';
import { forgetCatalogObject, grantCreateDefaults } from '../lakeformation/state.ts';
import { callerArn } from '../sts/sessions.ts';
import { withErrors } from './batchPartitions.ts';
import { catalogOf, errorDetail, glueName, requireDatabase, requireTable } from './catalog.ts';
import { pageOf } from './paging.ts';
import { addPartitionIndex } from './partitionIndexes.ts';
import type { StoredTable } from './state.ts';
import { presentTable, tableFromInput } from './tableShape.ts';
import { checkMaxLength, pageSize } from './validation.ts';

type Input = Record<string, any>;

/**
 * CreateTable, with its PartitionIndexes (each checked as CreatePartitionIndex checks it). Lake Formation grants the database's CreateTableDefaultPermissions on the new table. */
function createTable(input: Input, ctx: RequestContext): object {
  const catalogId = catalogOf(input, ctx);
  const databaseName = required<string>(input, 'DatabaseName');
  const tableInput = required<Input>(input, 'TableInput');
  const name = glueName(required<string>(tableInput, 'Name'));
  const database = requireDatabase(ctx, databaseName);
  if (database.tables[name]) throw alreadyExists(`Table ${name} already exists.`);
  const dbName = database.database.Name as string;
  const table = tableFromInput(tableInput, {
    Name: name,
    DatabaseName: dbName,
    CatalogId: catalogId,
    CreateTime: ctx.now,
    UpdateTime: ctx.now,
    CreatedBy: callerArn(ctx),
    VersionId: '0',
  });
  const stored: StoredTable = { table, versions: [], partitions: {} };
  for (const index of (input.PartitionIndexes ?? []) as Input[]) addPartitionIndex(stored, index);
  database.tables[name] = stored;
  grantCreateDefaults(
    ctx.regionState,
    database.database.CreateTableDefaultPermissions ?? [],
    { Table: { CatalogId: catalogId, DatabaseName: dbName, Name: name } },
    ctx.now,
    callerArn(ctx),
  );
  return {};
}

function getTable(input: Input, ctx: RequestContext): object {
  catalogOf(input, ctx);
  const stored = requireTable(ctx, required(input, 'DatabaseName'), required(input, 'Name'));
  return { Table: presentTable(ctx, stored.table) };
}

/** A GetTables Expression is a regular expression the whole table name must match. */
function nameMatcher(expression: string | undefined): (name: string) => boolean {
  if (expression === undefined || expression === '') return () => true;
  try {
    const pattern = new RegExp(`^(?:${expression})$`);
    return (name) => pattern.test(name);
  } catch {
    throw invalidInput(`Invalid expression: ${expression}`);
  }
}

function getTables(input: Input, ctx: RequestContext): object {
  catalogOf(input, ctx);
  const size = pageSize(input, 100);
  const { tables } = requireDatabase(ctx, required(input, 'DatabaseName'));
  const matches = nameMatcher(input.Expression);
  const page = pageOf(Object.keys(tables).sort(), input.NextToken, size, (name) =>
    matches(name) ? presentTable(ctx, tables[name]!.table) : undefined,
  );
  return { TableList: page.items, NextToken: page.nextToken };
}

/** Deletes one table with its versions and partitions; Lake Formation forgets what hung on it. */
function dropTable(ctx: RequestContext, databaseName: string, tableName: string): void {
  const database = requireDatabase(ctx, databaseName);
  const name = glueName(tableName);
  if (!database.tables[name]) throw entityNotFound(`Table ${tableName} not found.`);
  delete database.tables[name];
  forgetCatalogObject(ctx.regionState, database.database.Name, name);
}

function deleteTable(input: Input, ctx: RequestContext): object {
  catalogOf(input, ctx);
  dropTable(ctx, required(input, 'DatabaseName'), required(input, 'Name'));
  return {};
}

/** BatchDeleteTable: up to 100 names; a missing table is a per-item error, a missing database fails the call. */
function batchDeleteTable(input: Input, ctx: RequestContext): object {
  catalogOf(input, ctx);
  const databaseName = required<string>(input, 'DatabaseName');
  const names = required<string[]>(input, 'TablesToDelete');
  checkMaxLength(names, 'TablesToDelete', 100);
  requireDatabase(ctx, databaseName);
  const errors: object[] = [];
  for (const name of names) {
    try {
      dropTable(ctx, databaseName, name);
    } catch (error) {
      errors.push({ TableName: name, ErrorDetail: errorDetail(error) });
    }
  }
  return withErrors(errors);
}

export const tableOperations: Record<string, OperationSpec> = {
  CreateTable: { readOnly: false, handler: createTable },
  GetTable: { readOnly: true, handler: getTable },
  GetTables: { readOnly: true, handler: getTables },
  DeleteTable: { readOnly: false, handler: deleteTable },
  BatchDeleteTable: { readOnly: false, handler: batchDeleteTable },
};
