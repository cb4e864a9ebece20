import type { Runtime } from '../../engine/runtime.ts';
import { recordReplicationState } from '../../lease/replicationState.ts';
import type { EventStore } from '../eventTable/eventStore.ts';
import type { EventItem } from '../eventTable/items.ts';
import { readWatermark } from '../watermark/readReplicationStatus.ts';
import type { ReplayReport } from './replayReport.ts';

/** Events a replay took and left open (failed this time, or all of them when the breaker tripped). */
function pendingLeft(items: readonly EventItem[], report: ReplayReport): number {
  const failed = new Set(report.failures.flatMap((f) => f.eventIds));
  const left = report.circuitBreaker.tripped
    ? items.length
    : items.filter((i) => failed.has(i.eventId)).length;
  return left + (report.morePending ? 1 : 0);
}

/**
 * After a replay: every target's replication state, in its own Region (see lease/replicationState.ts), with
 * the watermark computed the one way lakemirror computes it (`readWatermark`, as `status`, the metric and the
 * drill do), read after the replay marked its items. A failover reads it there with the source gone.
 */
export async function recordReplayState(
  runtime: Runtime,
  table: EventStore,
  items: readonly EventItem[],
  report: ReplayReport,
): Promise<void> {
  const { config } = runtime;
  const watermark = await readWatermark(table, {
    sourceRegion: config.source.region,
    overlapMinutes: config.realtime.overlapMinutes,
    now: runtime.now(),
  }).catch((error: unknown) => {
    runtime.output.warn(
      'watermark.notRead',
      `watermark not read after the replay: ${(error as Error).message}`,
    );
    return undefined;
  });
  const checkpoint = await table.readCheckpoint(config.source.region).catch(() => undefined);
  for (const target of config.targets) {
    await recordReplicationState(runtime, target, {
      lastReplayAt: report.startedAt,
      pendingAtLastReplay: items.length,
      pendingLeftByLastReplay: pendingLeft(items, report),
      ...(checkpoint ? { collectedUntil: checkpoint.checkpointTime } : {}),
      ...(watermark?.at ? { watermark: watermark.at } : {}),
      ...(watermark ? { watermarkBoundBy: watermark.boundBy } : {}),
    }).catch((error: unknown) =>
      runtime.output.warn(
        'replicationState.notWritten',
        `replication state of ${target.region} not written in that Region: ${(error as Error).message}`,
      ),
    );
  }
}
