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
import type { RegionSide } from '../../src/engine/regionSide.ts';
import { shardOf } from '../../src/realtime/eventTable/items.ts';
import { collectOnce, eventTableOf, replayOnce, replayPending, runOnce } from '../../src/realtime/index.ts';
import { replayConfigOf } from '../../src/realtime/replay/replayPending.ts';
import { readAudit } from '../support/audit.ts';
import { callsIn, sum, writeCalls } from '../support/localCloud.ts';
import {
  ACCOUNT,
  type RealtimeLake,
  roleArn,
  SOURCE,
  SOURCE_BUCKET,
  startRealtimeLake,
  TARGET,
} from './support/realtimeLake.ts';
import { recordEvent } from './support/recordEvents.ts';

const s3 = (path: string) => `s3://${SOURCE_BUCKET}/${path}`;

/** Changes one parameter of a table through the real SDK (GetTable, then UpdateTable with the same input). */
async function touchTable(lake: RealtimeLake, database: string, name: string, owner: string) {
  const { glue } = lake.source;
  const table = (await glue.send(new GetTableCommand({ DatabaseName: database, Name: name }))).Table!;
  await glue.send(
    new UpdateTableCommand({
      DatabaseName: database,
      TableInput: {
        Name: name,
        PartitionKeys: table.PartitionKeys,
        StorageDescriptor: table.StorageDescriptor,
        TableType: table.TableType,
        Parameters: { ...table.Parameters, owner },
      },
    }),
  );
}

