import type { PartitionRecord } from '../model/records.ts';

/** A snapshot's partitions, one table at a time in snapshot order. */
export type PartitionGroups = AsyncIterable<{ tableKey: string; partitions: PartitionRecord[] }>;
