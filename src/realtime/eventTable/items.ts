import { type ObjectRef, objectKey } from '../events/objectRef.ts';
import type { StagedEvent } from '../events/parseCloudTrailEvent.ts';

/** `held`: planned as part of a mass change; applied only on `--confirm` or after a configuration change. */
export type EventStatus = 'pending' | 'held' | 'applied' | 'failed';

/**
 * Shards of the sparse `pending` index: enough to spread writes (DynamoDB partitions take 1,000 writes a
 * second each, far above a catalog's change rate), few enough to query all at once — every replay queries
 * each shard, so the shard count is part of the per-change call budget (3 Glue calls + 4 queries + 1 mark).
 */
export const PENDING_SHARDS = 4;
export const PENDING_INDEX = 'pending';

/** One (event, object) pair in the event table. */
export interface EventItem {
  /** `EVT#<eventId>`, or `EVT#<eventId>#<n>` when the event touched several objects (n from 0). */
  pk: string;
  sk: 'event';
  eventId: string;
  eventTime: string;
  eventName: string;
  eventSource: string;
  objectKey: string;
  object: ObjectRef;
  status: EventStatus;
  attempts: number;
  lastError?: string;
  /** ISO; a pending item is not handed out before it. */
  nextAttemptAt: string;
  stagedAt: string;
  appliedAt?: string;
  /** appliedAt − eventTime. */
  lagMs?: number;
  /** Which capture staged the item first; absent: the CloudTrail lookup (see docs/design.md, push). */
  capture?: 'push';
  /** Why the circuit breaker holds the item (status `held`). */
  heldReason?: string;
  /** Hash of the breaker configuration it was held under: another configuration judges it again. */
  heldConfig?: string;
  /** The mass change it belongs to (`database:sales`, `table:sales.orders`, `lake`, `account`). */
  heldCluster?: string;
  heldAt?: string;
  /** Epoch seconds (the table's TTL attribute); never relied on: reads skip expired items themselves. */
  expiresAt: number;
  /** Present only while pending (sparse index). */
  pendingShard?: string;
  pendingSort?: string;
}

/** FNV-1a 32-bit: stable across processes and versions, so one object's events stay in one shard. */
export function shardOf(key: string, shards = PENDING_SHARDS): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `P#${(hash >>> 0) % shards}`;
}

export const eventPk = (eventId: string, index: number, count: number): string =>
  count > 1 ? `EVT#${eventId}#${index}` : `EVT#${eventId}`;

/**
 * The items of one staged event. Numbering follows the event's full object list (before filtering),
 * so a re-read of the same event yields the same keys whatever the filters: that is what dedups.
 */
export function toEventItems(
  event: StagedEvent,
  options: { stagedAt: Date; retentionDays: number; keep?: (ref: ObjectRef) => boolean },
): EventItem[] {
  const stagedAt = options.stagedAt.toISOString();
  const expiresAt = Math.floor(options.stagedAt.getTime() / 1000) + options.retentionDays * 86_400;
  return event.objects.flatMap((object, index) => {
    if (options.keep && !options.keep(object)) return [];
    const key = objectKey(object);
    const item: EventItem = {
      pk: eventPk(event.eventId, index, event.objects.length),
      sk: 'event',
      eventId: event.eventId,
      eventTime: event.eventTime,
      eventName: event.eventName,
      eventSource: event.eventSource,
      objectKey: key,
      object,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: stagedAt,
      stagedAt,
      expiresAt,
      pendingShard: shardOf(key),
      pendingSort: `${event.eventTime}#${event.eventId}`,
    };
    return [item];
  });
}

/** The checkpoint of one source Region: events up to `checkpointTime` have been staged. */
export interface Checkpoint {
  checkpointTime: string;
  version: number;
}

export const checkpointKey = (sourceRegion: string) => ({
  pk: `CHECKPOINT#${sourceRegion}`,
  sk: 'checkpoint',
});

/** The clusters the breaker holds for one source Region, so later events on them are held too. */
export interface HeldSummary {
  config: string;
  clusters: string[];
  updatedAt: string;
}

export const heldSummaryKey = (sourceRegion: string) => ({ pk: `HELD#${sourceRegion}`, sk: 'summary' });
