/** The real-time use cases: what the CLI, the Lambda handlers and the benchmarks call. */

import { CloudTrailEventLog } from '../aws/cloudTrailEventLog.ts';
import { track } from '../engine/output.ts';
import type { Runtime } from '../engine/runtime.ts';
import { runFilter } from '../engine/scope.ts';
import { readAppliedState } from '../lease/appliedState.ts';
import { type CollectReport, collectEvents } from './collect/collectEvents.ts';
import { type CreateEventTableResult, createEventTable } from './eventTable/createEventTable.ts';
import type { EventStore } from './eventTable/eventStore.ts';
import { EventTable } from './eventTable/eventTable.ts';
import { withEventTable } from './eventTable/withEventTable.ts';
import { ensurePushQueue } from './push/ensurePushQueue.ts';
import type { PushMessage } from './push/pushQueue.ts';
import { PushQueue } from './push/pushQueue.ts';
import { PushWatcher } from './push/pushWatcher.ts';
import { type StagePushReport, stagePushed } from './push/stagePushed.ts';
import { type ReconcileReport, reconcileStep, recordReconcileCost } from './reconcile/reconcileStep.ts';
import { replayConfigOf, replayPending } from './replay/replayPending.ts';
import type { ReplayReport } from './replay/replayReport.ts';
import {
  type ReplicationStatus,
  readReplicationStatus,
  readWatermark,
} from './watermark/readReplicationStatus.ts';

export type { CollectReport } from './collect/collectEvents.ts';
export { type LagStats, lagByCapture } from './push/lagByCapture.ts';
export type { PushTickReport, PushWatcher } from './push/pushWatcher.ts';
export type { ReconcileReport } from './reconcile/reconcileStep.ts';
export { type ReplayConfig, replayPending } from './replay/replayPending.ts';
export { type ReplayReport, replayExitCode } from './replay/replayReport.ts';
export {
  type ReplicationStatus,
  readReplicationStatus,
  readWatermark,
} from './watermark/readReplicationStatus.ts';
export { computeWatermark, type Watermark, watermarkAgeMs } from './watermark/watermark.ts';

/** One event log per runtime, so LookupEvents stays spaced across the runs of a `watch` loop. */
const eventLogs = new WeakMap<Runtime, CloudTrailEventLog>();

function eventLogOf(runtime: Runtime): CloudTrailEventLog {
  let log = eventLogs.get(runtime);
  if (!log) {
    const region = runtime.config.source.region;
    log = new CloudTrailEventLog(runtime.clients(region).cloudTrail, { region });
    eventLogs.set(runtime, log);
  }
  return log;
}

/** The event table, in the source Region's DynamoDB (the Region whose events it stages). */
export function eventTableOf(runtime: Runtime): EventStore {
  const { dynamoDb } = runtime.clients(runtime.config.source.region);
  return new EventTable(dynamoDb, runtime.config.realtime.eventTable);
}

/** For local and self-hosted use (the CDK stack creates it in AWS): creates the event table if absent. */
export function ensureEventTable(runtime: Runtime): Promise<CreateEventTableResult> {
  const { dynamoDb } = runtime.clients(runtime.config.source.region);
  return createEventTable(dynamoDb, runtime.config.realtime.eventTable);
}

/** Runs `body` against the event table, creating the table first when it is missing. */
function onEventTable<T>(runtime: Runtime, body: () => Promise<T>): Promise<T> {
  const where = { table: runtime.config.realtime.eventTable, region: runtime.config.source.region };
  return withEventTable(where, () => ensureEventTable(runtime), body);
}

/** Reads the source Region's CloudTrail since the checkpoint and stages the events. */
export function collectOnce(runtime: Runtime): Promise<CollectReport> {
  const { config } = runtime;
  return onEventTable(runtime, () =>
    collectEvents({
      events: eventLogOf(runtime),
      table: eventTableOf(runtime),
      config: {
        sourceRegion: config.source.region,
        ...(config.source.accountId ? { sourceAccountId: config.source.accountId } : {}),
        overlapMinutes: config.realtime.overlapMinutes,
        lookbackMinutes: config.realtime.lookbackMinutes,
        retentionDays: config.realtime.retentionDays,
        filters: runFilter(config),
      },
      clock: () => runtime.now().getTime(),
      track: (gauge) => {
        runtime.output.phase(`collect ${config.source.region}`, 'paging CloudTrail');
        return track(runtime.output, `collect ${config.source.region}`, gauge);
      },
    }),
  );
}

/** Replays the pending events into every target (see `replayPending`). */
export function replayOnce(runtime: Runtime, options: { confirm?: boolean } = {}): Promise<ReplayReport> {
  return onEventTable(runtime, () =>
    replayPending({
      runtime,
      table: eventTableOf(runtime),
      config: replayConfigOf(runtime.config),
      ...(options.confirm ? { confirm: true } : {}),
    }),
  );
}

export interface ReconcileAndReplayReport {
  reconcile: ReconcileReport;
  replay: ReplayReport;
}

