import {
  type ColumnStatistics,
  CreateDatabaseCommand,
  CreatePartitionIndexCommand,
  CreateTableCommand,
  CreateUserDefinedFunctionCommand,
  EntityNotFoundException,
  GetColumnStatisticsForTableCommand,
  GetPartitionIndexesCommand,
  GetUserDefinedFunctionsCommand,
  type GlueClient,
  UpdateColumnStatisticsForTableCommand,
  ValidationException,
} from '@aws-sdk/client-glue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor, failure, startTestCloud } from '../../../test/support/localCloud.ts';
import { DEFAULT_ACCOUNT_ID } from '../src/accounts.ts';
import type { LocalCloud } from '../src/server.ts';

const manyColumns = Array.from({ length: 120 }, (_, i) => ({ Name: `c${i}`, Type: 'bigint' }));
const stats = (name: string): ColumnStatistics => ({
  ColumnName: name,
  ColumnType: 'bigint',
  AnalyzedTime: new Date('2026-11-01T00:00:00Z'),
  StatisticsData: {
    Type: 'LONG',
    LongColumnStatisticsData: { NumberOfNulls: 0, NumberOfDistinctValues: 1 },
  },
});

describe('local cloud Glue: partition indexes, functions, column statistics', () => {
  let cloud: LocalCloud;
  let glue: GlueClient;
  beforeAll(async () => {
    cloud = await startTestCloud();
    glue = clientsFor(cloud, 'us-east-1').glue;
    await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'db' } }));
    await glue.send(
      new CreateTableCommand({
        DatabaseName: 'db',
        TableInput: {
          Name: 't',
          StorageDescriptor: { Columns: manyColumns },
          PartitionKeys: ['a', 'b', 'c', 'd'].map((Name) => ({ Name, Type: 'string' })),
        },
        PartitionIndexes: [{ IndexName: 'i1', Keys: ['a'] }],
      }),
    );
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('takes indexes on CreateTable and refuses a fourth, a non-partition key, and more than 3 on CreateTable', async () => {
    await glue.send(
      new CreatePartitionIndexCommand({
        DatabaseName: 'db',
        TableName: 't',
        PartitionIndex: { IndexName: 'i2', Keys: ['b', 'a'] },
      }),
    );
    const bad = await failure(
      glue.send(
        new CreatePartitionIndexCommand({
          DatabaseName: 'db',
          TableName: 't',
          PartitionIndex: { IndexName: 'x', Keys: ['c0'] },
        }),
      ),
    );
    expect(bad.name).toBe('InvalidInputException');
    await glue.send(
      new CreatePartitionIndexCommand({
        DatabaseName: 'db',
        TableName: 't',
        PartitionIndex: { IndexName: 'i3', Keys: ['c'] },
      }),
    );
    const fourth = await failure(
      glue.send(
        new CreatePartitionIndexCommand({
          DatabaseName: 'db',
          TableName: 't',
          PartitionIndex: { IndexName: 'i4', Keys: ['d'] },
        }),
      ),
    );
    expect(fourth.name).toBe('ResourceNumberLimitExceededException');
    const listed = await glue.send(new GetPartitionIndexesCommand({ DatabaseName: 'db', TableName: 't' }));
    expect(
      listed.PartitionIndexDescriptorList?.map((d) => [
        d.IndexName,
        d.IndexStatus,
        d.Keys?.map((k) => k.Name),
      ]),
    ).toEqual([
      ['i1', 'ACTIVE', ['a']],
      ['i2', 'ACTIVE', ['b', 'a']],
      ['i3', 'ACTIVE', ['c']],
    ]);
    const tooMany = await failure(
      glue.send(
        new CreateTableCommand({
          DatabaseName: 'db',
          TableInput: { Name: 'u', PartitionKeys: [{ Name: 'a', Type: 'string' }] },
          PartitionIndexes: ['1', '2', '3', '4'].map((n) => ({ IndexName: n, Keys: ['a'] })),
        }),
      ),
    );
    expect(tooMany).toBeInstanceOf(ValidationException);
  });

  it('refuses more than 100 column names on Get and more than 25 statistics on Update', async () => {
    const get = await failure(
      glue.send(
        new GetColumnStatisticsForTableCommand({
          DatabaseName: 'db',
          TableName: 't',
          ColumnNames: manyColumns.slice(0, 101).map((c) => c.Name),
        }),
      ),
    );
    expect(get).toBeInstanceOf(ValidationException);
    expect(get.message).toContain('less than or equal to 100');
    const update = await failure(
      glue.send(
        new UpdateColumnStatisticsForTableCommand({
          DatabaseName: 'db',
          TableName: 't',
          ColumnStatisticsList: manyColumns.slice(0, 26).map((c) => stats(c.Name)),
        }),
      ),
    );
    expect(update).toBeInstanceOf(ValidationException);
    expect(update.message).toContain('less than or equal to 25');
    const written = await glue.send(
      new UpdateColumnStatisticsForTableCommand({
        DatabaseName: 'db',
        TableName: 't',
        ColumnStatisticsList: [stats('c1'), stats('nope')],
      }),
    );
    expect(written.Errors?.map((e) => e.Error?.ErrorCode)).toEqual(['EntityNotFoundException']);
    const read = await glue.send(
      new GetColumnStatisticsForTableCommand({
        DatabaseName: 'db',
        TableName: 't',
        ColumnNames: ['c1', 'c2'],
      }),
    );
    expect(read.ColumnStatisticsList?.map((s) => s.ColumnName)).toEqual(['c1']);
    expect(read.Errors?.map((e) => e.ColumnName)).toEqual(['c2']);
  });

  it('lists functions across databases with Pattern, refuses a bad OwnerType, and records CloudTrail events', async () => {
    await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'db2' } }));
    for (const [db, name] of [
      ['db', 'f_one'],
      ['db2', 'f_two'],
      ['db2', 'other'],
    ] as const)
      await glue.send(
        new CreateUserDefinedFunctionCommand({
          DatabaseName: db,
          FunctionInput: { FunctionName: name, ClassName: 'x.Y' },
        }),
      );
    const all = await glue.send(new GetUserDefinedFunctionsCommand({ Pattern: 'f_*', MaxResults: 1 }));
    expect(all.UserDefinedFunctions?.map((f) => f.FunctionName)).toEqual(['f_one']);
    const next = await glue.send(
      new GetUserDefinedFunctionsCommand({ Pattern: 'f_*', NextToken: all.NextToken }),
    );
    expect(next.UserDefinedFunctions?.map((f) => `${f.DatabaseName}.${f.FunctionName}`)).toEqual([
      'db2.f_two',
    ]);
    const badOwner = await failure(
      glue.send(
        new CreateUserDefinedFunctionCommand({
          DatabaseName: 'db',
          FunctionInput: { FunctionName: 'g', OwnerType: 'TEAM' as 'USER' },
        }),
      ),
    );
    expect(badOwner).toBeInstanceOf(ValidationException);
    const missing = await failure(
      glue.send(
        new CreateUserDefinedFunctionCommand({ DatabaseName: 'nodb', FunctionInput: { FunctionName: 'g' } }),
      ),
    );
    expect(missing).toBeInstanceOf(EntityNotFoundException);
    const events = cloud.trail
      .list(DEFAULT_ACCOUNT_ID, 'us-east-1')
      .map((e) => JSON.parse(e.document).eventName);
    expect(events).toEqual(
      expect.arrayContaining([
        'CreatePartitionIndex',
        'CreateUserDefinedFunction',
        'UpdateColumnStatisticsForTable',
      ]),
    );
  });
});
