import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EventTable } from '../realtime/eventTable/eventTable.ts';
import type { EventItem } from '../realtime/eventTable/items.ts';
import type { LagSample, PendingChange } from '../report/reportTypes.ts';

/** How far back the lag chart looks. */
export const LAG_WINDOW_MS = 24 * 3_600_000;
/** The chart gets at most this many samples (the most recent ones). */
export const MAX_LAG_SAMPLES = 2000;

/**
 * Every item of the real-time event table within the retention window, or `undefined` when the table does
 * not exist (real-time replication is not deployed): the drill then judges RPO from verify alone.
 */
export async function readEventHistory(
  client: DynamoDBDocumentClient,
  tableName: string,
  since: Date,
): Promise<EventItem[] | undefined> {
  try {
    return await new EventTable(client, tableName).listRecent({ since });
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

/**
 * The oldest change the replayer has not brought to the targets: a `pending` or `failed` item, unless a
 * later replay of the same object already re-read it (replay is state-based, so an object applied after
 * the event's time carries that change too).
 */
export function oldestUnapplied(items: readonly EventItem[], now: Date): PendingChange | undefined {
  const lastApplied = new Map<string, number>();
  for (const item of items) {
    if (item.status !== 'applied' || !item.appliedAt) continue;
    const at = Date.parse(item.appliedAt);
    if (at > (lastApplied.get(item.objectKey) ?? 0)) lastApplied.set(item.objectKey, at);
  }
  const nowSeconds = now.getTime() / 1000;
  const open = items.filter(
    (item) =>
      (item.status === 'pending' || item.status === 'held' || item.status === 'failed') &&
      item.expiresAt > nowSeconds &&
      !((lastApplied.get(item.objectKey) ?? 0) > Date.parse(item.eventTime)),
  );
  const oldest = open.reduce<EventItem | undefined>(
    (a, b) => (!a || Date.parse(b.eventTime) < Date.parse(a.eventTime) ? b : a),
    undefined,
  );
  return oldest && { eventTime: oldest.eventTime, eventName: oldest.eventName, object: oldest.objectKey };
}

/** Applied items as (applied time, lag) samples for the chart: the last day, oldest first. */
export function lagHistory(items: readonly EventItem[], now: Date): LagSample[] {
  const from = now.getTime() - LAG_WINDOW_MS;
  return items
    .filter((i) => i.status === 'applied' && i.appliedAt && typeof i.lagMs === 'number')
    .filter((i) => Date.parse(i.appliedAt!) >= from)
    .map((i) => ({ time: i.appliedAt!, lagSeconds: Math.max(0, i.lagMs!) / 1000 }))
    .sort((a, b) => a.time.localeCompare(b.time))
    .slice(-MAX_LAG_SAMPLES);
}
