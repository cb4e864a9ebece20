import { type CatalogFilters, objectFilter } from '../events/eventFilter.ts';
import { isRejection, type SourceScope } from '../events/parseCloudTrailEvent.ts';
import type { EventStore } from '../eventTable/eventStore.ts';
import { toEventItems } from '../eventTable/items.ts';
import { isPoison, parsePushMessage } from './pushEvent.ts';
import type { PushMessage } from './pushQueue.ts';

export interface StagePushConfig extends SourceScope {
  retentionDays?: number;
  filters?: CatalogFilters;
}

export interface PoisonMessage {
  messageId: string;
  receiveCount: number;
  reason: string;
}

export interface StagePushReport {
  received: number;
  /** Items written (one per event and object). */
  staged: number;
  /** Items already staged (by the lookup, or an earlier delivery of the same message). */
  duplicates: number;
  rejected: Record<string, number>;
  /** Messages left on the queue for the dead-letter queue; never staged, never blocking the others. */
  poison: PoisonMessage[];
  /** Messages to delete: staged, duplicate or rejected for good. */
  done: PushMessage[];
  /** Messages whose staging failed (DynamoDB): they stay on the queue and come back. */
  failed: PushMessage[];
}

/** A report of nothing staged yet, for `received` messages. */
export function emptyStagePushReport(received = 0): StagePushReport {
  return { received, staged: 0, duplicates: 0, rejected: {}, poison: [], done: [], failed: [] };
}

/**
 * Stages one batch of push messages with the lookup's parser and the same conditional put on the event id,
 * so an event that arrives by push and again by lookup is staged once. Pure over its ports; never throws
 * for one message: a bad message is poison, a failed write leaves the message for the next delivery.
 */
export async function stagePushed(
  messages: PushMessage[],
  deps: { table: EventStore; config: StagePushConfig; now: Date },
): Promise<StagePushReport> {
  const { table, config, now } = deps;
  const report = emptyStagePushReport(messages.length);
  const keep = objectFilter(config.filters);
  await Promise.all(
    messages.map(async (message) => {
      const parsed = parsePushMessage(message.body, config);
      if (isPoison(parsed)) {
        report.poison.push({
          messageId: message.messageId,
          receiveCount: message.receiveCount,
          reason: parsed.poison,
        });
        return;
      }
      if (isRejection(parsed)) {
        report.rejected[parsed.rejection] = (report.rejected[parsed.rejection] ?? 0) + 1;
        report.done.push(message);
        return;
      }
      const items = toEventItems(parsed, { stagedAt: now, retentionDays: config.retentionDays ?? 14, keep });
      if (items.length === 0) report.rejected.filtered = (report.rejected.filtered ?? 0) + 1;
      try {
        for (const item of items) {
          const outcome = await table.putEventIfAbsent({ ...item, capture: 'push' });
          report[outcome === 'inserted' ? 'staged' : 'duplicates'] += 1;
        }
        report.done.push(message);
      } catch {
        report.failed.push(message);
      }
    }),
  );
  return report;
}
