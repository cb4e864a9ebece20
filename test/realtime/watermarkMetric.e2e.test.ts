import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { metrics } from '../../src/handlers/handlerSupport.ts';
import { addWatermarkAge } from '../../src/handlers/watermarkMetric.ts';
import { runOnce } from '../../src/realtime/index.ts';
import { type RealtimeLake, startRealtimeLake } from './support/realtimeLake.ts';

describe('the deployed functions’ watermark metric', () => {
  let lake: RealtimeLake;
  beforeAll(async () => {
    lake = await startRealtimeLake();
  });
  afterAll(async () => {
    await lake.stop();
  });

  it('publishes WatermarkAgeSeconds once a full reconcile proved a watermark, nothing before', async () => {
    const config = await lake.freshConfig({
      realtime: { reconcile: { everyMinutes: 0.01, maxCallsPerRun: 500 } },
    });
    let now = Date.now();
    const runtime = lake.runtime(config, { now: () => new Date(now) });
    const added = vi.spyOn(metrics, 'addMetric');
    await addWatermarkAge(runtime);
    expect(added).not.toHaveBeenCalled();
    await runOnce(runtime);
    now += 60_000;
    await runOnce(runtime);
    now += 30_000;
    await addWatermarkAge(runtime);
    expect(added).toHaveBeenCalledTimes(1);
    const [name, unit, value] = added.mock.calls[0]!;
    expect([name, unit]).toEqual(['WatermarkAgeSeconds', 'Seconds']);
    // The watermark is the start of the full cycle: between the two runs' clocks, so 30–90 s old.
    expect(value).toBeGreaterThanOrEqual(30);
    expect(value).toBeLessThanOrEqual(90 + 5);
    metrics.clearMetrics();
  });
});
