import type { ObjectRef } from './objectRef.ts';
import { type Extractor, eachEntry, glueName, list, type Params, record, values } from './params.ts';

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

/** Glue event name → objects, from CloudTrail's lowerCamel request members. */
export const GLUE_EXTRACTORS: Record<string, Extractor<Ref>> = {
  CreateDatabase: (p) => database(record(p.databaseInput)?.name),
  UpdateDatabase: (p) => [...database(p.name), ...database(record(p.databaseInput)?.name)],
  // Everything in the database goes with it, unnamed: a database of the same name created again by replay
  // time would otherwise keep the old tables (and grants) in the target. A broad reconcile of that database
  // only (CreateDatabase needs none: a new database's contents have events of their own).
  DeleteDatabase: (p) => [...database(p.name), ...inDatabase(p.name)],
  CreateTable: (p) => table(p.databaseName, record(p.tableInput)?.name ?? p.name),
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
  BatchDeletePartition: (p) =>
    partitions(
      p,
      list(p.partitionsToDelete).map((e) => record(e)?.values),
    ),
};
