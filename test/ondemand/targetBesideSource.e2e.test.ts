import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, runSync, runVerify } from '../../src/ondemand/index.ts';
import { demoConfig, seedDemo } from '../support/demoSync.ts';
import { holdSourcePartitions } from '../support/holdSource.ts';
import { callsIn, startTestCloud, writeCalls } from '../support/localCloud.ts';

const SOURCE = 'us-east-1';
const TARGET = 'eu-west-1';

/** Holds the source's partition reads, from the second table on, until the target answered `wanted` lists. */
function holdSourceUntilTargetRead(cloud: LocalCloud, wanted: number) {
  return holdSourcePartitions({
    sourceRegion: SOURCE,
    from: 2,
    until: () => (callsIn(cloud, TARGET)['glue:GetPartitions'] ?? 0) >= wanted,
  });
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
