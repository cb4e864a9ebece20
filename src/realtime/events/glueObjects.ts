import { catalogPath } from '../../model/canonicalCatalog.ts';
import type { ObjectRef } from './objectRef.ts';
import { type Extractor, eachEntry, glueName, list, type Params, record, text, values } from './params.ts';

type Ref = ObjectRef;

const database = (name: unknown): Ref[] => {
  const db = glueName(name);
  return db ? [{ kind: 'database', database: db }] : [];
};

const table = (db: unknown, name: unknown): Ref[] => {
  const [d, t] = [glueName(db), glueName(name)];
  return d && t ? [{ kind: 'table', database: d, table: t }] : [];
};

/** A broad reconcile of one database (everything in it); none when the name is unreadable. */
const inDatabase = (name: unknown): Ref[] => {
  const db = glueName(name);
  return db ? [{ kind: 'catalog', database: db }] : [];
};

/**
 * A deleted table takes its partitions, grants (its columns' too), tag assignments and data cells filters
 * with it, without events of their own. When a table of the same name exists again by replay time, only
 * reconciling these too removes the old table's leftovers from the target.
 */
const tableAndDependents = (db: unknown, name: unknown): Ref[] => {
  const [d, t] = [glueName(db), glueName(name)];
  if (!d || !t) return [];
  const resource = { Table: { DatabaseName: d, Name: t } };
  return [
    { kind: 'table', database: d, table: t },
    { kind: 'partitions', database: d, table: t },
    { kind: 'dataCellsFilter', database: d, table: t },
    { kind: 'lfTagAssignment', resource },
    { kind: 'permissions', resource },
  ];
};

/**
 * Partitions named by `valueLists`; when any is missing or the list is empty (truncated by CloudTrail),
 * every partition of the table instead, as long as the table itself is known.
 */
function partitions(p: Params, valueLists: unknown[]): Ref[] {
  const [db, tbl] = [glueName(p.databaseName), glueName(p.tableName)];
  if (!db || !tbl) return [];
  const found = valueLists.map(values);
  if (found.length === 0 || found.some((v) => v === undefined))
    return [{ kind: 'partitions', database: db, table: tbl }];
  return found.map((v) => ({ kind: 'partition', database: db, table: tbl, values: v! }));
}

/** UpdatePartition may change the values: both the old and the new partition are touched. */
const updatedPartition = (entry: Params | undefined): unknown[] => [
  entry?.partitionValueList,
  record(entry?.partitionInput)?.values ?? entry?.partitionValueList,
];

const partitionIndexes = (db: unknown, name: unknown): Ref[] => {
  const [d, t] = [glueName(db), glueName(name)];
  return d && t ? [{ kind: 'partitionIndexes', database: d, table: t }] : [];
};

const tableOptimizers = (db: unknown, name: unknown): Ref[] => {
  const [d, t] = [glueName(db), glueName(name)];
  return d && t ? [{ kind: 'tableOptimizers', database: d, table: t }] : [];
};

/** A function by name; when CloudTrail kept no name, every function of the database. */
const fn = (db: unknown, ...names: unknown[]): Ref[] => {
  const d = glueName(db);
  if (!d) return [];
  const found = names.map(glueName).filter((n): n is string => n !== undefined);
  if (found.length === 0) return [{ kind: 'function', database: d }];
  return [...new Set(found)].map((name) => ({ kind: 'function', database: d, name }));
};

/** A table's statistics, or a partition's when the event names its values. */
const statistics = (p: Params, partition: boolean): Ref[] => {
  const [d, t] = [glueName(p.databaseName), glueName(p.tableName)];
  if (!d || !t) return [];
  const v = partition ? values(p.partitionValues) : undefined;
  // A partition call whose values CloudTrail did not keep: reconciling the table's statistics is not enough,
  // so the whole table is reconciled broadly instead (its partitions' statistics with it).
  if (partition && !v) return [{ kind: 'catalog', database: d }];
  return [{ kind: 'columnStatistics', database: d, table: t, ...(v ? { values: v } : {}) }];
};

/**
 * The path of the catalog below the account's default one that a `catalogId` names (`account:path`, or the
 * path alone); undefined for the default catalog (an account id, or no catalogId).
 */
