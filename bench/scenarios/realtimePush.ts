import { eventTableOf, type LagStats, lagByCapture, type PushWatcher } from '../../src/realtime/index.ts';
import { makeBurst } from '../burst.ts';
import { burstFloor } from '../floor.ts';
import type { BenchContext, Measured } from '../harness.ts';
import { realtimeCalls } from '../realtimeCalls.ts';
import { drain, startRealtime, untilDelivered } from '../realtimeDriver.ts';
import { summarize, withinFactor } from '../result.ts';
import { EVENT_TABLE_NOTE } from './realtime.ts';
import type { Scenario } from './scenario.ts';

const PUSH_DELAY_MS = 1_000;

const seconds = (lag: LagStats) => ({
  applied: lag.applied,
  p50Seconds: lag.p50Ms === null ? null : lag.p50Ms / 1000,
  p99Seconds: lag.p99Ms === null ? null : lag.p99Ms / 1000,
  maxSeconds: lag.maxMs === null ? null : lag.maxMs / 1000,
});

/** Applied items of events since `sinceMs`, lag by capture path. */
async function lagSince(ctx: BenchContext, sinceMs: number) {
  // CloudTrail event times are whole seconds: a change in the burst's first second reads as before `sinceMs`.
  const since = new Date(Math.floor(sinceMs / 1000) * 1000);
  const items = await eventTableOf(ctx.runtime()).listRecent({ since });
  return lagByCapture(items);
}

/**
 * Runs the watcher's ticks (long-poll, stage, replay at once) while the burst is being made, as a deployed
 * watcher would, until a tick after the last delivery finds nothing: the queue is empty and nothing is pending.
 * `deliveredBy()` is undefined until the burst has ended.
 */
async function drainByPush(watcher: PushWatcher, deliveredBy: () => number | undefined) {
  const ticks = [];
  const startedAt = Date.now();
  for (;;) {
    const tickStart = Date.now();
    const tick = await watcher.tick();
    ticks.push({ ...tick, atS: (tickStart - startedAt) / 1000, ms: Date.now() - tickStart });
    const quiet = tick.received === 0 && (tick.replay?.events.read ?? 0) === 0 && !tick.lookup;
    const until = deliveredBy();
    if (quiet && until !== undefined && Date.now() > until) return ticks;
    if (ticks.length > 2_000) throw new Error('push drain: still receiving after 2,000 ticks');
  }
}

/** The burst's own source writes are the account's, not lakemirror's: they leave the counts and the timeline. */
const BURST_OPERATIONS = new Set(['glue:UpdateTable', 'glue:CreatePartition']);

function withoutBurstWrites<T>(measured: Measured<T>, sourceRegion: string): Measured<T> {
  const source = Object.fromEntries(
    Object.entries(measured.calls.source).filter(([op]) => !BURST_OPERATIONS.has(op)),
  );
  const timeline = measured.timeline.flatMap((span) => {
    if (span.region !== sourceRegion || span.source !== 'glue') return [span];
    const operations = (span.operations ?? []).filter((o) => !BURST_OPERATIONS.has(`glue:${o.operation}`));
    if (operations.length === 0) return [];
    return [
      {
        ...span,
        operations,
        calls: operations.reduce((n, o) => n + o.calls, 0),
        fromS: Math.min(...operations.map((o) => o.fromS)),
        toS: Math.max(...operations.map((o) => o.toS)),
      },
    ];
  });
  return { ...measured, calls: { ...measured.calls, source }, timeline };
}

/**
 * `changes` changes delivered by push (EventBridge → SQS, 1 s after each call) and drained by `watch --capture
 * push`, beside the same burst by CloudTrail lookup in the same run. Lag is source call → applied, per item.
 */