async function targetTable(lake: RealtimeLake, database: string, name: string) {
  try {
    return (await lake.target.glue.send(new GetTableCommand({ DatabaseName: database, Name: name }))).Table;
  } catch (error) {
    if ((error as Error).name === 'EntityNotFoundException') return undefined;
    throw error;
  }
}

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

  it('one table changed: measures the API calls from the staged event to the converged target', async () => {
    const config = await lake.freshConfig();
    const runtime = lake.runtime(config);
    await Promise.all([runtime.source(), runtime.target(config.targets[0]!)]);
    await touchTable(lake, 'sales', 'customers', 'measured');
    const collected = await collectOnce(runtime);
    expect(collected.staged).toBe(1);
    lake.cloud.stats.reset();
    const replay = await replayOnce(runtime);
    expect(replay.events).toMatchObject({ read: 1, applied: 1 });
    const source = callsIn(lake.cloud, SOURCE);
    const target = callsIn(lake.cloud, TARGET);
    const catalog = (calls: Record<string, number>) =>
      sum(Object.fromEntries(Object.entries(calls).filter(([op]) => !op.startsWith('dynamodb:'))));
    const glueAndLf = catalog(source) + catalog(target);
    const eventTable = sum(source) - catalog(source);
    console.log(
      `one table changed: ${glueAndLf} Glue/LF calls (source ${JSON.stringify(source)}, target ${JSON.stringify(target)}); ${eventTable} event-table calls; ${glueAndLf + eventTable} in all after the collector staged the event`,
    );
    expect(glueAndLf).toBeLessThanOrEqual(8);
    expect((await targetTable(lake, 'sales', 'customers'))?.Parameters?.owner).toBe('measured');

    // The replay's write is in the audit log, once, like an on-demand write.
    const audit = await readAudit(config.audit.uri);
    const writes = audit.filter((r) => r.object === 'sales.customers' && r.operation === 'UpdateTable');
    expect(writes).toHaveLength(1);
    expect(writes[0]!.principal).toContain('arn:aws:');
  });

  it('writes the new partitions of several tables at once, not one table after another', async () => {
    const config = await lake.freshConfig();
    const grown = [
      { table: 'order_items', values: ['2030-01-01'] },
      { table: 'returns', values: ['2030-01-01'] },
      { table: 'orders', values: ['2030-01-01', 'eu'] },
    ];
    for (const { table, values } of grown)
      await lake.source.glue.send(
        new BatchCreatePartitionCommand({
          DatabaseName: 'sales',
          TableName: table,
          PartitionInputList: [
            { Values: values, StorageDescriptor: { Location: s3(`sales/${table}/${values.join('/')}`) } },
          ],
        }),
      );
    let inFlight = 0;
    let mostInFlight = 0;
    const slowTargetBatches = (side: RegionSide): RegionSide => {
      if (side.region !== TARGET) return side;
      const writer = side.glueWriter;
      const glueWriter = new Proxy(writer, {
        get(object, prop, receiver) {
          const value = Reflect.get(object, prop, receiver);
          if (prop !== 'batchCreatePartitions' || typeof value !== 'function') return value;
          return async (...args: unknown[]) => {
            inFlight += 1;
            mostInFlight = Math.max(mostInFlight, inFlight);
            // Long enough that a second table's batch, sent at once, overlaps this one.
            await new Promise((resolve) => setTimeout(resolve, 200));
            try {
              return await value.apply(object, args);
            } finally {
              inFlight -= 1;
            }
          };
        },
      });
      return { ...side, glueWriter } as RegionSide;
    };
    const runtime = lake.runtime(config, { wrapSide: slowTargetBatches });
    expect((await collectOnce(runtime)).staged).toBe(grown.length);

    const replay = await replayOnce(runtime);

    expect(replay.events).toMatchObject({ read: grown.length, applied: grown.length });
    expect(mostInFlight).toBeGreaterThan(1);
    for (const { table, values } of grown) {
      const { Partitions } = await lake.target.glue.send(
        new GetPartitionsCommand({ DatabaseName: 'sales', TableName: table }),
      );
      expect(Partitions?.map((p) => p.Values)).toContainEqual(values);
    }
  });

  it('reading the same window twice stages nothing new, and a double replay writes nothing twice', async () => {
    const config = await lake.freshConfig();
    await touchTable(lake, 'sales', 'products', 'twice');
    await lake.source.lakeFormation.send(
      new GrantPermissionsCommand({
        Principal: { DataLakePrincipalIdentifier: roleArn('auditor') },
        Resource: { Table: { DatabaseName: 'sales', Name: 'products' } },
        Permissions: ['DESCRIBE'],
      }),
    );
    const first = await runOnce(lake.runtime(config));
    expect(first.replay.events).toMatchObject({ read: 2, applied: 2 });

    lake.cloud.stats.reset();
    const second = await runOnce(lake.runtime(config));
    expect(second.collect).toMatchObject({ staged: 0, duplicates: 2 });
    expect(second.replay.events.read).toBe(0);
    expect(writeCalls(lake.cloud, TARGET)).toEqual({});

    // The same events staged into another table (as if dedup had failed) replay to no writes at all.
    const again = await lake.freshConfig({ realtime: { lookbackMinutes: 5 } });
    await lake.cloud.trail.clear();
    const items = await eventTableOf(lake.runtime(config)).listRecent({
      since: new Date(Date.now() - 600_000),
    });
    const table = eventTableOf(lake.runtime(again));
    for (const item of items) {
      const { appliedAt: _a, lagMs: _l, ...pending } = item;
      await table.putEventIfAbsent({
        ...pending,
        status: 'pending',
        pendingShard: shardOf(item.objectKey),
        pendingSort: `${item.eventTime}#${item.eventId}`,
      });
    }
    lake.cloud.stats.reset();
    const replayed = await replayOnce(lake.runtime(again));
    expect(replayed.events).toMatchObject({ read: 2, applied: 2 });
    expect(writeCalls(lake.cloud, TARGET)).toEqual({});
    // Marking is conditional: settling the same items again changes nothing.
    const stale = await replayPending({
      runtime: lake.runtime(again),
      table,
      config: replayConfigOf(again),
    });
    expect(stale.events.read).toBe(0);
    for (const item of items) expect(await table.markApplied(item, new Date())).toBe('notPending');
    expect((await targetTable(lake, 'sales', 'products'))?.Parameters?.owner).toBe('twice');
  });

  it('an older event delivered after a newer one was applied changes nothing (order-insensitive)', async () => {
    const config = await lake.freshConfig();
    await touchTable(lake, 'finance', 'budgets', 'newest');
    const first = await runOnce(lake.runtime(config));
    expect(first.replay.events.applied).toBe(1);
    // A late delivery: an UpdateTable of the same table from 30 s ago, seen only now.
    recordEvent(lake.cloud, {
      service: 'glue',
      operation: 'UpdateTable',
      input: { DatabaseName: 'finance', TableInput: { Name: 'budgets', Parameters: { owner: 'older' } } },
      atMs: Date.now() - 30_000,
    });
    lake.cloud.stats.reset();
    const second = await runOnce(lake.runtime(config));
    expect(second.collect.staged).toBe(1);
    expect(second.replay.events).toMatchObject({ read: 1, applied: 1 });
    expect(writeCalls(lake.cloud, TARGET)).toEqual({});
    expect((await targetTable(lake, 'finance', 'budgets'))?.Parameters?.owner).toBe('newest');
  });

  it('events for an object deleted later converge to its absence, whether deleted before or after collecting', async () => {
    const config = await lake.freshConfig();
    const { glue, lakeFormation: lf } = lake.source;
    const create = (name: string) =>
      glue.send(
        new CreateTableCommand({
          DatabaseName: 'sales',
          TableInput: {
            Name: name,
            PartitionKeys: [{ Name: 'dt', Type: 'string' }],
            StorageDescriptor: { Columns: [{ Name: 'id', Type: 'int' }], Location: s3(`sales/${name}`) },
          },
        }),
      );
    await create('short_lived');
    await glue.send(
      new BatchCreatePartitionCommand({
        DatabaseName: 'sales',
        TableName: 'short_lived',
        PartitionInputList: [
          { Values: ['2026-02-01'], StorageDescriptor: { Location: s3('sales/short_lived/dt=2026-02-01') } },
        ],
      }),
    );
    await lf.send(
      new GrantPermissionsCommand({
        Principal: { DataLakePrincipalIdentifier: roleArn('analyst') },
        Resource: { Table: { DatabaseName: 'sales', Name: 'short_lived' } },
        Permissions: ['SELECT'],
      }),
    );
    await glue.send(new DeleteTableCommand({ DatabaseName: 'sales', Name: 'short_lived' }));
    await create('gone_before_replay');
    const runtime = lake.runtime(config);
    const collected = await collectOnce(runtime);
    // The DeleteTable stages five objects: the table, its partitions, filters, tag assignments and grants.
    expect(collected.staged).toBe(9);
    await glue.send(new DeleteTableCommand({ DatabaseName: 'sales', Name: 'gone_before_replay' }));
    lake.cloud.stats.reset();
    const replay = await replayOnce(runtime);
    expect(replay.failures).toEqual([]);
    expect(replay.events).toMatchObject({ read: 9, applied: 9 });
    expect(writeCalls(lake.cloud, TARGET)).toEqual({});
    expect(await targetTable(lake, 'sales', 'short_lived')).toBeUndefined();
    expect(await targetTable(lake, 'sales', 'gone_before_replay')).toBeUndefined();
    expect((await lake.verify(config)).inSync).toBe(true);
  });
});
