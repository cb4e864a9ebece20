import { readFile } from 'node:fs/promises';
import { GetDatabaseCommand, GetTableCommand } from '@aws-sdk/client-glue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/loadConfig.ts';
import { runFailover } from '../../src/failover/runFailover.ts';
import { collectOnce, runOnce } from '../../src/realtime/index.ts';
import { setOwner } from '../lease/setOwner.ts';
import { type RealtimeLake, SOURCE, startRealtimeLake, TARGET } from '../realtime/support/realtimeLake.ts';
import { callsIn } from '../support/localCloud.ts';
import { createSourceLinks, reversedPath } from './support.ts';

describe('hard failover with the source Region unreachable', () => {
  let lake: RealtimeLake;
  beforeAll(async () => {
    lake = await startRealtimeLake();
  });
  afterAll(async () => {
    lake.cloud.faults.update({ unreachableRegions: [] });
    await lake.stop();
  });

  it('reads nothing from the source, reports the RPO bound from the state in the target, rewrites links', async () => {
    // A reconcile cycle of a few milliseconds: the second run completes a full cycle, so a watermark exists.
    const config = await lake.freshConfig({ realtime: { reconcile: { everyMinutes: 0.001 } } });
    await createSourceLinks(lake, 'hard');
    await runOnce(lake.runtime(config));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { replay, reconcile } = await runOnce(lake.runtime(config));
    expect(replay.objects.failed).toBe(0);
    expect(reconcile.lastFullAt).toBeDefined();
    // A change staged but never replayed: lost with the Region, within the bound reported.
    await setOwner(lake, 'lost-in-outage');
    await collectOnce(lake.runtime(config));

    lake.cloud.faults.update({ unreachableRegions: [SOURCE] });
    lake.cloud.stats.reset();
    const path = reversedPath();
    const report = await runFailover(lake.runtime(config), {
      to: TARGET,
      mode: 'hard',
      reversedConfigPath: path,
    });

    // The one call tried in the source: EventBridge, to stop a deployed capture; it finds no endpoint.
    expect(callsIn(lake.cloud, SOURCE)).toEqual({ 'events:Unreachable': 1 });
    expect(report.promoted).toBe(true);
    expect(report.rpo.zero).toBe(false);
    expect(report.rpo.watermark).toBeDefined();
    expect(Date.parse(report.rpo.watermark!)).toBeLessThanOrEqual(Date.parse(replay.startedAt));
    expect(report.rpo.boundMs).toBe(Date.parse(report.startedAt) - Date.parse(report.rpo.watermark!));
    // The watermark `status` computes, recorded by the replay: not later than the last full cycle's start.
    expect(Date.parse(report.rpo.watermark!)).toBeLessThanOrEqual(Date.parse(reconcile.lastFullAt!));
    expect(report.rpo.basis).toMatch(
      /^watermark of the last replay at .*, bound by (checkpoint|full reconcile)/,
    );
    expect(report.steps.map((s) => [s.name, s.status])).toEqual([
      ['stop-replication', 'done'],
      ['stop-capture', 'deferred'],
      ['rpo', 'done'],
      ['base-snapshot', 'done'],
      ['rewrite-links', 'done'],
      ['reversed-config', 'done'],
    ]);
    expect(report.steps[1]!.detail).toMatch(
      /^not done: EventBridge in us-east-1 did not disable the rules within 5 s/,
    );
    const table = await lake.target.glue.send(new GetTableCommand({ DatabaseName: 'sales', Name: 'orders' }));
    expect(table.Table?.Parameters?.owner).not.toBe('lost-in-outage');
    const db = await lake.target.glue.send(new GetDatabaseCommand({ Name: 'sales_link_hard' }));
    expect(db.Database?.TargetDatabase?.Region).toBe(TARGET);
    const link = await lake.target.glue.send(
      new GetTableCommand({ DatabaseName: 'sales', Name: 'orders_link_hard' }),
    );
    expect(link.Table?.TargetTable?.Region).toBe(TARGET);
    expect(report.links.unrewritable.map((l) => l.object)).toEqual(['database ghost_link_hard']);
    const reversed = validateConfig(JSON.parse(await readFile(path, 'utf8')));
    expect(reversed.failover).toMatchObject({
      from: SOURCE,
      mode: 'hard',
      baseSnapshot: report.baseSnapshot,
    });

    // Once the source answers, a rerun finishes only the deferred step (no stack is deployed here).
    lake.cloud.faults.update({ unreachableRegions: [] });
    const rerun = await runFailover(lake.runtime(config), {
      to: TARGET,
      mode: 'hard',
      reversedConfigPath: path,
    });
    expect(rerun.runId).toBe(report.runId);
    expect(rerun.steps.map((s) => s.status)).toEqual([
      'alreadyDone',
      'done',
      'alreadyDone',
      'alreadyDone',
      'alreadyDone',
      'alreadyDone',
    ]);
    expect(rerun.steps[1]!.detail).toMatch(/^no deployed real-time stack in us-east-1/);
  });
});
