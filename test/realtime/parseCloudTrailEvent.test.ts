import { describe, expect, it } from 'vitest';
import type { ObjectRef } from '../../src/realtime/events/objectRef.ts';
import { objectKey } from '../../src/realtime/events/objectRef.ts';
import {
  isRejection,
  parseCloudTrailEvent,
  REPLICATED_EVENT_NAMES,
  type StagedEvent,
} from '../../src/realtime/events/parseCloudTrailEvent.ts';
import { cloudTrailEvent, type DocumentOptions } from './support/cloudTrailDocuments.ts';

const scope = { sourceRegion: 'us-east-1', sourceAccountId: '123456789012' };

function staged(
  name: string,
  params: Record<string, unknown> | null,
  options?: DocumentOptions,
): StagedEvent {
  const result = parseCloudTrailEvent(cloudTrailEvent(name, params, options), scope);
  if (isRejection(result)) throw new Error(`rejected: ${result.rejection} ${result.detail ?? ''}`);
  return result;
}

const storage = { columns: [{ name: 'id', type: 'bigint' }], location: 's3://lake/sales/orders/' };
const principal = { dataLakePrincipalIdentifier: 'arn:aws:iam::123456789012:role/analyst' };
const tableResource = { table: { catalogId: '123456789012', databaseName: 'Sales', name: 'Orders' } };
const canonicalTable = { Table: { DatabaseName: 'sales', Name: 'orders' } };