/**
 * Stages the reconcile's share of the scope, then replays events and compares together (what the deployed
 * replayer runs). `restart` starts a new cycle: the collector's window could not be covered.
 */
export async function reconcileAndReplay(
  runtime: Runtime,
  options: { confirm?: boolean; restart?: ReconcileReport['restarted'] } = {},
): Promise<ReconcileAndReplayReport> {
  const table = eventTableOf(runtime);
  const step = await onEventTable(runtime, () =>
    reconcileStep({ runtime, table, ...(options.restart ? { restart: options.restart } : {}) }),
  );
  const replay = await replayOnce(runtime, options.confirm ? { confirm: true } : {});
  const calls = replay.apiCalls;
  const replayCalls = calls.source.total + Object.values(calls.targets).reduce((n, t) => n + t.total, 0);
  const region = runtime.config.source.region;
  await recordReconcileCost(table, region, step.cursor, step.report.staged.length, replayCalls);
  return { reconcile: step.report, replay };
}

export interface RunOnceReport extends ReconcileAndReplayReport {
  collect: CollectReport;
}

/** One tick of the real-time loop: collect, then reconcile and replay. */
export async function runOnce(runtime: Runtime, options: { confirm?: boolean } = {}): Promise<RunOnceReport> {
  const collect = await collectOnce(runtime);
  const restart = collect.historyLost ? 'historyLost' : collect.firstRun ? 'firstRun' : undefined;
  const rest = await reconcileAndReplay(runtime, { ...options, ...(restart ? { restart } : {}) });
  return { collect, ...rest };
}

/**
 * The push capture's loop for this runtime (realtime.capture "push"): the queue in the source Region, the
 * same event table, the lookup as backstop. Against a local endpoint it creates the queue and its DLQ.
 */
export async function createPushWatcher(
  runtime: Runtime,
  options: { confirm?: boolean; waitSeconds?: number } = {},
): Promise<PushWatcher> {
  const { config } = runtime;
  const { sqs } = runtime.clients(config.source.region);
  if (config.localcloud?.endpoint) await ensurePushQueue(sqs, config.realtime.pushQueue);
  return new PushWatcher({
    queue: new PushQueue(sqs, config.realtime.pushQueue),
    table: eventTableOf(runtime),
    config: {
      sourceRegion: config.source.region,
      ...(config.source.accountId ? { sourceAccountId: config.source.accountId } : {}),
      retentionDays: config.realtime.retentionDays,
      filters: runFilter(config),
      lookupEveryMinutes: config.realtime.lookupEveryMinutes,
    },
    collect: () => collectOnce(runtime),
    replay: () => replayOnce(runtime, options),
    clock: () => runtime.now().getTime(),
    ...(options.waitSeconds !== undefined ? { waitSeconds: options.waitSeconds } : {}),
  });
}

/** The stager function's use case: stages one batch of push-queue messages in the event table. */
export function stagePushBatch(runtime: Runtime, messages: PushMessage[]): Promise<StagePushReport> {
  const { config } = runtime;
  return stagePushed(messages, {
    table: eventTableOf(runtime),
    config: {
      sourceRegion: config.source.region,
      ...(config.source.accountId ? { sourceAccountId: config.source.accountId } : {}),
      retentionDays: config.realtime.retentionDays,
      filters: runFilter(config),
    },
    now: runtime.now(),
  });
}

/** `lakemirror status`: the replication status, and per target when a replay last applied to it. */
export interface StatusReport extends ReplicationStatus {
  schemaVersion: 1;
  kind: 'lakemirror.status';
  targets: Array<{ region: string; watermark?: string; watermarkAgeMs: number | null; lastReplay?: string }>;
}

/**
 * Reads where real-time replication stands. Every target gets the same watermark: a replay applies each
 * event to all targets before marking it, so an event open for one target is open for all.
 */
export async function replicationStatus(runtime: Runtime): Promise<StatusReport> {
  const { config } = runtime;
  const status = await onEventTable(runtime, () =>
    readReplicationStatus(eventTableOf(runtime), {
      sourceRegion: config.source.region,
      overlapMinutes: config.realtime.overlapMinutes,
      now: runtime.now(),
    }),
  );
  const targets: StatusReport['targets'] = [];
  for (const target of config.targets) {
    const applied = await readAppliedState(runtime.leases, target.region);
    targets.push({
      region: target.region,
      ...(status.watermark.at ? { watermark: status.watermark.at } : {}),
      watermarkAgeMs: status.watermark.ageMs,
      ...(applied.realtimeAppliedAt ? { lastReplay: applied.realtimeAppliedAt } : {}),
    });
  }
  return { schemaVersion: 1, kind: 'lakemirror.status', ...status, targets };
}

/** The watermark of this runtime's source Region, cheaply (see `readWatermark`): for metrics and the drill. */
export function watermarkOf(runtime: Runtime): Promise<ReplicationStatus['watermark']> {
  const { config } = runtime;
  return readWatermark(eventTableOf(runtime), {
    sourceRegion: config.source.region,
    overlapMinutes: config.realtime.overlapMinutes,
    now: runtime.now(),
  });
}
