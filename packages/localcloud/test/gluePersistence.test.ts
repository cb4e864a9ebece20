import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BatchCreatePartitionCommand,
  CreateDatabaseCommand,
  CreateTableCommand,
  GetDatabaseCommand,
  GetPartitionsCommand,
  GetTableCommand,
  GetTableVersionsCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-glue';
import { afterAll, describe, expect, it } from 'vitest';
import { clientsFor, startTestCloud } from '../../../test/support/localCloud.ts';

describe('local cloud Glue: persistence', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lakemirror-glue-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('reads back databases, tables, versions and partitions after a restart on the same data dir', async () => {
    const first = await startTestCloud({ dataDir, embedded: false });
    const glue = clientsFor(first, 'eu-west-1').glue;
    await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'kept', Description: 'survives' } }));
    const tableInput = { Name: 't', PartitionKeys: [{ Name: 'dt', Type: 'string' }] };
    await glue.send(new CreateTableCommand({ DatabaseName: 'kept', TableInput: tableInput }));
    await glue.send(
      new UpdateTableCommand({ DatabaseName: 'kept', TableInput: { ...tableInput, Description: 'v1' } }),
    );
    const values = Array.from({ length: 50 }, (_, i) => [`2024-01-${String(i).padStart(2, '0')}`]);
    await glue.send(
      new BatchCreatePartitionCommand({
        DatabaseName: 'kept',
        TableName: 't',
        PartitionInputList: values.map((Values) => ({ Values })),
      }),
    );
    await first.stop();

    const second = await startTestCloud({ dataDir, embedded: false });
    try {
      const again = clientsFor(second, 'eu-west-1').glue;
      expect((await again.send(new GetDatabaseCommand({ Name: 'kept' }))).Database?.Description).toBe(
        'survives',
      );
      expect(
        (await again.send(new GetTableCommand({ DatabaseName: 'kept', Name: 't' }))).Table,
      ).toMatchObject({
        Description: 'v1',
        VersionId: '1',
      });
      const versions = await again.send(
        new GetTableVersionsCommand({ DatabaseName: 'kept', TableName: 't' }),
      );
      expect(versions.TableVersions!.map((v) => v.VersionId)).toEqual(['1', '0']);
      const first20 = await again.send(
        new GetPartitionsCommand({ DatabaseName: 'kept', TableName: 't', MaxResults: 20 }),
      );
      const rest = await again.send(
        new GetPartitionsCommand({ DatabaseName: 'kept', TableName: 't', NextToken: first20.NextToken }),
      );
      const read = [...first20.Partitions!, ...rest.Partitions!].map((p) => p.Values);
      expect(read).toEqual(values);
    } finally {
      await second.stop();
    }
  });
});
