import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import type { Gauge } from '../../engine/output.ts';
import { LakemirrorError } from '../../model/errors.ts';
import { type CatalogFilters, objectFilter } from '../events/eventFilter.ts';
import {
  EVENT_SOURCES,
  isRejection,
  parseCloudTrailEvent,
  type StagedEvent,
} from '../events/parseCloudTrailEvent.ts';
import type { EventStore } from '../eventTable/eventStore.ts';
import { type EventItem, toEventItems } from '../eventTable/items.ts';
import type { Clock, EventSourcePort } from './ports.ts';

export interface CollectConfig {
  sourceRegion: string;
  sourceAccountId?: string;
  /** Re-read this much before the checkpoint: CloudTrail delivers late (typically minutes). Default 15. */
  overlapMinutes?: number;
  /** First run (no checkpoint): read this far back. Default 60. */
  lookbackMinutes?: number;
  /** Items expire (TTL attribute, and skipped by readers) this long after staging. Default 14. */
  retentionDays?: number;
  filters?: CatalogFilters;
}

export interface CollectReport {
  startTime: string;
  endTime: string;
  /** No checkpoint existed: the window is the lookback, not checkpoint − overlap. */
  firstRun: boolean;
  /** The checkpoint is older than CloudTrail's 90-day history: the window could not be read in full. */
  historyLost: boolean;
  /** Malformed events staged as a reconcile of the whole scope (they name no object). */
  reconcileStaged: number;
  /** LookupEvents requests, when the event source counts them. */
  pages: number;
  /** Events read, both sources. */
  read: number;
  /** Items written (one per event and object). */
  staged: number;
  /** Items already in the table (the overlap, or a re-run). */
  duplicates: number;
  /** Events kept out, by reason (`filtered`: every object outside the filters). */
  rejected: Record<string, number>;
  /** Objects dropped by the filters from events that kept others. */
  filteredObjects: number;
  checkpoint: { previous?: string; current: string; advanced: boolean };
}

const WRITE_BATCH = 50;
/** LookupEvents returns the last 90 days only. */
export const CLOUDTRAIL_HISTORY_MS = 90 * 86_400_000;

/** An event that could not be parsed names nothing: it becomes a reconcile of the whole scope. */
function malformedAsReconcile(
  rejected: { eventId?: string | undefined; eventName?: string | undefined },
  raw: string | undefined,
  config: CollectConfig,
  now: Date,
): StagedEvent {
  return {
    // Stable across re-reads of the window (the overlap), so it is staged once.
    eventId: `malformed#${
      rejected.eventId ??
      createHash('sha256')
        .update(raw ?? '')
        .digest('hex')
        .slice(0, 32)
    }`,
    eventTime: now.toISOString(),
    eventName: rejected.eventName ?? 'Malformed',
    eventSource: 'lakemirror.reconcile',
    region: config.sourceRegion,
    accountId: config.sourceAccountId ?? '',
    objects: [{ kind: 'catalog' }],
  };
}
const WRITE_CONCURRENCY = 10;

/**
 * One collector run: reads Glue and Lake Formation events from checkpoint − overlap to now, stages one
 * item per (event, object) with a conditional put, then advances the checkpoint to the window end. The
 * checkpoint moves only after every write succeeded: a failure throws `collect.writeFailed` and the next
 * run re-reads the same window (re-staging is a no-op).
 */
