import { CreateTableCommand, GetTableCommand, UpdateTableCommand } from '@aws-sdk/client-glue';
import type { TestClients } from './localCloud.ts';

/** A Glue table ARN, as multi-dialect views name their sub-objects. */
export const tableArn = (region: string, account: string, database: string, table: string) =>
  `arn:aws:glue:${region}:${account}:table/${database}/${table}`;

/** The view input: an Athena representation reading `subObjects`, run as `definer`. */
function viewInput(name: string, definer: string, subObjects: string[], sql: string) {
  return {
    Name: name,
    TableType: 'VIRTUAL_VIEW',
    StorageDescriptor: { Columns: [{ Name: 'id', Type: 'string' }] },
    ViewDefinition: {
      IsProtected: true,
      Definer: definer,
      Representations: [{ Dialect: 'ATHENA' as const, DialectVersion: '3', ViewOriginalText: sql }],
      SubObjects: subObjects,
    },
  };
}

export const createView = (
  clients: TestClients,
  database: string,
  name: string,
  definer: string,
  subObjects: string[],
  sql = 'SELECT id FROM orders',
) =>
  clients.glue.send(
    new CreateTableCommand({ DatabaseName: database, TableInput: viewInput(name, definer, subObjects, sql) }),
  );

export const updateView = (
  clients: TestClients,
  database: string,
  name: string,
  definer: string,
  subObjects: string[],
  sql: string,
) =>
  clients.glue.send(
    new UpdateTableCommand({ DatabaseName: database, TableInput: viewInput(name, definer, subObjects, sql) }),
  );

/** What a reader of the target sees of a view: definer, sub-objects and the SQL of each dialect. */
export async function viewOf(clients: TestClients, database: string, name: string) {
  const { Table } = await clients.glue.send(new GetTableCommand({ DatabaseName: database, Name: name }));
  const view = Table?.ViewDefinition;
  return {
    definer: view?.Definer,
    subObjects: view?.SubObjects,
    sql: view?.Representations?.map((r) => `${r.Dialect}:${r.ViewOriginalText}`),
  };
}
