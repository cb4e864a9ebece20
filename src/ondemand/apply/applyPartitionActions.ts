import type { PartitionInput } from '@aws-sdk/client-glue';
import type { PartitionWriteResult } from '../../aws/glueCatalogWriter.ts';
import { partitionKey, splitTableKey } from '../../model/keys.ts';
import type { Action, ActionOf } from '../../plan/actions.ts';
import type { RegionSide } from '../regionSide.ts';
import type { ActionResult } from './actionResult.ts';

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

  const creates = byOp('create').map((a) => a.desired!.input as PartitionInput);
  const created = creates.length ? await writer.batchCreatePartitions(databaseName, tableName, creates) : [];
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
  if (updates.length) {
    const updated = await writer.batchUpdatePartitions(databaseName, tableName, updates);
    results.push(...resultsFor(databaseName, tableName, 'update', updated));
  }

  const deletes = byOp('delete').map((a) => a.current!.input.Values ?? []);
  if (deletes.length) {
    const deleted = await writer.batchDeletePartitions(databaseName, tableName, deletes);
    results.push(...resultsFor(databaseName, tableName, 'delete', deleted));
  }
  return results;
}
