import {
  BatchCreatePartitionCommand,
  CreateDatabaseCommand,
  CreateTableCommand,
  DeleteDatabaseCommand,
  GetTablesCommand,
} from '@aws-sdk/client-glue';
import {
  AddLFTagsToResourceCommand,
  CreateDataCellsFilterCommand,
  GrantPermissionsCommand,
} from '@aws-sdk/client-lakeformation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectOnce, replayOnce, runOnce } from '../../src/realtime/index.ts';
import { callsIn } from '../support/localCloud.ts';
import {
  ACCOUNT,
  type RealtimeLake,
  roleArn,
  SOURCE,
  SOURCE_BUCKET,
  startRealtimeLake,
  TARGET,
} from './support/realtimeLake.ts';

const s3 = (path: string) => `s3://${SOURCE_BUCKET}/${path}`;

/** A database with tables (one partitioned), a data cells filter, a tag assignment and grants. */
async function createDatabase(lake: RealtimeLake, database: string, tables: string[]) {
  const { glue, lakeFormation: lf } = lake.source;
  await glue.send(
    new CreateDatabaseCommand({ DatabaseInput: { Name: database, LocationUri: s3(database) } }),
  );
  await lf.send(
    new GrantPermissionsCommand({
      Principal: { DataLakePrincipalIdentifier: roleArn('analyst') },
      Resource: { Database: { Name: database } },
      Permissions: ['DESCRIBE'],
    }),
  );
  for (const [i, name] of tables.entries()) {
    await glue.send(
      new CreateTableCommand({
        DatabaseName: database,
        TableInput: {
          Name: name,
          PartitionKeys: i === 0 ? [{ Name: 'dt', Type: 'string' }] : [],
          StorageDescriptor: {
            Columns: [
              { Name: 'id', Type: 'bigint' },
              { Name: 'note', Type: 'string' },
            ],
            Location: s3(`${database}/${name}`),
          },
        },
      }),
    );
    await lf.send(
      new GrantPermissionsCommand({
        Principal: { DataLakePrincipalIdentifier: roleArn('analyst') },
        Resource: { Table: { DatabaseName: database, Name: name } },
        Permissions: ['SELECT'],
      }),
    );
  }
  const [first] = tables;
  await glue.send(
    new BatchCreatePartitionCommand({
      DatabaseName: database,
      TableName: first,
      PartitionInputList: ['2026-03-01', '2026-03-02'].map((dt) => ({
        Values: [dt],
        StorageDescriptor: { Location: s3(`${database}/${first}/dt=${dt}`) },
      })),
    }),
  );
  await lf.send(
    new AddLFTagsToResourceCommand({
      Resource: { Table: { DatabaseName: database, Name: first } },
      LFTags: [{ TagKey: 'domain', TagValues: ['sales'] }],
    }),
  );
  await lf.send(
    new CreateDataCellsFilterCommand({
      TableData: {
        TableCatalogId: ACCOUNT,
        DatabaseName: database,
        TableName: first,
        Name: 'ids_only',
        RowFilter: { AllRowsWildcard: {} },
        ColumnNames: ['id'],
      },
    }),
  );
}

/** The DatabaseName of every GetTables the local cloud answered in a Region (from its CloudTrail history). */
function getTablesDatabases(lake: RealtimeLake, region: string): string[] {
  return lake.cloud.trail
    .list(ACCOUNT, region)
    .filter((e) => e.eventName === 'GetTables')
    .map((e) => (JSON.parse(e.document) as { requestParameters: { databaseName: string } }).requestParameters)
    .map((p) => p.databaseName);
}

async function targetTables(lake: RealtimeLake, database: string): Promise<string[] | undefined> {
  try {
    const { TableList } = await lake.target.glue.send(new GetTablesCommand({ DatabaseName: database }));
    return (TableList ?? []).map((t) => t.Name!).sort();
  } catch (error) {
    if ((error as Error).name === 'EntityNotFoundException') return undefined;
    throw error;
  }
}

/**
 * A deleted database takes everything in it without events of its own; the replay reconciles that database
 * broadly, but only that database: no other database's tables are listed on either side.
 */
describe('real-time replay of a deleted database', () => {
  let lake: RealtimeLake;
  beforeAll(async () => {
    lake = await startRealtimeLake();
  });
  afterAll(async () => {
    await lake.stop();
  });

  /** Collects, then replays with the CloudTrail history and call counts reset, so they show the replay only. */
  async function replayMeasured(config: Parameters<RealtimeLake['runtime']>[0]) {
    const runtime = lake.runtime(config);
    await collectOnce(runtime);
    await lake.cloud.trail.clear();
    lake.cloud.stats.reset();
    const replay = await replayOnce(runtime);
    const calls = { source: callsIn(lake.cloud, SOURCE), target: callsIn(lake.cloud, TARGET) };
    const getTables = { source: getTablesDatabases(lake, SOURCE), target: getTablesDatabases(lake, TARGET) };
    console.log(`${JSON.stringify(getTables)} ${JSON.stringify(calls)}`);
    return { replay, getTables, calls };
  }

  it('deleted: its tables, partitions, filter, tags and grants go from the target, nothing else is read', async () => {
    const config = await lake.freshConfig();
    await createDatabase(lake, 'rt_gone', ['events', 'users']);
    expect((await runOnce(lake.runtime(config))).replay.failures).toEqual([]);
    expect(await targetTables(lake, 'rt_gone')).toEqual(['events', 'users']);
    expect((await lake.verify(config)).inSync).toBe(true);

    await lake.source.glue.send(new DeleteDatabaseCommand({ Name: 'rt_gone' }));
    const { replay, getTables, calls } = await replayMeasured(config);
    expect(replay.failures).toEqual([]);
    expect(replay.circuitBreaker.tripped).toBe(false);
    expect(calls.source['glue:GetPartitions'] ?? 0).toBe(0);
    expect(calls.target['glue:GetPartitions'] ?? 0).toBe(0);
    expect(replay.events).toMatchObject({ read: 2, applied: 2 });
    expect(await targetTables(lake, 'rt_gone')).toBeUndefined();
    expect((await lake.verify(config)).inSync).toBe(true);
    // The source no longer has the database; the target lists its tables only.
    expect(getTables.source).toEqual([]);
    expect(getTables.target.length).toBeGreaterThan(0);
    expect(new Set(getTables.target)).toEqual(new Set(['rt_gone']));
  });

  it('deleted and created again with other tables: the old tables and their grants go, the new ones come', async () => {
    const config = await lake.freshConfig();
    await createDatabase(lake, 'rt_again', ['old_a', 'old_b']);
    expect((await runOnce(lake.runtime(config))).replay.failures).toEqual([]);
    expect(await targetTables(lake, 'rt_again')).toEqual(['old_a', 'old_b']);

    await lake.source.glue.send(new DeleteDatabaseCommand({ Name: 'rt_again' }));
    await createDatabase(lake, 'rt_again', ['fresh']);
    const { replay, getTables } = await replayMeasured(config);
    expect(replay.failures).toEqual([]);
    expect(await targetTables(lake, 'rt_again')).toEqual(['fresh']);
    expect((await lake.verify(config)).inSync).toBe(true);
    expect(new Set(getTables.source)).toEqual(new Set(['rt_again']));
    expect(new Set(getTables.target)).toEqual(new Set(['rt_again']));
  });
});
