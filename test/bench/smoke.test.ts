import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchContext } from '../../bench/harness.ts';
import { fullSync } from '../../bench/scenarios/fullSync.ts';
import { noChangeResync } from '../../bench/scenarios/incremental.ts';
import { startTinyBench } from './tinyBench.ts';

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
  });

  it('a re-sync then writes nothing', async () => {
    const result = await noChangeResync.run(ctx, []);
    expect(result.writes).toBe(0);
  });
});
