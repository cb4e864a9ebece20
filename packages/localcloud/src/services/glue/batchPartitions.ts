import type { OperationSpec, RequestContext } from '../../service.ts';
import { required } from '../../service.ts';
import { errorDetail } from './catalog.ts';
import {
  addPartition,
  changePartition,
  dropPartition,
  findPartition,
  partitionTableOf,
} from './partitions.ts';
import { checkMaxLength, renderPartitionInput, renderValueList } from './validation.ts';

type Input = Record<string, any>;

/** Batch answers list only the failed items; a batch with no failures answers no Errors member. */
export const withErrors = (errors: object[]): object => (errors.length > 0 ? { Errors: errors } : {});

/** BatchCreatePartition: ≤ 100 inputs; each failure (exists, wrong value count) is reported per item. */
function batchCreatePartition(input: Input, ctx: RequestContext): object {
  const list = required<Input[]>(input, 'PartitionInputList');
  checkMaxLength(list, 'PartitionInputList', 100, renderPartitionInput);
  const stored = partitionTableOf(input, ctx);
  const errors: object[] = [];
  for (const partitionInput of list) {
    try {
      addPartition(stored, partitionInput, ctx);
    } catch (error) {
      errors.push({ PartitionValues: partitionInput?.Values, ErrorDetail: errorDetail(error) });
    }
  }
  return withErrors(errors);
}

/** BatchGetPartition: ≤ 1000 keys; partitions that do not exist are simply absent from the answer. */
function batchGetPartition(input: Input, ctx: RequestContext): object {
  const keys = required<Array<{ Values?: string[] }>>(input, 'PartitionsToGet');
  checkMaxLength(keys, 'PartitionsToGet', 1000, (key) => renderValueList(key?.Values));
  const stored = partitionTableOf(input, ctx);
  const partitions = keys
    .map((key) => findPartition(stored, key?.Values))
    .filter((p): p is Record<string, any> => p !== undefined);
  return { Partitions: partitions, UnprocessedKeys: [] };
}

/** BatchUpdatePartition: ≤ 100 entries, per-item errors carry the PartitionValueList. */
function batchUpdatePartition(input: Input, ctx: RequestContext): object {
  const entries = required<Input[]>(input, 'Entries');
  checkMaxLength(
    entries,
    'Entries',
    100,
    (entry) =>
      `BatchUpdatePartitionRequestEntry(partitionValueList=[${(entry?.PartitionValueList ?? []).join(', ')}])`,
  );
  const stored = partitionTableOf(input, ctx);
  const errors: object[] = [];
  for (const entry of entries) {
    try {
      changePartition(stored, entry?.PartitionValueList, entry?.PartitionInput);
    } catch (error) {
      errors.push({ PartitionValueList: entry?.PartitionValueList, ErrorDetail: errorDetail(error) });
    }
  }
  return withErrors(errors);
}

/** BatchDeletePartition: ≤ 25 keys, a missing partition is a per-item EntityNotFoundException. */
function batchDeletePartition(input: Input, ctx: RequestContext): object {
  const keys = required<Array<{ Values?: string[] }>>(input, 'PartitionsToDelete');
  checkMaxLength(keys, 'PartitionsToDelete', 25, (key) => renderValueList(key?.Values));
  const stored = partitionTableOf(input, ctx);
  const errors: object[] = [];
  for (const key of keys) {
    try {
      dropPartition(stored, key?.Values);
    } catch (error) {
      errors.push({ PartitionValues: key?.Values, ErrorDetail: errorDetail(error) });
    }
  }
  return withErrors(errors);
}

export const batchPartitionOperations: Record<string, OperationSpec> = {
  BatchCreatePartition: { readOnly: false, handler: batchCreatePartition },
  BatchGetPartition: { readOnly: true, handler: batchGetPartition },
  BatchUpdatePartition: { readOnly: false, handler: batchUpdatePartition },
  BatchDeletePartition: { readOnly: false, handler: batchDeletePartition },
};
