import {
  AlreadyExistsException,
  BatchCreatePartitionCommand,
  BatchDeletePartitionCommand,
  BatchGetPartitionCommand,
  BatchUpdatePartitionCommand,
  CreateDatabaseCommand,
  CreatePartitionCommand,
  CreateTableCommand,
  DeletePartitionCommand,
  EntityNotFoundException,
  GetPartitionCommand,
  GetPartitionsCommand,
  type GetPartitionsCommandInput,
  type GlueClient,
  InvalidInputException,
  type Partition,
  UpdatePartitionCommand,
  ValidationException,
} from '@aws-sdk/client-glue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor, failure, startTestCloud } from '../../../test/support/localCloud.ts';
import type { LocalCloud } from '../src/server.ts';

const columns = [{ Name: 'v', Type: 'string' }];
const partitionInput = (year: number, month: number) => ({
  Values: [String(year), String(month)],
  StorageDescriptor: { Columns: columns, Location: `s3://lake/t/year=${year}/month=${month}/` },
});

describe('local cloud Glue: partitions', () => {
  let cloud: LocalCloud;
  let glue: GlueClient;
  const table = { DatabaseName: 'db', TableName: 't' };

  /** Every partition of a GetPartitions scan, following NextToken. */
  async function scan(input: Partial<GetPartitionsCommandInput> = {}): Promise<Partition[]> {
    const found: Partition[] = [];
    let token: string | undefined;
    do {
      const page = await glue.send(new GetPartitionsCommand({ ...table, ...input, NextToken: token }));
      found.push(...page.Partitions!);
      token = page.NextToken;
    } while (token);
    return found;
  }

  beforeAll(async () => {
    cloud = await startTestCloud({ embedded: false });
    glue = clientsFor(cloud).glue;
    await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'db' } }));
    await glue.send(
      new CreateTableCommand({
        DatabaseName: 'db',
        TableInput: {
          Name: 't',
          StorageDescriptor: { Columns: columns, Location: 's3://lake/t/' },
          PartitionKeys: [
            { Name: 'year', Type: 'int' },
            { Name: 'month', Type: 'int' },
          ],
        },
      }),
    );
    // 2,500 partitions: years 2000..2099 × months 0..24, in batches of 100.
    const all = Array.from({ length: 2500 }, (_, i) => partitionInput(2000 + Math.floor(i / 25), i % 25));
    for (let i = 0; i < all.length; i += 100) {
      const answer = await glue.send(
        new BatchCreatePartitionCommand({ ...table, PartitionInputList: all.slice(i, i + 100) }),
      );
      expect(answer.Errors ?? []).toEqual([]);
    }
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('pages GetPartitions over 2,500 partitions with no duplicates', async () => {
    const partitions = await scan({ MaxResults: 1000 });
    expect(partitions).toHaveLength(2500);
    expect(new Set(partitions.map((p) => p.Values!.join('/'))).size).toBe(2500);
    expect(partitions[0]).toMatchObject({ DatabaseName: 'db', TableName: 't', CatalogId: '123456789012' });
    expect(partitions[0]!.CreationTime).toBeInstanceOf(Date);
  });

  it('splits the partitions into segments whose union is the whole set', async () => {
    const keys: string[] = [];
    for (let segment = 0; segment < 4; segment++) {
      const part = await scan({ MaxResults: 300, Segment: { SegmentNumber: segment, TotalSegments: 4 } });
      expect(part.length).toBeGreaterThan(0);
      keys.push(...part.map((p) => p.Values!.join('/')));
    }
    expect(keys).toHaveLength(2500);
    expect(new Set(keys).size).toBe(2500);
    expect(
      await failure(
        glue.send(new GetPartitionsCommand({ ...table, Segment: { SegmentNumber: 0, TotalSegments: 11 } })),
      ),
    ).toBeInstanceOf(ValidationException);
    expect(
      await failure(
        glue.send(new GetPartitionsCommand({ ...table, Segment: { SegmentNumber: 3, TotalSegments: 3 } })),
      ),
    ).toBeInstanceOf(InvalidInputException);
    expect(await failure(glue.send(new GetPartitionsCommand({ ...table, MaxResults: 1001 })))).toBeInstanceOf(
      ValidationException,
    );
  });

  it('filters by Expression on the partition keys', async () => {
    const count = async (Expression: string) => (await scan({ Expression })).length;
    expect(await count('year = 2010')).toBe(25);
    expect(await count("year = '2010' AND month >= 20")).toBe(5);
    expect(await count('year <> 2010 AND month = 0')).toBe(99);
    expect(await count('(year < 2002 OR year > 2097) AND month <= 1')).toBe(8);
    expect(await count('year BETWEEN 2000 AND 2001 AND month IN (1, 2, 3)')).toBe(6);
    expect(await count('NOT year >= 2001')).toBe(25);
    expect(await count("year LIKE '201%' AND month = 3")).toBe(10);
    for (const bad of ['year ==', 'colour = 1', 'year = 1 XOR month = 2', 'year = 1)']) {
      expect(
        await failure(glue.send(new GetPartitionsCommand({ ...table, Expression: bad }))),
      ).toBeInstanceOf(InvalidInputException);
    }
  });

  it('leaves the column schema out on request', async () => {
    const page = await glue.send(
      new GetPartitionsCommand({ ...table, MaxResults: 1, ExcludeColumnSchema: true }),
    );
    expect(page.Partitions![0]!.StorageDescriptor).toEqual({
      Location: expect.stringContaining('s3://lake/t/'),
    });
  });

  it('creates, reads, updates and deletes one partition', async () => {
    await glue.send(new CreatePartitionCommand({ ...table, PartitionInput: partitionInput(3000, 1) }));
    expect(
      await failure(
        glue.send(new CreatePartitionCommand({ ...table, PartitionInput: partitionInput(3000, 1) })),
      ),
    ).toBeInstanceOf(AlreadyExistsException);
    expect(
      await failure(
        glue.send(new CreatePartitionCommand({ ...table, PartitionInput: { Values: ['3000'] } })),
      ),
    ).toBeInstanceOf(InvalidInputException);
    const { Partition: created } = await glue.send(
      new GetPartitionCommand({ ...table, PartitionValues: ['3000', '1'] }),
    );
    await glue.send(
      new UpdatePartitionCommand({
        ...table,
        PartitionValueList: ['3000', '1'],
        PartitionInput: { ...partitionInput(3000, 1), Parameters: { k: 'v' } },
      }),
    );
    const { Partition: updated } = await glue.send(
      new GetPartitionCommand({ ...table, PartitionValues: ['3000', '1'] }),
    );
    expect(updated).toMatchObject({ Parameters: { k: 'v' }, CreationTime: created!.CreationTime });
    await glue.send(new DeletePartitionCommand({ ...table, PartitionValues: ['3000', '1'] }));
    expect(
      await failure(glue.send(new GetPartitionCommand({ ...table, PartitionValues: ['3000', '1'] }))),
    ).toBeInstanceOf(EntityNotFoundException);
    expect(
      await failure(glue.send(new GetPartitionsCommand({ DatabaseName: 'db', TableName: 'missing' }))),
    ).toBeInstanceOf(EntityNotFoundException);
  });

  it('reports batch create, update and delete failures per item', async () => {
    const created = await glue.send(
      new BatchCreatePartitionCommand({
        ...table,
        PartitionInputList: [partitionInput(4000, 1), partitionInput(2000, 0), { Values: ['4000'] }],
      }),
    );
    expect(created.Errors).toEqual([
      {
        PartitionValues: ['2000', '0'],
        ErrorDetail: { ErrorCode: 'AlreadyExistsException', ErrorMessage: 'Partition already exists.' },
      },
      {
        PartitionValues: ['4000'],
        ErrorDetail: { ErrorCode: 'InvalidInputException', ErrorMessage: expect.any(String) },
      },
    ]);
    const updated = await glue.send(
      new BatchUpdatePartitionCommand({
        ...table,
        Entries: [
          {
            PartitionValueList: ['4000', '1'],
            PartitionInput: { ...partitionInput(4000, 1), Parameters: { x: 'y' } },
          },
          { PartitionValueList: ['4000', '9'], PartitionInput: partitionInput(4000, 9) },
        ],
      }),
    );
    expect(updated.Errors).toEqual([
      {
        PartitionValueList: ['4000', '9'],
        ErrorDetail: { ErrorCode: 'EntityNotFoundException', ErrorMessage: 'Cannot find partition.' },
      },
    ]);
    const got = await glue.send(
      new BatchGetPartitionCommand({
        ...table,
        PartitionsToGet: [{ Values: ['4000', '1'] }, { Values: ['4000', '9'] }],
      }),
    );
    expect(got.Partitions!.map((p) => p.Parameters)).toEqual([{ x: 'y' }]);
    expect(got.UnprocessedKeys).toEqual([]);
    const deleted = await glue.send(
      new BatchDeletePartitionCommand({
        ...table,
        PartitionsToDelete: [{ Values: ['4000', '1'] }, { Values: ['4000', '9'] }],
      }),
    );
    expect(deleted.Errors).toEqual([
      {
        PartitionValues: ['4000', '9'],
        ErrorDetail: { ErrorCode: 'EntityNotFoundException', ErrorMessage: 'Cannot find partition.' },
      },
    ]);
    expect((await scan()).length).toBe(2500);
  });

  it('rejects batches over their maxima before touching anything', async () => {
    const inputs = Array.from({ length: 101 }, (_, i) => partitionInput(5000, i));
    const error = await failure(
      glue.send(new BatchCreatePartitionCommand({ ...table, PartitionInputList: inputs })),
    );
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.message).toMatch(
      /^1 validation error detected: Value '\[PartitionInput\(values=\[5000, 0\]\).*' at 'partitionInputList' failed to satisfy constraint: Member must have length less than or equal to 100$/,
    );
    const keys = (n: number) => Array.from({ length: n }, (_, i) => ({ Values: ['2000', String(i)] }));
    expect(
      await failure(glue.send(new BatchDeletePartitionCommand({ ...table, PartitionsToDelete: keys(26) }))),
    ).toBeInstanceOf(ValidationException);
    expect(
      await failure(glue.send(new BatchGetPartitionCommand({ ...table, PartitionsToGet: keys(1001) }))),
    ).toBeInstanceOf(ValidationException);
    const entries = keys(101).map((k) => ({
      PartitionValueList: k.Values,
      PartitionInput: { Values: k.Values },
    }));
    expect(
      await failure(glue.send(new BatchUpdatePartitionCommand({ ...table, Entries: entries }))),
    ).toBeInstanceOf(ValidationException);
    expect((await scan()).length).toBe(2500);
  });
});
