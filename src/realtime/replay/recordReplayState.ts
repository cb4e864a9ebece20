import { recordReplicationState } from '../../lease/replicationState.ts';
import type { Runtime } from '../../ondemand/runtime.ts';
import type { EventTable } from '../eventTable/eventTable.ts';
import type { EventItem } from '../eventTable/items.ts';
import type { ReplayReport } from './replayReport.ts';

/**
 * The watermark a replay leaves, as failover reads it. Kept behind this one function: the collector's
 * checkpoint and the items the run took and left are what the replayer knows today.
 */
export async function watermarkOfReplay(
  table: EventTable,
  sourceRegion: string,
  items: readonly EventItem[],
  report: ReplayReport,
): Promise<{ collectedUntil?: string; oldestPendingAt?: string; pendingLeft: number }> {
  const checkpoint = await table.readCheckpoint(sourceRegion).catch(() => undefined);
  const failed = new Set(report.failures.flatMap((f) => f.eventIds));
  const left = report.circuitBreaker.tripped ? [...items] : items.filter((i) => failed.has(i.eventId));
  const oldest = left.map((i) => i.eventTime).sort()[0];
  return {
    ...(checkpoint ? { collectedUntil: checkpoint.checkpointTime } : {}),
    ...(oldest ? { oldestPendingAt: oldest } : {}),
    pendingLeft: left.length + (report.morePending ? 1 : 0),
  };
}

/** After a replay: every target's replication state, in its own Region (see lease/replicationState.ts). */
export async function recordReplayState(
  runtime: Runtime,
  table: EventTable,
  items: readonly EventItem[],
  report: ReplayReport,
): Promise<void> {
  const mark = await watermarkOfReplay(table, runtime.config.source.region, items, report);
  for (const target of runtime.config.targets) {
    await recordReplicationState(runtime, target, {
      lastReplayAt: report.startedAt,
      pendingAtLastReplay: items.length,
      pendingLeftByLastReplay: mark.pendingLeft,
      ...(mark.collectedUntil ? { collectedUntil: mark.collectedUntil } : {}),
      ...(mark.oldestPendingAt ? { oldestPendingAt: mark.oldestPendingAt } : {}),
    }).catch((error: unknown) =>
      runtime.output.warn(
        `replication state of ${target.region} not written in that Region: ${(error as Error).message}`,
      ),
    );
  }
}
