import type { RegionState } from '../../state.ts';

/** A table as Glue stores it: the Table (as GetTable returns it), its archived versions and its partitions. */
export interface StoredTable {
  /** The Table structure exactly as GetTable answers (Name, DatabaseName, StorageDescriptor, VersionId, …). */
  table: Record<string, any>;
  /** Archived versions (UpdateTable without SkipArchive), oldest first, each `{ VersionId, Table }`. */
  versions: Array<{ VersionId: string; Table: Record<string, any> }>;
  /** Partitions keyed by `JSON.stringify(Values)`, each as GetPartition answers. */
  partitions: Record<string, Record<string, any>>;
  /** Partition indexes by name, as `{ IndexName, Keys }` (the key names); absent on tables without any. */
  indexes?: Record<string, { IndexName: string; Keys: string[] }>;
  /** Column statistics of the table by column name, each a ColumnStatistics as sent. */
  statistics?: Record<string, Record<string, any>>;
  /** Column statistics of partitions: `JSON.stringify(Values)` → column name → ColumnStatistics. */
  partitionStatistics?: Record<string, Record<string, Record<string, any>>>;
  /** Table optimizers of an Iceberg table by type, each `{ type, configuration }` as GetTableOptimizer answers. */
  optimizers?: Record<string, { type: string; configuration: Record<string, any> }>;
}

export interface StoredDatabase {
  /** The Database structure exactly as GetDatabase answers. */
  database: Record<string, any>;
  /** Tables keyed by lowercased name. */
  tables: Record<string, StoredTable>;
  /** User-defined functions keyed by lowercased name, each as GetUserDefinedFunction answers. */
  functions?: Record<string, Record<string, any>>;
}

/** Glue's slice of a Region's state: databases keyed by lowercased name. */
export interface GlueState {
  databases: Record<string, StoredDatabase>;
}

export function glueStateOf(region: RegionState): GlueState {
  return region.slice<GlueState>('glue', () => ({ databases: {} }));
}

/** Looks a database up by name (case-insensitive, as Glue is). */
export function findDatabase(region: RegionState, name: string): StoredDatabase | undefined {
  return glueStateOf(region).databases[name.toLowerCase()];
}

export function findTable(region: RegionState, database: string, table: string): StoredTable | undefined {
  return findDatabase(region, database)?.tables[table.toLowerCase()];
}
