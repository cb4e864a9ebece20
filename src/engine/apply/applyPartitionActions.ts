import type { PartitionInput } from '@aws-sdk/client-glue';
import { operationOf } from '../../audit/auditRecord.ts';
import { journaled } from '../../audit/writeJournal.ts';
import { chunk } from '../../aws/chunk.ts';
import { GLUE_WRITE_LIMITS, type PartitionWriteResult } from '../../aws/glueCatalogWriter.ts';
import { partitionKey, splitTableKey } from '../../model/keys.ts';
import type { Action, ActionOf } from '../../plan/actions.ts';
import type { RegionSide } from '../regionSide.ts';
import type { ActionResult } from './actionResult.ts';
import { batchOutcome } from './writeCalls.ts';

type PartitionAction = ActionOf<'partition'>;

function resultsFor(
  databaseName: string,
  tableName: string,
  op: PartitionAction['op'],
  results: readonly PartitionWriteResult[],
): ActionResult[] {
  return results.map((r) => {
    const key = partitionKey(databaseName, tableName, [...r.key]);
    return r.ok
      ? { kind: 'partition', key, op, ok: true }
      : { kind: 'partition', key, op, ok: false, error: { code: r.error.code, message: r.error.message } };
  });
}

/** One kind of partition write of one table: the items, how they name their partition, how they are sent. */
interface PartitionWrites<T> {
  op: PartitionAction['op'];
  items: readonly T[];
  valuesOf: (item: T) => string[];
  send: (items: readonly T[]) => Promise<PartitionWriteResult[]>;
}

/** One audited batch partition call: its intent lists the table and the partition values it writes. */
async function partitionCall<T>(
  target: RegionSide,
  tableKeyText: string,
  writes: PartitionWrites<T>,
): Promise<PartitionWriteResult[]> {
  const { databaseName, tableName } = splitTableKey(tableKeyText);
  const { op, items } = writes;
  const call = {
    operation: operationOf('partition', op),
    kind: 'partition' as const,
    op,
    object: tableKeyText,
    values: items.map(writes.valuesOf),
  };
  return journaled(
    target,
    call,
    () => writes.send(items),
    (answers) => batchOutcome(resultsFor(databaseName, tableName, op, answers)),
  );
}

/** Sends the items in batches of `size` (the API maximum), each its own audited call, beside each other. */
async function inBatches<T>(
  target: RegionSide,
  tableKeyText: string,
  writes: PartitionWrites<T> & { size: number },
): Promise<PartitionWriteResult[]> {
  const batches = chunk(writes.items, writes.size).map((items) =>
    partitionCall(target, tableKeyText, { ...writes, items }),
  );
  return (await Promise.all(batches)).flat();
}

/**
 * Applies one table's partition actions in API-maximum batches: creates (100 a call), updates (100) and
 * deletes (25). A create that meets an existing partition (another writer got there first) becomes an update,
 * so a rerun after a crash converges instead of failing.
 */
export async function applyPartitionActions(
  target: RegionSide,
  tableKeyText: string,
  actions: readonly Action[],
): Promise<ActionResult[]> {
  const { databaseName, tableName } = splitTableKey(tableKeyText);
  const byOp = (op: PartitionAction['op']) =>
    actions.filter((a): a is PartitionAction => a.kind === 'partition' && a.op === op);
  const writer = target.glueWriter;
  const results: ActionResult[] = [];
  const limits = GLUE_WRITE_LIMITS;

  const creates = byOp('create').map((a) => a.desired!.input as PartitionInput);
  const created = await inBatches(target, tableKeyText, {
    op: 'create',
    items: creates,
    size: limits.createPartitions,
    valuesOf: (input) => input.Values ?? [],
    send: (batch) => writer.batchCreatePartitions(databaseName, tableName, batch),
  });
  const existing = new Set(
    created.filter((r) => r.ok && r.note === 'alreadyExists').map((r) => JSON.stringify(r.key)),
  );
  results.push(
    ...resultsFor(
      databaseName,
      tableName,
      'create',
      created.filter((r) => !existing.has(JSON.stringify(r.key))),
    ),
  );

  const updates = [
    ...byOp('update').map((a) => a.desired!.input as PartitionInput),
    ...creates.filter((input) => existing.has(JSON.stringify(input.Values ?? []))),
  ].map((input) => ({ PartitionValueList: input.Values ?? [], PartitionInput: input }));
  const updated = await inBatches(target, tableKeyText, {
    op: 'update',
    items: updates,
    size: limits.updatePartitions,
    valuesOf: (entry) => entry.PartitionValueList,
    send: (batch) => writer.batchUpdatePartitions(databaseName, tableName, batch),
  });
  results.push(...resultsFor(databaseName, tableName, 'update', updated));

  const deletes = byOp('delete').map((a) => a.current!.input.Values ?? []);
  const deleted = await inBatches(target, tableKeyText, {
    op: 'delete',
    items: deletes,
    size: limits.deletePartitions,
    valuesOf: (values) => values,
    send: (batch) => writer.batchDeletePartitions(databaseName, tableName, batch),
  });
  results.push(...resultsFor(databaseName, tableName, 'delete', deleted));
  return results;
}
