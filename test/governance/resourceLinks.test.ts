import {
  CreateDatabaseCommand,
  DeleteDatabaseCommand,
  DeleteTableCommand,
  GetDatabaseCommand,
  GetTableCommand,
  UpdateDatabaseCommand,
} from '@aws-sdk/client-glue';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor, createTable, createTables, sync } from '../support/governance.ts';
import { startTestCloud } from '../support/localCloud.ts';

const ACCOUNT = '123456789012';
const PARTNER = '444455556666';
const mapping = {
  resourceLinkMapping: {
    regions: { 'us-east-1': 'us-west-2' },
    catalogs: { [PARTNER]: '777788889999' },
  },
};

describe('resource links, pointed where the config says', () => {
  let cloud: LocalCloud;
  const src = () => clientsFor(cloud, 'us-east-1');
  const dst = () => clientsFor(cloud, 'us-west-2');
  const targetDatabaseOf = async (name: string) =>
    (await dst().glue.send(new GetDatabaseCommand({ Name: name }))).Database?.TargetDatabase;

  beforeAll(async () => {
    cloud = await startTestCloud();
    await createTables(src(), 'sales', { orders: ['id'] });
    await src().glue.send(
      new CreateDatabaseCommand({
        DatabaseInput: {
          Name: 'sales_link',
          TargetDatabase: { CatalogId: ACCOUNT, DatabaseName: 'sales', Region: 'us-east-1' },
        },
      }),
    );
    await src().glue.send(
      new CreateDatabaseCommand({
        DatabaseInput: {
          Name: 'partner_link',
          TargetDatabase: { CatalogId: PARTNER, DatabaseName: 'shared' },
        },
      }),
    );
    await createTable(src(), 'sales', 'orders_link', [], {
      StorageDescriptor: undefined,
      TableType: undefined,
      TargetTable: { CatalogId: ACCOUNT, DatabaseName: 'sales', Name: 'orders', Region: 'us-east-1' },
    });
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('creates links with their Region and catalog mapped', async () => {
    const report = await sync(cloud, mapping);
    expect(report.targets[0]!.failures).toEqual([]);
    expect(await targetDatabaseOf('sales_link')).toEqual({
      CatalogId: ACCOUNT,
      DatabaseName: 'sales',
      Region: 'us-west-2',
    });
    expect(await targetDatabaseOf('partner_link')).toEqual({
      CatalogId: '777788889999',
      DatabaseName: 'shared',
    });
    const { Table } = await dst().glue.send(
      new GetTableCommand({ DatabaseName: 'sales', Name: 'orders_link' }),
    );
    expect(Table?.TargetTable).toEqual({
      CatalogId: ACCOUNT,
      DatabaseName: 'sales',
      Name: 'orders',
      Region: 'us-west-2',
    });
    // Mapped links compare equal to the source: a second run changes nothing.
    expect((await sync(cloud, mapping)).targets[0]!.status).toBe('unchanged');
  });

  it('without a mapping keeps a cross-Region link pointing at the source Region', async () => {
    await src().glue.send(
      new CreateDatabaseCommand({
        DatabaseInput: {
          Name: 'sales_link_2',
          TargetDatabase: { CatalogId: ACCOUNT, DatabaseName: 'sales', Region: 'us-east-1' },
        },
      }),
    );
    await sync(cloud, { filters: { databases: { include: ['sales_link_2'] } } });
    expect((await targetDatabaseOf('sales_link_2'))?.Region).toBe('us-east-1');
  });

  it('updates a retargeted link and deletes a dropped one with deleteMissing', async () => {
    await createTables(src(), 'sales_v2', {});
    await src().glue.send(
      new UpdateDatabaseCommand({
        Name: 'sales_link',
        DatabaseInput: {
          Name: 'sales_link',
          TargetDatabase: { CatalogId: ACCOUNT, DatabaseName: 'sales_v2', Region: 'us-east-1' },
        },
      }),
    );
    await src().glue.send(new DeleteTableCommand({ DatabaseName: 'sales', Name: 'orders_link' }));
    await src().glue.send(new DeleteDatabaseCommand({ Name: 'partner_link' }));

    const report = await sync(cloud, { ...mapping, deleteMissing: true });
    expect(report.targets[0]!.failures).toEqual([]);
    expect(await targetDatabaseOf('sales_link')).toEqual({
      CatalogId: ACCOUNT,
      DatabaseName: 'sales_v2',
      Region: 'us-west-2',
    });
    await expect(dst().glue.send(new GetDatabaseCommand({ Name: 'partner_link' }))).rejects.toMatchObject({
      name: 'EntityNotFoundException',
    });
    await expect(
      dst().glue.send(new GetTableCommand({ DatabaseName: 'sales', Name: 'orders_link' })),
    ).rejects.toMatchObject({ name: 'EntityNotFoundException' });
  });
});
