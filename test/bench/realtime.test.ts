import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchContext, createBenchContext, DEFAULT_SETTINGS } from '../../bench/harness.ts';
import { realtimeBurstOf, realtimeOneTable } from '../../bench/scenarios/realtime.ts';
import { loadUseCases } from '../../bench/useCases.ts';
import { PENDING_SHARDS } from '../../src/realtime/eventTable/items.ts';

describe('benchmark real-time scenarios: tiny lake, no latency, no limits but LookupEvents', () => {
  let ctx: BenchContext;
  beforeAll(async () => {
    ctx = await createBenchContext(
      { ...DEFAULT_SETTINGS, size: 'tiny', latencyMs: 0, rps: 0 },
      await loadUseCases(),
    );
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
});
