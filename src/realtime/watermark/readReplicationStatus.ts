import type { EventStore } from '../eventTable/eventStore.ts';
import type { EventItem, EventStatus } from '../eventTable/items.ts';
import { type CapturePath, type LagStats, lagByCapture } from '../push/lagByCapture.ts';
import { computeWatermark, type Watermark, watermarkAgeMs } from './watermark.ts';

/** Items of one status not applied yet, and the oldest event among them. */
export interface OpenCount {
  count: number;
  /** Event time of the oldest. */
  oldest?: string;
}

/** Where real-time replication from one source Region stands: plain data, read from the event table. */
export interface ReplicationStatus {
  sourceRegion: string;
  readAt: string;
  watermark: Watermark & { ageMs: number | null };
  events: Record<Exclude<EventStatus, 'applied'>, OpenCount>;
  /** The collector's checkpoint: CloudTrail has been read up to it. */
  lastCollect?: string;
  reconcile: { cycleStartedAt?: string; lastFullAt?: string; lastRun?: string };
  /** The mass change the breaker holds (clusters), if any. */
  breaker: { holding: boolean; clusters: string[] };
  /** End-to-end lag of the items applied in the lag window, by capture path. */
  lag: Record<CapturePath, LagStats>;
}

const LAG_WINDOW_MS = 24 * 3_600_000;

function countOpen(items: readonly EventItem[], status: EventItem['status']): OpenCount {
  const chosen = items.filter((i) => i.status === status).map((i) => i.eventTime);
  if (chosen.length === 0) return { count: 0 };
  return { count: chosen.length, oldest: chosen.reduce((a, b) => (b < a ? b : a)) };
}

const latest = (times: readonly string[]) =>
  times.length === 0 ? undefined : times.reduce((a, b) => (b > a ? b : a));

/**
 * Reads the event table once (two paged scans: the open items, and the items of the lag window) and derives
 * the watermark, the open counts, the last runs, the breaker state and the lag. For `lakemirror status`, the
 * deployed functions' metric and the drill's RPO; a reader in another Region can store the result as is.
 */
export async function readReplicationStatus(
  table: EventStore,
  options: { sourceRegion: string; overlapMinutes: number; now: Date; lagWindowMs?: number },
): Promise<ReplicationStatus> {
  const { sourceRegion, now } = options;
  const [open, checkpoint, cursor, held] = await Promise.all([
    table.listOpen(),
    table.readCheckpoint(sourceRegion),
    table.readReconcileCursor(sourceRegion),
    table.readHeldSummary(sourceRegion),
  ]);
  const since = new Date(now.getTime() - (options.lagWindowMs ?? LAG_WINDOW_MS));
  const recent = await table.listRecent({ since });
  const events = {
    pending: countOpen(open, 'pending'),
    held: countOpen(open, 'held'),
    failed: countOpen(open, 'failed'),
  };
  // Failed items are counted, not bounding: the reconcile compares their objects again.
  const oldestOpen = [events.pending.oldest, events.held.oldest]
    .filter((t): t is string => t !== undefined)
    .reduce<string | undefined>((a, b) => (a === undefined || b < a ? b : a), undefined);
  const watermark = computeWatermark({
    ...(oldestOpen ? { oldestOpen } : {}),
    ...(checkpoint ? { checkpointTime: checkpoint.checkpointTime } : {}),
    overlapMinutes: options.overlapMinutes,
    ...(cursor?.lastFullAt ? { lastFullAt: cursor.lastFullAt } : {}),
  });
  const clusters = events.held.count > 0 ? (held?.clusters ?? []) : [];
  return {
    sourceRegion,
    readAt: now.toISOString(),
    watermark: { ...watermark, ageMs: watermarkAgeMs(watermark, now) },
    events,
    ...(checkpoint ? { lastCollect: checkpoint.checkpointTime } : {}),
    reconcile: {
      ...(cursor?.cycleStartedAt ? { cycleStartedAt: cursor.cycleStartedAt } : {}),
      ...(cursor?.lastFullAt ? { lastFullAt: cursor.lastFullAt } : {}),
      ...(cursor ? { lastRun: latest(Object.values(cursor.lastReconciled)) } : {}),
    },
    breaker: { holding: events.held.count > 0, clusters },
    lag: lagByCapture(recent),
  };
}

/**
 * The watermark alone, cheaply (a few queries and reads, no scan): what the deployed functions publish as
 * a metric after every run.
 */
export async function readWatermark(
  table: EventStore,
  options: { sourceRegion: string; overlapMinutes: number; now: Date },
): Promise<ReplicationStatus['watermark']> {
  const [oldestOpen, checkpoint, cursor] = await Promise.all([
    table.oldestOpenEventTime(options.now),
    table.readCheckpoint(options.sourceRegion),
    table.readReconcileCursor(options.sourceRegion),
  ]);
  const watermark = computeWatermark({
    ...(oldestOpen ? { oldestOpen } : {}),
    ...(checkpoint ? { checkpointTime: checkpoint.checkpointTime } : {}),
    overlapMinutes: options.overlapMinutes,
    ...(cursor?.lastFullAt ? { lastFullAt: cursor.lastFullAt } : {}),
  });
  return { ...watermark, ageMs: watermarkAgeMs(watermark, options.now) };
}
