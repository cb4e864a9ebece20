import { PARQUET } from '@lakemirror/localcloud';
import type { DatabaseSpec, FunctionSpec, TableSpec } from './generateLake.ts';
import { mulberry32, pick } from './prng.ts';

/** Fixed timestamps (epoch seconds) so that the same seed gives byte-identical records. */
export const LAKE_EPOCH = 1_700_000_000;
const CREATED_BY = 'arn:aws:iam::123456789012:role/etl';

const COLUMN_NAMES = [
  'id',
  'customer_id',
  'order_id',
  'amount',
  'currency',
  'ts',
  'status',
  'email',
  'country',
];
const COLUMN_TYPES = ['string', 'bigint', 'int', 'double', 'decimal(18,2)', 'timestamp', 'boolean', 'date'];
const REGIONS = [
  'us',
  'eu',
  'ap',
  'sa',
  'ca',
  'me',
  'af',
  'il',
  'mx',
  'in',
  'jp',
  'kr',
  'au',
  'br',
  'de',
  'fr',
];
export const PARTITION_KEYS = [
  { Name: 'dt', Type: 'string' },
  { Name: 'region', Type: 'string' },
];

/** The table's columns (Glue Column shape), from its seed. */
export function columnsOf(table: TableSpec): Array<{ Name: string; Type: string; Comment?: string }> {
  const random = mulberry32(table.seed);
  return Array.from({ length: table.columns }, (_, i) => {
    const name = i < COLUMN_NAMES.length ? COLUMN_NAMES[i]! : `attr_${String(i).padStart(2, '0')}`;
    const column = { Name: name, Type: i === 0 ? 'string' : pick(random, COLUMN_TYPES) };
    return random() < 0.2 ? { ...column, Comment: `${name} of the ${table.name} record` } : column;
  });
}

/** The Database structure as the Glue emulator stores it (GetDatabase's answer). */
export function storedDatabase(db: DatabaseSpec, accountId: string): Record<string, any> {
  return {
    Name: db.name,
    Description: `${db.domain} data products`,
    LocationUri: db.location,
    Parameters: { owner: `team-${db.domain}` },
    CreateTime: LAKE_EPOCH,
    CatalogId: accountId,
  };
}

/** The Table structure as the Glue emulator stores it (GetTable's answer). */
export function storedTable(table: TableSpec, accountId: string): Record<string, any> {
  return {
    Name: table.name,
    DatabaseName: table.database,
    Description: `${table.name} in ${table.database}`,
    Owner: 'etl',
    CreateTime: LAKE_EPOCH,
    UpdateTime: LAKE_EPOCH,
    Retention: 0,
    StorageDescriptor: { Columns: columnsOf(table), Location: table.location, ...PARQUET },
    PartitionKeys: table.partitioned ? PARTITION_KEYS : [],
    TableType: 'EXTERNAL_TABLE',
    Parameters: { classification: 'parquet', 'projection.enabled': 'false' },
    CreatedBy: CREATED_BY,
    IsRegisteredWithLakeFormation: false,
    CatalogId: accountId,
    VersionId: '0',
    IsMultiDialectView: false,
  };
}

/** The table's column statistics as the emulator stores them (by column name), for its first columns. */
export function storedStatistics(table: TableSpec): Record<string, Record<string, any>> {
  const columns = columnsOf(table).slice(0, table.statisticsColumns);
  return Object.fromEntries(
    columns.map((column, i) => [
      column.Name,
      {
        ColumnName: column.Name,
        ColumnType: column.Type,
        AnalyzedTime: LAKE_EPOCH,
        StatisticsData: {
          Type: 'LONG',
          LongColumnStatisticsData: {
            MinimumValue: 0,
            MaximumValue: 1000 + i,
            NumberOfNulls: 0,
            NumberOfDistinctValues: 100 + i,
          },
        },
      },
    ]),
  );
}

/** A user-defined function as the emulator stores it (GetUserDefinedFunction's answer). */
export function storedFunction(fn: FunctionSpec, accountId: string): Record<string, any> {
  return {
    FunctionName: fn.name,
    DatabaseName: fn.database,
    ClassName: 'com.example.udf.MaskEmail',
    OwnerName: CREATED_BY,
    OwnerType: 'ROLE',
    CreateTime: LAKE_EPOCH,
    ResourceUris: [{ ResourceType: 'JAR', Uri: fn.jar }],
    CatalogId: accountId,
  };
}

/** The values of the table's i-th partition: `dt` days back from 2025-06-30, spread over some regions. */
export function partitionValues(table: TableSpec, i: number): [string, string] {
  const regions = Math.max(1, Math.min(REGIONS.length, Math.ceil(table.partitionCount / 1095)));
  const day = Math.floor(i / regions);
  const dt = new Date(Date.UTC(2025, 5, 30) - day * 86_400_000).toISOString().slice(0, 10);
  return [dt, REGIONS[i % regions]!];
}

/**
 * The table's partitions as the emulator stores them, generated one at a time. Columns and SerDe objects are
 * shared between a table's partitions (the emulator never mutates stored objects in place), which keeps a
 * million loaded partitions within a few hundred MB of the emulator's heap.
 */
export function* partitionsOf(table: TableSpec, accountId: string): Generator<Record<string, any>> {
  if (!table.partitioned) return;
  const columns = columnsOf(table);
  for (let i = 0; i < table.partitionCount; i++) yield partitionAt(table, accountId, i, columns);
}

export function partitionAt(
  table: TableSpec,
  accountId: string,
  i: number,
  columns = columnsOf(table),
): Record<string, any> {
  const values = partitionValues(table, i);
  return {
    Values: values,
    DatabaseName: table.database,
    TableName: table.name,
    CreationTime: LAKE_EPOCH,
    StorageDescriptor: {
      Columns: columns,
      Location: `${table.location}/dt=${values[0]}/region=${values[1]}`,
      ...PARQUET,
    },
    Parameters: { numRows: String(1000 + (i % 9000)) },
    CatalogId: accountId,
  };
}
