import { LakemirrorError } from '../model/errors.ts';
import { compareKeys } from '../model/keys.ts';
import type { PartitionRecord } from '../model/records.ts';
import type { PartitionGroups } from './sourceSnapshot.ts';

/** Answers one table's partitions from an ordered stream; `close` releases the stream. */
export interface PartitionCursor {
  partitionsOf(tableKey: string): Promise<PartitionRecord[]>;
  close(): Promise<void>;
}

/**
 * Reads tables' partitions out of a snapshot's partition stream (table key order) for requests made in
 * ascending key order, as a sync plans its tables: a table the stream lacks has none. Holds one group at a
 * time, so a million partitions never sit in memory.
 */
export function partitionCursor(groups: PartitionGroups): PartitionCursor {
  const iterator = groups[Symbol.asyncIterator]();
  let current: IteratorResult<{ tableKey: string; partitions: PartitionRecord[] }> | undefined;
  let last: string | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    partitionsOf(tableKey) {
      if (last !== undefined && compareKeys(tableKey, last) < 0)
        throw new LakemirrorError({
          code: 'internal.partitionOrder',
          source: 'internal',
          object: `table ${tableKey}`,
          message: `partitionCursor: ${tableKey} requested after ${last}; requests must ascend`,
        });
      last = tableKey;
      const answer = queue.then(async () => {
        current ??= await iterator.next();
        while (!current.done && compareKeys(current.value.tableKey, tableKey) < 0)
          current = await iterator.next();
        return !current.done && current.value.tableKey === tableKey ? current.value.partitions : [];
      });
      queue = answer.catch(() => {});
      return answer;
    },
    async close() {
      await queue;
      await iterator.return?.();
    },
  };
}
