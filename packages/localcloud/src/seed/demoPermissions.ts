import type {
  AddLFTagsToResourceRequest,
  DataCellsFilter,
  GrantPermissionsRequest,
  LFTagPair,
  RegisterResourceRequest,
  Resource,
} from '@aws-sdk/client-lakeformation';

/** Lake Formation objects of the demo lake; `roleArn(name)` names a demo role. */
export interface DemoPermissions {
  locations: RegisterResourceRequest[];
  lfTags: Array<{ TagKey: string; TagValues: string[] }>;
  tagAssignments: AddLFTagsToResourceRequest[];
  dataCellsFilters: DataCellsFilter[];
  grants: GrantPermissionsRequest[];
}

const tag = (TagKey: string, value: string): LFTagPair => ({ TagKey, TagValues: [value] });

export function demoPermissions(
  bucket: string,
  accountId: string,
  roleArn: (name: string) => string,
): DemoPermissions {
  const prefix = (db: string) => `arn:aws:s3:::${bucket}/${db}`;
  const grant = (role: string, resource: Resource, permissions: string[], grantable: string[] = []) =>
    ({
      Principal: { DataLakePrincipalIdentifier: roleArn(role) },
      Resource: resource,
      Permissions: permissions,
      ...(grantable.length ? { PermissionsWithGrantOption: grantable } : {}),
    }) as GrantPermissionsRequest;
  const table = (DatabaseName: string, Name: string) => ({ Table: { DatabaseName, Name } });
  return {
    locations: [
      { ResourceArn: prefix('sales'), UseServiceLinkedRole: true },
      { ResourceArn: prefix('marketing'), UseServiceLinkedRole: true },
      { ResourceArn: prefix('finance'), RoleArn: roleArn('etl-job'), UseServiceLinkedRole: false },
    ],
    lfTags: [
      { TagKey: 'domain', TagValues: ['finance', 'marketing', 'sales'] },
      { TagKey: 'sensitivity', TagValues: ['confidential', 'internal', 'public'] },
    ],
    tagAssignments: [
      ...['sales', 'marketing', 'finance'].map((db) => ({
        Resource: { Database: { Name: db } },
        LFTags: [tag('domain', db)],
      })),
      { Resource: table('sales', 'products'), LFTags: [tag('sensitivity', 'public')] },
      { Resource: table('sales', 'customers'), LFTags: [tag('sensitivity', 'internal')] },
      { Resource: table('marketing', 'campaigns'), LFTags: [tag('sensitivity', 'internal')] },
      { Resource: table('finance', 'payroll'), LFTags: [tag('sensitivity', 'confidential')] },
      {
        Resource: {
          TableWithColumns: { DatabaseName: 'sales', Name: 'customers', ColumnNames: ['email', 'phone'] },
        },
        LFTags: [tag('sensitivity', 'confidential')],
      },
      {
        Resource: {
          TableWithColumns: { DatabaseName: 'sales', Name: 'orders', ColumnNames: ['customer_email'] },
        },
        LFTags: [tag('sensitivity', 'confidential')],
      },
    ],
    dataCellsFilters: [
      {
        TableCatalogId: accountId,
        DatabaseName: 'sales',
        TableName: 'orders',
        Name: 'eu_orders',
        RowFilter: { FilterExpression: "region = 'eu'" },
        ColumnWildcard: { ExcludedColumnNames: ['customer_email'] },
      },
    ],
    grants: [
      grant('data-engineer', { Catalog: {} }, ['CREATE_DATABASE']),
      grant(
        'data-engineer',
        { Database: { Name: 'finance' } },
        ['ALTER', 'CREATE_TABLE', 'DESCRIBE'],
        ['CREATE_TABLE', 'DESCRIBE'],
      ),
      grant('analyst', { Database: { Name: 'sales' } }, ['DESCRIBE']),
      grant('analyst', { Database: { Name: 'shared_sales' } }, ['DESCRIBE']),
      grant('analyst', table('sales', 'orders'), ['DESCRIBE', 'SELECT']),
      grant('etl-job', table('marketing', 'clicks'), ['ALTER', 'DESCRIBE', 'INSERT', 'SELECT']),
      grant('auditor', { Table: { DatabaseName: 'finance', TableWildcard: {} } }, ['DESCRIBE']),
      grant(
        'analyst',
        {
          TableWithColumns: {
            DatabaseName: 'sales',
            Name: 'customers',
            ColumnNames: ['country', 'customer_id', 'name', 'signup_date'],
          },
        },
        ['SELECT'],
      ),
      grant(
        'analyst',
        {
          TableWithColumns: {
            DatabaseName: 'marketing',
            Name: 'leads',
            ColumnWildcard: { ExcludedColumnNames: ['email', 'phone'] },
          },
        },
        ['SELECT'],
      ),
      grant('etl-job', { DataLocation: { ResourceArn: prefix('sales') } }, ['DATA_LOCATION_ACCESS']),
      grant('data-engineer', { LFTag: { TagKey: 'domain', TagValues: ['finance', 'marketing', 'sales'] } }, [
        'ASSOCIATE',
        'DESCRIBE',
      ]),
      grant(
        'auditor',
        {
          LFTagPolicy: {
            ResourceType: 'TABLE',
            Expression: [{ TagKey: 'sensitivity', TagValues: ['internal', 'public'] }],
          },
        },
        ['DESCRIBE', 'SELECT'],
      ),
      grant(
        'analyst',
        {
          DataCellsFilter: {
            TableCatalogId: accountId,
            DatabaseName: 'sales',
            TableName: 'orders',
            Name: 'eu_orders',
          },
        },
        ['SELECT'],
      ),
    ],
  };
}
