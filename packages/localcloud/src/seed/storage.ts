import type { Column, StorageDescriptor, TableInput } from '@aws-sdk/client-glue';

/** Hive storage formats the demo lake uses, as Glue crawlers and Athena write them. */
export const PARQUET = {
  InputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
  OutputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
  SerdeInfo: {
    SerializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
    Parameters: { 'serialization.format': '1' },
  },
};

const OPEN_CSV = {
  InputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
  OutputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
  SerdeInfo: {
    SerializationLibrary: 'org.apache.hadoop.hive.serde2.OpenCSVSerde',
    Parameters: { separatorChar: ',', quoteChar: '"', escapeChar: '\\' },
  },
};

/** `name:type` pairs to Glue columns (`name` alone is a string column). */
export function columns(...specs: string[]): Column[] {
  return specs.map((spec) => {
    const [Name, Type = 'string'] = spec.split(':') as [string, string?];
    return { Name, Type };
  });
}

/** A Hive Parquet table, partitioned by the given keys (all strings: `dt`, `region`). */
export function parquetTable(name: string, location: string, cols: Column[], partitionKeys: string[] = []) {
  return {
    Name: name,
    TableType: 'EXTERNAL_TABLE',
    Parameters: { classification: 'parquet', EXTERNAL: 'TRUE' },
    PartitionKeys: partitionKeys.map((key) => ({ Name: key, Type: 'string' })),
    StorageDescriptor: { Columns: cols, Location: location, ...PARQUET },
  } satisfies TableInput;
}

/** A CSV table read with OpenCSVSerde (every column a string, as that SerDe reads them). */
export function csvTable(name: string, location: string, columnNames: string[]): TableInput {
  return {
    Name: name,
    TableType: 'EXTERNAL_TABLE',
    Parameters: { classification: 'csv', 'skip.header.line.count': '1', EXTERNAL: 'TRUE' },
    StorageDescriptor: { Columns: columns(...columnNames), Location: location, ...OPEN_CSV },
  };
}

/** An Iceberg table as Athena registers it: the metadata file named in Parameters. */
export function icebergTable(name: string, location: string, cols: Column[]): TableInput {
  return {
    Name: name,
    TableType: 'EXTERNAL_TABLE',
    Parameters: {
      table_type: 'ICEBERG',
      metadata_location: `${location}/metadata/00001-3f6c2a1e-0b7d-4c55-9a51-8f2d1b6e7c10.metadata.json`,
    },
    StorageDescriptor: { Columns: cols, Location: location, ...PARQUET },
  };
}

/** A Delta table as Spark registers it: the data path in the SerDe's parameters. */
export function deltaTable(name: string, location: string, cols: Column[]): TableInput {
  return {
    Name: name,
    TableType: 'EXTERNAL_TABLE',
    Parameters: { 'spark.sql.sources.provider': 'delta', EXTERNAL: 'TRUE' },
    StorageDescriptor: {
      Columns: cols,
      Location: location,
      ...PARQUET,
      SerdeInfo: { ...PARQUET.SerdeInfo, Parameters: { ...PARQUET.SerdeInfo.Parameters, path: location } },
    },
  };
}

/** A view: no storage, its SQL kept as written and as expanded. */
export function viewTable(name: string, cols: Column[], sql: string): TableInput {
  return {
    Name: name,
    TableType: 'VIRTUAL_VIEW',
    ViewOriginalText: sql,
    ViewExpandedText: sql.replace(/\b(sales|marketing|finance)\.(\w+)/g, '`$1`.`$2`'),
    Parameters: { comment: 'lakemirror demo view' },
    StorageDescriptor: { Columns: cols, SerdeInfo: {} },
  };
}

/** The partition's storage: the table's, at the partition's location. */
export function partitionStorage(table: TableInput, location: string): StorageDescriptor {
  return { ...table.StorageDescriptor, Location: location };
}