export function catalogPathOf(catalogId: unknown): string | undefined {
  const id = text(catalogId);
  if (!id || /^\d{12}$/.test(id)) return undefined;
  return text(catalogPath(id) ?? id);
}

/** A catalog by path; a catalog event whose catalog CloudTrail did not keep reconciles broadly. */
const glueCatalog = (path: string | undefined): Ref[] =>
  path ? [{ kind: 'glueCatalog', path }] : [{ kind: 'catalog' }];

/** The catalog events: the only Glue events below the default catalog that are replicated. */
export const CATALOG_EVENT_NAMES: ReadonlySet<string> = new Set([
  'CreateCatalog',
  'UpdateCatalog',
  'DeleteCatalog',
]);

/** Glue event name → objects, from CloudTrail's lowerCamel request members. */
export const GLUE_EXTRACTORS: Record<string, Extractor<Ref>> = {
  CreateCatalog: (p) => glueCatalog(text(p.name)),
  UpdateCatalog: (p) => glueCatalog(catalogPathOf(p.catalogId)),
  DeleteCatalog: (p) => glueCatalog(catalogPathOf(p.catalogId)),
  CreateDatabase: (p) => database(record(p.databaseInput)?.name),
  UpdateDatabase: (p) => [...database(p.name), ...database(record(p.databaseInput)?.name)],
  // Everything in the database goes with it, unnamed: a database of the same name created again by replay
  // time would otherwise keep the old tables (and grants) in the target. A broad reconcile of that database
  // only (CreateDatabase needs none: a new database's contents have events of their own).
  DeleteDatabase: (p) => [...database(p.name), ...inDatabase(p.name)],
  // A table created with PartitionIndexes has no CreatePartitionIndex events: its indexes come with it.
  CreateTable: (p) => [
    ...table(p.databaseName, record(p.tableInput)?.name ?? p.name),
    ...(list(p.partitionIndexes).length > 0
      ? partitionIndexes(p.databaseName, record(p.tableInput)?.name ?? p.name)
      : []),
  ],
  UpdateTable: (p) => table(p.databaseName, record(p.tableInput)?.name ?? p.name),
  DeleteTable: (p) => tableAndDependents(p.databaseName, p.name),
  BatchDeleteTable: (p) =>
    eachEntry(
      p.tablesToDelete,
      (name) => tableAndDependents(p.databaseName, name),
      inDatabase(p.databaseName)[0] ?? { kind: 'catalog' },
    ),
  CreatePartition: (p) => partitions(p, [record(p.partitionInput)?.values]),
  BatchCreatePartition: (p) =>
    partitions(
      p,
      list(p.partitionInputList).map((i) => record(i)?.values),
    ),
  UpdatePartition: (p) => partitions(p, updatedPartition(p)),
  BatchUpdatePartition: (p) =>
    partitions(
      p,
      list(p.entries).flatMap((e) => updatedPartition(record(e))),
    ),
  DeletePartition: (p) => partitions(p, [p.partitionValues]),
  CreatePartitionIndex: (p) => partitionIndexes(p.databaseName, p.tableName),
  DeletePartitionIndex: (p) => partitionIndexes(p.databaseName, p.tableName),
  CreateTableOptimizer: (p) => tableOptimizers(p.databaseName, p.tableName),
  UpdateTableOptimizer: (p) => tableOptimizers(p.databaseName, p.tableName),
  DeleteTableOptimizer: (p) => tableOptimizers(p.databaseName, p.tableName),
  CreateUserDefinedFunction: (p) => fn(p.databaseName, record(p.functionInput)?.functionName),
  UpdateUserDefinedFunction: (p) => fn(p.databaseName, p.functionName, record(p.functionInput)?.functionName),
  DeleteUserDefinedFunction: (p) => fn(p.databaseName, p.functionName),
  UpdateColumnStatisticsForTable: (p) => statistics(p, false),
  DeleteColumnStatisticsForTable: (p) => statistics(p, false),
  UpdateColumnStatisticsForPartition: (p) => statistics(p, true),
  DeleteColumnStatisticsForPartition: (p) => statistics(p, true),
  BatchDeletePartition: (p) =>
    partitions(
      p,
      list(p.partitionsToDelete).map((e) => record(e)?.values),
    ),
};
