import { DeleteTableCommand } from '@aws-sdk/client-glue';
import {
  CreateDataCellsFilterCommand,
  DeleteDataCellsFilterCommand,
  GrantPermissionsCommand,
  UpdateDataCellsFilterCommand,
} from '@aws-sdk/client-lakeformation';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, runVerify } from '../../src/ondemand/index.ts';
import {
  clientsFor,
  createRoles,
  createTable,
  createTables,
  filtersOf,
  governanceConfig,
  grantsOf,
  sync,
} from '../support/governance.ts';
import { startTestCloud } from '../support/localCloud.ts';

const ACCOUNT = '123456789012';
const onFilter = (TableName: string, Name: string) => ({
  DataCellsFilter: { TableCatalogId: ACCOUNT, DatabaseName: 'gov', TableName, Name },
});

describe('data cells filters and grants on them, on demand', () => {
  let cloud: LocalCloud;
  const src = () => clientsFor(cloud, 'us-east-1');
  const dst = () => clientsFor(cloud, 'us-west-2');
  let analyst: string;

  const grantOn = (table: string, name: string) =>
    src().lakeFormation.send(
      new GrantPermissionsCommand({
        Principal: { DataLakePrincipalIdentifier: analyst },
        Resource: onFilter(table, name),
        Permissions: ['SELECT'],
      }),
    );

  beforeAll(async () => {
    cloud = await startTestCloud();
    [analyst] = (await createRoles(src(), ['analyst'])) as [string];
    await createTables(src(), 'gov', { orders: ['id', 'region', 'email', 'amount'] });
    const lf = src().lakeFormation;
    await lf.send(
      new CreateDataCellsFilterCommand({
        TableData: {
          TableCatalogId: ACCOUNT,
          DatabaseName: 'gov',
          TableName: 'orders',
          Name: 'eu_rows',
          RowFilter: { FilterExpression: "region = 'eu'" },
          ColumnNames: ['id', 'region', 'amount'],
        },
      }),
    );
    await lf.send(
      new CreateDataCellsFilterCommand({
        TableData: {
          TableCatalogId: ACCOUNT,
          DatabaseName: 'gov',
          TableName: 'orders',
          Name: 'no_email',
          RowFilter: { AllRowsWildcard: {} },
          ColumnWildcard: { ExcludedColumnNames: ['email'] },
        },
      }),
    );
    await grantOn('orders', 'eu_rows');
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('creates filters (row filter, column names, wildcard with exclusions) and grants on them', async () => {
    const report = await sync(cloud);
    expect(report.targets[0]!.failures).toEqual([]);
    expect(await filtersOf(dst())).toEqual(await filtersOf(src()));
    expect(await filtersOf(dst())).toHaveLength(2);
    expect(await grantsOf(dst(), /analyst/)).toEqual(await grantsOf(src(), /analyst/));
    expect(await grantsOf(dst(), /analyst/)).toHaveLength(1);
  });

  it('updates a changed filter and deletes a dropped one (and its grants) with deleteMissing', async () => {
    const lf = src().lakeFormation;
    await lf.send(
      new UpdateDataCellsFilterCommand({
        TableData: {
          TableCatalogId: ACCOUNT,
          DatabaseName: 'gov',
          TableName: 'orders',
          Name: 'eu_rows',
          RowFilter: { FilterExpression: "region IN ('eu', 'uk')" },
          ColumnNames: ['id', 'region'],
        },
      }),
    );
    await grantOn('orders', 'no_email');
    const changed = await sync(cloud);
    expect(changed.targets[0]!.counts.dataCellsFilter).toMatchObject({ updated: 1 });
    expect(await filtersOf(dst())).toEqual(await filtersOf(src()));
    expect(await grantsOf(dst(), /analyst/)).toHaveLength(2);

    await lf.send(
      new DeleteDataCellsFilterCommand({
        TableCatalogId: ACCOUNT,
        DatabaseName: 'gov',
        TableName: 'orders',
        Name: 'no_email',
      }),
    );
    await sync(cloud);
    expect((await filtersOf(dst())).map((f) => f.Name)).toEqual(['eu_rows', 'no_email']);
    const deleted = await sync(cloud, { deleteMissing: true });
    expect(deleted.targets[0]!.failures).toEqual([]);
    expect((await filtersOf(dst())).map((f) => f.Name)).toEqual(['eu_rows']);
    expect(await grantsOf(dst(), /analyst/)).toEqual(await grantsOf(src(), /analyst/));
  });

  it('follows a table renamed in the source (dropped and recreated): filter and grant move with it', async () => {
    const glue = src().glue;
    await glue.send(new DeleteTableCommand({ DatabaseName: 'gov', Name: 'orders' }));
    await createTable(src(), 'gov', 'orders_v2', ['id', 'region', 'email', 'amount']);
    await src().lakeFormation.send(
      new CreateDataCellsFilterCommand({
        TableData: {
          TableCatalogId: ACCOUNT,
          DatabaseName: 'gov',
          TableName: 'orders_v2',
          Name: 'eu_rows',
          RowFilter: { FilterExpression: "region IN ('eu', 'uk')" },
          ColumnNames: ['id', 'region'],
        },
      }),
    );
    await grantOn('orders_v2', 'eu_rows');

    const before = cloud.trail.list(ACCOUNT, 'us-west-2').length;
    const report = await sync(cloud, { deleteMissing: true });
    const target = report.targets[0]!;
    // Created after its table, deleted before it.
    const writes = cloud.trail
      .list(ACCOUNT, 'us-west-2')
      .slice(before)
      .map((e) => e.eventName)
      .filter((name) => /^(Create|Delete)(Table|DataCellsFilter)$/.test(name));
    expect(writes).toEqual(['CreateTable', 'CreateDataCellsFilter', 'DeleteDataCellsFilter', 'DeleteTable']);
    expect(target.failures).toEqual([]);
    expect(target.counts.table).toMatchObject({ created: 1, deleted: 1 });
    expect(target.counts.dataCellsFilter).toMatchObject({ created: 1, deleted: 1 });
    expect((await filtersOf(dst())).map((f) => `${f.TableName}.${f.Name}`)).toEqual(['orders_v2.eu_rows']);
    const grants = await grantsOf(dst(), /analyst/);
    expect(grants).toEqual(await grantsOf(src(), /analyst/));
    expect(grants).toEqual([expect.stringContaining('"TableName":"orders_v2"')]);
    const verified = await runVerify(createRuntime(governanceConfig(cloud, { deleteMissing: true })));
    expect(verified.reports[0]!.drift).toEqual([]);
  });
});
