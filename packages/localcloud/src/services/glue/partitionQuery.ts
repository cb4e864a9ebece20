import { invalidInput, type OperationSpec, type RequestContext, required } from '../../service.ts';
import { pageOf } from './paging.ts';
import { compilePartitionExpression } from './partitionExpression.ts';
import { sortedPartitionKeys } from './partitionStore.ts';
import { partitionTableOf } from './partitions.ts';
import { checkRange, pageSize } from './validation.ts';

type Input = Record<string, any>;

/** FNV-1a of a partition key: which of TotalSegments segments the partition belongs to. */
function segmentOf(key: string, totalSegments: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % totalSegments;
}

/** A segment filter, or undefined for the whole table. Segments split the partitions by a stable hash. */
function segmentFilter(segment: Input | undefined): ((key: string) => boolean) | undefined {
  if (segment === undefined || segment === null) return undefined;
  const number = required<number>(segment, 'SegmentNumber');
  const total = required<number>(segment, 'TotalSegments');
  checkRange(number, 'segment.segmentNumber', 0, Number.MAX_SAFE_INTEGER);
  checkRange(total, 'segment.totalSegments', 1, 10);
  if (number >= total)
    throw invalidInput('The segment number must be less than the total number of segments.');
  return total === 1 ? undefined : (key) => segmentOf(key, total) === number;
}

/** A partition as answered when ExcludeColumnSchema is true: its StorageDescriptor without Columns. */
function withoutColumns(partition: Record<string, any>): Record<string, any> {
  if (!partition.StorageDescriptor?.Columns) return partition;
  const { Columns: _columns, ...descriptor } = partition.StorageDescriptor;
  return { ...partition, StorageDescriptor: descriptor };
}

/**
 * GetPartitions: pages (MaxResults ≤ 1000) in a stable key order, optionally one Segment of the table's
 * partitions and filtered by an Expression on the partition keys.
 */
function getPartitions(input: Input, ctx: RequestContext): object {
  const size = pageSize(input, 1000);
  const inSegment = segmentFilter(input.Segment);
  const stored = partitionTableOf(input, ctx);
  const matches =
    typeof input.Expression === 'string' && input.Expression.trim() !== ''
      ? compilePartitionExpression(input.Expression, stored.table.PartitionKeys ?? [])
      : undefined;
  const exclude = input.ExcludeColumnSchema === true;
  const { partitions } = stored;
  const page = pageOf(sortedPartitionKeys(stored), input.NextToken, size, (key) => {
    if (inSegment && !inSegment(key)) return undefined;
    const partition = partitions[key]!;
    if (matches && !matches(partition.Values)) return undefined;
    return exclude ? withoutColumns(partition) : partition;
  });
  return { Partitions: page.items, NextToken: page.nextToken };
}

export const partitionQueryOperations: Record<string, OperationSpec> = {
  GetPartitions: { readOnly: true, handler: getPartitions },
};
