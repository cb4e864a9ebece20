import {
  alreadyExists,
  entityNotFound,
  invalidInput,
  type OperationSpec,
  type RequestContext,
  required,
} from '../../service.ts';
import { catalogOf, compact, requireTable } from './catalog.ts';
import { partitionKey, putPartition, removePartition } from './partitionStore.ts';
import type { StoredTable } from './state.ts';

type Input = Record<string, any>;

/** The table a partition call addresses (DatabaseName and TableName required; both must exist). */
export function partitionTableOf(input: Input, ctx: RequestContext): StoredTable {
  catalogOf(input, ctx);
  return requireTable(ctx, required(input, 'DatabaseName'), required(input, 'TableName'));
}

const notFound = () => entityNotFound('Cannot find partition.');

/** A partition has exactly one value per partition key. */
function checkValues(stored: StoredTable, values: unknown): string[] {
  const keys = (stored.table.PartitionKeys ?? []) as unknown[];
  if (!Array.isArray(values) || values.length !== keys.length) {
    throw invalidInput('The number of partition keys do not match the number of partition values');
  }
  return values as string[];
}

/** The Partition structure GetPartition answers. */
function partitionFromInput(stored: StoredTable, input: Input, values: string[], created: number) {
  return compact({
    Values: values,
    DatabaseName: stored.table.DatabaseName,
    TableName: stored.table.Name,
    CreationTime: created,
    LastAccessTime: input.LastAccessTime,
    StorageDescriptor: input.StorageDescriptor,
    Parameters: input.Parameters,
    LastAnalyzedTime: input.LastAnalyzedTime,
    CatalogId: stored.table.CatalogId,
  });
}

/** Creates one partition; throws the error the single call answers and the batch call reports per item. */
export function addPartition(stored: StoredTable, input: Input | undefined, ctx: RequestContext): void {
  const values = checkValues(stored, input?.Values);
  const key = partitionKey(values);
  if (key in stored.partitions) throw alreadyExists('Partition already exists.');
  putPartition(stored, key, partitionFromInput(stored, input ?? {}, values, ctx.now));
}

/** Replaces one partition's definition; PartitionInput.Values may move it to new values. */
export function changePartition(stored: StoredTable, values: unknown, input: Input | undefined): void {
  const key = Array.isArray(values) ? partitionKey(values as string[]) : '';
  const current = stored.partitions[key];
  if (!current) throw notFound();
  const newValues = checkValues(stored, input?.Values ?? current.Values);
  const newKey = partitionKey(newValues);
  if (newKey !== key && newKey in stored.partitions) throw alreadyExists('Partition already exists.');
  const updated = partitionFromInput(stored, input ?? {}, newValues, current.CreationTime);
  if (newKey !== key) removePartition(stored, key);
  putPartition(stored, newKey, updated);
}

export function dropPartition(stored: StoredTable, values: unknown): void {
  if (!Array.isArray(values) || !removePartition(stored, partitionKey(values as string[]))) throw notFound();
}

export function findPartition(stored: StoredTable, values: unknown): Record<string, any> | undefined {
  return Array.isArray(values) ? stored.partitions[partitionKey(values as string[])] : undefined;
}

export const partitionOperations: Record<string, OperationSpec> = {
  CreatePartition: {
    readOnly: false,
    handler: (input: Input, ctx) => {
      const partitionInput = required<Input>(input, 'PartitionInput');
      addPartition(partitionTableOf(input, ctx), partitionInput, ctx);
      return {};
    },
  },
  GetPartition: {
    readOnly: true,
    handler: (input: Input, ctx) => {
      const values = required<string[]>(input, 'PartitionValues');
      const partition = findPartition(partitionTableOf(input, ctx), values);
      if (!partition) throw notFound();
      return { Partition: partition };
    },
  },
  UpdatePartition: {
    readOnly: false,
    handler: (input: Input, ctx) => {
      const values = required<string[]>(input, 'PartitionValueList');
      const partitionInput = required<Input>(input, 'PartitionInput');
      changePartition(partitionTableOf(input, ctx), values, partitionInput);
      return {};
    },
  },
  DeletePartition: {
    readOnly: false,
    handler: (input: Input, ctx) => {
      const values = required<string[]>(input, 'PartitionValues');
      dropPartition(partitionTableOf(input, ctx), values);
      return {};
    },
  },
};