/** Realistic requestParameters (CloudTrail's lowerCamel members) for every replicated event name. */
const CASES: Array<[string, Record<string, unknown>, ObjectRef[]]> = [
  ['CreateDatabase', { databaseInput: { name: 'Sales', locationUri: 's3://lake/sales/' } }, [db('sales')]],
  ['UpdateDatabase', { name: 'sales', databaseInput: { name: 'sales', description: 'x' } }, [db('sales')]],
  [
    'DeleteDatabase',
    { catalogId: '123456789012', name: 'Sales' },
    [db('sales'), { kind: 'catalog', database: 'sales' }],
  ],
  [
    'CreateTable',
    {
      databaseName: 'Sales',
      tableInput: { name: 'Orders', storageDescriptor: storage, parameters: { a: 'b' } },
    },
    [tbl('sales', 'orders')],
  ],
  [
    'UpdateTable',
    { databaseName: 'sales', tableInput: { name: 'orders' }, skipArchive: true },
    [tbl('sales', 'orders')],
  ],
  ['DeleteTable', { databaseName: 'sales', name: 'orders' }, dropped('sales', 'orders')],
  [
    'BatchDeleteTable',
    { databaseName: 'sales', tablesToDelete: ['orders', 'Returns'] },
    [...dropped('sales', 'orders'), ...dropped('sales', 'returns')],
  ],
  [
    'CreatePartition',
    {
      databaseName: 'sales',
      tableName: 'orders',
      partitionInput: { values: ['2024-01-01'], storageDescriptor: storage },
    },
    [part(['2024-01-01'])],
  ],
  [
    'BatchCreatePartition',
    {
      databaseName: 'sales',
      tableName: 'orders',
      partitionInputList: [
        { values: ['2024-01-01'] },
        { values: ['2024-01-02'] },
        { values: ['2024-01-03'] },
      ],
    },
    [part(['2024-01-01']), part(['2024-01-02']), part(['2024-01-03'])],
  ],
  [
    'UpdatePartition',
    {
      databaseName: 'sales',
      tableName: 'orders',
      partitionValueList: ['2024-01-01'],
      partitionInput: { values: ['2024-01-01'], storageDescriptor: storage },
    },
    [part(['2024-01-01'])],
  ],
  [
    'BatchUpdatePartition',
    {
      databaseName: 'sales',
      tableName: 'orders',
      entries: [
        { partitionValueList: ['2024-01-01'], partitionInput: { values: ['2024-01-01'] } },
        { partitionValueList: ['2024-01-02'], partitionInput: { values: ['2024-01-09'] } },
      ],
    },
    [part(['2024-01-01']), part(['2024-01-02']), part(['2024-01-09'])],
  ],
  [
    'DeletePartition',
    { databaseName: 'sales', tableName: 'orders', partitionValues: ['2024-01-01'] },
    [part(['2024-01-01'])],
  ],
  [
    'BatchDeletePartition',
    {
      databaseName: 'sales',
      tableName: 'orders',
      partitionsToDelete: [{ values: ['2024-01-01'] }, { values: ['2024-01-02'] }],
    },
    [part(['2024-01-01']), part(['2024-01-02'])],
  ],
  [
    'GrantPermissions',
    { principal, resource: tableResource, permissions: ['SELECT'], permissionsWithGrantOption: [] },
    [{ kind: 'permissions', resource: canonicalTable }],
  ],
  [
    'RevokePermissions',
    {
      principal,
      resource: { tableWithColumns: { databaseName: 'sales', name: 'orders', columnNames: ['b', 'a'] } },
      permissions: ['SELECT'],
    },
    [
      {
        kind: 'permissions',
        resource: { TableWithColumns: { DatabaseName: 'sales', Name: 'orders', ColumnNames: ['a', 'b'] } },
      },
    ],
  ],
  [
    'BatchGrantPermissions',
    {
      catalogId: '123456789012',
      entries: [
        { id: '1', principal, resource: { database: { name: 'sales' } }, permissions: ['DESCRIBE'] },
        { id: '2', principal, resource: tableResource, permissions: ['SELECT'] },
        {
          id: '3',
          principal: { dataLakePrincipalIdentifier: 'other' },
          resource: tableResource,
          permissions: ['ALTER'],
        },
      ],
    },
    [
      { kind: 'permissions', resource: { Database: { Name: 'sales' } } },
      { kind: 'permissions', resource: canonicalTable },
    ],
  ],
  [
    'BatchRevokePermissions',
    {
      entries: [
        {
          id: '1',
          principal,
          resource: { lFTag: { tagKey: 'env', tagValues: ['prod', 'dev'] } },
          permissions: ['ASSOCIATE'],
        },
      ],
    },
    [{ kind: 'permissions', resource: { LFTag: { TagKey: 'env', TagValues: ['dev', 'prod'] } } }],
  ],
  [
    'RegisterResource',
    { resourceArn: 'arn:aws:s3:::lake/Sales', useServiceLinkedRole: true },
    [{ kind: 'location', resourceArn: 'arn:aws:s3:::lake/Sales' }],
  ],
  [
    'DeregisterResource',
    { resourceArn: 'arn:aws:s3:::lake' },
    [{ kind: 'location', resourceArn: 'arn:aws:s3:::lake' }],
  ],
  [
    'UpdateResource',
    { resourceArn: 'arn:aws:s3:::lake', roleArn: 'arn:aws:iam::123456789012:role/lf' },
    [{ kind: 'location', resourceArn: 'arn:aws:s3:::lake' }],
  ],
  ['CreateLFTag', { tagKey: 'env', tagValues: ['prod'] }, [{ kind: 'lfTag', tagKey: 'env' }]],
  ['UpdateLFTag', { tagKey: 'env', tagValuesToAdd: ['dev'] }, [{ kind: 'lfTag', tagKey: 'env' }]],
  ['DeleteLFTag', { catalogId: '123456789012', tagKey: 'env' }, [{ kind: 'lfTag', tagKey: 'env' }]],
  [
    'AddLFTagsToResource',
    {
      resource: { database: { catalogId: '123456789012', name: 'Sales' } },
      lFTags: [{ tagKey: 'env', tagValues: ['prod'] }],
    },
    [{ kind: 'lfTagAssignment', resource: { Database: { Name: 'sales' } } }],
  ],
  [
    'RemoveLFTagsFromResource',
    { resource: tableResource, lFTags: [{ tagKey: 'env', tagValues: ['prod'] }] },
    [{ kind: 'lfTagAssignment', resource: canonicalTable }],
  ],
  [
    'CreateDataCellsFilter',
    {
      tableData: {
        tableCatalogId: '123456789012',
        databaseName: 'Sales',
        tableName: 'Orders',
        name: 'eu_rows',
        rowFilter: { filterExpression: "region='eu'" },
        columnWildcard: {},
      },
    },
    [{ kind: 'dataCellsFilter', database: 'sales', table: 'orders', name: 'eu_rows' }],
  ],
  [
    'UpdateDataCellsFilter',
    { tableData: { databaseName: 'sales', tableName: 'orders', name: 'eu_rows', columnNames: ['id'] } },
    [{ kind: 'dataCellsFilter', database: 'sales', table: 'orders', name: 'eu_rows' }],
  ],
  [
    'DeleteDataCellsFilter',
    { tableCatalogId: '123456789012', databaseName: 'sales', tableName: 'orders', name: 'eu_rows' },
    [{ kind: 'dataCellsFilter', database: 'sales', table: 'orders', name: 'eu_rows' }],
  ],
  [
    'PutDataLakeSettings',
    { dataLakeSettings: { dataLakeAdmins: [principal], createDatabaseDefaultPermissions: [] } },
    [{ kind: 'dataLakeSettings' }],
  ],
  [
    'CreateLakeFormationOptIn',
    {
      principal,
      resource: { table: { databaseName: 'Sales', name: 'Orders' } },
    },
    [{ kind: 'optIns', resource: { Table: { DatabaseName: 'sales', Name: 'orders' } } }],
  ],
  [
    'DeleteLakeFormationOptIn',
    {
      principal,
      resource: { database: { catalogId: '123456789012', name: 'sales' } },
    },
    [{ kind: 'optIns', resource: { Database: { Name: 'sales' } } }],
  ],
  [
    'CreatePartitionIndex',
    { databaseName: 'Sales', tableName: 'Orders', partitionIndex: { indexName: 'by_dt', keys: ['dt'] } },
    [{ kind: 'partitionIndexes', database: 'sales', table: 'orders' }],
  ],
  [
    'DeletePartitionIndex',
    { databaseName: 'sales', tableName: 'orders', indexName: 'by_dt' },
    [{ kind: 'partitionIndexes', database: 'sales', table: 'orders' }],
  ],
  ...['CreateTableOptimizer', 'UpdateTableOptimizer', 'DeleteTableOptimizer'].map(
    (name): [string, Record<string, unknown>, ObjectRef[]] => [
      name,
      { catalogId: '123456789012', databaseName: 'Sales', tableName: 'Clicks', type: 'compaction' },
      [{ kind: 'tableOptimizers', database: 'sales', table: 'clicks' }],
    ],
  ),
  ['CreateCatalog', { name: 'fed_pg', catalogInput: {} }, [{ kind: 'glueCatalog', path: 'fed_pg' }]],
  [
    'UpdateCatalog',
    { catalogId: '123456789012:fed_pg/inner', catalogInput: {} },
    [{ kind: 'glueCatalog', path: 'fed_pg/inner' }],
  ],
  // CloudTrail kept no catalog id: the whole lake is reconciled (catalogs with it).
  ['DeleteCatalog', {}, [{ kind: 'catalog' }]],
  [
    'CreateUserDefinedFunction',
    { databaseName: 'Sales', functionInput: { functionName: 'Mask', className: 'x.Mask' } },
    [{ kind: 'function', database: 'sales', name: 'mask' }],
  ],
  [
    'UpdateUserDefinedFunction',
    { databaseName: 'sales', functionName: 'mask', functionInput: { functionName: 'mask' } },
    [{ kind: 'function', database: 'sales', name: 'mask' }],
  ],
  [
    'DeleteUserDefinedFunction',
    { databaseName: 'sales', functionName: 'mask' },
    [{ kind: 'function', database: 'sales', name: 'mask' }],
  ],
  [
    'UpdateColumnStatisticsForTable',
    { databaseName: 'Sales', tableName: 'Orders', columnStatisticsList: [{ columnName: 'id' }] },
    [{ kind: 'columnStatistics', database: 'sales', table: 'orders' }],
  ],
  [
    'DeleteColumnStatisticsForTable',
    { databaseName: 'sales', tableName: 'orders', columnName: 'id' },
    [{ kind: 'columnStatistics', database: 'sales', table: 'orders' }],
  ],
  [
    'UpdateColumnStatisticsForPartition',
    {
      databaseName: 'sales',
      tableName: 'orders',
      partitionValues: ['2024-05-01'],
      columnStatisticsList: [{ columnName: 'id' }],
    },
    [{ kind: 'columnStatistics', database: 'sales', table: 'orders', values: ['2024-05-01'] }],
  ],
  [
    'DeleteColumnStatisticsForPartition',
    { databaseName: 'sales', tableName: 'orders', partitionValues: ['2024-05-01'], columnName: 'id' },
    [{ kind: 'columnStatistics', database: 'sales', table: 'orders', values: ['2024-05-01'] }],
  ],
];

