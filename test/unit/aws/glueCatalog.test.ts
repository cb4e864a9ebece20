import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../src/aws/clock.ts';
import { GlueCatalogReader } from '../../../src/aws/glueCatalogReader.ts';
import { GlueCatalogWriter } from '../../../src/aws/glueCatalogWriter.ts';
import { LakemirrorError } from '../../../src/model/errors.ts';
import { collect } from '../support/collect.ts';
import { awsError } from './fakes/fakeAwsClient.ts';
import { createFakeGlue } from './fakes/fakeGlueClient.ts';

const retry = () => ({ clock: createFakeClock(), random: () => 0 });

function seeded(partitionCount = 5) {
  const glue = createFakeGlue();
  for (const name of ['a', 'b', 'c', 'd', 'e']) glue.databases.set(name, { Name: name });
  for (const name of ['t1', 't2', 't3']) glue.tables.set(`a.${name}`, { Name: name, DatabaseName: 'a' });
  glue.partitions.set(
    'a.t1',
    Array.from({ length: partitionCount }, (_, i) => ({ Values: [String(i)] })),
  );
  return glue;
}

describe('GlueCatalogReader', () => {
  it('pages through databases and tables (MaxResults 100)', async () => {
    const glue = seeded();
    const reader = new GlueCatalogReader(glue.client, { region: 'us-east-1', retry: retry() });
    expect((await reader.listDatabases()).map((d) => d.Name)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(glue.fake.callsOf('GetDatabases')).toHaveLength(3);
    expect((await reader.listTables('a')).map((t) => t.Name)).toEqual(['t1', 't2', 't3']);
    expect(glue.fake.callsOf('GetTables').map((c) => c.input.MaxResults)).toEqual([100, 100]);
  });

  it('streams partitions page by page, and merges parallel segments', async () => {
    const glue = seeded(7);
    const reader = new GlueCatalogReader(glue.client, { region: 'us-east-1', retry: retry() });
    expect((await collect(reader.streamPartitions('a', 't1'))).map((p) => p.Values?.[0])).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
    ]);
    expect(glue.fake.callsOf('GetPartitions').every((c) => c.input.MaxResults === 1000)).toBe(true);
    expect(glue.fake.callsOf('GetPartitions')).toHaveLength(4);

    const merged = await collect(reader.streamPartitions('a', 't1', { segments: 3 }));
    expect(merged.map((p) => p.Values?.[0]).sort()).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    const segments = glue.fake
      .callsOf('GetPartitions')
      .slice(4)
      .map((c) => c.input.Segment);
    expect(new Set(segments.map((s) => s.SegmentNumber))).toEqual(new Set([0, 1, 2]));
    expect(() => reader.streamPartitions('a', 't1', { segments: 11 })).toThrow(/1 to 10/);
  });

  it('returns undefined for a missing database or table', async () => {
    const reader = new GlueCatalogReader(seeded().client, { region: 'us-east-1', retry: retry() });
    expect(await reader.getDatabase('zz')).toBeUndefined();
    expect(await reader.getTable('a', 'zz')).toBeUndefined();
    expect((await reader.getTable('a', 't2'))?.Name).toBe('t2');
  });

  it('gets partitions in chunks of 1000 and retries unprocessed keys', async () => {
    const glue = seeded(2500);
    glue.state.unprocessedOnce = 3;
    const reader = new GlueCatalogReader(glue.client, {
      region: 'us-east-1',
      concurrency: 1,
      retry: retry(),
    });
    const wanted = Array.from({ length: 2500 }, (_, i) => [String(i)]);
    const found = await reader.getPartitions('a', 't1', wanted);
    expect(found).toHaveLength(2500);
    const sizes = glue.fake.callsOf('BatchGetPartition').map((c) => c.input.PartitionsToGet.length);
    expect(sizes).toEqual([1000, 3, 1000, 500]);
  });

  it('retries throttling and names the object in a fatal error', async () => {
    const glue = seeded();
    glue.fake.failNext('GetTables', () => awsError('ThrottlingException', 'Rate exceeded'), 3);
    const reader = new GlueCatalogReader(glue.client, {
      region: 'us-east-1',
      catalogId: '111122223333',
      retry: retry(),
    });
    expect(await reader.listTables('a')).toHaveLength(3);
    expect(glue.fake.callsOf('GetTables')).toHaveLength(5);
    expect(glue.fake.callsOf('GetTables')[0]?.input.CatalogId).toBe('111122223333');

    glue.fake.failNext('GetTables', () => awsError('AccessDeniedException', 'no'));
    const error = (await reader.listTables('a').catch((e: unknown) => e)) as LakemirrorError;
    expect(error).toBeInstanceOf(LakemirrorError);
    expect(error).toMatchObject({ code: 'aws.AccessDeniedException', object: 'database a in us-east-1' });
  });
});

