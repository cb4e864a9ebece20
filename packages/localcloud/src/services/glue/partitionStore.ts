import type { StoredTable } from './state.ts';

/** A partition's key in `StoredTable.partitions`, as the state slice defines it. */
export const partitionKey = (values: readonly string[]): string => JSON.stringify(values);

/**
 * Ascending keys of a table's partitions, kept beside the (persisted, plain JSON) partition map. Writes are
 * recorded as pending adds/removes and merged on the next read, so a million single-partition writes followed
 * by paging cost O(n log n) once, not a sort per page or a splice per write.
 */
interface SortedIndex {
  sorted: string[];
  added: Set<string>;
  removed: Set<string>;
}

const indexes = new WeakMap<object, SortedIndex>();

export function sortedPartitionKeys(table: StoredTable): string[] {
  let index = indexes.get(table.partitions);
  if (!index) {
    index = { sorted: Object.keys(table.partitions).sort(), added: new Set(), removed: new Set() };
    indexes.set(table.partitions, index);
    return index.sorted;
  }
  if (index.added.size > 0 || index.removed.size > 0) {
    const { removed } = index;
    const kept = removed.size > 0 ? index.sorted.filter((key) => !removed.has(key)) : index.sorted;
    index.sorted = mergeSorted(kept, [...index.added].sort());
    index.added.clear();
    index.removed.clear();
  }
  return index.sorted;
}

function mergeSorted(left: string[], right: string[]): string[] {
  if (right.length === 0) return left;
  const out = new Array<string>(left.length + right.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < left.length && j < right.length) out[k++] = left[i]! <= right[j]! ? left[i++]! : right[j++]!;
  while (i < left.length) out[k++] = left[i++]!;
  while (j < right.length) out[k++] = right[j++]!;
  return out;
}

/** Stores a partition (new or replacing one with the same values). */
export function putPartition(table: StoredTable, key: string, partition: Record<string, any>): void {
  const isNew = !(key in table.partitions);
  table.partitions[key] = partition;
  const index = indexes.get(table.partitions);
  if (!index || !isNew) return;
  if (index.removed.has(key)) index.removed.delete(key);
  else index.added.add(key);
}

export function removePartition(table: StoredTable, key: string): boolean {
  if (!(key in table.partitions)) return false;
  delete table.partitions[key];
  // A partition's column statistics go with it.
  if (table.partitionStatistics) delete table.partitionStatistics[key];
  const index = indexes.get(table.partitions);
  if (index) {
    if (index.added.has(key)) index.added.delete(key);
    else index.removed.add(key);
  }
  return true;
}
