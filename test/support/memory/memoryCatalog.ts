import type {
  Database,
  DatabaseInput,
  Partition,
  PartitionInput,
  Table,
  TableInput,
} from '@aws-sdk/client-glue';
import type { ApiCallCounter } from '../../../src/aws/callCounter.ts';
import type { PartitionUpdate, PartitionWriteResult } from '../../../src/aws/glueCatalogWriter.ts';
import type { CatalogReader } from '../../../src/engine/ports/catalogReader.ts';
import type { CatalogWriter } from '../../../src/engine/ports/catalogWriter.ts';
import { serviceError } from './serviceError.ts';

interface StoredTable {
  table: Table;
  partitions: Map<string, Partition>;
}

/**
 * A Region's Glue Data Catalog held in memory, as the catalog reader and writer ports see it: names are
 * lowercased, a create of an existing object is `AlreadyExistsException`, a missing one
 * `EntityNotFoundException`, and each table update bumps its VersionId (a stale one is a conflict). Every call
 * is counted on the side's counter under its Glue operation name.
 */
export class MemoryCatalog implements CatalogReader, CatalogWriter {
  private readonly databases = new Map<string, { database: Database; tables: Map<string, StoredTable> }>();

  constructor(private readonly counter: ApiCallCounter) {}

  async listDatabases(): Promise<Database[]> {
    this.count('GetDatabases');
    return [...this.databases.values()].map((d) => structuredClone(d.database));
  }

  async listTables(database: string): Promise<Table[]> {
    this.count('GetTables');
    return [...this.db(database).tables.values()].map((t) => structuredClone(t.table));
  }

  versionOf(database: string, name: string): string | undefined {
    return this.peekTable(database, name)?.VersionId;
  }

  /** The table as held, without counting a call (for the fakes beside this one). */
  peekTable(database: string, name: string): Table | undefined {
    return this.databases.get(database.toLowerCase())?.tables.get(name.toLowerCase())?.table;
  }

  async *streamPartitions(database: string, table: string): AsyncIterable<Partition> {
    this.count('GetPartitions');
    for (const partition of this.stored(database, table).partitions.values())
      yield structuredClone(partition);
  }

  async getDatabase(name: string): Promise<Database | undefined> {
    this.count('GetDatabase');
    const found = this.databases.get(name.toLowerCase());
    return found && structuredClone(found.database);
  }

  async getTable(database: string, name: string): Promise<Table | undefined> {
    this.count('GetTable');
    const found = this.databases.get(database.toLowerCase())?.tables.get(name.toLowerCase());
    return found && structuredClone(found.table);
  }

  async getPartitions(
    database: string,
    table: string,
    valuesList: readonly string[][],
  ): Promise<Partition[]> {
    this.count('BatchGetPartition');
    const { partitions } = this.stored(database, table);
    return valuesList.flatMap((values) => {
      const found = partitions.get(JSON.stringify(values));
      return found ? [structuredClone(found)] : [];
    });
  }

  async createDatabase(input: DatabaseInput): Promise<void> {
    this.count('CreateDatabase');
    const name = input.Name!.toLowerCase();
    if (this.databases.has(name))
      throw serviceError('AlreadyExistsException', `Database ${name} already exists.`);
    this.databases.set(name, { database: { ...structuredClone(input), Name: name }, tables: new Map() });
  }

  async updateDatabase(name: string, input: DatabaseInput): Promise<void> {
    this.count('UpdateDatabase');
    this.db(name).database = { ...structuredClone(input), Name: name.toLowerCase() };
  }

  async deleteDatabase(name: string): Promise<void> {
    this.count('DeleteDatabase');
    this.db(name);
    this.databases.delete(name.toLowerCase());
  }

  async createTable(database: string, input: TableInput): Promise<void> {
    this.count('CreateTable');
    const { tables } = this.db(database);
    const name = input.Name!.toLowerCase();
    if (tables.has(name)) throw serviceError('AlreadyExistsException', `Table ${name} already exists.`);
    tables.set(name, { table: this.tableOf(database, input, '0'), partitions: new Map() });
  }

  async updateTable(database: string, input: TableInput, versionId?: string): Promise<void> {
    this.count('UpdateTable');
    const stored = this.stored(database, input.Name!);
    if (versionId !== undefined && versionId !== stored.table.VersionId)
      throw serviceError('ConcurrentModificationException', `Table ${input.Name} changed since it was read.`);
    stored.table = this.tableOf(database, input, String(Number(stored.table.VersionId) + 1));
  }

  async deleteTable(database: string, name: string): Promise<void> {
    this.count('DeleteTable');
    this.stored(database, name);
    this.db(database).tables.delete(name.toLowerCase());
  }

  async batchCreatePartitions(
    database: string,
    table: string,
    inputs: readonly PartitionInput[],
  ): Promise<PartitionWriteResult[]> {
    this.count('BatchCreatePartition');
    const { partitions } = this.stored(database, table);
    return inputs.map((input) => {
      const key = input.Values ?? [];
      if (partitions.has(JSON.stringify(key))) return { key, ok: true, note: 'alreadyExists' as const };
      partitions.set(JSON.stringify(key), this.partitionOf(database, table, input));
      return { key, ok: true };
    });
  }

  async batchUpdatePartitions(
    database: string,
    table: string,
    entries: readonly PartitionUpdate[],
  ): Promise<PartitionWriteResult[]> {
    this.count('BatchUpdatePartition');
    const { partitions } = this.stored(database, table);
    return entries.map(({ PartitionValueList: key, PartitionInput: input }) => {
      if (!partitions.has(JSON.stringify(key)))
        return {
          key,
          ok: false,
          error: { code: 'EntityNotFoundException', message: 'Partition not found.' },
        };
      partitions.set(JSON.stringify(key), this.partitionOf(database, table, input));
      return { key, ok: true };
    });
  }

  async batchDeletePartitions(
    database: string,
    table: string,
    valuesList: readonly string[][],
  ): Promise<PartitionWriteResult[]> {
    this.count('BatchDeletePartition');
    const { partitions } = this.stored(database, table);
    return valuesList.map((key) => {
      const gone = !partitions.delete(JSON.stringify(key));
      return gone ? { key, ok: true, note: 'notFound' as const } : { key, ok: true };
    });
  }

  private count(operation: string): void {
    this.counter.record('Glue', operation);
  }

  private db(name: string) {
    const found = this.databases.get(name.toLowerCase());
    if (!found) throw serviceError('EntityNotFoundException', `Database ${name} not found.`);
    return found;
  }

  private stored(database: string, table: string): StoredTable {
    const found = this.db(database).tables.get(table.toLowerCase());
    if (!found) throw serviceError('EntityNotFoundException', `Table ${table} not found.`);
    return found;
  }

  private tableOf(database: string, input: TableInput, versionId: string): Table {
    const name = input.Name!.toLowerCase();
    return {
      ...structuredClone(input),
      Name: name,
      DatabaseName: database.toLowerCase(),
      VersionId: versionId,
    };
  }

  private partitionOf(database: string, table: string, input: PartitionInput): Partition {
    return {
      ...structuredClone(input),
      DatabaseName: database.toLowerCase(),
      TableName: table.toLowerCase(),
    };
  }
}
