import { GetTableCommand } from '@aws-sdk/client-glue';
import { makeBurst } from '../burst.ts';
import { burstFloor, oneTableRealtimeFloor } from '../floor.ts';
import type { BenchContext } from '../harness.ts';
import { joinMeasured, realtimeCalls } from '../realtimeCalls.ts';
import {
  collectUntilStaged,
  drain,
  sourceEvents,
  startRealtime,
  totals,
  untilDelivered,
} from '../realtimeDriver.ts';
import { summarize, withinFactor } from '../result.ts';
import { changeOneTable } from './incremental.ts';
import { glueClient, type Scenario } from './scenario.ts';

/**
 * How the event table is counted: its DynamoDB calls are reported apart (`extra.calls.eventTable`), never in
 * the calls, floor or ratio columns (those are Glue, Lake Formation and CloudTrail). A collect run: GetItem
 * (checkpoint) + PutItem per staged item + UpdateItem (checkpoint). A replay run: one Query per shard of the
 * pending index (in parallel; also when nothing is pending) + UpdateItem per item it marks + the watermark it
 * records (one Query per shard again, GetItem of the checkpoint and of the reconcile cursor).
 */
export const EVENT_TABLE_NOTE =
  'event table (DynamoDB) calls are counted apart, not in calls/floor: collect = GetItem checkpoint + PutItem per item + UpdateItem checkpoint; replay = one Query per pending-index shard (PENDING_SHARDS) + UpdateItem per item marked + the recorded watermark (one Query per shard again, GetItem checkpoint and reconcile cursor)';

async function targetMarker(ctx: BenchContext, qualified: string): Promise<string | undefined> {
  const [database, name] = qualified.split('.') as [string, string];
  const glue = glueClient(ctx, ctx.settings.targetRegion);
  const { Table } = await glue.send(new GetTableCommand({ DatabaseName: database, Name: name }));
  glue.destroy();
  return Table?.Parameters?.bench_marker;
}

export const realtimeOneTable: Scenario = {
  name: 'realtime-one-table',
  description: 'one table changed; calls from the collector seeing the event to the target being updated',
  async run(ctx) {
    const checkpointAt = await startRealtime(ctx);
    const table = await ctx.unmeasured(() => changeOneTable(ctx, 'realtime'));
    const changedAt = Date.now();
    const { collected, attempts } = await collectUntilStaged(ctx);
    const stagedAfterMs = Date.now() - changedAt;
    const replayed = await ctx.measure(() => ctx.useCases.replayOnce(ctx.runtime(), {}));
    const measured = joinMeasured(collected, replayed);
    const [collect, replay] = measured.value;
    const since = await sourceEvents(ctx, checkpointAt, Date.parse(collect.endTime));
    const calls = realtimeCalls(measured.calls);
    const marker = await ctx.unmeasured(() => targetMarker(ctx, table));
    return summarize({
      scenario: this.name,
      description: this.description,
      floor: oneTableRealtimeFloor(totals(since)),
      measured,
      rps: ctx.settings.rps,
      extra: {
        table,
        collectRuns: attempts,
        stagedAfterMs,
        collect: { pages: collect.pages, read: collect.read, staged: collect.staged },
        eventsSinceCheckpoint: since,
        replay: { events: replay.events, apiCalls: replay.apiCalls, durationMs: replay.durationMs },
        calls,
        counting: EVENT_TABLE_NOTE,
      },
      targets: () => [
        {
          name: 'Glue/LF calls ≤ 8',
          met: calls.glueLf.total <= 8,
          detail: `${calls.glueLf.total} (source ${calls.glueLf.source}, target ${calls.glueLf.target}); also ${calls.lookupEvents} LookupEvents, ${calls.eventTableTotal} DynamoDB`,
        },
        { name: 'target updated', met: marker === 'realtime', detail: `bench_marker=${marker}` },
      ],
    });
  },
};

/** A burst of `changes` source changes, collected and replayed until drained, then verified. */
export function realtimeBurstOf(changes: number): Scenario {
  return {
    name: `realtime-burst-${changes}`,
    description: `${changes.toLocaleString('en')} source changes through the Glue API, collected and replayed until drained`,
    async run(ctx) {
      const checkpointAt = await startRealtime(ctx);
      const burst = await makeBurst(ctx, changes);
      await untilDelivered(burst.endedAtMs);
      const measured = await ctx.measure(() => drain(ctx, burst.endedAtMs));
      const { collects, replays } = measured.value;
      const last = collects.at(-1)!;
      const since = await sourceEvents(ctx, checkpointAt, Date.parse(last.endTime));
      const windows = await Promise.all(
        collects.map((c) => sourceEvents(ctx, Date.parse(c.startTime), Date.parse(c.endTime))),
      );
      const verify = await ctx.unmeasured(() => ctx.useCases.runVerify(ctx.runtime()));
      const calls = realtimeCalls(measured.calls);
      const sumOf = (pick: (r: (typeof replays)[number]) => number) =>
        replays.reduce((n, r) => n + pick(r), 0);
      const drained = replays.at(-1)!.events.read === 0 && verify.inSync;
      return summarize({
        scenario: this.name,
        description: this.description,
        floor: burstFloor({ ...burst, eventsBySource: totals(since) }),
        measured,
        rps: ctx.settings.rps,
        objects: changes,
        extra: {
          burst: {
            ...burst,
            addedPartitionsPerTable: `${burst.partitionAdds} over ${burst.addedPartitionsPerTable.filter((n) => n > 0).length} tables`,
          },
          rounds: collects.length,
          lookupPages: collects.reduce((n, c) => n + c.pages, 0),
          collects: collects.map(({ pages, read, staged, duplicates, rejected }, i) => ({
            pages,
            read,
            staged,
            duplicates,
            rejected,
            window: windows[i],
          })),
          eventsSinceCheckpoint: since,
          collectSeconds: Number((measured.value.collectMs / 1000).toFixed(2)),
          replaySeconds: Number((measured.value.replayMs / 1000).toFixed(2)),
          replayRuns: replays.length,
          applied: sumOf((r) => r.events.applied),
          objectsReconciled: sumOf((r) => r.objects.reconciled),
          targetWrites: replays.flatMap((r) => r.targets),
          breakerExceeded: replays.some((r) => r.circuitBreaker.exceeded),
          calls,
          callsPerChangeWithEventTable: Number(
            ((calls.glueLf.total + calls.lookupEvents + calls.eventTableTotal) / changes).toFixed(3),
          ),
          counting: EVENT_TABLE_NOTE,
        },
        targets: (r) => [
          {
            name: 'drained and in sync',
            met: drained,
            detail: `last replay read ${replays.at(-1)!.events.read}; verify inSync=${verify.inSync}`,
          },
          withinFactor('calls ≤ 1.05 × floor', r.calls!, r.floorCalls!, 1.05),
          withinFactor('wall ≤ 1.25 × floor time', r.wallSeconds!, r.floorSeconds!, 1.25),
        ],
      });
    },
  };
}

export const realtimeBurst = realtimeBurstOf(1000);
