import {
  AlreadyExistsException,
  BatchGetTableOptimizerCommand,
  CreateDatabaseCommand,
  CreateTableCommand,
  CreateTableOptimizerCommand,
  EntityNotFoundException,
  type GlueClient,
  InvalidInputException,
  type TableOptimizerType,
  UpdateTableOptimizerCommand,
} from '@aws-sdk/client-glue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor, failure, startTestCloud } from '../../../test/support/localCloud.ts';
import { DEFAULT_ACCOUNT_ID } from '../src/accounts.ts';
import type { LocalCloud } from '../src/server.ts';

const ROLE = `arn:aws:iam::${DEFAULT_ACCOUNT_ID}:role/optimizer`;

describe('local cloud Glue: table optimizers', () => {
  let cloud: LocalCloud;
  let glue: GlueClient;
  const create = (TableName: string, Type: string, roleArn = ROLE) =>
    glue.send(
      new CreateTableOptimizerCommand({
        CatalogId: DEFAULT_ACCOUNT_ID,
        DatabaseName: 'db',
        TableName,
        Type: Type as TableOptimizerType,
        TableOptimizerConfiguration: { roleArn, enabled: true },
      }),
    );

  beforeAll(async () => {
    cloud = await startTestCloud();
    glue = clientsFor(cloud, 'us-east-1').glue;
    await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'db' } }));
    for (const [Name, format] of [
      ['ice', 'iceberg'],
      ['hive', 'hive'],
    ])
      await glue.send(
        new CreateTableCommand({
          DatabaseName: 'db',
          TableInput: { Name, Parameters: { table_type: format! } },
        }),
      );
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('refuses what Glue refuses: other formats, duplicates, unknown types and tables, short role ARNs', async () => {
    await create('ice', 'compaction');
    expect(await failure(create('ice', 'compaction'))).toBeInstanceOf(AlreadyExistsException);
    expect(await failure(create('hive', 'compaction'))).toBeInstanceOf(InvalidInputException);
    expect(await failure(create('nope', 'compaction'))).toBeInstanceOf(EntityNotFoundException);
    expect((await failure(create('ice', 'vacuum'))).name).toBe('ValidationException');
    expect((await failure(create('ice', 'retention', 'arn:short'))).name).toBe('ValidationException');
    const update = glue.send(
      new UpdateTableOptimizerCommand({
        CatalogId: DEFAULT_ACCOUNT_ID,
        DatabaseName: 'db',
        TableName: 'ice',
        Type: 'retention',
        TableOptimizerConfiguration: { roleArn: ROLE, enabled: false },
      }),
    );
    expect(await failure(update)).toBeInstanceOf(EntityNotFoundException);
  });

  it('answers BatchGetTableOptimizer per entry: the optimizers found, and failures for the others', async () => {
    const entry = (tableName: string, type: TableOptimizerType) => ({
      catalogId: DEFAULT_ACCOUNT_ID,
      databaseName: 'db',
      tableName,
      type,
    });
    const answer = await glue.send(
      new BatchGetTableOptimizerCommand({
        Entries: [entry('ice', 'compaction'), entry('ice', 'retention'), entry('gone', 'compaction')],
      }),
    );
    expect(answer.TableOptimizers?.map((t) => [t.tableName, t.tableOptimizer?.type])).toEqual([
      ['ice', 'compaction'],
    ]);
    expect(answer.Failures?.map((f) => [f.tableName, f.type, f.error?.ErrorCode])).toEqual([
      ['ice', 'retention', 'EntityNotFoundException'],
      ['gone', 'compaction', 'EntityNotFoundException'],
    ]);
  });
});
