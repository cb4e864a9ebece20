import { describe, expect, it } from 'vitest';
import {
  canonicalDataCellsFilter,
  canonicalDataLakeSettings,
  canonicalGrant,
  canonicalLfTag,
  canonicalLfTagAssignment,
  canonicalLocation,
  canonicalResource,
  mergeGrants,
} from '../../../src/model/canonical.ts';
import { ANALYST, grant, onTable } from '../support/records.ts';

describe('canonicalResource', () => {
  it('drops CatalogId, lowercases names and sorts column lists', () => {
    const resource = canonicalResource({
      TableWithColumns: {
        CatalogId: '123456789012',
        DatabaseName: 'Sales',
        Name: 'Orders',
        ColumnNames: ['b', 'a'],
      },
    });

    expect(resource).toEqual({
      TableWithColumns: { DatabaseName: 'sales', Name: 'orders', ColumnNames: ['a', 'b'] },
    });
  });

  it('keeps an empty ColumnWildcard and sorts excluded columns', () => {
    const plain = canonicalResource({
      TableWithColumns: {
        DatabaseName: 'sales',
        Name: 'orders',
        ColumnWildcard: { ExcludedColumnNames: [] },
      },
    });
    const excluding = canonicalResource({
      TableWithColumns: {
        DatabaseName: 'sales',
        Name: 'orders',
        ColumnWildcard: { ExcludedColumnNames: ['z', 'ssn'] },
      },
    });

    expect(plain.TableWithColumns?.ColumnWildcard).toEqual({});
    expect(excluding.TableWithColumns?.ColumnWildcard).toEqual({ ExcludedColumnNames: ['ssn', 'z'] });
  });

  it('lets TableWildcard win over a placeholder table name', () => {
    const resource = canonicalResource({
      Table: { DatabaseName: 'sales', Name: 'ALL_TABLES', TableWildcard: {} },
    });

    expect(resource).toEqual({ Table: { DatabaseName: 'sales', TableWildcard: {} } });
  });

  it('sorts LF-Tag policy expressions by key and their values', () => {
    const resource = canonicalResource({
      LFTagPolicy: {
        CatalogId: '123456789012',
        ResourceType: 'TABLE',
        Expression: [
          { TagKey: 'team', TagValues: ['b', 'a'] },
          { TagKey: 'env', TagValues: ['prod'] },
        ],
      },
    });

    expect(resource).toEqual({
      LFTagPolicy: {
        ResourceType: 'TABLE',
        Expression: [
          { TagKey: 'env', TagValues: ['prod'] },
          { TagKey: 'team', TagValues: ['a', 'b'] },
        ],
      },
    });
  });

  it('rejects an empty resource with model.invalidResource', () => {
    expect(() => canonicalResource({})).toThrow(expect.objectContaining({ code: 'model.invalidResource' }));
  });
});

describe('canonicalGrant', () => {
  it('drops server details and sorts permissions and grant options', () => {
    const record = canonicalGrant({
      Principal: { DataLakePrincipalIdentifier: ANALYST },
      Resource: { Table: { CatalogId: '123456789012', DatabaseName: 'sales', Name: 'orders' } },
      Permissions: ['SELECT', 'DESCRIBE'],
      PermissionsWithGrantOption: ['SELECT'],
      LastUpdated: new Date(),
      LastUpdatedBy: 'someone',
      AdditionalDetails: { ResourceShare: [] },
    });

    expect(record).toEqual(grant(ANALYST, onTable('sales', 'orders'), ['DESCRIBE', 'SELECT'], ['SELECT']));
  });

  it('merges entries for the same principal and resource', () => {
    const merged = mergeGrants([
      grant(ANALYST, onTable('sales', 'orders'), ['SELECT']),
      grant(ANALYST, onTable('sales', 'orders'), ['DESCRIBE'], ['DESCRIBE']),
    ]);

    expect(merged).toEqual([
      grant(ANALYST, onTable('sales', 'orders'), ['DESCRIBE', 'SELECT'], ['DESCRIBE']),
    ]);
  });
});

describe('other Lake Formation objects', () => {
  it('turns the Lake Formation service-linked role into a flag', () => {
    const record = canonicalLocation({
      ResourceArn: 'arn:aws:s3:::src-bucket/data',
      RoleArn:
        'arn:aws:iam::123456789012:role/aws-service-role/lakeformation.amazonaws.com/AWSServiceRoleForLakeFormationDataAccess',
      LastModified: new Date(),
      HybridAccessEnabled: false,
    });

    expect(record).toEqual({
      kind: 'location',
      resourceArn: 'arn:aws:s3:::src-bucket/data',
      useServiceLinkedRole: true,
    });
  });

  it('keeps a custom role ARN', () => {
    const record = canonicalLocation({
      ResourceArn: 'arn:aws:s3:::b',
      RoleArn: 'arn:aws:iam::1:role/lf',
      WithFederation: true,
    });

    expect(record).toEqual({
      kind: 'location',
      resourceArn: 'arn:aws:s3:::b',
      roleArn: 'arn:aws:iam::1:role/lf',
      withFederation: true,
    });
  });

  it('sorts LF-Tag values and drops CatalogId', () => {
    expect(canonicalLfTag({ CatalogId: '1', TagKey: 'env', TagValues: ['prod', 'dev'] })).toEqual({
      kind: 'lfTag',
      key: 'env',
      values: ['dev', 'prod'],
    });
  });

  it('sorts assigned tags by key and returns undefined for no tags', () => {
    const resource = { Database: { Name: 'sales' } };
    const record = canonicalLfTagAssignment(resource, [
      { TagKey: 'team', TagValues: ['finance'] },
      { TagKey: 'env', TagValues: ['prod'] },
    ]);

    expect(record?.tags.map((t) => t.key)).toEqual(['env', 'team']);
    expect(canonicalLfTagAssignment(resource, [])).toBeUndefined();
  });

  it('drops TableCatalogId and VersionId from a data cells filter', () => {
    const record = canonicalDataCellsFilter({
      TableCatalogId: '123456789012',
      DatabaseName: 'Sales',
      TableName: 'Orders',
      Name: 'eu_only',
      RowFilter: { AllRowsWildcard: {} },
      ColumnNames: ['b', 'a'],
      VersionId: '3',
    });

    expect(record.filter).toEqual({
      DatabaseName: 'sales',
      TableName: 'orders',
      Name: 'eu_only',
      RowFilter: { AllRowsWildcard: {} },
      ColumnNames: ['a', 'b'],
    });
  });

  it('sorts admins and drops empty lists in data lake settings', () => {
    const record = canonicalDataLakeSettings({
      DataLakeAdmins: [{ DataLakePrincipalIdentifier: 'b' }, { DataLakePrincipalIdentifier: 'a' }],
      ReadOnlyAdmins: [],
      CreateDatabaseDefaultPermissions: [],
      TrustedResourceOwners: [],
      AllowExternalDataFiltering: false,
      Parameters: { CROSS_ACCOUNT_VERSION: '4' },
    });

    expect(record.settings).toEqual({
      DataLakeAdmins: [{ DataLakePrincipalIdentifier: 'a' }, { DataLakePrincipalIdentifier: 'b' }],
      AllowExternalDataFiltering: false,
      Parameters: { CROSS_ACCOUNT_VERSION: '4' },
    });
  });
});
