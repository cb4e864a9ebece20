import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { getItem, putItem, queryItems, scanItems, updateItem } from '../../aws/commands/dynamoDbDocument.ts';
import { collectPages, eachPage } from '../../aws/pages.ts';
import { type ReconcileCursor, reconcileCursorKey } from '../reconcile/cursor.ts';
import {
  advanceCheckpointParams,
  type HeldSelection,
  listOpenParams,
  listRecentParams,
  markAppliedParams,
  markFailedAttemptParams,
  markHeldParams,
  putEventIfAbsentParams,
  queryPendingShardParams,
} from './commands.ts';
import type { EventStore } from './eventStore.ts';
import {
  type Checkpoint,
  checkpointKey,
  type EventItem,
  type HeldSummary,
  heldSummaryKey,
  PENDING_SHARDS,
} from './items.ts';

const isConditionFailure = (error: unknown) => (error as Error)?.name === 'ConditionalCheckFailedException';

/** Orders pending items as the replayer should see them: by event time, then event id, then item key. */
const byPendingSort = (a: EventItem, b: EventItem) =>
  (a.pendingSort ?? '').localeCompare(b.pendingSort ?? '') || a.pk.localeCompare(b.pk);

/**
 * The DynamoDB event table between the collector and the replayer. The client is passed in (one per
 * Region); every state change is a single conditional write, so concurrent runs lose cleanly.
 */
