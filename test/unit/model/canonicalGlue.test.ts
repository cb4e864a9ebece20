import type { Table } from '@aws-sdk/client-glue';
import { describe, expect, it } from 'vitest';
import { canonicalDatabase, canonicalPartition, canonicalTable } from '../../../src/model/canonical.ts';
import { isLakemirrorError } from '../../../src/model/errors.ts';
import type { TableInput } from '../../../src/model/glueInputs.ts';

const tableInput = {
  Name: 'orders',
  Description: 'all orders',
  TableType: 'EXTERNAL_TABLE',
  Parameters: { classification: 'parquet' },
  PartitionKeys: [{ Name: 'dt', Type: 'string' }],
  StorageDescriptor: {
    Columns: [
      { Name: 'zeta', Type: 'string' },
      { Name: 'alpha', Type: 'int', Comment: 'first letter' },
    ],
    Location: 's3://src-bucket/sales/orders/',
    InputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
    SerdeInfo: { SerializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe' },
  },
} satisfies TableInput;

describe('canonicalTable', () => {
  it('turns a GetTable answer back into the TableInput that created it', () => {
    // Prepare: what Glue returns after CreateTable(tableInput)
    const answer: Table = {
      ...tableInput,
      Name: 'Orders',
      DatabaseName: 'Sales',
      CatalogId: '123456789012',
      CreateTime: new Date('2024-01-01T00:00:00Z'),
      UpdateTime: new Date('2024-01-02T00:00:00Z'),
      LastAccessTime: new Date(0),
      LastAnalyzedTime: new Date(0),
      VersionId: '7',
      CreatedBy: 'arn:aws:iam::123456789012:role/etl',
      IsRegisteredWithLakeFormation: false,
      IsMultiDialectView: false,
      Retention: undefined,
      StorageDescriptor: {
        ...tableInput.StorageDescriptor,
        Compressed: false,
        StoredAsSubDirectories: false,
        NumberOfBuckets: undefined,
        Parameters: {},
        BucketColumns: [],
        SortColumns: [],
        SerdeInfo: { ...tableInput.StorageDescriptor?.SerdeInfo, Parameters: {} },
      },
      FederatedTable: undefined,
    };

    // Act
    const record = canonicalTable(answer);

    // Assess
    expect(record).toEqual({ kind: 'table', databaseName: 'sales', input: tableInput });
  });

  it('keeps columns in their order and keeps Compressed when true', () => {
    const record = canonicalTable({
      ...tableInput,
      DatabaseName: 'sales',
      StorageDescriptor: { ...tableInput.StorageDescriptor, Compressed: true },
    });

    expect(record.input.StorageDescriptor?.Columns?.map((c) => c.Name)).toEqual(['zeta', 'alpha']);
    expect(record.input.StorageDescriptor?.Compressed).toBe(true);
  });

  it('keeps a resource link as a table with its TargetTable', () => {
    const record = canonicalTable({
      Name: 'orders_link',
      DatabaseName: 'sales',
      TargetTable: { CatalogId: '210987654321', DatabaseName: 'shared', Name: 'orders', Region: 'us-east-1' },
    });

    expect(record.input).toEqual({
      Name: 'orders_link',
      TargetTable: { CatalogId: '210987654321', DatabaseName: 'shared', Name: 'orders', Region: 'us-east-1' },
    });
  });

  it('rejects a table without a database name with a model.invalidObject error', () => {
    const act = () => canonicalTable({ Name: 'orders' });

    expect(act).toThrow(expect.objectContaining({ code: 'model.invalidObject', source: 'aws' }));
  });
});

describe('canonicalDatabase', () => {
  it('drops server fields, lowercases the name and sorts default permissions', () => {
    const record = canonicalDatabase({
      Name: 'Sales',
      CatalogId: '123456789012',
      CreateTime: new Date(),
      Parameters: {},
      LocationUri: 's3://src-bucket/sales/',
      CreateTableDefaultPermissions: [
        { Principal: { DataLakePrincipalIdentifier: 'z-role' }, Permissions: ['SELECT', 'ALTER'] },
        { Principal: { DataLakePrincipalIdentifier: 'IAM_ALLOWED_PRINCIPALS' }, Permissions: ['ALL'] },
      ],
    });

    expect(record).toEqual({
      kind: 'database',
      input: {
        Name: 'sales',
        LocationUri: 's3://src-bucket/sales/',
        CreateTableDefaultPermissions: [
          { Principal: { DataLakePrincipalIdentifier: 'IAM_ALLOWED_PRINCIPALS' }, Permissions: ['ALL'] },
          { Principal: { DataLakePrincipalIdentifier: 'z-role' }, Permissions: ['ALTER', 'SELECT'] },
        ],
      },
    });
  });

  it('reports a nameless database as an aws error', () => {
    try {
      canonicalDatabase({ Name: undefined });
      expect.unreachable();
    } catch (error) {
      expect(isLakemirrorError(error, 'model.invalidObject')).toBe(true);
    }
  });
});

describe('canonicalPartition', () => {
  it('drops DatabaseName, TableName and times but keeps the names on the record and values in order', () => {
    const record = canonicalPartition({
      Values: ['2024', '01'],
      DatabaseName: 'Sales',
      TableName: 'Orders',
      CatalogId: '123456789012',
      CreationTime: new Date(),
      LastAccessTime: new Date(),
      StorageDescriptor: { Location: 's3://src-bucket/sales/orders/2024/01/', Compressed: false },
      Parameters: {},
    });

    expect(record).toEqual({
      kind: 'partition',
      databaseName: 'sales',
      tableName: 'orders',
      input: {
        Values: ['2024', '01'],
        StorageDescriptor: { Location: 's3://src-bucket/sales/orders/2024/01/' },
      },
    });
  });
});