function db(database: string): ObjectRef {
  return { kind: 'database', database };
}
function tbl(database: string, table: string): ObjectRef {
  return { kind: 'table', database, table };
}
/** A deleted table touches what it takes with it: partitions, filters, tag assignments and grants. */
function dropped(database: string, table: string): ObjectRef[] {
  const resource = { Table: { DatabaseName: database, Name: table } };
  return [
    tbl(database, table),
    { kind: 'partitions', database, table },
    { kind: 'dataCellsFilter', database, table },
    { kind: 'lfTagAssignment', resource },
    { kind: 'permissions', resource },
  ];
}
function part(values: string[]): ObjectRef {
  return { kind: 'partition', database: 'sales', table: 'orders', values };
}

describe('parseCloudTrailEvent', () => {
  it('covers every replicated event name', () => {
    expect(CASES.map(([name]) => name).sort()).toEqual([...REPLICATED_EVENT_NAMES].sort());
    expect(REPLICATED_EVENT_NAMES).toHaveLength(46);
  });

  it.each(CASES)('%s names the objects it touched', (name, params, objects) => {
    const event = staged(name, params, { eventTime: '2024-05-01T10:00:00Z' });
    expect(event.objects).toEqual(objects);
    expect(event).toMatchObject({ eventName: name, region: 'us-east-1', accountId: '123456789012' });
    expect(event.eventTime).toBe('2024-05-01T10:00:00.000Z');
  });

  it('falls back to all partitions of the table when a batch call lost its values', () => {
    const truncated = { databaseName: 'Sales', tableName: 'Orders' };
    for (const name of ['BatchCreatePartition', 'BatchDeletePartition', 'BatchUpdatePartition']) {
      expect(staged(name, truncated).objects).toEqual([
        { kind: 'partitions', database: 'sales', table: 'orders' },
      ]);
    }
    const oneEntryTruncated = {
      ...truncated,
      partitionInputList: [{ values: ['a'] }, { storageDescriptor: {} }],
    };
    expect(staged('BatchCreatePartition', oneEntryTruncated).objects).toEqual([
      { kind: 'partitions', database: 'sales', table: 'orders' },
    ]);
  });

  it('keeps an event whose requestParameters were omitted, as a broad catalog reconcile', () => {
    for (const name of REPLICATED_EVENT_NAMES.filter((n) => n !== 'PutDataLakeSettings')) {
      expect(staged(name, null, { omitted: true }).objects).toEqual([{ kind: 'catalog' }]);
    }
    expect(staged('PutDataLakeSettings', null, { omitted: true }).objects).toEqual([
      { kind: 'dataLakeSettings' },
    ]);
  });

  it('narrows the broad reconcile of a BatchDeleteTable entry it cannot read to the database', () => {
    const params = { databaseName: 'Sales', tablesToDelete: ['orders', 42] };
    expect(staged('BatchDeleteTable', params).objects).toEqual([
      ...dropped('sales', 'orders'),
      { kind: 'catalog', database: 'sales' },
    ]);
    expect(staged('BatchDeleteTable', { tablesToDelete: ['orders'] }).objects).toEqual([{ kind: 'catalog' }]);
    expect(staged('DeleteDatabase', {}).objects).toEqual([{ kind: 'catalog' }]);
  });

  it('adds a catalog reconcile for batch entries it cannot read, keeping the readable ones', () => {
    const params = { entries: [{ id: '1', resource: { database: { name: 'sales' } } }, { id: '2' }] };
    expect(staged('BatchGrantPermissions', params).objects).toEqual([
      { kind: 'permissions', resource: { Database: { Name: 'sales' } } },
      { kind: 'catalog' },
    ]);
  });

  it.each([
    ['error', cloudTrailEvent('CreateTable', { databaseName: 'a' }, { errorCode: 'AlreadyExistsException' })],
    ['readOnly', cloudTrailEvent('GetTable', { databaseName: 'a', name: 'b' }, { readOnly: true })],
    ['notReplicated', cloudTrailEvent('StartCrawler', { name: 'c' })],
    // Databases and tables below the default catalog are not replicated (their catalog and its grants are).
    [
      'notReplicated',
      cloudTrailEvent('CreateTable', {
        catalogId: '123456789012:s3tablescatalog/analytics',
        databaseName: 'ns',
        tableInput: { name: 't' },
      }),
    ],
    ['notReplicated', cloudTrailEvent('CreateTable', {}, { eventSource: 'athena.amazonaws.com' })],
    ['otherRegion', cloudTrailEvent('CreateTable', { databaseName: 'a' }, { region: 'eu-west-1' })],
    ['otherAccount', cloudTrailEvent('CreateTable', { databaseName: 'a' }, { accountId: '210987654321' })],
    ['malformed', { EventId: 'x', EventName: 'CreateTable', CloudTrailEvent: '{"eventName": "Create' }],
    ['malformed', { EventId: 'y', EventName: 'CreateTable', CloudTrailEvent: '[1,2]' }],
  ])('rejects %s', (reason, event) => {
    const result = parseCloudTrailEvent(event, scope);
    expect(isRejection(result) && result.rejection).toBe(reason);
  });

  it('accepts any account when no source account is configured', () => {
    const event = cloudTrailEvent(
      'DeleteTable',
      { databaseName: 'a', name: 'b' },
      { accountId: '210987654321' },
    );
    expect(isRejection(parseCloudTrailEvent(event, { sourceRegion: 'us-east-1' }))).toBe(false);
  });
});

describe('objectKey', () => {
  it('gives stable strings per object', () => {
    expect(objectKey(tbl('sales', 'orders'))).toBe('table:sales.orders');
    expect(objectKey(part(['2024-01-01']))).toBe('partition:sales.orders/["2024-01-01"]');
    const a = {
      kind: 'permissions',
      resource: { Table: { Name: 'orders', DatabaseName: 'sales' } },
    } as const;
    const b = {
      kind: 'permissions',
      resource: { Table: { DatabaseName: 'sales', Name: 'orders' } },
    } as const;
    expect(objectKey(a)).toBe(objectKey(b));
    expect(objectKey(a)).toBe('permissions:{"Table":{"DatabaseName":"sales","Name":"orders"}}');
    expect(objectKey({ kind: 'catalog' })).toBe('catalog');
    expect(objectKey({ kind: 'catalog', database: 'sales' })).toBe('catalog:sales');
  });
});