export class EventTable implements EventStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    readonly tableName: string,
    private readonly shards = PENDING_SHARDS,
  ) {}

  /** Stages one item unless an item with its key exists (the same event read again). */
  async putEventIfAbsent(item: EventItem): Promise<'inserted' | 'duplicate'> {
    try {
      await putItem(this.client, putEventIfAbsentParams(this.tableName, item));
      return 'inserted';
    } catch (error) {
      if (isConditionFailure(error)) return 'duplicate';
      throw error;
    }
  }

  /** Undefined before the first collect run for this source Region. */
  async readCheckpoint(sourceRegion: string): Promise<Checkpoint | undefined> {
    const answer = await getItem(this.client, {
      TableName: this.tableName,
      Key: checkpointKey(sourceRegion),
      ConsistentRead: true,
    });
    if (!answer.Item) return undefined;
    return { checkpointTime: String(answer.Item.checkpointTime), version: Number(answer.Item.version) };
  }

  /**
   * Moves the checkpoint to `time` if it is still at `expectedVersion` (0: none yet). False when another
   * collector advanced it first: that run's events are staged anyway, only its checkpoint is dropped.
   */
  async advanceCheckpoint(sourceRegion: string, expectedVersion: number, time: Date): Promise<boolean> {
    try {
      await updateItem(
        this.client,
        advanceCheckpointParams(this.tableName, sourceRegion, expectedVersion, time.toISOString()),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Undefined before the first reconcile of this source Region. */
  async readReconcileCursor(sourceRegion: string): Promise<ReconcileCursor | undefined> {
    const answer = await getItem(this.client, {
      TableName: this.tableName,
      Key: reconcileCursorKey(sourceRegion),
      ConsistentRead: true,
    });
    if (!answer.Item) return undefined;
    const { pk: _pk, sk: _sk, ...cursor } = answer.Item;
    return cursor as ReconcileCursor;
  }

  /**
   * Writes the cursor if it is still at `cursor.version` (0: none yet), as version + 1. False when another
   * run moved it first: that run's compares are staged anyway, this one's cursor is dropped.
   */
  async writeReconcileCursor(sourceRegion: string, cursor: ReconcileCursor): Promise<boolean> {
    try {
      await putItem(this.client, {
        TableName: this.tableName,
        Item: { ...reconcileCursorKey(sourceRegion), ...cursor, version: cursor.version + 1 },
        ConditionExpression: cursor.version === 0 ? 'attribute_not_exists(pk)' : 'version = :expected',
        ...(cursor.version === 0 ? {} : { ExpressionAttributeValues: { ':expected': cursor.version } }),
      });
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /**
   * Up to `limit` pending items due at `now` (not expired, not waiting for a retry), oldest event first.
   * Queries every shard of the sparse index in parallel and merges them.
   */
  async queryPending({
    limit,
    now,
    held,
  }: {
    limit: number;
    now: Date;
    /** Default: every held item too. */
    held?: HeldSelection;
  }): Promise<EventItem[]> {
    const shards = Array.from({ length: this.shards }, (_, n) => `P#${n}`);
    const perShard = await Promise.all(shards.map((shard) => this.queryShard(shard, now, limit, held)));
    return perShard.flat().sort(byPendingSort).slice(0, limit);
  }

  private async queryShard(
    shard: string,
    now: Date,
    limit: number,
    held?: HeldSelection,
  ): Promise<EventItem[]> {
    const found: EventItem[] = [];
    const itemPages = eachPage(async (startKey: Record<string, unknown> | undefined) => {
      const page = await queryItems(
        this.client,
        queryPendingShardParams(this.tableName, shard, now, limit, startKey, held),
      );
      return { items: page.Items as EventItem[] | undefined, next: page.LastEvaluatedKey };
    });
    for await (const items of itemPages) {
      found.push(...items);
      // Enough for the caller: stop before reading the shard's next page.
      if (found.length >= limit) break;
    }
    return found.slice(0, limit);
  }

  /** 'notPending' when the item was already applied or failed (a second replay): nothing is changed. */
  async markApplied(item: EventItem, appliedAt: Date): Promise<'applied' | 'notPending'> {
    try {
      await updateItem(this.client, markAppliedParams(this.tableName, item, appliedAt));
      return 'applied';
    } catch (error) {
      if (isConditionFailure(error)) return 'notPending';
      throw error;
    }
  }

  /**
   * 'retry' (still pending, due at nextAttemptAt), 'failed' (maxAttempts reached), or 'stale': the item
   * is no longer pending or another replay already counted this attempt; nothing is changed.
   */
  async markFailedAttempt(
    item: EventItem,
    error: string,
    nextAttemptAt: Date,
    maxAttempts: number,
  ): Promise<'retry' | 'failed' | 'stale'> {
    try {
      const answer = await updateItem(
        this.client,
        markFailedAttemptParams(this.tableName, item, error, nextAttemptAt, maxAttempts),
      );
      return answer.Attributes?.status === 'failed' ? 'failed' : 'retry';
    } catch (failure) {
      if (isConditionFailure(failure)) return 'stale';
      throw failure;
    }
  }

  /** Holds a pending item for the breaker; 'notOpen' when it was applied or failed meanwhile. */
  async markHeld(item: EventItem, hold: Parameters<typeof markHeldParams>[2]): Promise<'held' | 'notOpen'> {
    try {
      await updateItem(this.client, markHeldParams(this.tableName, item, hold));
      return 'held';
    } catch (error) {
      if (isConditionFailure(error)) return 'notOpen';
      throw error;
    }
  }

  /**
   * Event time of the oldest unexpired pending or held item (due or not), undefined when none: one
   * ascending query per shard of the sparse index, stopping at the first match. What bounds the watermark.
   */
  async oldestOpenEventTime(now: Date): Promise<string | undefined> {
    const shards = Array.from({ length: this.shards }, (_, n) => `P#${n}`);
    const firsts = await Promise.all(
      shards.map(async (shard) => {
        const pages = eachPage(async (startKey: Record<string, unknown> | undefined) => {
          const params = queryPendingShardParams(this.tableName, shard, now, 1, startKey);
          const page = await queryItems(this.client, {
            ...params,
            FilterExpression: 'expiresAt >= :nowSeconds',
            ExpressionAttributeValues: {
              ':shard': shard,
              ':nowSeconds': Math.floor(now.getTime() / 1000),
            },
          });
          return { items: page.Items as EventItem[] | undefined, next: page.LastEvaluatedKey };
        });
        for await (const items of pages) if (items[0]) return items[0].eventTime;
        return undefined;
      }),
    );
    return firsts.filter((t): t is string => t !== undefined).sort()[0];
  }

  /** Undefined when nothing was ever held for this source Region. */
  async readHeldSummary(sourceRegion: string): Promise<HeldSummary | undefined> {
    const answer = await getItem(this.client, {
      TableName: this.tableName,
      Key: heldSummaryKey(sourceRegion),
      ConsistentRead: true,
    });
    if (!answer.Item) return undefined;
    const { pk: _pk, sk: _sk, ...summary } = answer.Item;
    return summary as HeldSummary;
  }

  /** Last writer wins: every replay rewrites it from what it holds, so a lost write heals on the next. */
  async writeHeldSummary(sourceRegion: string, summary: HeldSummary): Promise<void> {
    await putItem(this.client, {
      TableName: this.tableName,
      Item: { ...heldSummaryKey(sourceRegion), ...summary },
    });
  }

  /** Every event item not applied yet (pending, held, failed). A paged scan: `status` only. */
  async listOpen(): Promise<EventItem[]> {
    return collectPages(async (startKey: Record<string, unknown> | undefined) => {
      const page = await scanItems(this.client, listOpenParams(this.tableName, startKey));
      return { items: page.Items as EventItem[] | undefined, next: page.LastEvaluatedKey };
    });
  }

  /** Items of events since `since`, any status, for lag history. A paged scan: report use only. */
  async listRecent({ since }: { since: Date }): Promise<EventItem[]> {
    const items = await collectPages(async (startKey: Record<string, unknown> | undefined) => {
      const page = await scanItems(this.client, listRecentParams(this.tableName, since, startKey));
      return { items: page.Items as EventItem[] | undefined, next: page.LastEvaluatedKey };
    });
    return items.sort((a, b) => a.eventTime.localeCompare(b.eventTime) || a.pk.localeCompare(b.pk));
  }
}
