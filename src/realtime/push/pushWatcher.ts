import type { CollectReport } from '../collect/collectEvents.ts';
import type { EventStore } from '../eventTable/eventStore.ts';
import type { ReplayReport } from '../replay/replayReport.ts';
import { deadLetterQueueName } from './ensurePushQueue.ts';
import type { PushMessage, PushQueue } from './pushQueue.ts';
import {
  emptyStagePushReport,
  type PoisonMessage,
  type StagePushConfig,
  type StagePushReport,
  stagePushed,
} from './stagePushed.ts';

/** Messages one tick takes before it stages and replays: a backlog is replayed in few runs, coalesced. */
const MAX_MESSAGES_PER_TICK = 1000;

/** Receives in flight at once while a backlog is drained. */
const RECEIVE_CONCURRENCY = 8;

/**
 * A burst still arriving is gathered for at most MAX_GATHER_MS, in short polls (no wait) GATHER_PAUSE_MS
 * apart: the gather ends once a poll finds nothing, a fraction of a second after the burst's last message
 * instead of a whole long-poll second. A poll that misses a message only leaves it to the next tick.
 */
const GATHER_PAUSE_MS = 250;
const MAX_GATHER_MS = 3_000;

/** Long-poll wait while a replay runs: short, so the tick ends soon after its replay does. */
const STAGE_WHILE_REPLAYING_WAIT_SECONDS = 1;

