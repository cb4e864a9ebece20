import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchContext } from '../../bench/harness.ts';
import { fullSync } from '../../bench/scenarios/fullSync.ts';
import { noChangeResync } from '../../bench/scenarios/incremental.ts';
import { startTinyBench } from './tinyBench.ts';

/** The calls of partition indexes, table statistics and functions, read in the source and written in the target. */
const CATALOG_OBJECT_CALLS = [
  'glue:GetPartitionIndexes',
  'glue:CreatePartitionIndex',
  'glue:GetColumnStatisticsForTable',
  'glue:UpdateColumnStatisticsForTable',
  'glue:GetUserDefinedFunctions',
  'glue:CreateUserDefinedFunction',
];

describe('benchmark smoke: tiny lake, no latency, no limits', () => {
  let ctx: BenchContext;
  beforeAll(async () => {
    ctx = await startTinyBench();
  });
  afterAll(async () => {
    await ctx?.stop();
  });

  it('full sync replicates the lake at the call floor', async () => {
    const result = await fullSync.run(ctx, []);
    expect(result.status).toBe('ok');
    expect(result.calls).toBeGreaterThanOrEqual(result.floorCalls!);
    expect(result.targets.find((t) => t.name.startsWith('calls'))?.met).toBe(true);
    // The lake's partition indexes, table statistics and functions cost exactly the floor model's calls.
    const perKind = (result.operations ?? []).filter((o) => CATALOG_OBJECT_CALLS.includes(o.operation));
    expect(new Set(perKind.map((o) => o.operation))).toEqual(new Set(CATALOG_OBJECT_CALLS));
    for (const o of perKind) {
      expect(o.floor, `${o.side} ${o.operation}`).toBeGreaterThan(0);
      expect(o.actual, `${o.side} ${o.operation}`).toBe(o.floor);
    }
  });

  it('a re-sync then writes nothing', async () => {
    const result = await noChangeResync.run(ctx, []);
    expect(result.writes).toBe(0);
  });
});
