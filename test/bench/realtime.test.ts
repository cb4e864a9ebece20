import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchContext } from '../../bench/harness.ts';
import { realtimeBurstOf, realtimeOneTable } from '../../bench/scenarios/realtime.ts';
import { realtimePushBurstOf } from '../../bench/scenarios/realtimePush.ts';
import { PENDING_SHARDS } from '../../src/realtime/eventTable/items.ts';
import { startTinyBench } from './tinyBench.ts';

describe('benchmark real-time scenarios: tiny lake, no latency, no limits but LookupEvents', () => {
  let ctx: BenchContext;
  beforeAll(async () => {
    ctx = await startTinyBench();
  });
  afterAll(async () => {
    await ctx?.stop();
  });

  it('one table: the replay converges the target within 8 Glue/LF calls, event-table calls apart', async () => {
    const result = await realtimeOneTable.run(ctx, []);
    expect(result.status).toBe('ok');
    expect(result.targets.every((t) => t.met)).toBe(true);
    const calls = result.extra!.calls as { eventTable: Record<string, number>; lookupEvents: number };
    // One Query per pending-index shard for the items, and again for the watermark the replay records.
    expect(calls.eventTable['dynamodb:Query']).toBe(2 * PENDING_SHARDS);
    expect(calls.lookupEvents).toBeGreaterThanOrEqual(2);
  });

  it('a burst drains to a target in sync, with the LookupEvents pages the floor expects', async () => {
    const result = await realtimeBurstOf(120).run(ctx, []);
    expect(result.status).toBe('ok');
    expect(result.targets.find((t) => t.name === 'drained and in sync')?.met).toBe(true);
    expect(result.extra!.applied).toBeGreaterThanOrEqual(120);
    const lookups = result.operations!.find((o) => o.operation === 'cloudtrail:LookupEvents')!;
    expect(lookups.actual).toBeGreaterThanOrEqual(lookups.floor);
  });

  it('a push burst is drained while it is made: each change staged once, by push, and both paths end in sync', async () => {
    const result = await realtimePushBurstOf(150).run(ctx, []);
    expect(result.status).toBe('ok');
    expect(result.targets.find((t) => t.name === 'in sync after both')?.met).toBe(true);
    const push = result.extra!.push as {
      staged: number;
      stagedByBackstop: number;
      lag: { applied: number; p99Seconds: number | null };
      tickTimeline: Array<{ received: number; replayed: number }>;
    };
    expect(push.staged + push.stagedByBackstop).toBe(150);
    expect(push.lag.applied).toBe(150);
    expect(push.lag.p99Seconds).not.toBeNull();
    expect(push.tickTimeline.reduce((n, t) => n + t.received, 0)).toBe(150);
    // DynamoDB and SQS keep their own limits, not the control plane's rps (README, Performance).
    expect((await ctx.cloud.setFaults({})).serviceRps).toEqual({ dynamodb: 4_000, sqs: 0 });
    // Only the lakemirror's own calls are counted: the burst's source writes are not.
    expect(result.operations!.some((o) => o.side === 'source' && o.operation === 'glue:UpdateTable')).toBe(
      false,
    );
  });
});
