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

/**
 * Which held items a replay takes: `all` (a confirmed run releases them), else only those held under
 * another breaker configuration (`config`, a hash), which the run judges again.
 */
export type HeldSelection = { all: true } | { all?: false; config: string };

/**
 * One shard of the sparse pending index, oldest first, due and unexpired only. Held items stay in the
 * index (so a release finds them with the same query) but are skipped unless `held` selects them.
 */
export function queryPendingShardParams(
  table: string,
  shard: string,
  now: Date,
  limit: number,
  startKey?: Record<string, unknown>,
  held: HeldSelection = { all: true },
): QueryCommandInput {
  const due = 'nextAttemptAt <= :now AND expiresAt >= :nowSeconds';
  return {
    TableName: table,
    IndexName: PENDING_INDEX,
    KeyConditionExpression: 'pendingShard = :shard',
    FilterExpression: held.all
      ? due
      : `${due} AND (attribute_not_exists(heldConfig) OR heldConfig <> :config)`,
    ExpressionAttributeValues: {
      ':shard': shard,
      ':now': now.toISOString(),
      ':nowSeconds': Math.floor(now.getTime() / 1000),
      ...(held.all ? {} : { ':config': held.config }),
    },
    ScanIndexForward: true,
    Limit: limit,
    ExclusiveStartKey: startKey,
  };
}

const STATUS = { '#status': 'status' };
const HELD_ATTRIBUTES = 'heldReason, heldConfig, heldCluster, heldAt';
/** Pending and held items are both still to apply. */
const OPEN = '#status IN (:pending, :held)';

/** pending or held → applied; leaves the pending index. Conditional: a second replay of it is a no-op. */
export function markAppliedParams(table: string, item: EventItem, appliedAt: Date): UpdateCommandInput {
  return {
    TableName: table,
    Key: { pk: item.pk, sk: item.sk },
    UpdateExpression: `SET #status = :applied, appliedAt = :at, lagMs = :lag REMOVE pendingShard, pendingSort, ${HELD_ATTRIBUTES}`,
    ConditionExpression: OPEN,
    ExpressionAttributeNames: STATUS,
    ExpressionAttributeValues: {
      ':applied': 'applied',
      ':pending': 'pending',
      ':held': 'held',
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
      ? `SET #status = :failed, attempts = :next, lastError = :error REMOVE pendingShard, pendingSort, ${HELD_ATTRIBUTES}`
      : `SET #status = :pending, attempts = :next, lastError = :error, nextAttemptAt = :retryAt REMOVE ${HELD_ATTRIBUTES}`,
    ConditionExpression: `${OPEN} AND attempts = :attempts`,
    ExpressionAttributeNames: STATUS,
    ExpressionAttributeValues: {
      ':pending': 'pending',
      ':held': 'held',
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

/**
 * pending (or held under another configuration) → held: still in the pending index, skipped by later runs
 * until `--confirm` releases it or the breaker configuration changes.
 */
export function markHeldParams(
  table: string,
  item: EventItem,
  hold: { reason: string; config: string; cluster: string; at: Date },
): UpdateCommandInput {
  return {
    TableName: table,
    Key: { pk: item.pk, sk: item.sk },
    UpdateExpression:
      'SET #status = :held, heldReason = :reason, heldConfig = :config, heldCluster = :cluster, heldAt = :at',
    ConditionExpression: OPEN,
    ExpressionAttributeNames: STATUS,
    ExpressionAttributeValues: {
      ':pending': 'pending',
      ':held': 'held',
      ':reason': hold.reason.slice(0, 2000),
      ':config': hold.config,
      ':cluster': hold.cluster,
      ':at': hold.at.toISOString(),
    },
  };
}

/** Event items not applied (pending, held, failed): what `status` counts. A paged scan, report use only. */
export const listOpenParams = (table: string, startKey?: Record<string, unknown>): ScanCommandInput => ({
  TableName: table,
  FilterExpression: 'sk = :event AND #status <> :applied',
  ExpressionAttributeNames: STATUS,
  ExpressionAttributeValues: { ':event': 'event', ':applied': 'applied' },
  ExclusiveStartKey: startKey,
});
