import {
  BatchCreatePartitionCommand,
  BatchDeletePartitionCommand,
  CreateDatabaseCommand,
  CreateTableCommand,
  DeleteTableCommand,
  UpdateDatabaseCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-glue';
import {
  AddLFTagsToResourceCommand,
  CreateDataCellsFilterCommand,
  CreateLFTagCommand,
  GrantPermissionsCommand,
  RegisterResourceCommand,
  RemoveLFTagsFromResourceCommand,
  RevokePermissionsCommand,
  UpdateDataCellsFilterCommand,
  UpdateLFTagCommand,
} from '@aws-sdk/client-lakeformation';
import { ACCOUNT, BUCKET, locationArn, partitionInput, roleArn, tableInput, type World } from './tinyLake.ts';

const analyst = { DataLakePrincipalIdentifier: roleArn('analyst') };

/**
 * A fixed set of source changes of every kind (creates, updates and deletes of databases, tables,
 * partitions, grants, LF-Tags, assignments, filters, locations): about twenty target writes to replicate.
 */
export async function changeEverything(world: World): Promise<void> {
  const { glue, lakeFormation: lf } = world.source;
  await glue.send(
    new UpdateDatabaseCommand({ Name: 'db1', DatabaseInput: { Name: 'db1', Description: 'v1' } }),
  );
  await glue.send(
    new CreateDatabaseCommand({ DatabaseInput: { Name: 'db2', LocationUri: `s3://${BUCKET}/db2` } }),
  );
  await glue.send(new CreateTableCommand({ DatabaseName: 'db2', TableInput: tableInput('db2', 't1', true) }));
  await glue.send(
    new CreateTableCommand({ DatabaseName: 'db1', TableInput: tableInput('db1', 't3', false) }),
  );
  const t1 = tableInput('db1', 't1', true);
  await glue.send(
    new UpdateTableCommand({ DatabaseName: 'db1', TableInput: { ...t1, Parameters: { rev: '1' } } }),
  );
  await glue.send(new DeleteTableCommand({ DatabaseName: 'db1', Name: 't2' }));
  await glue.send(
    new BatchCreatePartitionCommand({
      DatabaseName: 'db2',
      TableName: 't1',
      PartitionInputList: ['1', '2', '3'].map((dt) => partitionInput('db2', 't1', dt)),
    }),
  );
  await glue.send(
    new BatchCreatePartitionCommand({
      DatabaseName: 'db1',
      TableName: 't1',
      PartitionInputList: [partitionInput('db1', 't1', '3')],
    }),
  );
  await glue.send(
    new BatchDeletePartitionCommand({
      DatabaseName: 'db1',
      TableName: 't1',
      PartitionsToDelete: [{ Values: ['1'] }],
    }),
  );
  await lf.send(
    new GrantPermissionsCommand({
      Principal: analyst,
      Resource: { Table: { DatabaseName: 'db2', Name: 't1' } },
      Permissions: ['SELECT', 'DESCRIBE'],
      PermissionsWithGrantOption: ['SELECT'],
    }),
  );
  await lf.send(
    new GrantPermissionsCommand({
      Principal: { DataLakePrincipalIdentifier: roleArn('auditor') },
      Resource: {
        TableWithColumns: {
          DatabaseName: 'db1',
          Name: 't3',
          ColumnWildcard: { ExcludedColumnNames: ['name'] },
        },
      },
      Permissions: ['SELECT'],
    }),
  );
  await lf.send(
    new RevokePermissionsCommand({
      Principal: analyst,
      Resource: { Database: { Name: 'db1' } },
      Permissions: ['DESCRIBE'],
    }),
  );
  await lf.send(new CreateLFTagCommand({ TagKey: 'tier', TagValues: ['a', 'b'] }));
  await lf.send(new UpdateLFTagCommand({ TagKey: 'domain', TagValuesToAdd: ['c'] }));
  await lf.send(
    new AddLFTagsToResourceCommand({
      Resource: { Database: { Name: 'db2' } },
      LFTags: [{ TagKey: 'domain', TagValues: ['c'] }],
    }),
  );
  await lf.send(
    new RemoveLFTagsFromResourceCommand({
      Resource: { Database: { Name: 'db1' } },
      LFTags: [{ TagKey: 'domain', TagValues: ['a'] }],
    }),
  );
  const filter = { TableCatalogId: ACCOUNT, DatabaseName: 'db1', TableName: 't1', Name: 'f1' };
  await lf.send(
    new UpdateDataCellsFilterCommand({
      TableData: { ...filter, RowFilter: { FilterExpression: 'id > 5' }, ColumnNames: ['id'] },
    }),
  );
  await lf.send(
    new CreateDataCellsFilterCommand({
      TableData: {
        ...filter,
        DatabaseName: 'db2',
        Name: 'f2',
        RowFilter: { AllRowsWildcard: {} },
        ColumnNames: ['id'],
      },
    }),
  );
  await lf.send(new RegisterResourceCommand({ ResourceArn: locationArn('db2'), RoleArn: roleArn('etl') }));
}