/** Pause after an empty short poll (wait 0) while a replay runs. */
const EMPTY_POLL_PAUSE_MS = 200;

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
  table: EventStore;
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
  /** Items staged while the last replay ran: the next tick replays them without waiting on the queue. */
  private stagedSinceReplay = 0;

  constructor(private readonly deps: PushWatcherDeps) {}

  async tick(): Promise<PushTickReport> {
    const { queue, config, clock } = this.deps;
    const lookupDue =
      this.lastLookupMs === undefined || clock() - this.lastLookupMs >= config.lookupEveryMinutes * 60_000;
    if (lookupDue) this.lastLookupMs = clock();
    const carried = this.stagedSinceReplay;
    this.stagedSinceReplay = 0;
    // The backstop lookup pages CloudTrail while the queue is drained: both stage into the same table, where
    // the conditional put on the event id keeps each event once.
    const [lookup, { messages, stage }] = await Promise.all([
      lookupDue ? this.deps.collect() : undefined,
      this.receiveAndStage(carried > 0 ? this.receiveBacklog(0) : undefined),
    ]);
    const report: PushTickReport = {
      received: 0,
      staged: 0,
      duplicates: 0,
      rejected: {},
      poison: [],
      failed: 0,
      deadLetters: 0,
      ...(lookup ? { lookup } : {}),
    };
    addStage(report, stage);
    const due = carried > 0 || report.staged > 0 || (lookup?.staged ?? 0) > 0;
    // Staged is durable: the replay need not wait for the queue's bookkeeping, which runs beside it. What
    // arrives while the replay runs is staged at once too, and replayed by the next tick.
    let replaying = due;
    const replay = due
      ? this.deps.replay().finally(() => {
          replaying = false;
        })
      : Promise.resolve(undefined);
    const bookkeeping = this.settle(messages, stage);
    const meanwhile = this.stageWhile(() => replaying, report);
    const [replayed, settled, staged] = await Promise.allSettled([replay, bookkeeping, meanwhile]);
    if (replayed.status === 'rejected') throw replayed.reason;
    if (settled.status === 'rejected') throw settled.reason;
    if (staged.status === 'rejected') throw staged.reason;
    if (replayed.value) report.replay = replayed.value;
    report.deadLetters = await queue.depth(deadLetterQueueName(queue.queueName));
    return report;
  }

  /** Receives and stages in short polls until `running()` turns false (the replay ended). */
  private async stageWhile(running: () => boolean, report: PushTickReport): Promise<void> {
    const { table, config, clock } = this.deps;
    const wait = Math.min(this.deps.waitSeconds ?? 5, STAGE_WHILE_REPLAYING_WAIT_SECONDS);
    while (running()) {
      const messages = await this.receiveBacklog(wait);
      if (messages.length === 0) {
        // An empty answer without a long poll (wait 0) must not turn into a busy loop against the queue.
        await new Promise((resolve) => setTimeout(resolve, wait > 0 ? 0 : EMPTY_POLL_PAUSE_MS));
        continue;
      }
      const stage = await stagePushed(messages, { table, config, now: new Date(clock()) });
      addStage(report, stage);
      this.stagedSinceReplay += stage.staged;
      await this.settle(messages, stage);
    }
  }

  /**
   * Receives what `backlog` answers (without it: a long poll, then, while short polls keep finding more, the
   * rest of a burst still arriving, up to the tick's cap, for at most a few seconds: one replay of the whole
   * burst reads each changed object once, where replaying its first part at once would read most of them
   * twice). Each part is staged as soon as it is received, while the next one is awaited.
   */
  private async receiveAndStage(
    backlog: Promise<PushMessage[]> | undefined,
  ): Promise<{ messages: PushMessage[]; stage: StagePushReport }> {
    const { table, config, clock } = this.deps;
    const messages: PushMessage[] = [];
    const stages: Array<Promise<StagePushReport>> = [];
    const take = (part: PushMessage[]) => {
      messages.push(...part);
      stages.push(stagePushed(part, { table, config, now: new Date(clock()) }));
    };
    const started = Date.now();
    take(await (backlog ?? this.receiveBacklog(this.deps.waitSeconds ?? 5)));
    while (
      !backlog &&
      messages.length > 0 &&
      messages.length < MAX_MESSAGES_PER_TICK &&
      Date.now() - started < MAX_GATHER_MS
    ) {
      await new Promise((resolve) => setTimeout(resolve, GATHER_PAUSE_MS));
      const more = await this.receiveBacklog(0, MAX_MESSAGES_PER_TICK - messages.length);
      if (more.length === 0) break;
      take(more);
    }
    return { messages, stage: mergeStages(await Promise.all(stages)) };
  }

  /**
   * One long poll, then, while receives come back full (a backlog), rounds of parallel receives until a round
   * comes back short: one receive answers at most 10 messages, so a burst is drained in a few round trips.
   */
  private async receiveBacklog(waitSeconds: number, cap = MAX_MESSAGES_PER_TICK): Promise<PushMessage[]> {
    const { queue } = this.deps;
    const messages = await queue.receive(waitSeconds);
    let full = messages.length === 10;
    while (full && messages.length < cap) {
      // Never more receives than the cap leaves room for (10 messages each).
      const room = Math.ceil((cap - messages.length) / 10);
      const receives = Math.min(RECEIVE_CONCURRENCY, room);
      const round = await Promise.all(Array.from({ length: receives }, () => queue.receive(0)));
      for (const batch of round) messages.push(...batch);
      full = round.every((batch) => batch.length === 10);
    }
    return messages;
  }

  /** Deletes what was handled and sends poison messages back soon, so they reach the dead-letter queue. */
  private async settle(messages: PushMessage[], stage: StagePushReport): Promise<void> {
    const { queue } = this.deps;
    await Promise.all([
      stage.done.length > 0 ? queue.delete(stage.done) : undefined,
      ...stage.poison.map((poison) => {
        const message = messages.find((m) => m.messageId === poison.messageId)!;
        return queue.retryAfter(message, POISON_RETRY_SECONDS);
      }),
    ]);
  }
}

/** One report for the parts of a gathered burst, staged one by one. */
function mergeStages(stages: readonly StagePushReport[]): StagePushReport {
  const merged = emptyStagePushReport();
  for (const stage of stages) {
    addCounts(merged, stage);
    merged.done.push(...stage.done);
    merged.failed.push(...stage.failed);
  }
  return merged;
}

function addStage(report: PushTickReport, stage: StagePushReport): void {
  addCounts(report, stage);
  report.failed += stage.failed.length;
}

/** The counts a tick report and a stage report share. */
function addCounts(
  into: Pick<StagePushReport, 'received' | 'staged' | 'duplicates' | 'rejected' | 'poison'>,
  stage: StagePushReport,
): void {
  into.received += stage.received;
  into.staged += stage.staged;
  into.duplicates += stage.duplicates;
  for (const [reason, n] of Object.entries(stage.rejected))
    into.rejected[reason] = (into.rejected[reason] ?? 0) + n;
  into.poison.push(...stage.poison);
}