describe('GlueCatalogWriter', () => {
  it('creates partitions in batches of at most 100; existing ones need update, bad ones fail', async () => {
    const glue = seeded(0);
    glue.partitions.set('a.t1', [{ Values: ['5'] }]);
    const writer = new GlueCatalogWriter(glue.client, { region: 'us-west-2', retry: retry() });
    const inputs = Array.from({ length: 250 }, (_, i) => ({ Values: [i === 7 ? 'bad' : String(i)] }));
    const results = await writer.batchCreatePartitions('a', 't1', inputs);
    expect(glue.fake.callsOf('BatchCreatePartition').map((c) => c.input.PartitionInputList.length)).toEqual([
      100, 100, 50,
    ]);
    expect(results).toHaveLength(250);
    expect(results[5]).toEqual({ key: ['5'], ok: true, note: 'alreadyExists' });
    expect(results[7]).toEqual({
      key: ['bad'],
      ok: false,
      error: { code: 'aws.InvalidInputException', message: 'bad value' },
    });
    expect(results.filter((r) => r.ok && r.note === undefined)).toHaveLength(248);
  });

  it('updates in batches of 100 and deletes in batches of 25, reporting per item', async () => {
    const glue = seeded(60);
    const writer = new GlueCatalogWriter(glue.client, { region: 'us-west-2', retry: retry() });
    const updates = Array.from({ length: 101 }, (_, i) => ({
      PartitionValueList: [String(i)],
      PartitionInput: { Values: [String(i)], Parameters: { x: '1' } },
    }));
    const updated = await writer.batchUpdatePartitions('a', 't1', updates);
    expect(glue.fake.callsOf('BatchUpdatePartition').map((c) => c.input.Entries.length)).toEqual([100, 1]);
    expect(updated.filter((r) => !r.ok).map((r) => r.key[0])).toEqual(
      Array.from({ length: 41 }, (_, i) => String(60 + i)),
    );

    const deleted = await writer.batchDeletePartitions(
      'a',
      't1',
      Array.from({ length: 61 }, (_, i) => [String(i)]),
    );
    expect(glue.fake.callsOf('BatchDeletePartition').map((c) => c.input.PartitionsToDelete.length)).toEqual([
      25, 25, 11,
    ]);
    expect(deleted[60]).toEqual({ key: ['60'], ok: true, note: 'notFound' });
    expect(glue.partitions.get('a.t1')).toEqual([]);
  });

  it('marks every item of a failed batch as failed instead of throwing', async () => {
    const glue = seeded(0);
    const writer = new GlueCatalogWriter(glue.client, { region: 'us-west-2', retry: retry() });
    const results = await writer.batchCreatePartitions('a', 'missing', [
      { Values: ['1'] },
      { Values: ['2'] },
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'aws.EntityNotFoundException',
      'aws.EntityNotFoundException',
    ]);
  });

  it('retries throttled batches and bounds concurrency', async () => {
    const glue = seeded(0);
    glue.fake.failNext('BatchCreatePartition', () => awsError('ThrottlingException'), 2);
    let inFlight = 0;
    let maxInFlight = 0;
    const send = glue.fake.send.bind(glue.fake);
    glue.fake.send = async (command) => {
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      try {
        return await send(command);
      } finally {
        inFlight--;
      }
    };
    const writer = new GlueCatalogWriter(glue.client, {
      region: 'us-west-2',
      concurrency: 2,
      retry: retry(),
    });
    const results = await writer.batchCreatePartitions(
      'a',
      't1',
      Array.from({ length: 500 }, (_, i) => ({ Values: [String(i)] })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(glue.fake.callsOf('BatchCreatePartition')).toHaveLength(7);
    expect(maxInFlight).toBe(2);
  });

  it('updates tables with SkipArchive and deletes idempotently', async () => {
    const glue = seeded(0);
    const writer = new GlueCatalogWriter(glue.client, { region: 'us-west-2', retry: retry() });
    await writer.updateTable('a', { Name: 't1', Description: 'new' });
    expect(glue.fake.callsOf('UpdateTable')[0]?.input.SkipArchive).toBe(true);
    await writer.deleteTable('a', 't1');
    await writer.deleteTable('a', 't1');
    await writer.createDatabase({ Name: 'z' });
    await writer.deleteDatabase('z');
    await writer.deleteDatabase('z');
    await expect(writer.createDatabase({ Name: 'a' })).rejects.toMatchObject({
      code: 'aws.AlreadyExistsException',
      object: 'database a in us-west-2',
    });
  });
});
