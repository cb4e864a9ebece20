import {
  AlreadyExistsException,
  CreateDataCellsFilterCommand,
  DeleteDataCellsFilterCommand,
  DeregisterResourceCommand,
  DescribeResourceCommand,
  EntityNotFoundException,
  GetDataCellsFilterCommand,
  GetDataLakeSettingsCommand,
  GrantPermissionsCommand,
  InvalidInputException,
  ListDataCellsFilterCommand,
  ListPermissionsCommand,
  ListResourcesCommand,
  PutDataLakeSettingsCommand,
  RegisterResourceCommand,
  UpdateDataCellsFilterCommand,
  UpdateResourceCommand,
} from '@aws-sdk/client-lakeformation';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT, role, seedGlue } from '../../../test/support/lakeFormationFixtures.ts';
import { clientsFor, startTestCloud } from '../../../test/support/localCloud.ts';
import type { LocalCloud } from '../src/server.ts';

describe('Lake Formation filters, settings and registered locations', () => {
  let cloud: LocalCloud;
  const lf = (region = 'us-east-1') => clientsFor(cloud, region).lakeFormation;
  const filterId = { TableCatalogId: ACCOUNT, DatabaseName: 'sales', TableName: 'orders', Name: 'eu_only' };

  beforeAll(async () => {
    cloud = await startTestCloud({ embedded: false });
  });
  afterAll(async () => {
    await cloud.stop();
  });
  beforeEach(async () => {
    await cloud.reset();
    seedGlue(cloud, 'sales', { orders: ['id', 'region', 'email'], customers: ['id'] });
  });

  it('creates, reads, updates, lists and deletes data cells filters', async () => {
    await lf().send(
      new CreateDataCellsFilterCommand({
        TableData: {
          ...filterId,
          TableName: 'ORDERS',
          RowFilter: { FilterExpression: "region='eu'" },
          ColumnNames: ['region', 'id'],
        },
      }),
    );
    await expect(
      lf().send(
        new CreateDataCellsFilterCommand({
          TableData: { ...filterId, RowFilter: { AllRowsWildcard: {} }, ColumnNames: ['id'] },
        }),
      ),
    ).rejects.toBeInstanceOf(AlreadyExistsException);
    const { DataCellsFilter } = await lf().send(new GetDataCellsFilterCommand(filterId));
    expect(DataCellsFilter).toMatchObject({
      ...filterId,
      ColumnNames: ['id', 'region'],
      RowFilter: { FilterExpression: "region='eu'" },
    });
    await lf().send(
      new UpdateDataCellsFilterCommand({
        TableData: {
          ...filterId,
          RowFilter: { AllRowsWildcard: {} },
          ColumnWildcard: { ExcludedColumnNames: ['email'] },
        },
      }),
    );
    const updated = (await lf().send(new GetDataCellsFilterCommand(filterId))).DataCellsFilter;
    expect(updated).toMatchObject({
      ColumnWildcard: { ExcludedColumnNames: ['email'] },
      RowFilter: { AllRowsWildcard: {} },
    });
    expect(updated?.VersionId).not.toBe(DataCellsFilter?.VersionId);
    await lf().send(
      new CreateDataCellsFilterCommand({
        TableData: {
          ...filterId,
          TableName: 'customers',
          Name: 'all',
          RowFilter: { AllRowsWildcard: {} },
          ColumnWildcard: {},
        },
      }),
    );
    const onOrders = await lf().send(
      new ListDataCellsFilterCommand({ Table: { DatabaseName: 'sales', Name: 'orders' } }),
    );
    expect(onOrders.DataCellsFilters?.map((f) => f.Name)).toEqual(['eu_only']);
    const page1 = await lf().send(new ListDataCellsFilterCommand({ MaxResults: 1 }));
    const page2 = await lf().send(
      new ListDataCellsFilterCommand({ MaxResults: 1, NextToken: page1.NextToken }),
    );
    expect([...page1.DataCellsFilters!, ...page2.DataCellsFilters!]).toHaveLength(2);
    await lf().send(
      new GrantPermissionsCommand({
        Principal: { DataLakePrincipalIdentifier: role('analyst') },
        Resource: { DataCellsFilter: filterId },
        Permissions: ['SELECT'],
      }),
    );
    await lf().send(new DeleteDataCellsFilterCommand(filterId));
    await expect(lf().send(new GetDataCellsFilterCommand(filterId))).rejects.toBeInstanceOf(
      EntityNotFoundException,
    );
    expect((await lf().send(new ListPermissionsCommand({}))).PrincipalResourcePermissions).toEqual([]);
  });

  it('refuses a filter on a missing table or without columns', async () => {
    await expect(
      lf().send(
        new CreateDataCellsFilterCommand({
          TableData: { ...filterId, TableName: 'nope', ColumnWildcard: {} },
        }),
      ),
    ).rejects.toBeInstanceOf(EntityNotFoundException);
    await expect(lf().send(new CreateDataCellsFilterCommand({ TableData: filterId }))).rejects.toBeInstanceOf(
      InvalidInputException,
    );
  });

  it('starts with IAM_ALLOWED_PRINCIPALS defaults and replaces the settings on Put', async () => {
    const before = (await lf().send(new GetDataLakeSettingsCommand({}))).DataLakeSettings;
    expect(before?.CreateDatabaseDefaultPermissions).toEqual([
      { Principal: { DataLakePrincipalIdentifier: 'IAM_ALLOWED_PRINCIPALS' }, Permissions: ['ALL'] },
    ]);
    await lf().send(
      new PutDataLakeSettingsCommand({
        DataLakeSettings: { DataLakeAdmins: [{ DataLakePrincipalIdentifier: role('admin') }] },
      }),
    );
    const after = (await lf().send(new GetDataLakeSettingsCommand({}))).DataLakeSettings;
    expect(after).toMatchObject({
      DataLakeAdmins: [{ DataLakePrincipalIdentifier: role('admin') }],
      CreateDatabaseDefaultPermissions: [],
      CreateTableDefaultPermissions: [],
    });
    await expect(
      lf().send(
        new PutDataLakeSettingsCommand({
          DataLakeSettings: { DataLakeAdmins: [{ DataLakePrincipalIdentifier: 'bob' }] },
        }),
      ),
    ).rejects.toBeInstanceOf(InvalidInputException);
  });

  it('registers, describes, updates, lists and deregisters locations', async () => {
    await lf().send(
      new RegisterResourceCommand({ ResourceArn: 'arn:aws:s3:::lake-raw', RoleArn: role('lf-access') }),
    );
    await lf().send(
      new RegisterResourceCommand({ ResourceArn: 'arn:aws:s3:::lake-curated/x', UseServiceLinkedRole: true }),
    );
    await expect(
      lf().send(
        new RegisterResourceCommand({ ResourceArn: 'arn:aws:s3:::lake-raw', RoleArn: role('lf-access') }),
      ),
    ).rejects.toBeInstanceOf(AlreadyExistsException);
    await expect(
      lf().send(new RegisterResourceCommand({ ResourceArn: 'not-an-arn', RoleArn: role('lf-access') })),
    ).rejects.toBeInstanceOf(InvalidInputException);
    const info = (
      await lf().send(new DescribeResourceCommand({ ResourceArn: 'arn:aws:s3:::lake-curated/x' }))
    ).ResourceInfo;
    expect(info?.RoleArn).toMatch(/AWSServiceRoleForLakeFormationDataAccess$/);
    expect(info?.LastModified).toBeInstanceOf(Date);
    await lf().send(
      new UpdateResourceCommand({ ResourceArn: 'arn:aws:s3:::lake-raw', RoleArn: role('other') }),
    );
    const listed = await lf().send(
      new ListResourcesCommand({
        FilterConditionList: [
          { Field: 'ROLE_ARN', ComparisonOperator: 'EQ', StringValueList: [role('other')] },
        ],
      }),
    );
    expect(listed.ResourceInfoList?.map((r) => r.ResourceArn)).toEqual(['arn:aws:s3:::lake-raw']);
    expect((await lf().send(new ListResourcesCommand({}))).ResourceInfoList).toHaveLength(2);
    await lf().send(new DeregisterResourceCommand({ ResourceArn: 'arn:aws:s3:::lake-raw' }));
    await expect(
      lf().send(new DeregisterResourceCommand({ ResourceArn: 'arn:aws:s3:::lake-raw' })),
    ).rejects.toBeInstanceOf(EntityNotFoundException);
  });

  it('keeps each Region apart', async () => {
    seedGlue(cloud, 'sales', { orders: ['id'] }, 'eu-west-1');
    await lf('eu-west-1').send(
      new RegisterResourceCommand({ ResourceArn: 'arn:aws:s3:::eu-lake', UseServiceLinkedRole: true }),
    );
    await lf('eu-west-1').send(
      new GrantPermissionsCommand({
        Principal: { DataLakePrincipalIdentifier: role('analyst') },
        Resource: { Database: { Name: 'sales' } },
        Permissions: ['DESCRIBE'],
      }),
    );
    expect((await lf().send(new ListResourcesCommand({}))).ResourceInfoList).toEqual([]);
    expect((await lf().send(new ListPermissionsCommand({}))).PrincipalResourcePermissions).toEqual([]);
    expect(
      (await lf('eu-west-1').send(new ListPermissionsCommand({}))).PrincipalResourcePermissions,
    ).toHaveLength(1);
    const trail = cloud.trail.list(ACCOUNT, 'eu-west-1').map((e) => e.eventName);
    expect(trail).toEqual(expect.arrayContaining(['RegisterResource', 'GrantPermissions']));
    expect(cloud.trail.list(ACCOUNT, 'us-east-1').map((e) => e.eventName)).not.toContain('RegisterResource');
  });
});
