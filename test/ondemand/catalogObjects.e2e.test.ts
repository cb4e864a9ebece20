import {
  type ColumnStatistics,
  CreatePartitionIndexCommand,
  CreateTableCommand,
  CreateTableOptimizerCommand,
  CreateUserDefinedFunctionCommand,
  DeleteColumnStatisticsForTableCommand,
  DeletePartitionIndexCommand,
  DeleteTableOptimizerCommand,
  DeleteUserDefinedFunctionCommand,
  GetColumnStatisticsForPartitionCommand,
  GetColumnStatisticsForTableCommand,
  GetPartitionIndexesCommand,
  GetPartitionsCommand,
  GetTableOptimizerCommand,
  GetUserDefinedFunctionCommand,
  type GlueClient,
  type TableOptimizerConfiguration,
  type TableOptimizerType,
  UpdateColumnStatisticsForPartitionCommand,
  UpdateColumnStatisticsForTableCommand,
  UpdateTableOptimizerCommand,
  UpdateUserDefinedFunctionCommand,
} from '@aws-sdk/client-glue';
import { GrantPermissionsCommand } from '@aws-sdk/client-lakeformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, runSync } from '../../src/ondemand/index.ts';
import { runOnce } from '../../src/realtime/index.ts';
import {
  ACCOUNT,
  type RealtimeLake,
  SOURCE_BUCKET,
  startRealtimeLake,
} from '../realtime/support/realtimeLake.ts';
import { TABLE_BUCKET, tableBucket, tableBucketGrants } from '../support/s3Tables.ts';

const TARGET_BUCKET = 'lakemirror-demo-lake-usw2';
const OWNER = `arn:aws:iam::${ACCOUNT}:role/udf-owner`;

const longStats = (name: string, max: number): ColumnStatistics => ({
  ColumnName: name,
  ColumnType: 'bigint',
  AnalyzedTime: new Date('2026-11-01T10:00:00.000Z'),
  StatisticsData: {
    Type: 'LONG',
    LongColumnStatisticsData: {
      MinimumValue: 1,
      MaximumValue: max,
      NumberOfNulls: 0,
      NumberOfDistinctValues: max,
    },
  },
});
const stringStats = (name: string): ColumnStatistics => ({
  ColumnName: name,
  ColumnType: 'string',
  AnalyzedTime: new Date('2026-11-01T10:00:00.000Z'),
  StatisticsData: {
    Type: 'STRING',
    StringColumnStatisticsData: {
      MaximumLength: 3,
      AverageLength: 3,
      NumberOfNulls: 1,
      NumberOfDistinctValues: 4,
    },
  },
});

const indexesOf = async (glue: GlueClient, table = 'orders') =>
  (
    await glue.send(new GetPartitionIndexesCommand({ DatabaseName: 'sales', TableName: table }))
  ).PartitionIndexDescriptorList?.map((d) => ({ name: d.IndexName, keys: d.Keys?.map((k) => k.Name) })) ?? [];
const functionOf = (glue: GlueClient, name: string) =>
  glue
    .send(new GetUserDefinedFunctionCommand({ DatabaseName: 'sales', FunctionName: name }))
    .then((r) => r.UserDefinedFunction)
    .catch((error: Error) => (error.name === 'EntityNotFoundException' ? undefined : Promise.reject(error)));
const statsOf = async (glue: GlueClient, columns = ['order_id', 'currency']) => {
  const answer = await glue.send(
    new GetColumnStatisticsForTableCommand({
      DatabaseName: 'sales',
      TableName: 'orders',
      ColumnNames: columns,
    }),
  );
  return Object.fromEntries(
    (answer.ColumnStatisticsList ?? []).map((s) => [
      s.ColumnName,
      s.StatisticsData?.LongColumnStatisticsData?.MaximumValue ?? s.StatisticsData?.Type,
    ]),
  );
};

/** A table optimizer's configuration read with GetTableOptimizer; undefined when there is none. */
const optimizerOf = (glue: GlueClient, type: TableOptimizerType) =>
  glue
    .send(
      new GetTableOptimizerCommand({
        CatalogId: ACCOUNT,
        DatabaseName: 'sales',
        TableName: 'clicks',
        Type: type,
      }),
    )
    .then((r) => r.TableOptimizer?.configuration)
    .catch((error: Error) => (error.name === 'EntityNotFoundException' ? undefined : Promise.reject(error)));
const optimizer = (Type: TableOptimizerType, TableOptimizerConfiguration: TableOptimizerConfiguration) => ({
  CatalogId: ACCOUNT,
  DatabaseName: 'sales',
  TableName: 'clicks',
  Type,
  TableOptimizerConfiguration,
});
const OPTIMIZER_ROLE = `arn:aws:iam::${ACCOUNT}:role/glue-optimizer`;

