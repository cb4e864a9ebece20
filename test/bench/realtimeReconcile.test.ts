import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchContext } from '../../bench/harness.ts';
import { realtimeReconcile } from '../../bench/scenarios/realtimeReconcile.ts';
import { startTinyBench } from './tinyBench.ts';

describe('benchmark real-time reconcile: tiny lake, no latency, no limits but LookupEvents', () => {
  let ctx: BenchContext;
  beforeAll(async () => {
    ctx = await startTinyBench();
  });
  afterAll(async () => {
    await ctx?.stop();
  });

  it('compares every database once within the cycle, repairs the misses, and reports calls per run against the floor', async () => {
    const result = await realtimeReconcile.run(ctx, []);
    expect(result.status).toBe('ok');
    expect(result.targets.every((t) => t.met)).toBe(true);
    const extra = result.extra as Record<string, any>;
    // Two databases over a 60-minute cycle run every 5 minutes: due at minute 30 and minute 60.
    expect(extra.databases).toBe(2);
    expect(extra.runsToFullCoverage).toBe(13);
    expect(extra.simulatedMinutesToFullCoverage).toBe(60);
    expect(extra.model.thisLake).toMatchObject({ runs: 13, minutes: 60, budgetBound: false });
    expect(extra.runs.flatMap((r: { compared: string[] }) => r.compared)).toHaveLength(2);
    expect(extra.misses.every((m: { repaired: boolean }) => m.repaired)).toBe(true);
    for (const run of extra.runs) {
      expect(run.calls).toBeGreaterThanOrEqual(run.floorCalls);
      expect(Object.keys(run.byService)).toEqual(expect.arrayContaining(['glue', 'dynamodb']));
    }
    expect(result.calls).toBeGreaterThanOrEqual(result.floorCalls!);
    const ops = result.operations!.filter((o) => o.operation === 'glue:GetTables');
    expect(ops.every((o) => o.actual >= o.floor && o.floor > 0)).toBe(true);
    // The large lake is budget-bound at the default budget; the small one is paced by the cycle.
    expect(extra.model.largeAtFloor.budgetBound).toBe(true);
    expect(extra.model.smallAtFloor.minutes).toBe(60);
  });
});
