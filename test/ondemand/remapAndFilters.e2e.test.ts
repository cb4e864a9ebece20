import {
  CreateDatabaseCommand,
  DeleteTableCommand,
  GetDatabaseCommand,
  GetTableCommand,
  GetTablesCommand,
} from '@aws-sdk/client-glue';
import { ListPermissionsCommand, ListResourcesCommand } from '@aws-sdk/client-lakeformation';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, runSync } from '../../src/ondemand/index.ts';
import { demoConfig, startSeededCloud } from '../support/demoSync.ts';
import { clientsFor, writeCalls } from '../support/localCloud.ts';

const SOURCE_BUCKET = 'lakemirror-demo-lake-use1';
const TARGET_BUCKET = 'lakemirror-demo-lake-usw2';

describe('S3 remapping, filters and maxDeletes', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startSeededCloud();
  });
  afterAll(() => cloud.stop());

  it('swaps the bucket and keeps the prefix in every kind of location', async () => {
    await runSync(createRuntime(demoConfig(cloud)));
    const { glue, lakeFormation } = clientsFor(cloud, 'us-west-2');
    const target = JSON.stringify(cloud.state.get('123456789012', 'us-west-2'));
    expect(target).not.toContain(SOURCE_BUCKET);

    const db = (await glue.send(new GetDatabaseCommand({ Name: 'sales' }))).Database!;
    expect(db.LocationUri).toMatch(new RegExp(`^s3://${TARGET_BUCKET}/`));
    const tables = (await glue.send(new GetTablesCommand({ DatabaseName: 'sales' }))).TableList!;
    const located = tables.filter((t) => t.StorageDescriptor?.Location);
    expect(located.length).toBeGreaterThan(3);
    for (const t of located)
      expect(t.StorageDescriptor!.Location).toMatch(new RegExp(`^s3://${TARGET_BUCKET}/`));
    const iceberg = tables.find((t) => t.Parameters?.metadata_location);
    expect(iceberg?.Parameters?.metadata_location).toMatch(
      new RegExp(`^s3://${TARGET_BUCKET}/.+\\.metadata\\.json$`),
    );
    const allTables = (
      await Promise.all(
        ['sales', 'marketing', 'finance'].map((d) => glue.send(new GetTablesCommand({ DatabaseName: d }))),
      )
    ).flatMap((r) => r.TableList ?? []);
    const delta = allTables.find((t) => t.StorageDescriptor?.SerdeInfo?.Parameters?.path);
    expect(delta?.StorageDescriptor?.SerdeInfo?.Parameters?.path).toMatch(
      new RegExp(`^s3a?://${TARGET_BUCKET}/`),
    );
    const orders = (await glue.send(new GetTableCommand({ DatabaseName: 'sales', Name: 'orders' }))).Table!;
    expect(orders.StorageDescriptor?.Location).toContain(TARGET_BUCKET);
    const partitionsJson = JSON.stringify(cloud.state.get('123456789012', 'us-west-2').toJSON().glue);
    expect(partitionsJson).toContain(`s3://${TARGET_BUCKET}/sales/orders/`);

    const resources = (await lakeFormation.send(new ListResourcesCommand({}))).ResourceInfoList!;
    expect(resources.map((r) => r.ResourceArn)).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^arn:aws:s3:::${TARGET_BUCKET}/`))]),
    );
    const grants = (await lakeFormation.send(new ListPermissionsCommand({ ResourceType: 'DATA_LOCATION' })))
      .PrincipalResourcePermissions!;
    expect(grants.length).toBeGreaterThan(0);
    for (const g of grants) expect(g.Resource?.DataLocation?.ResourceArn).toContain(TARGET_BUCKET);
  });

  it('leaves excluded databases and target-only databases alone, even with deleteMissing', async () => {
    const { glue } = clientsFor(cloud, 'eu-west-1');
    await glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'dr_only' } }));
    const config = demoConfig(cloud, {
      targets: [{ region: 'eu-west-1' }],
      deleteMissing: true,
      filters: { databases: { exclude: ['finance', 'dr_*'] } },
    });
    const report = await runSync(createRuntime(config));
    expect(report.targets[0]!.failures).toEqual([]);
    const names = (
      await clientsFor(cloud, 'eu-west-1').glue.send(new GetTablesCommand({ DatabaseName: 'sales' }))
    ).TableList!.map((t) => t.Name);
    expect(names.length).toBeGreaterThan(0);
    await expect(glue.send(new GetDatabaseCommand({ Name: 'finance' }))).rejects.toMatchObject({
      name: 'EntityNotFoundException',
    });
    expect((await glue.send(new GetDatabaseCommand({ Name: 'dr_only' }))).Database?.Name).toBe('dr_only');
  });

  it('refuses a plan with more deletes than maxDeletes before writing anything', async () => {
    const config = demoConfig(cloud, {
      targets: [{ region: 'ap-south-1' }],
      deleteMissing: true,
      maxDeletes: 1,
    });
    await runSync(createRuntime(config));
    const { glue } = clientsFor(cloud, 'us-east-1');
    await glue.send(new DeleteTableCommand({ DatabaseName: 'marketing', Name: 'clicks' }));
    await glue.send(new DeleteTableCommand({ DatabaseName: 'marketing', Name: 'campaigns' }));
    cloud.stats.reset();
    const report = await runSync(createRuntime(config));
    expect(report.targets[0]!.status).toBe('failed');
    expect(report.targets[0]!.error?.code).toBe('plan.maxDeletesExceeded');
    expect(writeCalls(cloud, 'ap-south-1')).toEqual({});
  });

  it('names a database that the include list names but the source lacks', async () => {
    const config = demoConfig(cloud, { filters: { databases: { include: ['sales', 'salez'] } } });
    await expect(runSync(createRuntime(config))).rejects.toMatchObject({
      code: 'config.databaseNotFound',
      object: expect.stringContaining('salez'),
    });
  });
});
