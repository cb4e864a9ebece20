import {
  BatchCreatePartitionCommand,
  BatchDeletePartitionCommand,
  CreateDatabaseCommand,
  CreateTableCommand,
  DeleteDatabaseCommand,
  DeleteTableCommand,
  GetTableCommand,
  type Table,
  type TableInput,
  UpdateDatabaseCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-glue';
import fc from 'fast-check';
import { dropTable, type LakeModel, names, tableOf } from './lakeModel.ts';
import { type LakeReal, type Op, sourceOp } from './op.ts';
import { BUCKET, partitionInput, tableInput } from './tinyLake.ts';

export const db = names('db1', 'db2');
export const table = names('t1', 't2', 't3');
const dts = fc.subarray(['1', '2', '3', '4'], { minLength: 1 });

const glue = (real: LakeReal) => real.world.source.glue;

/** The input UpdateTable takes back from what GetTable answered. */
const inputOf = (t: Table): TableInput => ({
  Name: t.Name,
  TableType: t.TableType,
  PartitionKeys: t.PartitionKeys,
  StorageDescriptor: t.StorageDescriptor,
  Parameters: t.Parameters,
});

type TableChange = 'retype' | 'column' | 'param';

function changed(input: TableInput, change: TableChange, n: number): TableInput {
  const columns = input.StorageDescriptor?.Columns ?? [];
  if (change === 'param') return { ...input, Parameters: { ...input.Parameters, rev: String(n) } };
  const next =
    change === 'retype'
      ? columns.map((c) => (c.Name === 'id' ? { ...c, Type: c.Type === 'int' ? 'bigint' : 'int' } : c))
      : columns.some((c) => c.Name === 'extra')
        ? columns.filter((c) => c.Name !== 'extra')
        : [...columns, { Name: 'extra', Type: 'string' }];
  return { ...input, StorageDescriptor: { ...input.StorageDescriptor, Columns: next } };
}

async function getTable(real: LakeReal, database: string, name: string): Promise<Table> {
  return (await glue(real).send(new GetTableCommand({ DatabaseName: database, Name: name }))).Table!;
}

/** Databases, tables (rename = create under the new name + drop) and partitions. */
export function catalogOps(): fc.Arbitrary<Op>[] {
  return [
    db.map((d) =>
      sourceOp(
        `CreateDatabase(${d})`,
        (m) => !m.databases.has(d),
        (r) =>
          glue(r).send(
            new CreateDatabaseCommand({ DatabaseInput: { Name: d, LocationUri: `s3://${BUCKET}/${d}` } }),
          ),
        (m) => m.databases.set(d, new Map()),
      ),
    ),
    fc.tuple(db, fc.integer({ min: 1, max: 9 })).map(([d, n]) =>
      sourceOp(
        `UpdateDatabase(${d}, v${n})`,
        (m) => m.databases.has(d),
        (r) =>
          glue(r).send(
            new UpdateDatabaseCommand({
              Name: d,
              DatabaseInput: { Name: d, Description: `v${n}`, LocationUri: `s3://${BUCKET}/${d}` },
            }),
          ),
      ),
    ),
    db.map((d) =>
      sourceOp(
        `DeleteDatabase(${d})`,
        (m) => m.databases.has(d),
        (r) => glue(r).send(new DeleteDatabaseCommand({ Name: d })),
        (m) => {
          for (const t of [...(m.databases.get(d)?.keys() ?? [])]) dropTable(m, d, t);
          m.databases.delete(d);
        },
      ),
    ),
    fc.tuple(db, table, fc.boolean()).map(([d, t, partitioned]) =>
      sourceOp(
        `CreateTable(${d}.${t}${partitioned ? ', partitioned' : ''})`,
        (m) => m.databases.has(d) && !tableOf(m, d, t),
        (r) =>
          glue(r).send(
            new CreateTableCommand({ DatabaseName: d, TableInput: tableInput(d, t, partitioned) }),
          ),
        (m) => m.databases.get(d)?.set(t, { partitioned, partitions: new Set() }),
      ),
    ),
    fc
      .tuple(
        db,
        table,
        fc.constantFrom<TableChange>('retype', 'column', 'param'),
        fc.integer({ min: 1, max: 9 }),
      )
      .map(([d, t, change, n]) =>
        sourceOp(
          `UpdateTable(${d}.${t}, ${change}${change === 'param' ? n : ''})`,
          (m) => tableOf(m, d, t) !== undefined,
          async (r) => {
            const input = changed(inputOf(await getTable(r, d, t)), change, n);
            await glue(r).send(new UpdateTableCommand({ DatabaseName: d, TableInput: input }));
          },
        ),
      ),
    fc.tuple(db, table).map(([d, t]) =>
      sourceOp(
        `DeleteTable(${d}.${t})`,
        (m) => tableOf(m, d, t) !== undefined,
        (r) => glue(r).send(new DeleteTableCommand({ DatabaseName: d, Name: t })),
        (m) => dropTable(m, d, t),
      ),
    ),
    fc.tuple(db, table, table).map(([d, from, to]) =>
      sourceOp(
        `RenameTable(${d}.${from} -> ${to})`,
        (m) => tableOf(m, d, from) !== undefined && !tableOf(m, d, to),
        async (r) => {
          const input = inputOf(await getTable(r, d, from));
          await glue(r).send(new CreateTableCommand({ DatabaseName: d, TableInput: { ...input, Name: to } }));
          await glue(r).send(new DeleteTableCommand({ DatabaseName: d, Name: from }));
        },
        (m) => {
          const partitioned = tableOf(m, d, from)?.partitioned ?? false;
          dropTable(m, d, from);
          m.databases.get(d)?.set(to, { partitioned, partitions: new Set() });
        },
      ),
    ),
    fc.tuple(db, table, dts).map(([d, t, values]) =>
      sourceOp(
        `AddPartitions(${d}.${t}, [${values.join(',')}])`,
        (m) => tableOf(m, d, t)?.partitioned === true,
        (r) =>
          glue(r).send(
            new BatchCreatePartitionCommand({
              DatabaseName: d,
              TableName: t,
              PartitionInputList: values.map((dt) => partitionInput(d, t, dt)),
            }),
          ),
        (m) => {
          for (const v of values) tableOf(m, d, t)?.partitions.add(v);
        },
      ),
    ),
    fc.tuple(db, table, dts).map(([d, t, values]) =>
      sourceOp(
        `DropPartitions(${d}.${t}, [${values.join(',')}])`,
        (m) => values.some((v) => tableOf(m, d, t)?.partitions.has(v)),
        (r) =>
          glue(r).send(
            new BatchDeletePartitionCommand({
              DatabaseName: d,
              TableName: t,
              PartitionsToDelete: values.map((dt) => ({ Values: [dt] })),
            }),
          ),
        (m) => {
          for (const v of values) tableOf(m, d, t)?.partitions.delete(v);
        },
      ),
    ),
  ];
}

export type { LakeModel };
