import type { LfResource } from '../../../src/model/lfShapes.ts';
import type {
  DatabaseRecord,
  DataCellsFilterRecord,
  DataLakeSettingsRecord,
  GrantRecord,
  LfTagAssignmentRecord,
  LfTagRecord,
  LocationRecord,
  PartitionRecord,
  TableRecord,
} from '../../../src/model/records.ts';

/** Small builders for canonical records, so tests state only what they are about. */

export function database(name: string, extra: Partial<DatabaseRecord['input']> = {}): DatabaseRecord {
  return { kind: 'database', input: { Name: name, ...extra } };
}

export function table(db: string, name: string, extra: Partial<TableRecord['input']> = {}): TableRecord {
  return {
    kind: 'table',
    databaseName: db,
    input: {
      Name: name,
      TableType: 'EXTERNAL_TABLE',
      StorageDescriptor: {
        Columns: [
          { Name: 'id', Type: 'bigint' },
          { Name: 'amount', Type: 'double' },
        ],
        Location: `s3://src-bucket/${db}/${name}/`,
      },
      ...extra,
    },
  };
}

export function partition(db: string, tbl: string, values: string[]): PartitionRecord {
  return {
    kind: 'partition',
    databaseName: db,
    tableName: tbl,
    input: {
      Values: values,
      StorageDescriptor: { Location: `s3://src-bucket/${db}/${tbl}/${values.join('/')}/` },
    },
  };
}

export function grant(
  principal: string,
  resource: LfResource,
  permissions: string[],
  grantable: string[] = [],
): GrantRecord {
  return { kind: 'grant', principal, resource, permissions, grantable };
}

export function location(resourceArn: string, extra: Partial<LocationRecord> = {}): LocationRecord {
  return { kind: 'location', resourceArn, useServiceLinkedRole: true, ...extra };
}

export function lfTag(key: string, values: string[]): LfTagRecord {
  return { kind: 'lfTag', key, values };
}

export function lfTagAssignment(resource: LfResource, tags: Record<string, string[]>): LfTagAssignmentRecord {
  return {
    kind: 'lfTagAssignment',
    resource,
    tags: Object.entries(tags).map(([key, values]) => ({ key, values })),
  };
}

export function dataCellsFilter(
  db: string,
  tbl: string,
  name: string,
  expression = "region = 'eu'",
): DataCellsFilterRecord {
  return {
    kind: 'dataCellsFilter',
    filter: {
      DatabaseName: db,
      TableName: tbl,
      Name: name,
      RowFilter: { FilterExpression: expression },
      ColumnWildcard: {},
    },
  };
}

export function settings(extra: Partial<DataLakeSettingsRecord['settings']> = {}): DataLakeSettingsRecord {
  return { kind: 'dataLakeSettings', settings: extra };
}

export const admin = (id: string) => ({ DataLakePrincipalIdentifier: id });
export const onDatabase = (name: string): LfResource => ({ Database: { Name: name } });
export const onTable = (db: string, name: string): LfResource => ({
  Table: { DatabaseName: db, Name: name },
});
export const onLocation = (arn: string): LfResource => ({ DataLocation: { ResourceArn: arn } });
export const ANALYST = 'arn:aws:iam::123456789012:role/analyst';
export const ETL = 'arn:aws:iam::123456789012:role/etl';
