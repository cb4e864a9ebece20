import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../src/aws/clock.ts';
import { LakeFormationStore } from '../../../src/aws/lakeFormationStore.ts';
import { awsError } from './fakes/fakeAwsClient.ts';
import { createFakeLakeFormation } from './fakes/fakeLakeFormationClient.ts';

const options = () => ({ region: 'us-west-2', retry: { clock: createFakeClock(), random: () => 0 } });
const grant = (principal: string, table: string) => ({
  Principal: { DataLakePrincipalIdentifier: principal },
  Resource: { Table: { DatabaseName: 'sales', Name: table } },
  Permissions: ['SELECT' as const],
});

describe('LakeFormationStore permissions', () => {
  it('grants in batches of at most 20 with unique entry Ids, returning per-entry failures', async () => {
    const lf = createFakeLakeFormation();
    const store = new LakeFormationStore(lf.client, options());
    const entries = Array.from({ length: 45 }, (_, i) =>
      grant(i === 30 ? 'arn:bad' : `arn:role/r${i}`, `t${i}`),
    );
    const results = await store.batchGrant(entries);
    const calls = lf.fake.callsOf('BatchGrantPermissions');
    expect(calls.map((c) => c.input.Entries.length)).toEqual([20, 20, 5]);
    const ids = calls.flatMap((c) => c.input.Entries.map((e: { Id: string }) => e.Id));
    expect(new Set(ids).size).toBe(45);
    expect(results).toHaveLength(45);
    expect(results[30]).toEqual({
      key: entries[30],
      ok: false,
      error: { code: 'aws.InvalidInputException', message: 'bad principal' },
    });
    expect(results.filter((r) => r.ok)).toHaveLength(44);
    expect(await store.batchRevoke(entries.slice(0, 3))).toHaveLength(3);
  });

  it('lists permissions over every page and retries throttling', async () => {
    const lf = createFakeLakeFormation();
    const store = new LakeFormationStore(lf.client, options());
    await store.batchGrant(Array.from({ length: 5 }, (_, i) => grant(`arn:role/r${i}`, 't')));
    lf.fake.failNext('ListPermissions', () => awsError('ThrottlingException', 'Rate exceeded'), 2);
    expect(await store.listPermissions()).toHaveLength(5);
    expect(lf.fake.callsOf('ListPermissions')).toHaveLength(5);
    const mine = await store.listPermissions({ principal: { DataLakePrincipalIdentifier: 'arn:role/r1' } });
    expect(mine).toHaveLength(1);
  });
});

describe('LakeFormationStore LF-Tags, locations, filters, settings', () => {
  it('creates, updates, lists and deletes LF-Tags', async () => {
    const lf = createFakeLakeFormation();
    const store = new LakeFormationStore(lf.client, options());
    for (const key of ['a', 'b', 'c']) await store.createLfTag(key, ['x']);
    await store.updateLfTag('a', { add: ['y'], remove: ['x'] });
    expect(lf.fake.callsOf('UpdateLFTag')[0]?.input).toEqual({
      TagKey: 'a',
      TagValuesToAdd: ['y'],
      TagValuesToDelete: ['x'],
    });
    expect(await store.listLfTags()).toEqual([
      { TagKey: 'a', TagValues: ['y'] },
      { TagKey: 'b', TagValues: ['x'] },
      { TagKey: 'c', TagValues: ['x'] },
    ]);
    await store.deleteLfTag('c');
    await store.deleteLfTag('c');
    expect(lf.lfTags.has('c')).toBe(false);
  });

  it('assigns at most 50 tags per call and reports per-tag failures', async () => {
    const lf = createFakeLakeFormation();
    const store = new LakeFormationStore(lf.client, options());
    for (let i = 0; i < 119; i++) lf.lfTags.set(`k${i}`, ['v']);
    const resource = { Table: { DatabaseName: 'sales', Name: 'orders' } };
    const pairs = Array.from({ length: 120 }, (_, i) => ({ TagKey: `k${i}`, TagValues: ['v'] }));
    const results = await store.addLfTags(resource, pairs);
    expect(lf.fake.callsOf('AddLFTagsToResource').map((c) => c.input.LFTags.length)).toEqual([50, 50, 20]);
    expect(results.filter((r) => !r.ok).map((r) => r.key.TagKey)).toEqual(['k119']);
    expect((await store.getResourceLfTags(resource)).LFTagsOnTable).toHaveLength(119);
    await store.removeLfTags(resource, pairs.slice(0, 60));
    expect((await store.getResourceLfTags(resource)).LFTagsOnTable).toHaveLength(59);
  });

  it('pages locations and filters, deregisters and deletes idempotently, reads and writes settings', async () => {
    const lf = createFakeLakeFormation();
    const store = new LakeFormationStore(lf.client, { ...options(), catalogId: '444455556666' });
    for (const n of [1, 2, 3])
      await store.registerResource({ ResourceArn: `arn:aws:s3:::b${n}`, RoleArn: 'arn:r' });
    expect(await store.listResources()).toHaveLength(3);
    expect(lf.fake.callsOf('ListResources')).toHaveLength(2);
    await store.deregisterResource('arn:aws:s3:::b1');
    await store.deregisterResource('arn:aws:s3:::b1');

    for (const Name of ['f1', 'f2', 'f3']) {
      await store.createDataCellsFilter({
        DatabaseName: 'sales',
        TableName: 'orders',
        Name,
        TableCatalogId: '1',
      });
    }
    expect(await store.listDataCellsFilters()).toHaveLength(3);
    const f1 = { DatabaseName: 'sales', TableName: 'orders', Name: 'f1', TableCatalogId: '1' };
    await store.deleteDataCellsFilter(f1);
    await store.deleteDataCellsFilter(f1);
    expect(lf.filters).toHaveLength(2);

    await store.putDataLakeSettings({ DataLakeAdmins: [{ DataLakePrincipalIdentifier: 'arn:admin' }] });
    expect(lf.fake.callsOf('PutDataLakeSettings')[0]?.input.CatalogId).toBe('444455556666');
    expect((await store.getDataLakeSettings())?.DataLakeAdmins).toHaveLength(1);
  });

  it('names the resource when a call fails', async () => {
    const lf = createFakeLakeFormation();
    lf.fake.failNext('GetResourceLFTags', () => awsError('AccessDeniedException'));
    const store = new LakeFormationStore(lf.client, options());
    await expect(
      store.getResourceLfTags({ Table: { DatabaseName: 'sales', Name: 'orders' } }),
    ).rejects.toMatchObject({
      code: 'aws.AccessDeniedException',
      object: 'table sales.orders in us-west-2',
    });
  });
});
