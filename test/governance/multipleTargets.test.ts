import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, runSync, runVerify, syncExitCode } from '../../src/ondemand/index.ts';
import { demoConfig, startSeededCloud } from '../support/demoSync.ts';
import { callsIn, sum } from '../support/localCloud.ts';

const mapping = {
  'lakemirror-demo-lake-use1': 'lakemirror-demo-lake-usw2',
};

describe('several targets in one run', () => {
  let cloud: LocalCloud;
  /** Calls the source Region answered since the last reset, as `service:Operation` counts. */
  const sourceCalls = () => callsIn(cloud, 'us-east-1');

  beforeAll(async () => {
    cloud = await startSeededCloud();
  });
  afterAll(() => cloud.stop());

  it('reads the source once, whatever the number of targets', async () => {
    cloud.stats.reset();
    const one = await runSync(createRuntime(demoConfig(cloud, { targets: [{ region: 'us-west-2' }] })));
    const oneTarget = sourceCalls();
    expect(syncExitCode(one)).toBe(0);
    expect(
      sum(Object.fromEntries(Object.entries(oneTarget).filter(([call]) => call.startsWith('glue:')))),
    ).toBeGreaterThan(10);

    cloud.stats.reset();
    const two = await runSync(
      createRuntime(demoConfig(cloud, { targets: [{ region: 'us-west-2' }, { region: 'eu-west-1' }] })),
    );
    expect(sourceCalls()).toEqual(oneTarget);
    expect(two.source.apiCalls).toEqual(one.source.apiCalls);
    expect(two.targets.map((t) => [t.region, t.status, t.failures.length])).toEqual([
      ['us-west-2', 'unchanged', 0],
      ['eu-west-1', 'applied', 0],
    ]);
    expect(syncExitCode(two)).toBe(0);
    const verified = await runVerify(
      createRuntime(demoConfig(cloud, { targets: [{ region: 'us-west-2' }, { region: 'eu-west-1' }] })),
    );
    expect(verified.inSync).toBe(true);
  });

  it('applies the healthy target fully when another fails, and exits 3', async () => {
    const targets = [
      { region: 'ap-southeast-2' },
      // The role does not exist, so STS AssumeRole is refused: this target fails before any write.
      { region: 'eu-central-1', roleArn: 'arn:aws:iam::123456789012:role/no-such-role' },
    ];
    const report = await runSync(createRuntime(demoConfig(cloud, { targets, s3Mapping: mapping })));
    const [healthy, broken] = report.targets;
    expect(healthy).toMatchObject({ region: 'ap-southeast-2', status: 'applied', failures: [] });
    expect(broken).toMatchObject({
      region: 'eu-central-1',
      status: 'failed',
      error: { code: 'aws.credentials', fix: expect.stringContaining('no-such-role') },
    });
    expect(syncExitCode(report)).toBe(3);
    expect(cloud.stats.snapshot().byRegion['eu-central-1']?.glue).toBeUndefined();

    const verified = await runVerify(
      createRuntime(demoConfig(cloud, { targets: [{ region: 'ap-southeast-2' }], s3Mapping: mapping })),
    );
    expect(verified.reports[0]!.drift).toEqual([]);
  });
});