export function realtimePushBurstOf(changes: number): Scenario {
  return {
    name: 'realtime-push-burst',
    description: `${changes.toLocaleString('en')} changes by push (delay ${PUSH_DELAY_MS} ms) beside the same burst by lookup`,
    async run(ctx) {
      await startRealtime(ctx);
      // The watcher runs before the burst, as a deployment would: its first tick (the backstop lookup) is done.
      const watcher = await ctx.unmeasured(async () => {
        const created = await ctx.useCases.createPushWatcher(ctx.runtime(), {
          confirm: true,
          waitSeconds: 1,
        });
        await ctx.cloud.setPush({ delayMs: PUSH_DELAY_MS, dropRate: 0 });
        await created.tick();
        return created;
      });
      const pushStart = Date.now();
      // The watcher drains while the burst is made: lag is each change's own, not the burst's length.
      let deliveredBy: number | undefined;
      const draining = ctx.measure(() => drainByPush(watcher, () => deliveredBy));
      const burst = await makeBurst(ctx, changes);
      deliveredBy = burst.endedAtMs + PUSH_DELAY_MS + 500;
      const burstSeconds = Number(((burst.endedAtMs - pushStart) / 1000).toFixed(2));
      const measured = withoutBurstWrites(await draining, ctx.settings.sourceRegion);
      const pushLag = (await lagSince(ctx, pushStart)).push;
      const pushCalls = realtimeCalls(measured.calls);

      await ctx.unmeasured(() => ctx.cloud.setPush({ dropRate: 1 }));
      const lookupStart = Date.now();
      const lookupBurst = await makeBurst(ctx, changes);
      await untilDelivered(lookupBurst.endedAtMs);
      const byLookup = await ctx.measure(() => drain(ctx, lookupBurst.endedAtMs));
      const lookupLag = (await lagSince(ctx, lookupStart)).lookup;
      const lookupCalls = realtimeCalls(byLookup.calls);
      const verify = await ctx.unmeasured(() => ctx.useCases.runVerify(ctx.runtime()));

      const perChange = (n: number) => Number((n / changes).toFixed(3));
      const floor = burstFloor({ ...burst, eventsBySource: {} });
      return summarize({
        scenario: this.name,
        description: this.description,
        floor,
        measured,
        rps: ctx.settings.rps,
        objects: changes,
        extra: {
          pushDelayMs: PUSH_DELAY_MS,
          burstSeconds,
          lagNote:
            'lag = applied − CloudTrail eventTime (whole seconds); push: the watcher drains while the burst is made; lookup: the burst is made first, so its lag includes the burst time',
          push: {
            lag: seconds(pushLag),
            ticks: measured.value.length,
            // When each tick ran and what it did: where a change waited (receive, stage or replay).
            tickTimeline: measured.value.map((t) => ({
              atS: Number(t.atS.toFixed(2)),
              ms: t.ms,
              received: t.received,
              staged: t.staged,
              replayed: t.replay?.events.read ?? 0,
            })),
            staged: measured.value.reduce((n, t) => n + t.staged, 0),
            stagedByBackstop: measured.value.reduce((n, t) => n + (t.lookup?.staged ?? 0), 0),
            glueLfPerChange: perChange(pushCalls.glueLf.total),
            lookupEventsPages: pushCalls.lookupEvents,
            dynamoDbPerChange: perChange(pushCalls.eventTableTotal),
            calls: pushCalls,
          },
          lookup: {
            lag: seconds(lookupLag),
            rounds: byLookup.value.collects.length,
            glueLfPerChange: perChange(lookupCalls.glueLf.total),
            lookupEventsPages: lookupCalls.lookupEvents,
            dynamoDbPerChange: perChange(lookupCalls.eventTableTotal),
            calls: lookupCalls,
            wallSeconds: Number((byLookup.wallMs / 1000).toFixed(2)),
          },
          floorPerChange: perChange(
            [floor.source, floor.target].flatMap(Object.values).reduce((a, b) => a + b, 0),
          ),
          counting: `${EVENT_TABLE_NOTE}; push floor = the burst's Glue calls plus one backstop lookup page per event source`,
        },
        targets: (r) => [
          {
            name: 'push p99 lag < 10 s',
            met: pushLag.p99Ms !== null && pushLag.p99Ms < 10_000,
            detail: `p99 ${pushLag.p99Ms} ms over ${pushLag.applied} applied items`,
          },
          {
            name: 'fewer calls per change than lookup',
            met:
              pushCalls.glueLf.total + pushCalls.lookupEvents <
              lookupCalls.glueLf.total + lookupCalls.lookupEvents,
            detail: `push ${pushCalls.glueLf.total + pushCalls.lookupEvents}, lookup ${lookupCalls.glueLf.total + lookupCalls.lookupEvents} (Glue/LF + LookupEvents)`,
          },
          { name: 'in sync after both', met: verify.inSync, detail: `verify inSync=${verify.inSync}` },
          withinFactor('calls ≤ 1.05 × floor', r.calls!, r.floorCalls!, 1.05),
        ],
      });
    },
  };
}

export const realtimePushBurst = realtimePushBurstOf(1_000);
