import type { DatabaseInput, PartitionInput, TableInput } from '@aws-sdk/client-glue';
import type { PartitionUpdate, PartitionWriteResult } from '../../aws/glueCatalogWriter.ts';

/** Writes a Region's Glue Data Catalog; partitions in batches that answer per partition. */
export interface CatalogWriter {
  createDatabase(input: DatabaseInput): Promise<void>;
  updateDatabase(name: string, input: DatabaseInput): Promise<void>;
  deleteDatabase(name: string): Promise<void>;
  createTable(database: string, input: TableInput): Promise<void>;
  /** With `versionId`, refused (a conflict) when the table changed since it was read. */
  updateTable(database: string, input: TableInput, versionId?: string): Promise<void>;
  deleteTable(database: string, name: string): Promise<void>;
  batchCreatePartitions(
    database: string,
    table: string,
    inputs: readonly PartitionInput[],
  ): Promise<PartitionWriteResult[]>;
  batchUpdatePartitions(
    database: string,
    table: string,
    entries: readonly PartitionUpdate[],
  ): Promise<PartitionWriteResult[]>;
  batchDeletePartitions(
    database: string,
    table: string,
    valuesList: readonly string[][],
  ): Promise<PartitionWriteResult[]>;
}
