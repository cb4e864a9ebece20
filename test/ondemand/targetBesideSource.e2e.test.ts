import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCloud } from '../../src/localcloud/server.ts';
import { createRuntime, runSync, runVerify } from '../../src/ondemand/index.ts';
import type { RegionSide } from '../../src/ondemand/regionSide.ts';
import { demoConfig, seedDemo } from '../support/demoSync.ts';
import { callsIn, startTestCloud, writeCalls } from '../support/localCloud.ts';

const SOURCE = 'us-east-1';
const TARGET = 'eu-west-1';

/**
 * A source whose partition reads, from the second table on, wait until the target has answered `wanted`
 * GetPartitions calls (at most 10 s): a run that read the target's partitions only after the source's would
 * wait out the timeout instead.
 */
function holdSourceUntilTargetRead(cloud: LocalCloud, wanted: number) {
  const held = { released: false, timedOut: false };
  const targetRead = async () => {
    const until = Date.now() + 10_000;
    while ((callsIn(cloud, TARGET)['glue:GetPartitions'] ?? 0) < wanted) {
      if (Date.now() > until) return false;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return true;
  };
  let calls = 0;
  const wrapSide = (side: RegionSide): RegionSide => {
    if (side.region !== SOURCE) return side;
    const reader = side.glueReader;
    const glueReader = new Proxy(reader, {
      get(object, prop, receiver) {
        const value = Reflect.get(object, prop, receiver);
        if (prop !== 'streamPartitions' || typeof value !== 'function') return value;
        return async function* (...args: unknown[]) {
          calls += 1;
          if (calls >= 2) {
            const read = await targetRead();
            held.released ||= read;
            held.timedOut ||= !read;
          }
          yield* value.apply(object, args);
        };
      },
    });
    return { ...side, glueReader } as RegionSide;
  };
  return { held, wrapSide };
}

describe('the target is read beside the source, not after it', () => {
  let cloud: LocalCloud;
  let partitionedTables: number;
  const config = () => demoConfig(cloud, { targets: [{ region: TARGET }] });
  beforeAll(async () => {
    cloud = await startTestCloud();
    await seedDemo(cloud);
    cloud.stats.reset();
    await runSync(createRuntime(config()));
    // Every partitioned source table got one BatchCreatePartition call or more; count tables by their reads.
    partitionedTables = callsIn(cloud, SOURCE)['glue:GetPartitions'] ?? 0;
    expect(partitionedTables).toBeGreaterThan(2);
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('a no-change re-sync reads every target partition list while the source partitions are still held', async () => {
    cloud.stats.reset();
    const { held, wrapSide } = holdSourceUntilTargetRead(cloud, partitionedTables);
    const report = await runSync(createRuntime(config(), { wrapSide }));
    expect(held).toEqual({ released: true, timedOut: false });
    expect(report.targets[0]!.error).toBeUndefined();
    // Each target list read once, nothing written, no safety snapshot for a run that changes nothing.
    expect(callsIn(cloud, TARGET)['glue:GetPartitions']).toBe(partitionedTables);
    expect(writeCalls(cloud, TARGET)).toEqual({});
    expect(report.targets[0]!.safetySnapshot).toBeUndefined();
  });

  it('verify reads the target partitions while the source partitions are still held, and stays in sync', async () => {
    cloud.stats.reset();
    const { held, wrapSide } = holdSourceUntilTargetRead(cloud, partitionedTables);
    const result = await runVerify(createRuntime(config(), { wrapSide }));
    expect(held).toEqual({ released: true, timedOut: false });
    expect(result.inSync).toBe(true);
    expect(callsIn(cloud, TARGET)['glue:GetPartitions']).toBe(partitionedTables);
  });
});
