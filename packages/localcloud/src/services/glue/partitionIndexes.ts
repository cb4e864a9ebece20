import {
  alreadyExists,
  entityNotFound,
  invalidInput,
  type OperationSpec,
  type RequestContext,
  required,
  ServiceError,
} from '../../service.ts';
import { catalogOf, requireTable } from './catalog.ts';
import { pageOf } from './paging.ts';
import type { StoredTable } from './state.ts';

type Input = Record<string, any>;

/** Glue's quota: at most three partition indexes per table. */
export const MAX_PARTITION_INDEXES = 3;

/**
 * Adds one partition index to a table: its keys must be partition keys of the table, its name new, and the
 * table below the quota. Glue builds the index in the background (CREATING, then ACTIVE); the local cloud
 * answers ACTIVE at once, as a backfill of an emulated table has nothing to wait for.
 */
export function addPartitionIndex(stored: StoredTable, index: Input | undefined): void {
  const name = required<string>(index, 'IndexName');
  const keys = required<string[]>(index, 'Keys');
  const partitionKeys = new Set<string>(
    (stored.table.PartitionKeys ?? []).map((k: { Name: string }) => k.Name.toLowerCase()),
  );
  const unknown = keys.filter((key) => !partitionKeys.has(key.toLowerCase()));
  if (unknown.length > 0) {
    throw invalidInput(`Keys ${unknown.join(', ')} are not partition keys of table ${stored.table.Name}.`);
  }
  stored.indexes ??= {};
  if (stored.indexes[name]) throw alreadyExists(`Partition index ${name} already exists.`);
  if (Object.keys(stored.indexes).length >= MAX_PARTITION_INDEXES) {
    throw new ServiceError(
      'ResourceNumberLimitExceededException',
      `Table ${stored.table.Name} already has the maximum of ${MAX_PARTITION_INDEXES} partition indexes.`,
    );
  }
  stored.indexes[name] = { IndexName: name, Keys: keys.map((key) => key.toLowerCase()) };
}

function indexTable(input: Input, ctx: RequestContext): StoredTable {
  catalogOf(input, ctx);
  return requireTable(ctx, required(input, 'DatabaseName'), required(input, 'TableName'));
}

/** A PartitionIndexDescriptor: the keys with their partition-key types, and the index status. */
function descriptor(stored: StoredTable, index: { IndexName: string; Keys: string[] }): object {
  const types = new Map<string, string>(
    (stored.table.PartitionKeys ?? []).map((k: { Name: string; Type?: string }) => [
      k.Name.toLowerCase(),
      k.Type ?? 'string',
    ]),
  );
  return {
    IndexName: index.IndexName,
    Keys: index.Keys.map((Name) => ({ Name, Type: types.get(Name) ?? 'string' })),
    IndexStatus: 'ACTIVE',
  };
}

export const partitionIndexOperations: Record<string, OperationSpec> = {
  CreatePartitionIndex: {
    readOnly: false,
    handler: (input: Input, ctx) => {
      addPartitionIndex(indexTable(input, ctx), required<Input>(input, 'PartitionIndex'));
      return {};
    },
  },
  GetPartitionIndexes: {
    readOnly: true,
    handler: (input: Input, ctx) => {
      const stored = indexTable(input, ctx);
      const indexes = stored.indexes ?? {};
      const page = pageOf(Object.keys(indexes).sort(), input.NextToken, 100, (name) =>
        descriptor(stored, indexes[name]!),
      );
      return { PartitionIndexDescriptorList: page.items, NextToken: page.nextToken };
    },
  },
  DeletePartitionIndex: {
    readOnly: false,
    handler: (input: Input, ctx) => {
      const stored = indexTable(input, ctx);
      const name = required<string>(input, 'IndexName');
      if (!stored.indexes?.[name]) throw entityNotFound(`Partition index ${name} not found.`);
      delete stored.indexes[name];
      return {};
    },
  },
};
