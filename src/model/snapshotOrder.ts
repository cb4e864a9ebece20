import { tableKey } from './keys.ts';
import type { RecordKind, SnapshotRecord } from './records.ts';

/**
 * Kind order inside a snapshot. Tables and partitions share a rank: each table is followed by its partitions,
 * so a reader can hand one table's partitions to the planner and forget them.
 */
export const SNAPSHOT_KIND_ORDER: readonly RecordKind[] = [
  'database',
  'table',
  'partition',
  'partitionIndex',
  'columnStatistics',
  'function',
  'tableOptimizer',
  'location',
  'lfTag',
  'dataLakeSettings',
  'dataCellsFilter',
  'lfTagAssignment',
  'grant',
  'optIn',
  // Last: the writer streams databases and tables first and writes the other kinds once they are read.
  'catalog',
];

function rank(kind: RecordKind): number {
  return kind === 'partition' ? SNAPSHOT_KIND_ORDER.indexOf('table') : SNAPSHOT_KIND_ORDER.indexOf(kind);
}

/** Checks that records arrive in snapshot order; shared by the writer and the parser so they agree. */
export class SnapshotOrderChecker {
  #rank = -1;
  #kind: RecordKind | undefined;
  #lastKey = '';
  #lastTableKey: string | undefined;
  #lastPartitionKey = '';

  /** `undefined` if the record may come next, else why not. */
  check(kind: RecordKind, key: string, partitionTableKey?: string): string | undefined {
    const kindRank = rank(kind);
    if (kindRank < this.#rank) return `a ${kind} record comes after ${this.#kind} records`;
    if (kind === 'partition') return this.#checkPartition(key, partitionTableKey ?? '');
    const lastKey =
      kind === 'table' ? this.#lastTableKey : kindRank === this.#rank ? this.#lastKey : undefined;
    if (lastKey !== undefined && !(key > lastKey)) {
      return `${kind} records must be sorted by key without duplicates, but ${key} follows ${lastKey}`;
    }
    this.#rank = kindRank;
    this.#kind = kind;
    if (kind === 'table') {
      this.#lastTableKey = key;
      this.#lastPartitionKey = '';
    } else {
      this.#lastKey = key;
    }
    return undefined;
  }

  #checkPartition(key: string, tableKey: string): string | undefined {
    if (this.#lastTableKey !== tableKey) {
      return `partition ${key} must follow its table ${tableKey}, but the last table was ${this.#lastTableKey ?? 'none'}`;
    }
    if (!(key > this.#lastPartitionKey)) {
      return `partitions must be sorted by key without duplicates, but ${key} follows ${this.#lastPartitionKey}`;
    }
    this.#kind = 'partition';
    this.#lastPartitionKey = key;
    return undefined;
  }
}

/** The table key a partition must follow, or undefined for other kinds. */
export function partitionTable(record: SnapshotRecord): string | undefined {
  return record.kind === 'partition' ? tableKey(record.databaseName, record.tableName) : undefined;
}
