import {
  BatchCreatePartitionCommand,
  BatchDeletePartitionCommand,
  CreateDatabaseCommand,
  CreateTableCommand,
  DeleteDatabaseCommand,
  DeleteTableCommand,
  GetPartitionsCommand,
  GetTableCommand,
  UpdateDatabaseCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-glue';
import {
  AddLFTagsToResourceCommand,
  CreateDataCellsFilterCommand,
  GrantPermissionsCommand,
  RegisterResourceCommand,
  RevokePermissionsCommand,
  UpdateDataCellsFilterCommand,
  UpdateLFTagCommand,
} from '@aws-sdk/client-lakeformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOnce } from '../../src/realtime/index.ts';
import {
  ACCOUNT,
  type RealtimeLake,
  roleArn,
  SOURCE_BUCKET,
  startRealtimeLake,
} from './support/realtimeLake.ts';

const s3 = (path: string) => `s3://${SOURCE_BUCKET}/${path}`;

describe('real-time replay of a mixed history against the local cloud', () => {
  let lake: RealtimeLake;
  beforeAll(async () => {
    lake = await startRealtimeLake();
  });
  afterAll(async () => {
    await lake.stop();
  });

  it('converges the target after creates, updates, deletes, partitions, grants, a location, tags and a filter', async () => {
    const config = await lake.freshConfig();
    const { glue, lakeFormation: lf } = lake.source;
    await glue.send(
      new CreateDatabaseCommand({ DatabaseInput: { Name: 'rt_db', LocationUri: s3('rt_db') } }),
    );
    await glue.send(
      new CreateTableCommand({
        DatabaseName: 'rt_db',
        TableInput: {
          Name: 'events',
          PartitionKeys: [{ Name: 'dt', Type: 'string' }],
          StorageDescriptor: { Columns: [{ Name: 'id', Type: 'bigint' }], Location: s3('rt_db/events') },
        },
      }),
    );
    await glue.send(
      new BatchCreatePartitionCommand({
        DatabaseName: 'rt_db',
        TableName: 'events',
        PartitionInputList: ['2026-01-01', '2026-01-02', '2026-01-03'].map((dt) => ({
          Values: [dt],
          StorageDescriptor: { Location: s3(`rt_db/events/dt=${dt}`) },
        })),
      }),
    );
    const orders = (await glue.send(new GetTableCommand({ DatabaseName: 'sales', Name: 'orders' }))).Table!;
    await glue.send(
      new UpdateTableCommand({
        DatabaseName: 'sales',
        TableInput: {
          Name: 'orders',
          PartitionKeys: orders.PartitionKeys,
          StorageDescriptor: orders.StorageDescriptor,
          TableType: orders.TableType,
          Parameters: { ...orders.Parameters, owner: 'realtime-test' },
        },
      }),
    );
    const old = await glue.send(
      new GetPartitionsCommand({ DatabaseName: 'sales', TableName: 'orders', MaxResults: 2 }),
    );
    await glue.send(
      new BatchDeletePartitionCommand({
        DatabaseName: 'sales',
        TableName: 'orders',
        PartitionsToDelete: (old.Partitions ?? []).map((p) => ({ Values: p.Values })),
      }),
    );
    await glue.send(
      new UpdateDatabaseCommand({
        Name: 'finance',
        DatabaseInput: { Name: 'finance', Description: 'changed in real time' },
      }),
    );
    await glue.send(new DeleteTableCommand({ DatabaseName: 'marketing', Name: 'segments' }));
    await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'rt_tmp' } }));
    await glue.send(new DeleteDatabaseCommand({ Name: 'rt_tmp' }));
    await lf.send(
      new GrantPermissionsCommand({
        Principal: { DataLakePrincipalIdentifier: roleArn('analyst') },
        Resource: { Table: { DatabaseName: 'rt_db', Name: 'events' } },
        Permissions: ['SELECT', 'DESCRIBE'],
      }),
    );
    await lf.send(
      new RevokePermissionsCommand({
        Principal: { DataLakePrincipalIdentifier: roleArn('etl-job') },
        Resource: { Table: { DatabaseName: 'marketing', Name: 'clicks' } },
        Permissions: ['ALTER'],
      }),
    );
    await lf.send(
      new RegisterResourceCommand({
        ResourceArn: `arn:aws:s3:::${SOURCE_BUCKET}/rt_db`,
        UseServiceLinkedRole: true,
      }),
    );
    await lf.send(new UpdateLFTagCommand({ TagKey: 'domain', TagValuesToAdd: ['realtime'] }));
    await lf.send(
      new AddLFTagsToResourceCommand({
        Resource: { Database: { Name: 'rt_db' } },
        LFTags: [{ TagKey: 'domain', TagValues: ['realtime'] }],
      }),
    );
    await lf.send(
      new UpdateDataCellsFilterCommand({
        TableData: {
          TableCatalogId: ACCOUNT,
          DatabaseName: 'sales',
          TableName: 'orders',
          Name: 'eu_orders',
          RowFilter: { FilterExpression: "region = 'eu' AND amount > 0" },
          ColumnWildcard: { ExcludedColumnNames: ['customer_email'] },
        },
      }),
    );
    await lf.send(
      new CreateDataCellsFilterCommand({
        TableData: {
          TableCatalogId: ACCOUNT,
          DatabaseName: 'rt_db',
          TableName: 'events',
          Name: 'recent',
          RowFilter: { FilterExpression: "dt > '2026-01-01'" },
          ColumnNames: ['id'],
        },
      }),
    );

    const before = await lake.verify(config);
    expect(before.inSync).toBe(false);
    const { collect, replay } = await runOnce(lake.runtime(config));
    expect(collect.staged).toBeGreaterThan(15);
    expect(replay.failures).toEqual([]);
    expect(replay.events).toMatchObject({
      read: collect.staged,
      applied: collect.staged,
      failed: 0,
      retried: 0,
    });
    const after = await lake.verify(config);
    expect(after.reports[0]!.drift).toEqual([]);
  });
});
