import type { Database, Partition, Table } from '@aws-sdk/client-glue';

/** Reads a Region's Glue Data Catalog (the AWS adapter is `GlueCatalogReader`; tests may use memory). */
export interface CatalogReader {
  listDatabases(): Promise<Database[]>;
  listTables(database: string): Promise<Table[]>;
  /** The VersionId the last listing or Get saw for the table (an update is conditional on it). */
  versionOf(database: string, name: string): string | undefined;
  streamPartitions(
    database: string,
    table: string,
    options?: { segments?: number },
  ): AsyncIterable<Partition>;
  getDatabase(name: string): Promise<Database | undefined>;
  getTable(database: string, name: string): Promise<Table | undefined>;
  getPartitions(database: string, table: string, valuesList: readonly string[][]): Promise<Partition[]>;
}
