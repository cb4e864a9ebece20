import type {
  BatchTableOptimizer,
  Catalog,
  CatalogInput,
  ColumnStatistics,
  PartitionIndex,
  PartitionIndexDescriptor,
  TableOptimizerConfiguration,
  UserDefinedFunction,
  UserDefinedFunctionInput,
} from '@aws-sdk/client-glue';
import type { StatisticsOwner } from '../../aws/glueColumnStatistics.ts';
import type { OptimizerEntry } from '../../aws/glueTableOptimizers.ts';

/** A table's partition indexes; `list` answers undefined when the table does not exist. */
export interface PartitionIndexStore {
  list(database: string, table: string): Promise<PartitionIndexDescriptor[] | undefined>;
  create(database: string, table: string, index: PartitionIndex): Promise<void>;
  delete(database: string, table: string, indexName: string): Promise<void>;
}

/** User-defined functions, of one database or of the whole catalog. */
export interface FunctionStore {
  list(database?: string): Promise<UserDefinedFunction[]>;
  get(database: string, name: string): Promise<UserDefinedFunction | undefined>;
  create(database: string, input: UserDefinedFunctionInput): Promise<void>;
  update(database: string, input: UserDefinedFunctionInput): Promise<void>;
  delete(database: string, name: string): Promise<void>;
}

/** Column statistics of a table or of one partition (`owner.values`). */
export interface ColumnStatisticsStore {
  get(owner: StatisticsOwner, columns: readonly string[]): Promise<ColumnStatistics[] | undefined>;
  update(owner: StatisticsOwner, statistics: readonly ColumnStatistics[]): Promise<void>;
  delete(owner: StatisticsOwner, column: string): Promise<void>;
}

/** Catalogs below the account's default one, by path (`fed_pg`, `s3tablescatalog/bucket`). */
export interface CatalogStore {
  list(): Promise<Catalog[]>;
  /** One catalog by path; undefined when there is none. */
  get(path: string): Promise<Catalog | undefined>;
  create(path: string, input: CatalogInput): Promise<void>;
  update(path: string, input: CatalogInput): Promise<void>;
  delete(path: string): Promise<void>;
}

/** Table optimizers of Iceberg tables; `read` answers those that exist among the entries. */
export interface TableOptimizerStore {
  read(entries: readonly OptimizerEntry[]): Promise<BatchTableOptimizer[]>;
  create(entry: OptimizerEntry, configuration: TableOptimizerConfiguration): Promise<void>;
  update(entry: OptimizerEntry, configuration: TableOptimizerConfiguration): Promise<void>;
  delete(entry: OptimizerEntry): Promise<void>;
}

/** The Glue objects beside databases, tables and partitions that lakemirror replicates. */
export interface CatalogObjects {
  readonly partitionIndexes: PartitionIndexStore;
  readonly functions: FunctionStore;
  readonly columnStatistics: ColumnStatisticsStore;
  readonly catalogs: CatalogStore;
  readonly tableOptimizers: TableOptimizerStore;
}
