import type { CollectReport } from '../collect/collectEvents.ts';
import type { EventTable } from '../eventTable/eventTable.ts';
import type { ReplayReport } from '../replay/replayReport.ts';
import { deadLetterQueueName } from './ensurePushQueue.ts';
import type { PushQueue } from './pushQueue.ts';
import { type PoisonMessage, type StagePushConfig, stagePushed } from './stagePushed.ts';

/** Messages one tick takes before it stages and replays: a backlog is replayed in few runs, coalesced. */
const MAX_MESSAGES_PER_TICK = 1000;

/** A poison message comes back after this long, so it reaches the dead-letter queue in seconds. */
const POISON_RETRY_SECONDS = 1;

export interface PushTickReport {
  received: number;
  staged: number;
  duplicates: number;
  rejected: Record<string, number>;
  poison: PoisonMessage[];
  /** Messages whose staging failed; they stay on the queue. */
  failed: number;
  /** The backstop lookup, when it was due this tick. */
  lookup?: CollectReport;
  /** The replay started because something was staged. */
  replay?: ReplayReport;
  /** Messages in the dead-letter queue after this tick (reported, never replayed). */
  deadLetters: number;
}

export interface PushWatcherDeps {
  queue: PushQueue;
  table: EventTable;
  config: StagePushConfig & { lookupEveryMinutes: number };
  collect: () => Promise<CollectReport>;
  replay: () => Promise<ReplayReport>;
  clock: () => number;
  /** Long-poll wait of one receive. Default 5 s. */
  waitSeconds?: number;
}

/**
 * The push capture's loop, one tick at a time: long-poll the queue, stage what arrived, replay as soon as
 * something was staged, and run the CloudTrail lookup as the backstop every `lookupEveryMinutes`. Ticks run
 * one after the other, so there is one replayer per target at a time.
 */
export class PushWatcher {
  private lastLookupMs?: number;

  constructor(private readonly deps: PushWatcherDeps) {}

  async tick(): Promise<PushTickReport> {
    const { queue, table, config, clock } = this.deps;
    const messages = await queue.receive(this.deps.waitSeconds ?? 5);
    // A full batch means a backlog: take it all (no wait) so one replay reconciles it, not one per 10 messages.
    while (messages.length > 0 && messages.length % 10 === 0 && messages.length < MAX_MESSAGES_PER_TICK) {
      const more = await queue.receive(0);
      if (more.length === 0) break;
      messages.push(...more);
    }
    const stage = await stagePushed(messages, { table, config, now: new Date(clock()) });
    if (stage.done.length > 0) await queue.delete(stage.done);
    for (const poison of stage.poison) {
      const message = messages.find((m) => m.messageId === poison.messageId)!;
      await queue.retryAfter(message, POISON_RETRY_SECONDS);
    }
    const report: PushTickReport = {
      received: stage.received,
      staged: stage.staged,
      duplicates: stage.duplicates,
      rejected: stage.rejected,
      poison: stage.poison,
      failed: stage.failed.length,
      deadLetters: 0,
    };
    const lookupDue =
      this.lastLookupMs === undefined || clock() - this.lastLookupMs >= config.lookupEveryMinutes * 60_000;
    if (lookupDue) {
      this.lastLookupMs = clock();
      report.lookup = await this.deps.collect();
    }
    if (report.staged > 0 || (report.lookup?.staged ?? 0) > 0) report.replay = await this.deps.replay();
    report.deadLetters = await queue.depth(deadLetterQueueName(queue.queueName));
    return report;
  }
}