describe('partition indexes, user-defined functions and column statistics', () => {
  let lake: RealtimeLake;
  beforeAll(async () => {
    lake = await startRealtimeLake();
  });
  afterAll(async () => {
    await lake.stop();
  });

  it('syncs them to the target (S3 URIs remapped), verifies clean, then replicates changes and deletes', async () => {
    const { glue } = lake.source;
    await glue.send(
      new CreatePartitionIndexCommand({
        DatabaseName: 'sales',
        TableName: 'orders',
        PartitionIndex: { IndexName: 'by_region', Keys: ['region'] },
      }),
    );
    await glue.send(
      new CreateUserDefinedFunctionCommand({
        DatabaseName: 'sales',
        FunctionInput: {
          FunctionName: 'mask_email',
          ClassName: 'com.example.udf.MaskEmail',
          OwnerName: OWNER,
          OwnerType: 'ROLE',
          ResourceUris: [{ ResourceType: 'JAR', Uri: `s3://${SOURCE_BUCKET}/udf/mask-email-1.0.jar` }],
        },
      }),
    );
    await glue.send(
      new UpdateColumnStatisticsForTableCommand({
        DatabaseName: 'sales',
        TableName: 'orders',
        ColumnStatisticsList: [longStats('order_id', 500), stringStats('currency')],
      }),
    );
    const config = await lake.freshConfig();
    const report = await runSync(createRuntime(config));
    expect(report.targets[0]!.failures).toEqual([]);

    const target = lake.target.glue;
    expect(await indexesOf(target)).toEqual([{ name: 'by_region', keys: ['region'] }]);
    const fn = await functionOf(target, 'mask_email');
    expect(fn).toMatchObject({
      ClassName: 'com.example.udf.MaskEmail',
      OwnerName: OWNER,
      ResourceUris: [{ ResourceType: 'JAR', Uri: `s3://${TARGET_BUCKET}/udf/mask-email-1.0.jar` }],
    });
    expect(await statsOf(target)).toEqual({ order_id: 500, currency: 'STRING' });
    const stored = await target.send(
      new GetColumnStatisticsForTableCommand({
        DatabaseName: 'sales',
        TableName: 'orders',
        ColumnNames: ['order_id'],
      }),
    );
    expect(stored.ColumnStatisticsList?.[0]?.AnalyzedTime?.toISOString()).toBe('2026-11-01T10:00:00.000Z');
    expect((await lake.verify(config)).inSync).toBe(true);

    // Change each kind: an index replaced, a function's class changed, a column's statistics changed and
    // another's removed; then the function deleted outright.
    await glue.send(
      new DeletePartitionIndexCommand({ DatabaseName: 'sales', TableName: 'orders', IndexName: 'by_region' }),
    );
    await glue.send(
      new CreatePartitionIndexCommand({
        DatabaseName: 'sales',
        TableName: 'orders',
        PartitionIndex: { IndexName: 'by_dt_region', Keys: ['dt', 'region'] },
      }),
    );
    await glue.send(
      new UpdateUserDefinedFunctionCommand({
        DatabaseName: 'sales',
        FunctionName: 'mask_email',
        FunctionInput: {
          ...fn,
          FunctionName: 'mask_email',
          ClassName: 'com.example.udf.MaskEmailV2',
          ResourceUris: [{ ResourceType: 'JAR', Uri: `s3://${SOURCE_BUCKET}/udf/mask-email-2.0.jar` }],
        },
      }),
    );
    await glue.send(
      new UpdateColumnStatisticsForTableCommand({
        DatabaseName: 'sales',
        TableName: 'orders',
        ColumnStatisticsList: [longStats('order_id', 900)],
      }),
    );
    await lake.source.glue.send(
      new CreateUserDefinedFunctionCommand({
        DatabaseName: 'sales',
        FunctionInput: {
          FunctionName: 'to_go',
          ClassName: 'com.example.udf.Gone',
          OwnerName: 'hadoop',
          OwnerType: 'USER',
        },
      }),
    );
    await runSync(createRuntime(config));
    expect(await functionOf(target, 'to_go')).toBeDefined();
    await glue.send(new DeleteUserDefinedFunctionCommand({ DatabaseName: 'sales', FunctionName: 'to_go' }));
    await glue.send(
      new DeleteColumnStatisticsForTableCommand({
        DatabaseName: 'sales',
        TableName: 'orders',
        ColumnName: 'currency',
      }),
    );
    const second = await runSync(createRuntime({ ...config, deleteMissing: true }));
    expect(second.targets[0]!.failures).toEqual([]);
    expect(await indexesOf(target)).toEqual([{ name: 'by_dt_region', keys: ['dt', 'region'] }]);
    expect(await functionOf(target, 'mask_email')).toMatchObject({
      ClassName: 'com.example.udf.MaskEmailV2',
      ResourceUris: [{ ResourceType: 'JAR', Uri: `s3://${TARGET_BUCKET}/udf/mask-email-2.0.jar` }],
    });
    expect(await functionOf(target, 'to_go')).toBeUndefined();
    expect(await statsOf(target)).toEqual({ order_id: 900 });
    expect((await lake.verify(config)).inSync).toBe(true);
  });

  it('replicates a change of each kind by real time (realtime run-once)', async () => {
    const config = await lake.freshConfig({ deleteMissing: true });
    const { glue } = lake.source;
    await glue.send(
      new CreatePartitionIndexCommand({
        DatabaseName: 'sales',
        TableName: 'order_items',
        PartitionIndex: { IndexName: 'by_dt', Keys: ['dt'] },
      }),
    );
    await glue.send(
      new CreateUserDefinedFunctionCommand({
        DatabaseName: 'sales',
        FunctionInput: {
          FunctionName: 'fx_rate',
          ClassName: 'com.example.udf.FxRate',
          ResourceUris: [{ ResourceType: 'JAR', Uri: `s3://${SOURCE_BUCKET}/udf/fx.jar` }],
        },
      }),
    );
    await glue.send(
      new UpdateColumnStatisticsForTableCommand({
        DatabaseName: 'sales',
        TableName: 'orders',
        ColumnStatisticsList: [longStats('order_id', 1234)],
      }),
    );
    await glue.send(
      new DeleteUserDefinedFunctionCommand({ DatabaseName: 'sales', FunctionName: 'mask_email' }),
    );
    const { collect, replay } = await runOnce(lake.runtime(config));
    expect(collect.staged).toBeGreaterThanOrEqual(4);
    expect(replay.objects.failed).toBe(0);
    expect(replay.events.applied).toBeGreaterThanOrEqual(4);
    const target = lake.target.glue;
    expect(await indexesOf(target, 'order_items')).toEqual([{ name: 'by_dt', keys: ['dt'] }]);
    expect(await functionOf(target, 'fx_rate')).toMatchObject({
      ResourceUris: [{ ResourceType: 'JAR', Uri: `s3://${TARGET_BUCKET}/udf/fx.jar` }],
    });
    expect(await functionOf(target, 'mask_email')).toBeUndefined();
    expect(await statsOf(target)).toEqual({ order_id: 1234 });
    expect((await lake.verify(config)).inSync).toBe(true);
  });

  it('replicates partition statistics only when replicate.columnStatistics.partitions is on', async () => {
    const { glue } = lake.source;
    const values = ['2026-01-01', 'us'];
    const partitionStats = (glue: GlueClient) =>
      glue
        .send(
          new GetColumnStatisticsForPartitionCommand({
            DatabaseName: 'sales',
            TableName: 'orders',
            PartitionValues: values,
            ColumnNames: ['order_id'],
          }),
        )
        .then(
          (r) =>
            r.ColumnStatisticsList?.map((s) => s.StatisticsData?.LongColumnStatisticsData?.MaximumValue) ??
            [],
        );
    const first = (
      await glue.send(new GetPartitionsCommand({ DatabaseName: 'sales', TableName: 'orders', MaxResults: 1 }))
    ).Partitions![0]!.Values!;
    values.splice(0, values.length, ...first);
    await glue.send(
      new UpdateColumnStatisticsForPartitionCommand({
        DatabaseName: 'sales',
        TableName: 'orders',
        PartitionValues: values,
        ColumnStatisticsList: [longStats('order_id', 77)],
      }),
    );
    const config = await lake.freshConfig();
    await runSync(createRuntime(config));
    expect(await partitionStats(lake.target.glue)).toEqual([]);
    const withPartitions = {
      ...config,
      replicate: { ...config.replicate, columnStatistics: { tables: true, partitions: true } },
    };
    const report = await runSync(createRuntime(withPartitions));
    expect(report.targets[0]!.failures).toEqual([]);
    expect(await partitionStats(lake.target.glue)).toEqual([77]);
    expect((await lake.verify(withPartitions)).inSync).toBe(true);

    // And by real time: the partition's statistics are re-read and written.
    const realtime = await lake.freshConfig({ replicate: { columnStatistics: { partitions: true } } });
    await glue.send(
      new UpdateColumnStatisticsForPartitionCommand({
        DatabaseName: 'sales',
        TableName: 'orders',
        PartitionValues: values,
        ColumnStatisticsList: [longStats('order_id', 88)],
      }),
    );
    const { replay } = await runOnce(lake.runtime(realtime));
    expect(replay.objects.failed).toBe(0);
    expect(await partitionStats(lake.target.glue)).toEqual([88]);
  });

  it('table optimizers of an Iceberg table: sync, verify, change, delete, and real time', async () => {
    const { glue } = lake.source;
    await glue.send(
      new CreateTableCommand({
        DatabaseName: 'sales',
        TableInput: {
          Name: 'clicks',
          TableType: 'EXTERNAL_TABLE',
          Parameters: { table_type: 'ICEBERG' },
          StorageDescriptor: { Location: `s3://${SOURCE_BUCKET}/clicks/` },
        },
      }),
    );
    const compaction = {
      roleArn: OPTIMIZER_ROLE,
      enabled: true,
      compactionConfiguration: { icebergConfiguration: { strategy: 'binpack' as const } },
    };
    const retention = {
      roleArn: OPTIMIZER_ROLE,
      enabled: true,
      retentionConfiguration: {
        icebergConfiguration: { snapshotRetentionPeriodInDays: 5, numberOfSnapshotsToRetain: 3 },
      },
    };
    await glue.send(new CreateTableOptimizerCommand(optimizer('compaction', compaction)));
    await glue.send(new CreateTableOptimizerCommand(optimizer('retention', retention)));
    const config = await lake.freshConfig();
    const report = await runSync(createRuntime(config));
    expect(report.targets[0]!.failures).toEqual([]);
    const target = lake.target.glue;
    expect(await optimizerOf(target, 'compaction')).toEqual(compaction);
    expect(await optimizerOf(target, 'retention')).toEqual(retention);
    expect((await lake.verify(config)).inSync).toBe(true);

    // A change and a deletion: verify names both, a sync with deleteMissing replicates them.
    const paused = { ...compaction, enabled: false };
    await glue.send(new UpdateTableOptimizerCommand(optimizer('compaction', paused)));
    await glue.send(
      new DeleteTableOptimizerCommand({
        CatalogId: ACCOUNT,
        DatabaseName: 'sales',
        TableName: 'clicks',
        Type: 'retention',
      }),
    );
    const drift = (await lake.verify(config)).reports[0]!.drift.filter((d) => d.kind === 'tableOptimizer');
    expect(drift.map((d) => d.key).sort()).toEqual(['sales.clicks@compaction', 'sales.clicks@retention']);
    const second = await runSync(createRuntime({ ...config, deleteMissing: true }));
    expect(second.targets[0]!.counts.tableOptimizer).toMatchObject({ updated: 1, deleted: 1 });
    expect(await optimizerOf(target, 'compaction')).toEqual(paused);
    expect(await optimizerOf(target, 'retention')).toBeUndefined();

    // By real time: an optimizer created in the source reaches the target on the next run.
    const orphans = {
      roleArn: OPTIMIZER_ROLE,
      enabled: true,
      orphanFileDeletionConfiguration: { icebergConfiguration: { orphanFileRetentionPeriodInDays: 7 } },
    };
    const realtime = await lake.freshConfig({ deleteMissing: true });
    await glue.send(new CreateTableOptimizerCommand(optimizer('orphan_file_deletion', orphans)));
    const { replay } = await runOnce(lake.runtime(realtime));
    expect(replay.objects.failed).toBe(0);
    expect(await optimizerOf(target, 'orphan_file_deletion')).toEqual(orphans);
    expect((await lake.verify(realtime)).inSync).toBe(true);
  });

  it('replicates a grant on a table of an S3 Tables catalog by real time (source.catalogs)', async () => {
    // S3 Tables replication has made the table bucket in both Regions; lakemirror replicates its grants.
    await tableBucket(lake.source, 'us-east-1', ACCOUNT, ['orders']);
    await tableBucket(lake.target, 'us-west-2', ACCOUNT, ['orders']);
    const config = await lake.freshConfig({
      deleteMissing: true,
      source: { region: 'us-east-1', catalogs: ['s3tablescatalog'] },
    });
    const reader = `arn:aws:iam::${ACCOUNT}:role/auditor`;
    await lake.source.lakeFormation.send(
      new GrantPermissionsCommand({
        Principal: { DataLakePrincipalIdentifier: reader },
        Resource: { Table: { CatalogId: `${ACCOUNT}:${TABLE_BUCKET}`, DatabaseName: 'ns', Name: 'orders' } },
        Permissions: ['SELECT'],
      }),
    );
    const { replay } = await runOnce(lake.runtime(config));
    expect(replay.objects.failed).toBe(0);
    expect(await tableBucketGrants(lake.target, ACCOUNT)).toEqual([`${reader}|orders|SELECT`]);
  });
});
