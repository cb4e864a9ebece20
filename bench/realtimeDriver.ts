import { setTimeout as sleep } from 'node:timers/promises';
import type { CollectReport, ReplayReport } from '../src/realtime/index.ts';
import type { TrailCounts } from './cloudChild.ts';
import { BENCH_CLOUDTRAIL, type BenchContext, type Measured } from './harness.ts';
import { ensureSynced } from './scenarios/scenario.ts';

/** The two event sources the collector reads: the floor counts a page of each even when empty. */
const EVENT_SOURCES = ['glue.amazonaws.com', 'lakeformation.amazonaws.com'];

/** Replays (each run a fresh runtime, as each Lambda invocation is) until a run finds nothing due. */
export async function replayUntilEmpty(ctx: BenchContext, confirm: boolean): Promise<ReplayReport[]> {
  const reports: ReplayReport[] = [];
  for (;;) {
    const report = await ctx.useCases.replayOnce(ctx.runtime(), { confirm });
    reports.push(report);
    if (report.circuitBreaker.tripped) throw new Error('replay: circuit breaker tripped');
    if (report.events.read === 0) return reports;
    if (reports.length >= 20) throw new Error('replay: still events pending after 20 runs');
  }
}

/**
 * Puts the source Region where a running real-time deployment would be before a change: synced, the event
 * table created, one collect run done (the checkpoint exists) and nothing left pending. Unmeasured. Answers
 * the checkpoint time: an ideal collector would read from there.
 */
export async function startRealtime(ctx: BenchContext): Promise<number> {
  await ensureSynced(ctx);
  return ctx.unmeasured(async () => {
    await ctx.useCases.ensureEventTable(ctx.runtime());
    const collect = await ctx.useCases.collectOnce(ctx.runtime());
    await replayUntilEmpty(ctx, true);
    return Date.parse(collect.checkpoint.current);
  });
}

/**
 * Collects until a run stages something (CloudTrail shows an event only after its delivery delay), 500 ms
 * apart. Each run is measured on its own; answers the run that staged the event, and how many it took.
 */
export async function collectUntilStaged(
  ctx: BenchContext,
): Promise<{ collected: Measured<CollectReport>; attempts: number }> {
  for (let attempts = 1; attempts <= 40; attempts++) {
    const collected = await ctx.measure(() => ctx.useCases.collectOnce(ctx.runtime()));
    if (collected.value.staged > 0) return { collected, attempts };
    await sleep(500);
  }
  throw new Error('collect: the change was not staged within 40 runs');
}

export interface DrainResult {
  collects: CollectReport[];
  replays: ReplayReport[];
  collectMs: number;
  replayMs: number;
}

/**
 * Rounds of collect, then replay until nothing is due, until a collect window has reached the time every
 * change is visible by (`visibleAtMs`). The last replay run found nothing pending and wrote nothing.
 */
export async function drain(ctx: BenchContext, visibleAtMs: number): Promise<DrainResult> {
  const out: DrainResult = { collects: [], replays: [], collectMs: 0, replayMs: 0 };
  do {
    let started = performance.now();
    out.collects.push(await ctx.useCases.collectOnce(ctx.runtime()));
    out.collectMs += performance.now() - started;
    started = performance.now();
    out.replays.push(...(await replayUntilEmpty(ctx, true)));
    out.replayMs += performance.now() - started;
  } while (Date.parse(out.collects.at(-1)!.endTime) < visibleAtMs && out.collects.length < 5);
  return out;
}

/** Waits (unmeasured) until CloudTrail shows every call made before `endedAtMs`. */
export const untilDelivered = (endedAtMs: number) =>
  sleep(Math.max(0, endedAtMs + BENCH_CLOUDTRAIL.deliveryDelayMs + 250 - Date.now()));

/** Events in the source Region's history per event source over [fromMs, toMs], both sources listed. */
export async function sourceEvents(ctx: BenchContext, fromMs: number, toMs: number): Promise<TrailCounts> {
  const counts = await ctx.cloud.trailCounts(ctx.lake.accountId, ctx.settings.sourceRegion, fromMs, toMs);
  for (const source of EVENT_SOURCES) counts[source] ??= { write: 0, readOnly: 0 };
  return counts;
}

/** `eventSource` → all its events (writes and reads: LookupEvents by EventSource returns both). */
export const totals = (counts: TrailCounts): Record<string, number> =>
  Object.fromEntries(Object.entries(counts).map(([source, c]) => [source, c.write + c.readOnly]));
