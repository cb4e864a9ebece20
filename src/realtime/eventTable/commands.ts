import type {
  PutCommandInput,
  QueryCommandInput,
  ScanCommandInput,
  UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { checkpointKey, type EventItem, PENDING_INDEX } from './items.ts';

/**
 * Pure builders of the event table's SDK inputs (one per command), so the conditions are unit-testable
 * and `EventTable` only sends. No transactions and no TTL deletion are relied on: conditional writes only.
 */

export const putEventIfAbsentParams = (table: string, item: EventItem): PutCommandInput => ({
  TableName: table,
  Item: item,
  ConditionExpression: 'attribute_not_exists(pk)',
});

/** First checkpoint: the item must not exist; later ones: the version read must still be current. */
export function advanceCheckpointParams(
  table: string,
  sourceRegion: string,
  expectedVersion: number,
  time: string,
): UpdateCommandInput {
  return {
    TableName: table,
    Key: checkpointKey(sourceRegion),
    UpdateExpression: 'SET checkpointTime = :time, version = :next',
    ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :expected',
    ExpressionAttributeValues: {
      ':time': time,
      ':next': expectedVersion + 1,
      ...(expectedVersion === 0 ? {} : { ':expected': expectedVersion }),
    },
  };
}

/** One shard of the sparse pending index, oldest first, due and unexpired only. */
export function queryPendingShardParams(
  table: string,
  shard: string,
  now: Date,
  limit: number,
  startKey?: Record<string, unknown>,
): QueryCommandInput {
  return {
    TableName: table,
    IndexName: PENDING_INDEX,
    KeyConditionExpression: 'pendingShard = :shard',
    FilterExpression: 'nextAttemptAt <= :now AND expiresAt >= :nowSeconds',
    ExpressionAttributeValues: {
      ':shard': shard,
      ':now': now.toISOString(),
      ':nowSeconds': Math.floor(now.getTime() / 1000),
    },
    ScanIndexForward: true,
    Limit: limit,
    ExclusiveStartKey: startKey,
  };
}

const STATUS = { '#status': 'status' };

/** pending → applied; leaves the pending index. Conditional, so a second replay of the item is a no-op. */
export function markAppliedParams(table: string, item: EventItem, appliedAt: Date): UpdateCommandInput {
  return {
    TableName: table,
    Key: { pk: item.pk, sk: item.sk },
    UpdateExpression:
      'SET #status = :applied, appliedAt = :at, lagMs = :lag REMOVE pendingShard, pendingSort',
    ConditionExpression: '#status = :pending',
    ExpressionAttributeNames: STATUS,
    ExpressionAttributeValues: {
      ':applied': 'applied',
      ':pending': 'pending',
      ':at': appliedAt.toISOString(),
      ':lag': Math.max(0, appliedAt.getTime() - Date.parse(item.eventTime)),
    },
  };
}

/**
 * One more failed attempt: back to pending at `nextAttemptAt`, or `failed` (out of the index) once
 * `maxAttempts` is reached. Conditional on the attempt count read, so two replayers count one attempt once.
 */
export function markFailedAttemptParams(
  table: string,
  item: EventItem,
  error: string,
  nextAttemptAt: Date,
  maxAttempts: number,
): UpdateCommandInput {
  const attempts = item.attempts + 1;
  const exhausted = attempts >= maxAttempts;
  return {
    TableName: table,
    Key: { pk: item.pk, sk: item.sk },
    UpdateExpression: exhausted
      ? 'SET #status = :failed, attempts = :next, lastError = :error REMOVE pendingShard, pendingSort'
      : 'SET attempts = :next, lastError = :error, nextAttemptAt = :retryAt',
    ConditionExpression: '#status = :pending AND attempts = :attempts',
    ExpressionAttributeNames: STATUS,
    ExpressionAttributeValues: {
      ':pending': 'pending',
      ':attempts': item.attempts,
      ':next': attempts,
      ':error': error.slice(0, 2000),
      ...(exhausted ? { ':failed': 'failed' } : { ':retryAt': nextAttemptAt.toISOString() }),
    },
    ReturnValues: 'ALL_NEW',
  };
}

/** Event items staged for events at or after `since`. A scan: fine for a lag report, not for a hot path. */
export const listRecentParams = (
  table: string,
  since: Date,
  startKey?: Record<string, unknown>,
): ScanCommandInput => ({
  TableName: table,
  FilterExpression: 'sk = :event AND eventTime >= :since',
  ExpressionAttributeValues: { ':event': 'event', ':since': since.toISOString() },
  ExclusiveStartKey: startKey,
});
