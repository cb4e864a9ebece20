import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, runSync, runVerify, syncExitCode } from '../../src/ondemand/index.ts';
import { demoConfig, startSeededCloud } from '../support/demoSync.ts';
import { writeCalls } from '../support/localCloud.ts';

describe('on-demand sync of the demo lake', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startSeededCloud();
  });
  afterAll(() => cloud.stop());

  it('replicates everything, verifies in sync, and a second sync writes nothing', async () => {
    const config = demoConfig(cloud);
    const first = await runSync(createRuntime(config));
    const target = first.targets[0]!;
    expect(target.error).toBeUndefined();
    expect(target.failures).toEqual([]);
    expect(target.status).toBe('applied');
    expect(target.counts.table?.created).toBeGreaterThan(15);
    expect(target.counts.partition?.created).toBeGreaterThan(100);
    expect(syncExitCode(first)).toBe(0);

    const verified = await runVerify(createRuntime(config));
    expect(verified.reports[0]!.drift).toEqual([]);
    expect(verified.inSync).toBe(true);

    cloud.stats.reset();
    const second = await runSync(createRuntime(config));
    expect(second.targets[0]!.status).toBe('unchanged');
    expect(writeCalls(cloud, 'us-west-2')).toEqual({});
  });

  it('applies a stored snapshot while the source Region is down (the config names the source account)', async () => {
    const config = demoConfig(cloud, {
      source: { region: 'us-east-1', accountId: '123456789012' },
      targets: [{ region: 'eu-central-1' }],
    });
    const taken = await runSync(createRuntime(config), { dryRun: true, keepSnapshot: true });
    const down = createRuntime(config);
    down.source = () => Promise.reject(new Error('us-east-1 is unreachable'));

    const restored = await runSync(down, { snapshotUri: taken.snapshot.uri! });

    expect(restored.targets[0]!.failures).toEqual([]);
    expect(restored.targets[0]!.counts.table?.created).toBeGreaterThan(15);
    expect(restored.source).toMatchObject({ accountId: '123456789012', apiCalls: { total: 0 } });
  });
});