export async function collectEvents(deps: {
  events: EventSourcePort;
  table: EventStore;
  config: CollectConfig;
  clock?: Clock;
  /** Progress while CloudTrail is paged (10–25 s on a busy account): told a gauge of the counts so far. */
  track?: (gauge: Gauge) => () => void;
}): Promise<CollectReport> {
  const { events, table, config } = deps;
  const nowMs = (deps.clock ?? Date.now)();
  const previous = await table.readCheckpoint(config.sourceRegion);
  const overlapMs = (config.overlapMinutes ?? 15) * 60_000;
  const lookbackMs = (config.lookbackMinutes ?? 60) * 60_000;
  const endTime = new Date(nowMs);
  const startMs = previous ? Date.parse(previous.checkpointTime) - overlapMs : nowMs - lookbackMs;
  const startTime = new Date(Math.min(startMs, nowMs));
  const pagesBefore = events.pages ?? 0;
  const report: CollectReport = {
    startTime: startTime.toISOString(),
    endTime: endTime.toISOString(),
    firstRun: previous === undefined,
    historyLost: previous !== undefined && startMs < nowMs - CLOUDTRAIL_HISTORY_MS,
    reconcileStaged: 0,
    pages: 0,
    read: 0,
    staged: 0,
    duplicates: 0,
    rejected: {},
    filteredObjects: 0,
    checkpoint: {
      previous: previous?.checkpointTime,
      current: previous?.checkpointTime ?? '',
      advanced: false,
    },
  };
  const keep = objectFilter(config.filters);
  const itemOptions = { stagedAt: endTime, retentionDays: config.retentionDays ?? 14 };
  const limit = pLimit(WRITE_CONCURRENCY);
  let batch: EventItem[] = [];
  const flush = async () => {
    const writing = batch;
    batch = [];
    const results = await Promise.allSettled(
      writing.map((item) => limit(() => table.putEventIfAbsent(item))),
    );
    for (const result of results) {
      if (result.status === 'fulfilled') report[result.value === 'inserted' ? 'staged' : 'duplicates'] += 1;
    }
    const failure = results.find((r) => r.status === 'rejected');
    if (failure) {
      report.pages = (events.pages ?? 0) - pagesBefore;
      throw new LakemirrorError({
        code: 'collect.writeFailed',
        source: 'aws',
        object: `event table ${table.tableName}`,
        message: `Staging an event failed after ${report.staged} staged of ${report.read} read; the checkpoint stays at ${previous?.checkpointTime ?? '(none)'} and the next run re-reads the window`,
        fix: 'run the collector again: re-staging is a no-op',
        cause: failure.reason,
      });
    }
  };

  const stopTracking =
    deps.track?.(() => ({
      pages: { done: (events.pages ?? 0) - pagesBefore },
      events: { done: report.read },
      staged: { done: report.staged },
    })) ?? (() => {});
  try {
    await readWindow();
  } finally {
    stopTracking();
  }
  async function readWindow() {
    for (const eventSource of [EVENT_SOURCES.glue, EVENT_SOURCES.lakeFormation]) {
      for await (const event of events.lookupEvents({ eventSource, startTime, endTime })) {
        report.read += 1;
        const parsed = parseCloudTrailEvent(event, config);
        if (isRejection(parsed)) {
          report.rejected[parsed.rejection] = (report.rejected[parsed.rejection] ?? 0) + 1;
          if (parsed.rejection !== 'malformed') continue;
          // Never a silent drop: what a malformed event changed is found by comparing everything.
          batch.push(
            ...toEventItems(
              malformedAsReconcile(parsed, event.CloudTrailEvent, config, endTime),
              itemOptions,
            ),
          );
          report.reconcileStaged += 1;
          continue;
        }
        const items = toEventItems(parsed, {
          stagedAt: endTime,
          retentionDays: config.retentionDays ?? 14,
          keep,
        });
        report.filteredObjects += items.length > 0 ? parsed.objects.length - items.length : 0;
        if (items.length === 0) report.rejected.filtered = (report.rejected.filtered ?? 0) + 1;
        batch.push(...items);
        if (batch.length >= WRITE_BATCH) await flush();
      }
    }
    await flush();
  }
  report.pages = (events.pages ?? 0) - pagesBefore;
  // Never backwards (a clock that stepped back): the window end, or the previous checkpoint if later.
  const target = new Date(Math.max(nowMs, previous ? Date.parse(previous.checkpointTime) : 0));
  const advanced = await table.advanceCheckpoint(config.sourceRegion, previous?.version ?? 0, target);
  const current = advanced ? target.toISOString() : (previous?.checkpointTime ?? '');
  report.checkpoint = { previous: previous?.checkpointTime, current, advanced };
  return report;
}
