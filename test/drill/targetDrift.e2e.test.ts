import { GetTableCommand, UpdateTableCommand } from '@aws-sdk/client-glue';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LakemirrorConfig } from '../../src/config/configSchema.ts';
import { renderDrillSummary, runDrill } from '../../src/drill/index.ts';
import { createRuntime, runSync } from '../../src/ondemand/index.ts';
import { demoConfig, seedDemo } from '../support/demoSync.ts';
import { clientsFor, startTestCloud } from '../support/localCloud.ts';
import { replicateDemoData } from './support.ts';

describe('drill: a change made in the target', () => {
  let cloud: LocalCloud;
  let config: LakemirrorConfig;
  beforeAll(async () => {
    cloud = await startTestCloud();
    await seedDemo(cloud);
    await replicateDemoData(cloud);
    config = demoConfig(cloud);
    expect((await runSync(createRuntime(config))).targets[0]!.failures).toEqual([]);
  });
  afterAll(async () => {
    await cloud?.stop();
  });

  it('is a finding of its own, not replication lag: RPO leaves it out', async () => {
    const { glue } = clientsFor(cloud, 'us-west-2');
    const { Table } = await glue.send(new GetTableCommand({ DatabaseName: 'sales', Name: 'orders' }));
    await glue.send(
      new UpdateTableCommand({
        DatabaseName: 'sales',
        TableInput: {
          Name: 'orders',
          Description: 'edited in the replica',
          StorageDescriptor: Table!.StorageDescriptor!,
          PartitionKeys: Table!.PartitionKeys!,
          TableType: Table!.TableType!,
          ...(Table!.Parameters ? { Parameters: Table!.Parameters } : {}),
        },
      }),
    );
    // 20 minutes later: a source change as old as that would be 20 minutes of RPO.
    const now = () => new Date(Date.now() + 20 * 60_000);
    const report = await runDrill(createRuntime(config, { now }), {
      runtimeFor: (c) => createRuntime(c, { now }),
    });

    expect(report.targets[0]!.drift.map((d) => `${d.op} ${d.kind} ${d.key}`)).toEqual([
      'update table sales.orders',
    ]);
    expect(report.rpo).toEqual({ minutes: null, status: 'pass' });
    const finding = report.checks.find((c) => c.name === 'target-side changes');
    expect(finding).toMatchObject({ status: 'fail', failures: ['us-west-2: table sales.orders'] });
    expect(report.verdict).toBe('fail');
    const summary = renderDrillSummary(report);
    expect(summary).toMatch(/FAIL target-side changes/);
    expect(summary).not.toMatch(/oldest: UpdateTable/);
    // The restore took some time, and the summary says how much (not "RTO 0 s").
    expect(report.rto.minutes).toBeGreaterThan(0);
    expect(summary).toMatch(/RTO \d+(\.\d)? s \(limit/);
    expect(summary).not.toMatch(/RTO 0 s/);
  });
});
