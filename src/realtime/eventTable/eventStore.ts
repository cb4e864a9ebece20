import type { ReconcileCursor } from '../reconcile/cursor.ts';
import type { HeldSelection, markHeldParams } from './commands.ts';
import type { Checkpoint, EventItem, HeldSummary } from './items.ts';

/**
 * Where the real-time mode stages events between the collector and the replayer (a port: `EventTable` is the
 * DynamoDB adapter). Every state change is conditional, so concurrent runs lose cleanly.
 */
export interface EventStore {
  readonly tableName: string;
  /** Stages one item unless an item with its key exists (the same event read again). */
  putEventIfAbsent(item: EventItem): Promise<'inserted' | 'duplicate'>;
  /** Undefined before the first collect run for this source Region. */
  readCheckpoint(sourceRegion: string): Promise<Checkpoint | undefined>;
  /** Moves the checkpoint to `time` if it is still at `expectedVersion` (0: none yet); false when it moved. */
  advanceCheckpoint(sourceRegion: string, expectedVersion: number, time: Date): Promise<boolean>;
  /** Undefined before the first reconcile of this source Region. */
  readReconcileCursor(sourceRegion: string): Promise<ReconcileCursor | undefined>;
  /** Writes the cursor if it is still at `cursor.version`, as version + 1; false when another run moved it. */
  writeReconcileCursor(sourceRegion: string, cursor: ReconcileCursor): Promise<boolean>;
  /** Up to `limit` pending items due at `now`, oldest event first (`held`: default every held item too). */
  queryPending(query: { limit: number; now: Date; held?: HeldSelection }): Promise<EventItem[]>;
  /** 'notPending' when the item was already applied or failed (a second replay): nothing is changed. */
  markApplied(item: EventItem, appliedAt: Date): Promise<'applied' | 'notPending'>;
  /** 'retry' (still pending), 'failed' (maxAttempts reached), or 'stale' (nothing changed). */
  markFailedAttempt(
    item: EventItem,
    error: string,
    nextAttemptAt: Date,
    maxAttempts: number,
  ): Promise<'retry' | 'failed' | 'stale'>;
  /** Holds a pending item for the breaker; 'notOpen' when it was applied or failed meanwhile. */
  markHeld(item: EventItem, hold: Parameters<typeof markHeldParams>[2]): Promise<'held' | 'notOpen'>;
  /** Event time of the oldest unexpired pending or held item, undefined when none (bounds the watermark). */
  oldestOpenEventTime(now: Date): Promise<string | undefined>;
  /** Undefined when nothing was ever held for this source Region. */
  readHeldSummary(sourceRegion: string): Promise<HeldSummary | undefined>;
  writeHeldSummary(sourceRegion: string, summary: HeldSummary): Promise<void>;
  /** Every event item not applied yet (pending, held, failed). */
  listOpen(): Promise<EventItem[]>;
  /** Items of events since `since`, any status, for lag history. */
  listRecent(query: { since: Date }): Promise<EventItem[]>;
}
