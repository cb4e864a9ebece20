import type {
  Catalog,
  ColumnStatistics,
  PartitionIndex,
  PartitionIndexDescriptor,
  TableOptimizer,
  UserDefinedFunction,
  UserDefinedFunctionInput,
} from '@aws-sdk/client-glue';
import type { ApiCallCounter } from '../../../src/aws/callCounter.ts';
import type { StatisticsOwner } from '../../../src/aws/glueColumnStatistics.ts';
import type { CatalogObjects } from '../../../src/engine/ports/catalogObjects.ts';
import type { MemoryCatalog } from './memoryCatalog.ts';
import { serviceError } from './serviceError.ts';

/** Partition indexes, functions, column statistics, catalogs and table optimizers held in memory beside a `MemoryCatalog`. */
export function memoryCatalogObjects(catalog: MemoryCatalog, counter: ApiCallCounter): CatalogObjects {
  const count = (operation: string) => counter.record('Glue', operation);
  const indexes = new Map<string, PartitionIndexDescriptor[]>();
  const functions = new Map<string, UserDefinedFunction>();
  const statistics = new Map<string, ColumnStatistics>();
  const catalogs = new Map<string, Catalog>();
  const optimizers = new Map<string, TableOptimizer>();
  const tableKey = (database: string, table: string) => `${database}.${table}`.toLowerCase();
  const ownerKey = (o: StatisticsOwner) =>
    `${tableKey(o.database, o.table)}/${JSON.stringify(o.values ?? null)}`;
  return {
    partitionIndexes: {
      async list(database, table) {
        count('GetPartitionIndexes');
        if (catalog.versionOf(database, table) === undefined) return undefined;
        return structuredClone(indexes.get(tableKey(database, table)) ?? []);
      },
      async create(database, table, index: PartitionIndex) {
        count('CreatePartitionIndex');
        const held = indexes.get(tableKey(database, table)) ?? [];
        const types = catalog.peekTable(database, table)?.PartitionKeys ?? [];
        const keys = (index.Keys ?? []).map((Name) => ({
          Name,
          Type: types.find((k) => k.Name === Name)?.Type ?? 'string',
        }));
        indexes.set(tableKey(database, table), [
          ...held,
          { IndexName: index.IndexName, Keys: keys, IndexStatus: 'ACTIVE' },
        ]);
      },
      async delete(database, table, indexName) {
        count('DeletePartitionIndex');
        const held = indexes.get(tableKey(database, table)) ?? [];
        indexes.set(
          tableKey(database, table),
          held.filter((i) => i.IndexName !== indexName),
        );
      },
    },
    functions: {
      async list(database) {
        count('GetUserDefinedFunctions');
        return structuredClone(
          [...functions.values()].filter((f) => !database || f.DatabaseName === database),
        );
      },
      async get(database, name) {
        count('GetUserDefinedFunction');
        return structuredClone(functions.get(tableKey(database, name)));
      },
      async create(database, input: UserDefinedFunctionInput) {
        count('CreateUserDefinedFunction');
        const key = tableKey(database, input.FunctionName!);
        if (functions.has(key))
          throw serviceError('AlreadyExistsException', `Function ${key} already exists.`);
        functions.set(key, { ...structuredClone(input), DatabaseName: database });
      },
      async update(database, input) {
        count('UpdateUserDefinedFunction');
        functions.set(tableKey(database, input.FunctionName!), {
          ...structuredClone(input),
          DatabaseName: database,
        });
      },
      async delete(database, name) {
        count('DeleteUserDefinedFunction');
        functions.delete(tableKey(database, name));
      },
    },
    columnStatistics: {
      async get(owner, columns) {
        count(owner.values ? 'GetColumnStatisticsForPartition' : 'GetColumnStatisticsForTable');
        if (catalog.versionOf(owner.database, owner.table) === undefined) return undefined;
        return columns.flatMap((c) => {
          const found = statistics.get(`${ownerKey(owner)}#${c}`);
          return found ? [structuredClone(found)] : [];
        });
      },
      async update(owner, list) {
        count(owner.values ? 'UpdateColumnStatisticsForPartition' : 'UpdateColumnStatisticsForTable');
        for (const s of list) statistics.set(`${ownerKey(owner)}#${s.ColumnName}`, structuredClone(s));
      },
      async delete(owner, column) {
        count(owner.values ? 'DeleteColumnStatisticsForPartition' : 'DeleteColumnStatisticsForTable');
        statistics.delete(`${ownerKey(owner)}#${column}`);
      },
    },
    catalogs: {
      async list() {
        count('GetCatalogs');
        return [...catalogs.values()].map((c) => structuredClone(c));
      },
      async get(path) {
        count('GetCatalog');
        const found = catalogs.get(path);
        return found && structuredClone(found);
      },
      async create(path, input) {
        count('CreateCatalog');
        catalogs.set(path, { ...structuredClone(input), CatalogId: `000000000000:${path}`, Name: path });
      },
      async update(path, input) {
        count('UpdateCatalog');
        catalogs.set(path, { ...structuredClone(input), CatalogId: `000000000000:${path}`, Name: path });
      },
      async delete(path) {
        count('DeleteCatalog');
        catalogs.delete(path);
      },
    },
    tableOptimizers: {
      async read(entries) {
        count('BatchGetTableOptimizer');
        return entries.flatMap((e) => {
          const found = optimizers.get(`${tableKey(e.database, e.table)}@${e.type}`);
          return found
            ? [{ databaseName: e.database, tableName: e.table, tableOptimizer: structuredClone(found) }]
            : [];
        });
      },
      async create(e, configuration) {
        count('CreateTableOptimizer');
        optimizers.set(`${tableKey(e.database, e.table)}@${e.type}`, { type: e.type, configuration });
      },
      async update(e, configuration) {
        count('UpdateTableOptimizer');
        optimizers.set(`${tableKey(e.database, e.table)}@${e.type}`, { type: e.type, configuration });
      },
      async delete(e) {
        count('DeleteTableOptimizer');
        optimizers.delete(`${tableKey(e.database, e.table)}@${e.type}`);
      },
    },
  };
}
