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
  DeleteDatabase: (p) => database(p.name),
  CreateTable: (p) => table(p.databaseName, record(p.tableInput)?.name ?? p.name),
  UpdateTable: (p) => table(p.databaseName, record(p.tableInput)?.name ?? p.name),
  DeleteTable: (p) => table(p.databaseName, p.name),
  BatchDeleteTable: (p) =>
    eachEntry(p.tablesToDelete, (name) => table(p.databaseName, name), { kind: 'catalog' }),
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
